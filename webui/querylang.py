"""The search box's query language, parsed into a small tree (pure: no Elasticsearch here).

`parse(q)` never raises: whatever is typed, broken syntax degrades to plain words. The grammar
(DESIGN.md §4, the /help page):

    query   := clause*                       clauses combine with AND (OR binds tighter)
    clause  := unary ("OR" unary)*
    unary   := "-" atom | "NOT" atom | atom
    atom    := "(" query ")" | FIELD ":" value | '"' words '"' | word["*"]
    FIELD   := title | body | source | country | place | type | field
    years   := 1990..2039 | YEAR-YEAR | YEAR..YEAR | since YEAR | before YEAR | in YEAR

Text fields (`title:`, `body:`) restrict where words match; facet fields (`source:`...) become
the same filters as the facets. Years typed at the top level become `dates` (the service decides
between a date restriction and a boost). Unknown prefixes, unbalanced quotes and parentheses, a
lone `-`, `OR OR`, or a bare `*` are read as words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

#: Prefixes restricting where words match, and the text fields they mean.
TEXT_FIELDS = {"title": ("title",), "body": ("body",)}
#: Prefixes that are facet filters, and the facet key (webui.facets) they fill.
FACET_PREFIXES = {
    "source": "source",
    "country": "country",
    "place": "place",
    "type": "type",
    "field": "fields_of_work",
}
FIELD_NAMES = set(TEXT_FIELDS) | set(FACET_PREFIXES)
#: Years read as dates: the archive's span with room either side.
YEAR_MIN, YEAR_MAX = 1990, 2039
#: A deeply nested query is legal but useless; deeper parentheses are read as words.
MAX_DEPTH = 8
#: At most this many clauses are kept (the box allows 256 characters anyway).
MAX_CLAUSES = 64


# ---------------------------------------------------------------- tree


@dataclass(frozen=True)
class Word:
    """One word; `prefix` for `word*`; `field` for `title:word` (None: every text field)."""

    text: str
    prefix: bool = False
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """Words in this order (stemming allowed, no synonyms, no typo tolerance)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Not | Or | And


@dataclass(frozen=True)
class DateSpan:
    """Years typed in the query: inclusive ISO bounds (either may be open) and the words read."""

    text: str
    date_from: str | None
    date_to: str | None


@dataclass(frozen=True)
class ParsedQuery:
    """What `q` asks for: text clauses (AND), facet filters, and a date span."""

    q: str
    clauses: tuple[Node, ...] = ()
    filters: dict[str, list[str]] = field(default_factory=dict)
    dates: DateSpan | None = None

    @property
    def plain_words(self) -> list[str]:
        """The top-level plain words (no field, no prefix): the part ranked as free text."""
        return [c.text for c in self.clauses if isinstance(c, Word) and _plain(c)]

    @property
    def structured(self) -> tuple[Node, ...]:
        """Every clause that is not a plain word: phrases, exclusions, OR groups, fields."""
        return tuple(c for c in self.clauses if not (isinstance(c, Word) and _plain(c)))

    @property
    def has_text(self) -> bool:
        """Whether any clause must match (exclusions alone do not)."""
        return any(not isinstance(c, Not) for c in self.clauses)

    def text(self, dates: bool = True, filters: bool = True) -> str:
        """The query written back in the language (normalised), optionally without its dates
        or facet filters; `parse(p.text())` reads the same query."""
        parts = [unparse(c) for c in self.clauses]
        if filters:
            for key, values in self.filters.items():
                prefix = next(p for p, k in FACET_PREFIXES.items() if k == key)
                parts += [f"{prefix}:{_quote(v)}" for v in values]
        if dates and self.dates:
            parts.append(self.dates.text)
        return " ".join(p for p in parts if p)

    def without_dates(self) -> ParsedQuery:
        return replace(self, dates=None)

    def with_clauses(self, clauses: tuple[Node, ...]) -> ParsedQuery:
        return replace(self, clauses=clauses)

    def map_words(self, fn: Callable[[str], str]) -> ParsedQuery:
        """The same query with every word (in phrases, groups, fields too) passed through fn."""
        return replace(self, clauses=tuple(_map(c, fn) for c in self.clauses))

    def words(self) -> list[str]:
        """Every positive whole word the query holds (in phrases, groups and fields too)."""
        out: list[str] = []
        for clause in self.clauses:
            _collect_words(clause, out)
        return out


def _plain(word: Word) -> bool:
    return not word.prefix and word.field is None


def _map(node: Node, fn: Callable[[str], str]) -> Node:
    if isinstance(node, Word):
        return replace(node, text=fn(node.text))
    if isinstance(node, Phrase):
        return replace(node, text=" ".join(fn(w) for w in node.text.split()))
    if isinstance(node, Not):
        return Not(_map(node.node, fn))
    return type(node)(tuple(_map(n, fn) for n in node.nodes))


def _collect_words(node: Node, out: list[str]) -> None:
    if isinstance(node, Word) and not node.prefix:
        out.append(node.text)
    elif isinstance(node, Phrase):
        out.extend(node.text.split())
    elif isinstance(node, Or | And):
        for child in node.nodes:
            _collect_words(child, out)


def _quote(value: str) -> str:
    return f'"{value}"' if re.search(r"[\s():\"-]", value) or value.upper() == "OR" else value


def unparse(node: Node) -> str:
    """One node written back in the query language."""
    if isinstance(node, Word):
        text = node.text + ("*" if node.prefix else "")
        if _YEAR_RE.match(text) or _RANGE_RE.match(text) or text in ("OR", "AND", "NOT"):
            text = f'"{text}"'  # kept as a word: never read as a year or operator again
        return f"{node.field}:{text}" if node.field else text
    if isinstance(node, Phrase):
        return f'{node.field}:"{node.text}"' if node.field else f'"{node.text}"'
    if isinstance(node, Not):
        return "-" + unparse(node.node)
    if isinstance(node, Or):
        return " OR ".join(unparse(n) for n in node.nodes)
    inner = " ".join(unparse(n) for n in node.nodes)
    return f"({inner})"


# ---------------------------------------------------------------- tokens

#: A token: a quoted string (closed or not), a parenthesis, or a run of other characters.
_TOKEN_RE = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
#: Characters kept inside words: letters, digits, and the joiners a word may carry.
_WORD_SPLIT_RE = re.compile(r"[^\w'’.&/-]+")
_YEAR_RE = re.compile(r"^(\d{4})$")
_RANGE_RE = re.compile(r"^(\d{4})(?:-|–|—|\.\.)(\d{4})$")
_DATE_WORDS = {"since": "since", "from": "since", "after": "after", "before": "before", "in": "in"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # "word", "phrase", "lparen", "rparen", "or", "not"
    text: str
    neg: bool = False
    field: str | None = None


def _words_of(raw: str) -> list[str]:
    """Split a raw run into words: punctuation Lucene would read as syntax becomes a space."""
    out = []
    for part in _WORD_SPLIT_RE.split(raw):
        part = part.strip("'’.&/-")
        if part:
            out.append(part)
    return out


def _tokens(q: str) -> list[_Tok]:
    q = q.replace("“", '"').replace("”", '"').replace("„", '"')
    # An odd number of quotes: the last one opens nothing, it is dropped.
    if q.count('"') % 2:
        i = q.rfind('"')
        q = q[:i] + " " + q[i + 1 :]
    out: list[_Tok] = []
    pending_field: str | None = None
    pending_neg = False
    for m in _TOKEN_RE.finditer(q):
        raw = m.group(0)
        # A field prefix or minus applies only to the very next token, with no space between.
        adjacent = m.start() > 0 and not q[m.start() - 1].isspace()
        if not adjacent:
            if pending_field:  # `title: x` or `title:` at the end: the prefix is a word
                out.append(_Tok("word", pending_field))
            pending_field, pending_neg = None, False
        if raw == "(":
            out.append(_Tok("lparen", raw, neg=pending_neg, field=pending_field))
            pending_field, pending_neg = None, False
            continue
        if raw == ")":
            if pending_field:
                out.append(_Tok("word", pending_field))
            out.append(_Tok("rparen", raw))
            pending_field, pending_neg = None, False
            continue
        if raw.startswith('"'):
            text = " ".join(_words_of(raw[1:-1]))
            if text:
                out.append(_Tok("phrase", text, neg=pending_neg, field=pending_field))
            pending_field, pending_neg = None, False
            continue
        neg = pending_neg
        pending_neg = False
        if raw.startswith("-") and not pending_field:
            stripped = raw.lstrip("-")
            if not stripped:
                pending_neg = True  # `-"phrase"`, `-(group)`; a lone `-` is dropped
                continue
            raw, neg = stripped, True
        fld = pending_field
        pending_field = None
        head, sep, rest = raw.partition(":")
        if sep and head.lower() in FIELD_NAMES and not fld:
            if rest:
                fld, raw = head.lower(), rest
            else:  # `source:` directly followed by a quote or parenthesis
                pending_field, pending_neg = head.lower(), neg
                continue
        if raw in ("OR", "||") and not fld and not neg:
            out.append(_Tok("or", raw))
            continue
        if raw in ("AND", "&&") and not fld and not neg:
            continue  # words combine with AND anyway
        if raw == "NOT" and not fld and not neg:
            out.append(_Tok("not", raw))
            continue
        prefix = raw.endswith("*")
        words = _words_of(raw)
        if not words:
            continue
        for i, w in enumerate(words):
            last = i == len(words) - 1
            kind = "prefix" if prefix and last and len(w) >= 2 else "word"
            out.append(_Tok(kind, w, neg=neg, field=fld))
    if pending_field:
        out.append(_Tok("word", pending_field))
    return out


# ---------------------------------------------------------------- parser


class _Parser:
    """Recursive descent over the tokens; anything unexpected is skipped, never raised."""

    def __init__(self, tokens: list[_Tok]) -> None:
        self.toks = tokens
        self.i = 0
        self.filters: dict[str, list[str]] = {}

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def query(self, depth: int) -> list[Node]:
        nodes: list[Node] = []
        while (tok := self.peek()) is not None:
            if tok.kind == "rparen":
                if depth:
                    return nodes
                self.i += 1  # an unmatched `)`: ignored
                continue
            if tok.kind == "or":
                self.i += 1  # `OR` with nothing before it
                continue
            node = self.clause(depth)
            if node is not None:
                nodes.append(node)
        return nodes

    def clause(self, depth: int) -> Node | None:
        first = self.unary(depth)
        options = [first] if first is not None else []
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            while (tok := self.peek()) is not None and tok.kind == "or":
                self.i += 1  # `OR OR`
            if tok is None or tok.kind == "rparen":
                break
            nxt = self.unary(depth)
            if nxt is not None:
                options.append(nxt)
        options = [o for o in options if not isinstance(o, Not)] or options
        options = list(dict.fromkeys(options))  # `a OR a` is `a`
        if not options:
            return None
        if len(options) == 1:
            return options[0]
        return Or(tuple(options))

    def unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "not":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "not"):
                return Word("NOT") if nxt is None or nxt.kind != "not" else None
            node = self.atom(depth)
            return Not(node) if node is not None and not isinstance(node, Not) else node
        node = self.atom(depth)
        return node

    def atom(self, depth: int) -> Node | None:
        tok = self.toks[self.i]
        self.i += 1
        if tok.kind == "lparen":
            if depth >= MAX_DEPTH:
                return self.atom(depth) if self.peek() else None
            inner = self.query(depth + 1)
            if self.peek() is not None and self.peek().kind == "rparen":  # type: ignore[union-attr]
                self.i += 1
            if tok.field in FACET_PREFIXES:  # `source:(ODIHR OR HCNM)`: values of one facet
                values = self.filters.setdefault(FACET_PREFIXES[tok.field], [])
                words: list[str] = []
                for n in inner:
                    _collect_values(n, words)
                values.extend(w for w in dict.fromkeys(words) if w not in values)
                return None
            if tok.field in TEXT_FIELDS:
                inner = [_in_field(n, tok.field) for n in inner]
            if not inner:
                return None
            node: Node = inner[0] if len(inner) == 1 else And(tuple(inner))
            return Not(node) if tok.neg and not isinstance(node, Not) else node
        if tok.kind == "rparen":
            return None
        if tok.kind in ("or", "not"):
            return Word(tok.text)
        if tok.field in FACET_PREFIXES and not tok.neg:
            key = FACET_PREFIXES[tok.field]
            values = self.filters.setdefault(key, [])
            # `source:OSCE Mission` reads the first word only: quote longer values.
            if tok.text not in values:
                values.append(tok.text)
            return None
        fld = tok.field if tok.field in TEXT_FIELDS else None
        if tok.field in FACET_PREFIXES:  # `-source:x`: excluded as text
            fld = None
        if tok.kind == "phrase":
            words = tok.text.split()
            leaf: Node = Phrase(tok.text, fld) if len(words) > 1 else Word(tok.text, field=fld)
        else:
            leaf = Word(tok.text, prefix=tok.kind == "prefix", field=fld)
        return Not(leaf) if tok.neg else leaf


def _in_field(node: Node, fld: str) -> Node:
    """`title:(a OR "b c")`: every word and phrase of the group restricted to the field."""
    if isinstance(node, Word):
        return replace(node, field=node.field or fld)
    if isinstance(node, Phrase):
        return replace(node, field=node.field or fld)
    if isinstance(node, Not):
        return Not(_in_field(node.node, fld))
    return type(node)(tuple(_in_field(n, fld) for n in node.nodes))


def _collect_values(node: Node, out: list[str]) -> None:
    """The values of a facet group: its words and phrases (exclusions are not values)."""
    if isinstance(node, Word | Phrase):
        out.append(node.text)
    elif isinstance(node, Or | And):
        for child in node.nodes:
            _collect_values(child, out)


def _year(text: str) -> int | None:
    m = _YEAR_RE.match(text)
    if m and YEAR_MIN <= int(m.group(1)) <= YEAR_MAX:
        return int(m.group(1))
    return None


def _take_dates(tokens: list[_Tok]) -> tuple[list[_Tok], DateSpan | None]:
    """The first year expression among the top-level plain words, removed from the tokens."""
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "lparen":
            depth += 1
        elif tok.kind == "rparen":
            depth = max(0, depth - 1)
        if depth or tok.kind != "word" or tok.neg or tok.field:
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (before and before.kind == "or") or (after and after.kind == "or"):
            continue  # `2017 OR 2018` stays words
        m = _RANGE_RE.match(tok.text)
        if m:
            lo, hi = sorted(int(g) for g in m.groups())
            if lo >= YEAR_MIN and hi <= YEAR_MAX:
                span = DateSpan(f"{lo}-{hi}", f"{lo}-01-01", f"{hi}-12-31")
                return tokens[:i] + tokens[i + 1 :], span
            continue
        year = _year(tok.text)
        if year is None:
            continue
        # `2015 .. 2017` or `2015 - 2017` typed with spaces became two words: a range too.
        nxt = _year(after.text) if after and after.kind == "word" and not after.neg else None
        word = before.text.lower() if before and before.kind == "word" and not before.field else ""
        if word in _DATE_WORDS:
            how = _DATE_WORDS[word]
            if how == "since":
                span = DateSpan(f"since {year}", f"{year}-01-01", None)
            elif how == "after":
                span = DateSpan(f"after {year}", f"{year + 1}-01-01", None)
            elif how == "before":
                span = DateSpan(f"before {year}", None, f"{year - 1}-12-31")
            else:
                span = DateSpan(f"in {year}", f"{year}-01-01", f"{year}-12-31")
            return tokens[: i - 1] + tokens[i + 1 :], span
        if nxt is not None:
            lo, hi = sorted((year, nxt))
            span = DateSpan(f"{lo}-{hi}", f"{lo}-01-01", f"{hi}-12-31")
            return tokens[:i] + tokens[i + 2 :], span
        return tokens[:i] + tokens[i + 1 :], DateSpan(str(year), f"{year}-01-01", f"{year}-12-31")
    return tokens, None


def parse(q: str) -> ParsedQuery:
    """Read `q` as the query language; never raises (broken syntax becomes words)."""
    try:
        tokens = _tokens(q or "")
        tokens, dates = _take_dates(tokens)
        parser = _Parser(tokens)
        nodes = parser.query(0)
        clauses = tuple(dict.fromkeys(nodes))[:MAX_CLAUSES]
        if not clauses and not parser.filters and not dates:
            # Nothing but operators (`OR`, `NOT`, `AND`): they were meant as words.
            clauses = tuple(Word(w) for w in dict.fromkeys(_words_of(q or "")))[:MAX_CLAUSES]
        return ParsedQuery(q=q, clauses=clauses, filters=parser.filters, dates=dates)
    except RecursionError:  # cannot happen within MAX_DEPTH, kept as the last word
        words = tuple(Word(w) for w in _words_of(q))[:MAX_CLAUSES]
        return ParsedQuery(q=q, clauses=words)


def year_bounds(span: DateSpan) -> tuple[date | None, date | None]:
    """The span as dates (for checks against a request's own from/to)."""
    lo = date.fromisoformat(span.date_from) if span.date_from else None
    hi = date.fromisoformat(span.date_to) if span.date_to else None
    return lo, hi

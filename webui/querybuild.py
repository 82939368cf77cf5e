"""Pure builders from a parsed query (webui.querylang) to Elasticsearch clauses (no I/O here).

The plain words keep the free-text relevance of `webui.query` (synonyms, typo tolerance, phrase
and pair boosts); everything the language adds is a clause beside it: phrases and field words
must match, exclusions must not, OR groups need one option, years restrict or boost, and
names of participating States, offices and places nudge releases whose metadata has them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from core.schema import fold
from webui import query as q_
from webui.querylang import And, DateSpan, Node, Not, Or, ParsedQuery, Phrase, Word, unparse

#: Where a word of an OR group or a field prefix matches: like the plain words, with synonyms.
WORD_FIELDS = {None: q_.SEARCH_FIELDS, "title": ["title^3", "title.exact^2"], "body": ["body"]}
#: Phrases match stemmed words in order, without synonyms or typo tolerance; a title phrase
#: counts more, as for the plain words.
#: A release's fields of work (`Border management`) hold its phrases too.
PHRASE_FIELDS = {
    None: {"title": 3.0, "body": 1.0, "fields_of_work.text": 0.5},
    "title": {"title": 3.0},
    "body": {"body": 1.0},
}
#: Phrases and OR options also score like plain words (synonyms, typo tolerance, pair boosts):
#: the clause decides what matches, the words how well. 0 switches it off.
WORDS_WEIGHT = 1.0
#: Exclusions: the words as indexed (stemmed, no synonyms), in title and body.
EXCLUDE_FIELDS = {None: ["title", "body"], "title": ["title"], "body": ["body"]}
#: `prefix*` expands over the unstemmed words (`elections*` must not depend on a stem), bounded.
PREFIX_FIELDS = {None: {"title.exact": 3.0, "body.exact": 1.0}, "title": {"title.exact": 3.0}}
PREFIX_FIELDS["body"] = {"body.exact": 1.0}
PREFIX_EXPANSIONS = "top_terms_64"
#: Phrase and prefix clauses score as much as a well-matched word, not more.
CLAUSE_BOOST = 1.0
#: Typed years restrict only when at least a page of releases match in the span (fewer: the
#: span's releases come first, the others after). Dev split, year queries: restricting on any
#: match 0.586, on 5 0.866, on 10 (or never) 0.891 with DATE_BOOST 20; 100 (the span first,
#: always) 0.930.
DATE_FILTER_MIN = 10
#: A year typed that does not restrict (few in the span, or `years=all`) lifts releases of
#: that span by this much.
DATE_BOOST = 100.0
#: Plain words widen from "all of them" to "any of them" when fewer than this many releases
#: (but some) have them all. Dev split nDCG@10: never 0.785, below 10 0.803, always 0.802
#: (any word from the start scores 0.817 but lets `Lukasz Nowak` find the other Nowak).
WIDEN_BELOW = 10
#: A release whose source, country or place is named in the query (`ODIHR`, `Ukraine`,
#: `Skopje`) gains this much: a nudge, never a filter.
ENTITY_BOOST = 1.0
ENTITY_FIELDS = ("countries.norm", "source.norm", "place_display.norm")
#: Word n-grams (up to this length) tried as metadata values: `mission to skopje`.
ENTITY_NGRAM = 4
#: Fields the did-you-mean suggester reads: words as written (folded, unstemmed, no synonyms).
SPELL_FIELDS = ("body.exact", "title.exact")
SPELL_MIN_LENGTH = 4


@dataclass(frozen=True)
class Plan:
    """A parsed query and the decisions taken on it before searching."""

    parsed: ParsedQuery
    date_filter: bool = False  # the typed years restrict (True) or only boost (False)
    minimum_should_match: str = q_.MINIMUM_SHOULD_MATCH
    all_words_boost: float = 0.0  # set when widened to any word (webui.interpret)

    def widened(self) -> Plan:
        """Any plain word matches, releases with all of them first."""
        return replace(self, minimum_should_match=q_.WIDE_MATCH, all_words_boost=q_.ALL_WORDS_BOOST)


def plan_of(q: str) -> Plan | None:
    """A plan with no decisions taken (years boost): for callers without a node at hand."""
    from webui.querylang import parse

    parsed = parse(q)
    return Plan(parsed) if parsed.clauses or parsed.dates else None


def _phrase(text: str, fld: str | None) -> dict:
    required = _phrase_match(text, fld)
    if fld is not None or not WORDS_WEIGHT:
        return required
    scored = q_.relevance(text)
    return {
        "bool": {
            "must": [required],
            "should": [{"bool": {**scored["bool"], "boost": WORDS_WEIGHT}}],
        }
    }


def _phrase_match(text: str, fld: str | None) -> dict:
    should = [
        {
            "match_phrase": {
                name: {"query": text, "analyzer": q_.schema.INDEX_ANALYZER, "boost": boost}
            }
        }
        for name, boost in PHRASE_FIELDS[fld].items()
    ]
    return {"bool": {"should": should, "minimum_should_match": 1, "boost": CLAUSE_BOOST}}


def _word(word: Word) -> dict:
    if word.prefix:
        should = [
            {"prefix": {name: {"value": fold(word.text), "rewrite": PREFIX_EXPANSIONS, "boost": b}}}
            for name, b in PREFIX_FIELDS[word.field].items()
        ]
        return {"bool": {"should": should, "minimum_should_match": 1, "boost": CLAUSE_BOOST}}
    if word.field is None and WORDS_WEIGHT:
        # An OR option scores as a plain word would (`Transdniestria` finds `Transdniestrian`).
        return q_.relevance(word.text)
    fields = WORD_FIELDS[word.field]
    return {"multi_match": {"query": word.text, "fields": fields, "type": q_.MATCH_TYPE}}


def _excluded(node: Node) -> dict:
    """What a `-x` removes: the words as indexed (no synonyms: `-Georgia` is only Georgia)."""
    if isinstance(node, Word) and not node.prefix:
        return {
            "multi_match": {
                "query": node.text,
                "fields": EXCLUDE_FIELDS[node.field],
                "analyzer": q_.schema.INDEX_ANALYZER,
                "operator": "and",
            }
        }
    return clause(node)


def clause(node: Node) -> dict:
    """One node as a query that must match (for Not: a bool with must_not)."""
    if isinstance(node, Word):
        return _word(node)
    if isinstance(node, Phrase):
        return _phrase(node.text, node.field)
    if isinstance(node, Not):
        return {"bool": {"must_not": [_excluded(node.node)]}}
    if isinstance(node, Or):
        return {"bool": {"should": [clause(n) for n in node.nodes], "minimum_should_match": 1}}
    return _conjunction(node.nodes)


def _conjunction(nodes: tuple[Node, ...]) -> dict:
    must = [clause(n) for n in nodes if not isinstance(n, Not)]
    must_not = [_excluded(n.node) for n in nodes if isinstance(n, Not)]
    out: dict[str, Any] = {"must": must or [{"match_all": {}}]}
    if must_not:
        out["must_not"] = must_not
    return {"bool": out}


def date_range(span: DateSpan) -> dict:
    bounds = {}
    if span.date_from:
        bounds["gte"] = span.date_from
    if span.date_to:
        bounds["lte"] = span.date_to
    return {"range": {"date": bounds}}


def entity_values(parsed: ParsedQuery) -> list[str]:
    """Word n-grams of the plain words and phrases, folded: candidates for metadata values."""
    runs = [parsed.plain_words] + [c.text.split() for c in parsed.clauses if isinstance(c, Phrase)]
    out: list[str] = []
    for run in runs:
        for n in range(1, ENTITY_NGRAM + 1):
            for i in range(len(run) - n + 1):
                out.append(" ".join(run[i : i + n]).lower())
    return list(dict.fromkeys(out))[:64]


def _boosts(parsed: ParsedQuery, plan: Plan) -> list[dict]:
    should: list[dict] = []
    values = entity_values(parsed)
    if values and ENTITY_BOOST:
        should.append(
            {
                "bool": {
                    "should": [{"terms": {f: values}} for f in ENTITY_FIELDS],
                    "boost": ENTITY_BOOST,
                }
            }
        )
    if parsed.dates and not plan.date_filter and DATE_BOOST:
        should.append({"constant_score": {"filter": date_range(parsed.dates), "boost": DATE_BOOST}})
    return should


def relevance(plan: Plan, recency: bool = True) -> dict:
    """The scored query for a plan: plain-word relevance, clauses, exclusions, boosts, priors."""
    parsed = plan.parsed
    must: list[dict] = []
    should: list[dict] = []
    words = " ".join(parsed.plain_words)
    if words:
        plain = q_.relevance(words, plan.minimum_should_match, plan.all_words_boost)
        must.extend(plain["bool"]["must"])
        should.extend(plain["bool"]["should"])
    structured = parsed.structured
    must.extend(clause(n) for n in structured if not isinstance(n, Not))
    must_not = [_excluded(n.node) for n in structured if isinstance(n, Not)]
    should.extend(_boosts(parsed, plan))
    body: dict[str, Any] = {"must": must or [{"match_all": {}}]}
    if should:
        body["should"] = should
    if must_not:
        body["must_not"] = must_not
    return q_.with_priors({"bool": body}, recency)


def build_query(parsed: ParsedQuery, recency: bool = True, date_filter: bool = False) -> dict:
    """The public entry point for other pages (trends, exports): q's parse -> one ES query,
    its typed years applied as a restriction (`date_filter`) or a boost."""
    plan = Plan(parsed, date_filter=date_filter)
    scored = relevance(plan, recency)
    if date_filter and parsed.dates:
        return {"bool": {"must": [scored], "filter": [date_range(parsed.dates)]}}
    return scored


def _highlight_leaves(node: Node, out: list[dict]) -> None:
    """Every positive leaf as a query the highlighter can mark in title and body."""
    if isinstance(node, Word):
        if node.prefix:
            for name in EXCLUDE_FIELDS[node.field]:
                out.append({"match_phrase_prefix": {name: {"query": node.text}}})
        else:
            fields = WORD_FIELDS[node.field]  # no typo tolerance: too slow to mark per hit
            out.append(
                {"multi_match": {"query": node.text, "fields": fields, "type": "best_fields"}}
            )
    elif isinstance(node, Phrase):
        out.append(_phrase_match(node.text, node.field))
    elif isinstance(node, Or | And):
        for child in node.nodes:
            _highlight_leaves(child, out)


def highlight_query(parsed: ParsedQuery, corrected: ParsedQuery | None = None) -> dict:
    """What the highlighter marks: every matched word of every clause (phrases whole, field
    words only in their field), and the corrected words of a misspelt query."""
    should: list[dict] = []
    for p in (parsed, corrected) if corrected else (parsed,):
        words = " ".join(p.plain_words)
        if words:
            should.append(q_.highlight_query(words)["bool"]["should"][0])
            should.extend(q_.highlight_query(words)["bool"]["should"][1:])
        for node in p.structured:
            _highlight_leaves(node, should)
    return {"bool": {"should": should or [{"match_none": {}}]}}


def spell_words(parsed: ParsedQuery) -> list[str]:
    """The words checked for spelling: whole positive words of four letters or more."""
    words = [w for w in dict.fromkeys(parsed.words()) if len(w) >= SPELL_MIN_LENGTH]
    return [w for w in words if not w.isdigit()][:16]


def spelling(parsed: ParsedQuery) -> dict | None:
    """The term suggesters for the checked words (`suggest_mode: missing`: a word some release
    holds in a field gets no options there). Whether a word with options is truly misspelt is
    asked afterwards, of those words only (`known_checks`)."""
    words = spell_words(parsed)
    if not words:
        return None
    term = {"suggest_mode": "missing", "min_word_length": SPELL_MIN_LENGTH, "size": 3}
    suggest: dict[str, Any] = {"text": " ".join(words)}
    for i, name in enumerate(SPELL_FIELDS):
        suggest[f"spell{i}"] = {"term": {"field": name, **term}}
    return suggest


def _offered(resp: dict) -> set[str]:
    """The words (as the suggesters saw them) some suggester offers a correction for."""
    return {
        entry["text"]
        for name, entries in (resp.get("suggest") or {}).items()
        if name.startswith("spell")
        for entry in entries
        if entry.get("options")
    }


def known_checks(resp: dict, parsed: ParsedQuery) -> list[tuple[str, dict]]:
    """(word as the suggester saw it, request) for each word offered a correction: the request
    finds one release holding the word as written, if any (`terminate_after`: no counting).

    Asked of those words only: counting every checked word over the whole index on every page
    (a global `filters` aggregation) was ~25% of the counts request at 1,000,000 releases."""
    offered = _offered(resp)
    out: dict[str, dict] = {}
    for word in spell_words(parsed):
        seen = fold(word)
        if seen in offered and seen not in out:
            fields = list(SPELL_FIELDS)
            match = {"multi_match": {"query": word, "fields": fields, "operator": "and"}}
            out[seen] = {"size": 0, "query": match, "terminate_after": 1, "track_total_hits": 1}
    return list(out.items())


def unknown_words(checks: list[tuple[str, dict]], answers: list[dict]) -> set[str]:
    """The checked words no release holds (an answer that failed counts as known: no fix)."""
    return {
        word
        for (word, _), answer in zip(checks, answers, strict=True)
        if "error" not in answer and answer.get("hits", {}).get("total", {}).get("value") == 0
    }


def max_edits(word: str) -> int:
    """Typos a correction may undo: one in a short word (`truce` is no `trust`), two in long."""
    return 1 if len(word) < 9 else 2


def edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def corrections(resp: dict, unknown: set[str]) -> dict[str, str]:
    """Misspelt word (folded, as the suggester saw it; `unknown`: no release holds it) -> the
    best real corpus word the suggesters offer."""
    best: dict[str, tuple[float, int, str]] = {}
    for name, entries in resp.get("suggest", {}).items():
        if not name.startswith("spell"):
            continue
        for entry in entries:
            text = entry["text"]
            if text not in unknown:
                continue
            for option in entry.get("options", []):
                if edits(text, option["text"]) > max_edits(text):
                    continue
                key = (option["score"], option.get("freq", 0), option["text"])
                if text not in best or key[:2] > best[text][:2]:
                    best[text] = key
    return {word: choice[2] for word, choice in best.items()}


def relaxations(parsed: ParsedQuery) -> list[tuple[str, ParsedQuery]]:
    """The query with one positive clause left out, for each clause (when there are two+)."""
    positive = [c for c in parsed.clauses if not isinstance(c, Not)]
    if len(positive) < 2:
        return []
    out = []
    for node in positive:
        rest = tuple(c for c in parsed.clauses if c is not node)
        out.append((unparse(node), parsed.with_clauses(rest)))
    return out

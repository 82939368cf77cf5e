"""Request parameters -> a validated SearchParams; anything malformed is a 400, never a 500."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from werkzeug.datastructures import MultiDict

from core.schema import MAX_RESULT_WINDOW as MAX_WINDOW
from webui.facets import FACETS

#: Longest query (and facet value) a request may carry; the release page's `q` too.
MAX_QUERY_CHARS = 256
MAX_SIZE = 100
#: Most values one request may select in one facet (more are dropped).
MAX_FACET_VALUES = 20
#: The orders a search can be sorted in, with their labels (query.SORTS has their clauses).
SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadParameter(ValueError):
    """A request parameter is invalid; the message is shown to the user."""


@dataclass
class SearchParams:
    q: str = ""
    page: int = 1
    size: int = 10
    sort: str = "relevance"
    date_from: str | None = None
    date_to: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    recency: bool = True  # the recency tie-break in relevance ranking; `recency=off` drops it
    # The query language's ways out (webui.interpret): `years=all` keeps years typed in q
    # from restricting dates; `correct=off` runs q as typed, never a spelling correction.
    years_all: bool = False
    literal: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def to_args(self, **changes: object) -> list[tuple[str, str]]:
        """The query string pairs for this state (with changes), for links that keep it."""
        state = {
            "q": self.q,
            "sort": self.sort,
            "from": self.date_from,
            "to": self.date_to,
            "page": self.page,
            "size": self.size,
            "recency": None if self.recency else "off",
            "years": "all" if self.years_all else None,
            "correct": "off" if self.literal else None,
        }
        renamed = {"date_from": "from", "date_to": "to"}
        flags = {"years_all": ("years", "all"), "literal": ("correct", "off")}
        for name, (key, on) in flags.items():
            if name in changes:
                state[key] = on if changes.pop(name) else None
        state.update({renamed.get(k, k): v for k, v in changes.items() if k != "filters"})
        pairs = [
            (k, str(v))
            for k, v in state.items()
            if v not in (None, "")
            and not (k == "page" and v == 1)
            and not (k == "size" and v == 10)
            and not (k == "sort" and v == "relevance")
        ]
        filters = changes.get("filters", self.filters)
        for key, values in filters.items():  # type: ignore[union-attr]
            pairs.extend((key, v) for v in values)
        return pairs


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number") from None
    if not low <= value <= high:
        raise BadParameter(f"'{name}' must be between {low} and {high}")
    return value


def _date(args: MultiDict, name: str) -> str | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise BadParameter(f"'{name}' must be a date as YYYY-MM-DD") from None


def parse_query(args: MultiDict) -> str:
    """`q` without control characters; longer than MAX_QUERY_CHARS is a 400."""
    q = _CONTROL_RE.sub(" ", args.get("q", "") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadParameter(f"the query is too long (at most {MAX_QUERY_CHARS} characters)")
    return q


def parse_search(args: MultiDict) -> SearchParams:
    q = parse_query(args)
    size = _int(args, "size", 10, 1, MAX_SIZE)
    page = _int(args, "page", 1, 1, MAX_WINDOW)
    if page * size > MAX_WINDOW:
        raise BadParameter(f"results stop at {MAX_WINDOW}: narrow the search to see further")
    recency_arg = (args.get("recency") or "on").lower()
    if recency_arg not in ("on", "off", "1", "0", "true", "false"):
        raise BadParameter("'recency' must be on or off")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadParameter(f"'sort' must be one of {', '.join(SORTS)}")
    years = (args.get("years") or "query").lower()
    if years not in ("query", "all"):
        raise BadParameter("'years' must be query or all")
    correct = (args.get("correct") or "on").lower()
    if correct not in ("on", "off"):
        raise BadParameter("'correct' must be on or off")
    date_from, date_to = _date(args, "from"), _date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("'from' must not be after 'to'")
    filters: dict[str, list[str]] = {}
    for facet in FACETS:
        key = facet.key
        values = [_CONTROL_RE.sub("", v).strip() for v in args.getlist(key)]
        values = list(dict.fromkeys(v for v in values if v))[:MAX_FACET_VALUES]
        problem = facet.check(values)
        if problem:
            raise BadParameter(problem)
        if any(len(v) > MAX_QUERY_CHARS for v in values):
            raise BadParameter(f"'{key}' value too long")
        if values:
            filters[key] = values
    return SearchParams(
        q=q,
        page=page,
        size=size,
        sort=sort,
        date_from=date_from,
        date_to=date_to,
        filters=filters,
        recency=recency_arg in ("on", "1", "true"),
        years_all=years == "all",
        literal=correct == "off",
    )

"""The search page's view model: links that change one piece of state, chips, pager, chart.

Pure functions of SearchParams and the search JSON, so the HTML page is rendered from the same
data as `/api/search` and every control is a plain link or GET form (works without JavaScript).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from webui.facets import BY_KEY, FACETS
from webui.highlight import MARK_RE
from webui.params import MAX_WINDOW, SearchParams

#: Facet values shown before "show more".
TOP_VALUES = 10


def href(params: SearchParams, **changes: object) -> str:
    """`?query-string` for this state with `changes`; paging restarts unless `page` is given."""
    changes.setdefault("page", 1)
    qs = urlencode(params.to_args(**changes))
    return f"?{qs}" if qs else "?"


def toggle_href(params: SearchParams, key: str, value: str) -> str:
    """Add a facet value (OR within the facet) or remove it when already chosen."""
    return href(params, filters=BY_KEY[key].toggled(params.filters, value))


@dataclass(frozen=True)
class Chip:
    """One selected filter in the bar, with the link that removes it."""

    label: str
    value: str
    remove: str


def chips(params: SearchParams) -> list[Chip]:
    out = []
    for facet in FACETS:
        for value in params.filters.get(facet.key, []):
            out.append(Chip(facet.label, value, toggle_href(params, facet.key, value)))
    if params.date_from:
        out.append(Chip("From", params.date_from, href(params, date_from=None)))
    if params.date_to:
        out.append(Chip("To", params.date_to, href(params, date_to=None)))
    return out


def clear_all_href(params: SearchParams) -> str:
    """Keep the words and the sort, drop every filter."""
    return href(params, filters={}, date_from=None, date_to=None)


def split_values(values: list[dict]) -> tuple[list[dict], list[dict]]:
    """Top values first, the rest behind "show more"; a selected value is never hidden."""
    top, rest = values[:TOP_VALUES], values[TOP_VALUES:]
    top = top + [v for v in rest if v["selected"]]
    return top, [v for v in rest if not v["selected"]]


def facet_groups(params: SearchParams, data: dict) -> list[dict]:
    groups = []
    for facet in FACETS:
        values = [
            {**v, "href": toggle_href(params, facet.key, v["value"])}
            for v in data["facets"].get(facet.key, [])
        ]
        if values:
            top, more = split_values(values)
            groups.append({"facet": facet, "top": top, "more": more})
    return groups


@dataclass(frozen=True)
class Pager:
    pages: list[int | None]  # None marks a gap
    prev: str | None
    next: str | None
    hrefs: dict[int, str]
    last: int
    capped: bool  # more matches exist than paging may reach


def pager(params: SearchParams, total: int) -> Pager:
    """Numbered pages that never reach past Elasticsearch's 10,000-hit window."""
    reachable = min(total, MAX_WINDOW)
    last = max(1, math.ceil(reachable / params.size))
    if params.size * last > MAX_WINDOW:
        last -= 1
    wanted = {1, last, *range(params.page - 2, params.page + 3)}
    pages: list[int | None] = []
    for n in sorted(p for p in wanted if 1 <= p <= last):
        if pages and pages[-1] is not None and n - pages[-1] > 1:
            pages.append(None)
        pages.append(n)
    hrefs = {n: href(params, page=n) for n in pages if n is not None}
    return Pager(
        pages=pages,
        prev=href(params, page=params.page - 1) if params.page > 1 else None,
        next=href(params, page=params.page + 1) if params.page < last else None,
        hrefs=hrefs,
        last=last,
        capped=total > MAX_WINDOW,
    )


@dataclass(frozen=True)
class Bar:
    year: str
    count: int
    x: float
    y: float
    width: float
    height: float
    href: str
    selected: bool
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    max_count: int
    summary: str


CHART_W, CHART_H, CHART_PAD = 260, 90, 14


def year_chart(params: SearchParams, histogram: list[dict]) -> Chart | None:
    """Bars for the SVG histogram; each bar links to that year's date range."""
    if not histogram:
        return None
    top = max(b["count"] for b in histogram) or 1
    step = CHART_W / len(histogram)
    bar_w = max(2.0, step * 0.8)
    plot_h = CHART_H - CHART_PAD
    bars = []
    for i, b in enumerate(histogram):
        first, last = f"{b['year']}-01-01", f"{b['year']}-12-31"
        h = round(plot_h * b["count"] / top, 1) if b["count"] else 0.0
        in_range = (params.date_from or "0000") <= last and (params.date_to or "9999") >= first
        bars.append(
            Bar(
                year=b["year"],
                count=b["count"],
                x=round(i * step + (step - bar_w) / 2, 1),
                y=round(plot_h - h, 1),
                width=round(bar_w, 1),
                height=max(h, 1.0),
                href=href(params, date_from=first, date_to=last),
                selected=bool(params.date_from or params.date_to) and in_range,
                label=f"{b['year']}: {b['count']} release{'' if b['count'] == 1 else 's'}",
            )
        )
    first_year, last_year = histogram[0]["year"], histogram[-1]["year"]
    summary = (
        f"Matching releases per year, {first_year} to {last_year}; "
        f"most in one year: {top}. Choose a year to show only that year."
    )
    return Chart(CHART_W, CHART_H, bars, top, summary)


def snippet_edges(fragment: str) -> tuple[bool, bool]:
    """Whether a body fragment is cut mid-sentence at its start / end (show an ellipsis)."""
    text = MARK_RE.sub("", fragment).strip()
    if not text:
        return False, False
    return not (text[0].isupper() or text[0].isdigit()), text[-1] not in ".!?\"”')"


def hidden_state(params: SearchParams, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Hidden inputs that carry the rest of the state through a GET form."""
    return [(k, v) for k, v in params.to_args(page=1) if k not in skip]

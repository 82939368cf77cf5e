"""Trends: releases per year for up to five queries, as counts or as a share of each year.

Each series is the search page's own query for that `q` (built by `interpret.count_query`, so the
query language and the page's filters apply to a series exactly as to a search), counted per year
in one request: a filter aggregation per series beside a histogram of every release the filters
allow (the share's denominator).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from core import export
from webui import interpret
from webui.facets import BY_KEY
from webui.params import MAX_QUERY_CHARS, BadParameter, SearchParams, parse_search

MAX_SERIES = 5
MEASURES = ("count", "share")
CSV_COLUMNS = ("series", "year", "count", "year_total", "share")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OPERATOR_RE = re.compile(r"^(?:OR|AND|NOT|[-+*()\"|&:]+)$")


def syntax_error(q: str) -> str | None:
    """Why `q` cannot be a series (unbalanced quotes or brackets, a dangling operator), or None.

    The search box forgives such slips (it degrades to words); a chart of a query that was not
    understood would be misleading, so trends asks for a correction instead.
    """
    if q.count('"') % 2:
        return "a quotation mark is not closed"
    depth = 0
    for ch in q:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return "a bracket is closed before it is opened"
    if depth:
        return "a bracket is not closed"
    words = q.split()
    if all(_OPERATOR_RE.match(w) for w in words):
        return "it holds no word to search for"
    if words[0] in ("OR", "AND") or words[-1] in ("OR", "AND", "NOT"):
        return (
            f"“{words[0] if words[0] in ('OR', 'AND') else words[-1]}” needs a word on both sides"
        )
    if any(w.endswith(":") for w in words):
        return "a field prefix (like title:) needs a value after it"
    return None


@dataclass
class TrendParams:
    series: list[str]
    measure: str = "count"
    base: SearchParams = field(default_factory=SearchParams)  # filters and dates, no words
    notices: list[str] = field(default_factory=list)  # bad series left out (the HTML page)

    def to_args(self, **changes: object) -> list[tuple[str, str]]:
        """The query string of this chart (with changes), for links that keep its state."""
        series = changes.pop("series", self.series)
        measure = changes.pop("measure", self.measure)
        pairs = [("q", s) for s in series]  # type: ignore[union-attr]
        if measure != "count":
            pairs.append(("measure", str(measure)))
        pairs.extend(self.base.to_args(q=None, page=1, sort=None, **changes))
        return pairs


def parse_trends(args: MultiDict, *, strict: bool) -> TrendParams:
    """Validated trend parameters. `strict` (the API): any bad series is a 400. Otherwise (the
    page) bad series are left out with a notice, and blank boxes of the form are ignored."""
    measure = args.get("measure") or "count"
    if measure not in MEASURES:
        raise BadParameter(f"'measure' must be one of {', '.join(MEASURES)}")
    rest = MultiDict([(k, v) for k, v in args.items(multi=True) if k not in ("q", "measure")])
    base = parse_search(rest)
    raw = [_CONTROL_RE.sub(" ", v).strip() for v in args.getlist("q")]
    series: list[str] = []
    notices: list[str] = []
    for n, q in enumerate(raw, start=1):
        problem = None
        if not q:
            if not strict:
                continue
            problem = "it is empty"
        elif len(q) > MAX_QUERY_CHARS:
            problem = f"it is longer than {MAX_QUERY_CHARS} characters"
        else:
            problem = syntax_error(q)
        if problem is None and q in series:
            continue  # the same line twice adds nothing
        if problem:
            message = f"Series {n} (“{q[:60]}”) was left out: {problem}." if q else ""
            if strict:
                raise BadParameter(f"series {n} ('q={q[:60]}'): {problem}")
            notices.append(message)
            continue
        series.append(q)
    if len(series) > MAX_SERIES:
        if strict:
            raise BadParameter(f"at most {MAX_SERIES} series (q=...) can be compared at once")
        notices.append(
            f"At most {MAX_SERIES} series can be compared: "
            f"{', '.join('“' + s + '”' for s in series[MAX_SERIES:])} left out."
        )
        series = series[:MAX_SERIES]
    if strict and not series:
        raise BadParameter("give at least one series: /api/trends?q=ceasefire&q=negotiations")
    return TrendParams(series=series, measure=measure, base=base, notices=notices)


def filter_chips(params: TrendParams) -> list[tuple[str, str, str]]:
    """(label, value, query string without it) for each filter the chart is drawn within."""
    base = params.base
    out = []
    for key, values in base.filters.items():
        for value in values:
            rest = {
                k: [v for v in vs if not (k == key and v == value)]
                for k, vs in base.filters.items()
            }
            rest = {k: vs for k, vs in rest.items() if vs}
            narrower = replace(params, base=replace(base, filters=rest))
            out.append((BY_KEY[key].label, value, "?" + urlencode(narrower.to_args())))
    for label, attr in (("From", "date_from"), ("To", "date_to")):
        if getattr(base, attr):
            narrower = replace(params, base=replace(base, **{attr: None}))
            out.append((label, getattr(base, attr), "?" + urlencode(narrower.to_args())))
    return out


def _years(histogram: dict) -> dict[int, int]:
    return {int(b["key_as_string"]): b["doc_count"] for b in histogram.get("buckets", [])}


def build_trends(params: TrendParams) -> dict:
    """One request: every release the filters allow per year, and each series' share of it."""
    histogram = {
        "date_histogram": {
            "field": "date",
            "calendar_interval": "year",
            "format": "yyyy",
            "min_doc_count": 1,
        }
    }
    aggs: dict = {"all": histogram}
    for i, q in enumerate(params.series):
        series_query = interpret.count_query(replace(params.base, q=q, page=1))
        aggs[f"s{i}"] = {"filter": series_query, "aggs": {"years": histogram}}
    everything = interpret.count_query(replace(params.base, q="", page=1))
    return {"query": everything, "size": 0, "track_total_hits": True, "aggs": aggs}


def search_href(base: SearchParams, q: str, year: int | None = None) -> str:
    """The search page for one series (and one year): what a point of the chart stands for."""
    changes: dict[str, object] = {"q": q, "page": 1}
    if year is not None:
        changes.update(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
    qs = urlencode(base.to_args(**changes))
    return f"/?{qs}" if qs else "/"


def trends_json(resp: dict, params: TrendParams) -> dict:
    """The chart's data: every year from the first to the last release the filters allow."""
    aggs = resp.get("aggregations", {})
    totals = _years(aggs.get("all", {}))
    years = list(range(min(totals), max(totals) + 1)) if totals else []
    series = []
    for i, q in enumerate(params.series):
        agg = aggs.get(f"s{i}", {})
        counts = _years(agg.get("years", {}))
        points = []
        for year in years:
            count, total = counts.get(year, 0), totals.get(year, 0)
            points.append(
                {
                    "year": str(year),
                    "count": count,
                    "share": round(count / total, 4) if total else 0.0,
                    "search": search_href(params.base, q, year),
                }
            )
        series.append(
            {
                "q": q,
                "total": agg.get("doc_count", 0),
                "search": search_href(params.base, q),
                "points": points,
            }
        )
    return {
        "measure": params.measure,
        "series": series,
        "years": [{"year": str(y), "total": totals.get(y, 0)} for y in years],
        "total": resp.get("hits", {}).get("total", {}).get("value", 0),
        "filters": params.base.filters,
        "from": params.base.date_from,
        "to": params.base.date_to,
        "notices": params.notices,
    }


def to_csv(data: dict) -> str:
    """One row per series and year: exactly the points the chart draws."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    totals = {y["year"]: y["total"] for y in data["years"]}
    for s in data["series"]:
        q = export.cell(s["q"])  # every formula start, full-width forms too (core.export)
        for p in s["points"]:
            writer.writerow([q, p["year"], p["count"], totals[p["year"]], f"{p['share']:.4f}"])
    return out.getvalue()

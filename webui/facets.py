"""The declared facets: each owns its filter, aggregation, result parsing, URL toggle and label.

A facet is one declaration in FACETS (as in Datasette's facet classes): params.py validates a
request's values with `check`, query.py asks for `filter` and `aggregation`, results.py for
`values`, page.py for `toggled`. Nothing else filters, and no caller branches on a facet's kind.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: A facet no other filter narrows asks for its terms at the top level, not under a filter
#: matching everything: Elasticsearch then counts a low-cardinality keyword's values from its
#: postings per segment instead of reading every match's values (measured at 1,000,000
#: releases: bench/results/search-levers-1M.md). The answer is the same either way.
TOP_LEVEL_TERMS = True
#: The year histogram is a terms aggregation on `year` (the date's year, core.schema), not a
#: yearly date_histogram on `date`: the same buckets at ~40% of the cost (1,000,000 releases,
#: 729,165 matches: 10 ms against 25 ms of a 97 ms counts request). Every year is a bucket.
HISTOGRAM_YEARS = 1000
#: When the year facet and the histogram count the same releases (no year chosen, no date
#: range), the facet reads its buckets from the histogram instead of counting them again.
YEAR_FROM_HISTOGRAM = True


def histogram() -> dict:
    """The year histogram's aggregation: every year with matches, oldest first."""
    return {"terms": {"field": "year", "size": HISTOGRAM_YEARS, "order": {"_key": "asc"}}}


@dataclass(frozen=True)
class TermsFacet:
    """A keyword field: OR within the facet, buckets by count, selected values always shown."""

    key: str  # request parameter and JSON key
    field: str  # keyword field in the index
    label: str
    size: int = 50  # buckets fetched; the page shows 10 and "show more"

    def check(self, values: list[str]) -> str | None:
        """Why these request values do not fit this facet (the 400's message), or None."""
        return None

    def terms(self, values: list[str]) -> list[Any]:
        return values

    def filter(self, values: list[str]) -> dict:
        """OR within one facet."""
        return {"terms": {self.field: self.terms(values)}}

    def from_histogram(self, others: list[dict], histogram_filters: list[dict]) -> bool:
        """Whether this facet's counts are the histogram's (filtered alike): year only."""
        return False

    def aggregation(self, others: list[dict]) -> dict:
        """Counts under every other filter but not this facet's own (disjunctive counting)."""
        terms = {
            "terms": {
                "field": self.field,
                "size": self.size,
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
        }
        if not others and TOP_LEVEL_TERMS:
            return terms
        return {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}}

    def values(self, aggs: Mapping[str, Any], chosen: list[str]) -> list[dict]:
        """`[{"value", "count", "selected"}]` from this facet's aggregation in a response."""
        agg = aggs.get(self.key, {})
        buckets = agg.get("values", agg).get("buckets", [])
        values = [
            {"value": str(b["key"]), "count": b["doc_count"], "selected": str(b["key"]) in chosen}
            for b in buckets
        ]
        present = {v["value"] for v in values}
        # A selected value always shows, even with no matches left, so it can be removed.
        values.extend(
            {"value": v, "count": 0, "selected": True} for v in chosen if v not in present
        )
        return values

    def toggled(self, filters: Mapping[str, list[str]], value: str) -> dict[str, list[str]]:
        """The filters with `value` added to this facet, or removed when already chosen."""
        chosen = filters.get(self.key, [])
        values = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
        out = {k: list(v) for k, v in filters.items()}
        if values:
            out[self.key] = values
        else:
            out.pop(self.key, None)
        return out


@dataclass(frozen=True)
class YearFacet(TermsFacet):
    """A numeric year field: values are four digits, filtered as numbers, listed newest first."""

    def check(self, values: list[str]) -> str | None:
        if any(not v.isdigit() or len(v) > 4 for v in values):
            return f"'{self.key}' must be a year"
        return None

    def terms(self, values: list[str]) -> list[Any]:
        return [int(v) for v in values]

    def from_histogram(self, others: list[dict], histogram_filters: list[dict]) -> bool:
        return YEAR_FROM_HISTOGRAM and others == histogram_filters

    def values(self, aggs: Mapping[str, Any], chosen: list[str]) -> list[dict]:
        if self.key not in aggs:  # counted by the histogram (webui.query, from_histogram)
            years = aggs.get("histogram", aggs).get("years", {}).get("buckets", [])
            top = sorted(years, key=lambda b: (-b["doc_count"], b["key"]))[: self.size]
            aggs = {self.key: {"buckets": top}}
        return sorted(super().values(aggs, chosen), key=lambda v: v["value"], reverse=True)


FACETS: tuple[TermsFacet, ...] = (
    TermsFacet("fields_of_work", "fields_of_work", "Field of work"),
    TermsFacet("country", "countries", "Country", size=60),
    # Each city of `VIENNA/WARSAW`, and each source of a shared release, counts on its own.
    TermsFacet("place", "places", "Place"),
    TermsFacet("source", "sources", "Source"),
    YearFacet("year", "year", "Year", size=40),
    TermsFacet("type", "type", "Type"),
)
BY_KEY = {f.key: f for f in FACETS}


#: Filter aggregations with the same filter share one (`grouped`).
GROUP_FILTERS = True
#: Sub-aggregations of a shared filter are named `<key>__<inner>` (`place__values`).
_GROUP, _SEP = "narrowed", "__"


def grouped(aggs: dict[str, Any]) -> dict[str, Any]:
    """Filter aggregations with the same filter merged into one, their inner aggregations
    side by side: the filter is then matched once, not once per facet (a facet selected
    narrows the five others and the histogram alike; measured at 1,000,000 releases: 30-40%
    off a filtered page's counts). `ungrouped` restores the shape."""
    groups: dict[str, list[str]] = {}
    for key, agg in aggs.items() if GROUP_FILTERS else ():
        if set(agg) == {"filter", "aggs"} and len(agg["aggs"]) == 1:
            groups.setdefault(json.dumps(agg["filter"], sort_keys=True), []).append(key)
    out = dict(aggs)
    for i, keys in enumerate(k for k in groups.values() if len(k) > 1):
        subs = {}
        for key in keys:
            ((inner, sub),) = out.pop(key)["aggs"].items()
            subs[f"{key}{_SEP}{inner}"] = sub
        out[f"{_GROUP}{i}"] = {"filter": aggs[keys[0]]["filter"], "aggs": subs}
    return out


def ungrouped(aggs: Mapping[str, Any]) -> dict[str, Any]:
    """A response's aggregations as if `grouped` had not merged them."""
    out = {}
    for name, agg in aggs.items():
        if not name.startswith(_GROUP) or not isinstance(agg, Mapping):
            out[name] = agg
            continue
        for sub_name, sub in agg.items():
            if _SEP in sub_name:
                key, inner = sub_name.split(_SEP, 1)
                out[key] = {"doc_count": agg.get("doc_count"), inner: sub}
    return out

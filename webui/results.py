"""Elasticsearch responses -> the JSON the API returns and the HTML pages render."""

from __future__ import annotations

from typing import Any

from flask import url_for

from webui.facets import FACETS, ungrouped
from webui.highlight import safe_fragment
from webui.params import SearchParams


def web_url(value: object) -> str | None:
    """An http(s) address, or None: a `javascript:` origin must never become a link."""
    if isinstance(value, str) and value.lower().startswith(("https://", "http://")):
        return value
    return None


def hit_highlight(hit: dict) -> dict:
    """A hit's highlight fragments, made safe."""
    hl = hit.get("highlight", {})
    return {
        "title": [safe_fragment(f) for f in hl.get("title", [])],
        "body": [safe_fragment(f) for f in hl.get("body", [])],
    }


def _metadata(src: dict) -> dict:
    """The fields a hit and a release page show alike."""
    return {
        "title": src.get("title"),
        "date": src.get("date"),
        "place": src.get("place_display") or src.get("place"),
        "source": src.get("source"),
        # Every source (`source` is the first); closed offices also in `closed_sources`.
        "sources": src.get("sources") or ([src["source"]] if src.get("source") else []),
        "closed_sources": src.get("closed_sources", []),
        "fields_of_work": src.get("fields_of_work", []),
        "countries": src.get("countries", []),
    }


def hit_json(hit: dict) -> dict:
    src = hit["_source"]
    return {
        "id": hit["_id"],
        **_metadata(src),
        "url": url_for("views.release", doc_id=hit["_id"]),
        "origin": web_url(src.get("origin")),
        "score": hit.get("_score"),
        "highlight": hit_highlight(hit),
    }


def _facets(aggs: dict, params: SearchParams) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for facet in FACETS:
        out[facet.key] = facet.values(aggs, params.filters.get(facet.key, []))
    return out


def _histogram(buckets: list[dict]) -> list[dict]:
    """Years with matches, gaps filled with zero so the chart's axis is honest."""
    counts = {int(b["key"]): b["doc_count"] for b in buckets}
    if not counts:
        return []
    years = range(min(counts), max(counts) + 1)
    return [{"year": str(y), "count": counts.get(y, 0)} for y in years]


def search_json(resp: dict, params: SearchParams) -> dict[str, Any]:
    """The response's hits, facets and histogram; webui.interpret adds what the query said."""
    total = resp["hits"]["total"]["value"]
    aggs = ungrouped(resp.get("aggregations", {}))
    # Under a filter when facets are selected, else at the top level (webui.query).
    years = aggs.get("histogram", aggs).get("years", {}).get("buckets", [])
    return {
        "total": total,
        "took_ms": resp.get("took"),
        "page": params.page,
        "size": params.size,
        "hits": [hit_json(h) for h in resp["hits"]["hits"]],
        "facets": _facets(aggs, params),
        "histogram": _histogram(years),
        "suggestion": None,
    }


def release_json(doc: dict) -> dict:
    src = doc["_source"]
    return {
        "id": doc["_id"],
        **_metadata(src),
        "type": src.get("type"),
        "origin": web_url(src.get("origin")),
        "body": src.get("body", "").split("\n"),
    }

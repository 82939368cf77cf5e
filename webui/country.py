"""The page of one participating State: its releases over time, sources, fields of work, places,
the States named with it and its latest releases, all from one aggregation request."""

from __future__ import annotations

from urllib.parse import urlencode

from webui import interpret, query
from webui.facets import BY_KEY
from webui.params import SearchParams

#: The top lists of the page: JSON key -> facet whose field is counted.
PROFILE = {"sources": "source", "fields_of_work": "fields_of_work", "places": "place"}
TOP = 10
RECENT = 10


def country_params(name: str) -> SearchParams:
    """The search page's state for "releases about this State" (what every link here extends)."""
    return SearchParams(filters={"country": [name]})


def search_href(params: SearchParams, **filters: str) -> str:
    merged = {k: list(v) for k, v in params.filters.items()}
    for key, value in filters.items():
        merged.setdefault(key, []).append(value)
    return "/?" + urlencode(params.to_args(filters=merged))


def build_country(name: str) -> dict:
    """Aggregations over the releases the search page finds for `country=name`."""
    scope = interpret.count_query(country_params(name))
    terms = {key: BY_KEY[facet].field for key, facet in PROFILE.items()}
    aggs: dict = {
        key: {
            "terms": {"field": field, "size": TOP, "order": [{"_count": "desc"}, {"_key": "asc"}]}
        }
        for key, field in terms.items()
    }
    aggs["with"] = {
        "terms": {
            "field": BY_KEY["country"].field,
            "size": TOP + 1,
            "order": [{"_count": "desc"}, {"_key": "asc"}],
        }
    }
    aggs["years"] = {
        "date_histogram": {
            "field": "date",
            "calendar_interval": "year",
            "format": "yyyy",
            "min_doc_count": 1,
        }
    }
    # The archive's first and last dates, so every State's chart spans the same years.
    aggs["archive"] = {
        "global": {},
        "aggs": {"first": {"min": {"field": "date"}}, "last": {"max": {"field": "date"}}},
    }
    return {
        "query": scope,
        "size": RECENT,
        "sort": query.SORTS["newest"],
        "track_total_hits": True,
        "aggs": aggs,
        "_source": ["title", "date", "place_display", "place", "source"],
    }


def country_json(resp: dict, name: str) -> dict:
    params = country_params(name)
    aggs = resp.get("aggregations", {})

    def values(key: str, facet: str) -> list[dict]:
        buckets = aggs.get(key, {}).get("buckets", [])
        return [
            {
                "value": str(b["key"]),
                "count": b["doc_count"],
                "search": search_href(params, **{facet: str(b["key"])}),
                **({"page": f"/country/{b['key']}"} if facet == "country" else {}),
            }
            for b in buckets
            if not (facet == "country" and b["key"] == name)
        ][:TOP]

    years = {
        int(b["key_as_string"]): b["doc_count"] for b in aggs.get("years", {}).get("buckets", [])
    }
    archive = aggs.get("archive", {})
    bounds = [
        int(archive[k]["value_as_string"][:4])
        for k in ("first", "last")
        if archive.get(k, {}).get("value_as_string")
    ]
    known = [*years, *bounds]
    span = range(min(known), max(known) + 1) if known else range(0)
    return {
        "country": name,
        "total": resp["hits"]["total"]["value"],
        "search": search_href(params),
        "years": [{"year": str(y), "count": years.get(y, 0)} for y in span],
        **{key: values(key, facet) for key, facet in PROFILE.items()},
        "with": values("with", "country"),
        "recent": [
            {
                "id": h["_id"],
                "title": h["_source"].get("title"),
                "date": h["_source"].get("date"),
                "place": h["_source"].get("place_display") or h["_source"].get("place"),
                "source": h["_source"].get("source"),
                "url": f"/release/{h['_id']}",
            }
            for h in resp["hits"]["hits"]
        ],
    }

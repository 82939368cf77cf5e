"""The few Elasticsearch calls the pages make, shared by the HTML views and the JSON API."""

from __future__ import annotations

import re

from elasticsearch import NotFoundError
from flask import url_for

from core import schema
from webui import interpret, query, results
from webui.es import alias, get_es
from webui.params import SearchParams

_ID_RE = re.compile(schema.ID_PATTERN)


def search(params: SearchParams) -> dict:
    """The search JSON for a request, the query language understood (webui.interpret)."""
    return interpret.run(params)[1]


def search_with_state(params: SearchParams) -> tuple[SearchParams, dict]:
    """As search, plus the state the page's links keep (facet prefixes moved to the filters)."""
    return interpret.run(params)


def suggest(prefix: str, size: int = 8) -> list[dict]:
    """Title completions: titles starting with the prefix first, then titles with the words."""
    prefix = prefix.strip()[:100]
    if not prefix:
        return []
    resp = get_es().search(index=alias(), body=query.build_suggest(prefix, size)).body
    options = resp.get("suggest", {}).get("titles", [{}])[0].get("options", [])
    found: dict[str, dict] = {}
    for item in options + resp["hits"]["hits"]:
        if item["_id"] not in found and len(found) < size:
            found[item["_id"]] = {
                "id": item["_id"],
                "title": item["_source"].get("title"),
                "date": item["_source"].get("date"),
                "url": url_for("views.release", doc_id=item["_id"]),
            }
    return list(found.values())


def release(doc_id: str, q: str = "") -> dict | None:
    """One release with the query's words highlighted in its full text; None if unknown."""
    if not _ID_RE.match(doc_id):
        return None
    try:
        doc = get_es().get(index=alias(), id=doc_id)
    except NotFoundError:
        return None
    data = results.release_json(doc.body)
    data["highlight"] = {}
    if q:
        body = {
            "query": {"ids": {"values": [doc_id]}},
            "highlight": query.highlight(q, whole=True),
            "_source": False,
        }
        hits = get_es().search(index=alias(), body=body).body["hits"]["hits"]
        if hits:
            from webui.highlight import safe_fragment

            hl = hits[0].get("highlight", {})
            data["highlight"] = {
                "title": [safe_fragment(f) for f in hl.get("title", [])],
                "body": [safe_fragment(p) for f in hl.get("body", []) for p in f.split("\n")],
            }
    return data


def related(doc_id: str, doc: dict | None = None) -> list[dict]:
    """Releases like this one (`doc`, the release JSON, adds its fields and countries)."""
    doc = doc or {}
    body = query.build_related(
        doc_id, fields_of_work=doc.get("fields_of_work"), countries=doc.get("countries")
    )
    resp = get_es().search(index=alias(), body=body)
    return [
        {
            "id": h["_id"],
            "title": h["_source"].get("title"),
            "date": h["_source"].get("date"),
            "place": h["_source"].get("place_display"),
        }
        for h in resp.body["hits"]["hits"]
    ]


def readiness() -> tuple[bool, dict]:
    """/readyz's checks (webui/readiness.py) against this app's cluster and alias."""
    from flask import current_app

    from webui import readiness as ready

    return ready.check(get_es(), alias(), schema.MAPPING_VERSION, ready.max_index_age(current_app))

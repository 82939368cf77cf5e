"""The few Elasticsearch calls the pages make, shared by the HTML views and the JSON API."""

from __future__ import annotations

import re
from dataclasses import replace

from elasticsearch import NotFoundError
from flask import url_for

from core import schema
from webui import degraded, query, results
from webui.es import alias, get_es
from webui.params import SearchParams

_ID_RE = re.compile(schema.ID_PATTERN)


def search(params: SearchParams) -> dict:
    resp = get_es().search(index=alias(), body=query.build_search(params), **_timeout())
    corrected = results.corrected_query(resp.body, params.q) if params.q else None
    data = results.search_json(resp.body, params, corrected)
    data.update(degraded.partial(resp.body))
    if corrected and data["hits"]:
        _rehighlight(data, params.q, corrected)
    if data["suggestion"]:
        # Typo tolerance may already find some matches for a misspelt word; offer the
        # correction unless it finds fewer than the words as typed.
        checked = replace(params, q=data["suggestion"], page=1)
        found = get_es().count(index=alias(), body=query.build_count(checked))["count"]
        if found < data["total"] or found == 0:
            data["suggestion"] = None
    return data


def _timeout() -> dict:
    """`OSCE_SEARCH_TIMEOUT` (e.g. `5s`): shards still busy then answer with what they have,
    and the answer is flagged partial, instead of the whole search failing."""
    from flask import current_app

    value = current_app.config.get("OSCE_SEARCH_TIMEOUT")
    return {"timeout": value} if value else {}


def _rehighlight(data: dict, q: str, corrected: str) -> None:
    """Mark the corrected words in hits that typo tolerance found for a misspelt query."""
    ids = [hit["id"] for hit in data["hits"]]
    resp = get_es().search(index=alias(), body=query.build_rehighlight(q, corrected, ids))
    marked = {h["_id"]: results.hit_highlight(h) for h in resp.body["hits"]["hits"]}
    for hit in data["hits"]:
        new = marked.get(hit["id"])
        if new and (new["title"] or new["body"]):
            hit["highlight"] = {
                "title": new["title"] or hit["highlight"]["title"],
                "body": new["body"] or hit["highlight"]["body"],
            }


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
    from flask import current_app

    from webui import readiness as ready

    return ready.check(get_es(), alias(), schema.MAPPING_VERSION, ready.max_index_age(current_app))

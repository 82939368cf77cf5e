"""The few Elasticsearch calls the pages make, shared by the HTML views and the JSON API."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from elasticsearch import NotFoundError, TransportError
from flask import current_app, url_for

from core import schema
from webui import fusion, query, results
from webui.es import alias, get_es
from webui.params import SearchParams
from webui.vectors import encoder

log = logging.getLogger(__name__)

_ID_RE = re.compile(schema.ID_PATTERN)


def resolve_mode(params: SearchParams) -> tuple[str, str | None]:
    """The mode that will run and, when it is not the one asked for, why."""
    asked = params.mode
    if not params.q or asked == "keyword":
        return "keyword", None
    enc = encoder()
    if not enc.index_has_vectors(get_es(), alias()):
        return "keyword", (None if asked is None else "this index holds no vectors")
    if (asked or "hybrid") == "hybrid" and fusion.exact_looking(params.q):
        return "keyword", "exact words (quotes, operators, names or acronyms): keyword ranking"
    if enc.vector(params.q) is None:  # the first call loads the model
        return "keyword", "semantic search is unavailable (the server log says why)"
    return asked or "hybrid", None


def search(params: SearchParams) -> dict:
    mode, note = resolve_mode(params)
    body = query.build_search(params)
    if mode == "keyword":
        resp = get_es().search(index=alias(), body=body).body
    else:
        resp = _vector_search(params, body, mode)
    corrected = results.corrected_query(resp, params.q) if params.q else None
    data = results.search_json(resp, params, corrected)
    data["mode"] = mode
    data["mode_note"] = note
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


def _ids(resp: dict) -> list[str]:
    return [hit["_id"] for hit in resp["hits"]["hits"]]


def _vector_search(params: SearchParams, body: dict, mode: str) -> dict:
    """A semantic or hybrid search, answered in the shape of a keyword search response.

    Two cheap ranking requests (keyword ids, kNN ids) are fused by RRF; one more request over
    the union of what both found gives the page's hits (sources, highlights) and the facet
    counts, so facets, filters, dates, highlights and exports behave as in keyword mode.
    """
    es, index = get_es(), alias()
    vector = encoder().vector(params.q)
    filters = body["post_filter"]["bool"]["filter"]
    keyword_query = body["query"] if mode == "hybrid" else None
    restricted = [*filters, *fusion.query_restrictions(body["query"])]
    if mode == "hybrid" and current_app.config.get("OSCE_FUSION") == "sum":
        # Measured alternative (eval.modes): one request, scores added.
        knn = fusion.knn_clause(vector, restricted, boost=fusion.SUM_KNN_BOOST)
        return es.search(index=index, body={**body, "knn": knn}).body
    searches: list[dict] = [{}, fusion.knn_request(vector, restricted)]
    if keyword_query is not None:
        searches += [{}, fusion.ranking_request(keyword_query, filters)]
    answers = es.msearch(index=index, searches=searches).body["responses"]
    for answer in answers:
        if "error" in answer:
            raise TransportError(f"vector search failed: {str(answer['error'])[:300]}")
    knn_ids = _ids(answers[0])
    if keyword_query is not None:
        kw_ids, kw_total = _ids(answers[1]), answers[1]["hits"]["total"]["value"]
        weights = (fusion.KEYWORD_WEIGHT, fusion.SEMANTIC_WEIGHT)
        fused = fusion.rrf([kw_ids, knn_ids], weights)
        total = len(fused) + max(0, kw_total - len(kw_ids))
    else:
        kw_ids, kw_total = [], 0
        fused = [(doc_id, 1.0 / (fusion.RRF_K + n)) for n, doc_id in enumerate(knn_ids, 1)]
        total = len(fused)
    main = {**body, "query": fusion.union_query(keyword_query, knn_ids)}
    if params.sort != "relevance":
        return es.search(index=index, body=main).body  # dates order the union
    page = fused[params.offset : params.offset + params.size]
    scores = dict(page)
    wanted = [doc_id for doc_id, _ in page]
    short = params.size - len(wanted)
    if short > 0 and keyword_query is not None and kw_total > len(kw_ids):
        # Past the fused window, hybrid continues in keyword order.
        tail = {
            **fusion.ranking_request(keyword_query, filters, short),
            "from": len(kw_ids) + max(0, params.offset - len(fused)),
            "track_total_hits": False,
        }
        wanted += _ids(es.search(index=index, body=tail).body)
    main["post_filter"] = {"bool": {"filter": [*filters, {"ids": {"values": wanted}}]}}
    main.update({"from": 0, "size": max(1, len(wanted)), "sort": ["_score"]})
    resp = es.search(index=index, body=main).body
    order = {doc_id: n for n, doc_id in enumerate(wanted)}
    hits = sorted(resp["hits"]["hits"], key=lambda h: order.get(h["_id"], len(order)))
    for hit in hits:
        hit["_score"] = round(scores[hit["_id"]], 6) if hit["_id"] in scores else None
    resp["hits"]["hits"] = hits if wanted else []
    resp["hits"]["total"] = {"value": total, "relation": "eq"}
    return resp


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


#: Related releases shown, and how many each side (words, vector) offers to the fusion.
RELATED_SIZE, RELATED_DEPTH = 5, 20


def _stored_vector(doc_id: str) -> list[float] | None:
    """A release's own vector (vectors are kept out of `_source` by default: ask for it)."""
    body = {
        "query": {"ids": {"values": [doc_id]}},
        "_source": {"includes": [fusion.VECTOR_FIELD], "exclude_vectors": False},
        "size": 1,
    }
    hits = get_es().search(index=alias(), body=body).body["hits"]["hits"]
    vec = hits[0].get("_source", {}).get(fusion.VECTOR_FIELD) if hits else None
    return vec if isinstance(vec, list) and vec else None


def related(doc_id: str, doc: dict | None = None) -> list[dict]:
    """Releases like this one: shared words (more_like_this, nudged by shared fields and
    countries) fused by RRF with the releases nearest its vector, when it has one."""
    doc = doc or {}
    body = query.build_related(
        doc_id,
        size=RELATED_DEPTH,
        fields_of_work=doc.get("fields_of_work"),
        countries=doc.get("countries"),
    )
    es, index = get_es(), alias()
    found = {h["_id"]: h for h in es.search(index=index, body=body).body["hits"]["hits"]}
    rankings = [list(found)]
    vector = _stored_vector(doc_id) if encoder().enabled else None
    if vector is not None:
        near = es.search(
            index=index, body=fusion.related_request(vector, doc_id, RELATED_DEPTH, RELATED_DEPTH)
        ).body["hits"]["hits"]
        for hit in near:
            found.setdefault(hit["_id"], hit)
        rankings.append([h["_id"] for h in near])
    fused = fusion.rrf(rankings) if len(rankings) > 1 else [(i, 0.0) for i in rankings[0]]
    return [
        {
            "id": doc_id_,
            "title": found[doc_id_]["_source"].get("title"),
            "date": found[doc_id_]["_source"].get("date"),
            "place": found[doc_id_]["_source"].get("place_display"),
        }
        for doc_id_, _ in fused[:RELATED_SIZE]
    ]


def health() -> tuple[bool, str]:
    try:
        status = get_es().options(request_timeout=3).cluster.health()["status"]
    except Exception as exc:  # any transport failure means "not healthy"
        return False, type(exc).__name__
    return status in ("green", "yellow"), status

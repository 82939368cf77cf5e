"""Semantic and hybrid searches, answered in the shape of a keyword search response.

webui.interpret builds the keyword request exactly as for keyword mode (query language, facets,
dates, aggregations, highlights) and hands it here with the query's vector:

- **hybrid, relevance order**: one `_msearch` round trip holds (a) the keyword request with the
  kNN side attached at boost 0, so its aggregations and total cover keyword matches and kNN
  neighbours alike while its hits stay in keyword order (kNN-only releases score 0, last), read
  WINDOW deep without sources or highlights; and (b) the kNN side alone, ids only. Both
  rankings are fused by RRF (webui.fusion); past the fused window the keyword order continues.
  A second, small request fetches the page's releases with their highlights.
- **semantic, relevance order**: one request, the kNN side with the keyword request's
  aggregations, highlights and paging.
- **date orders** (either mode): one request; the dates order the same set.

The kNN side obeys every restriction of the keyword side: facet filters, dates (also those typed
in q) and the query language's exclusions (`must_not`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from elasticsearch import Elasticsearch, TransportError

from webui import fusion
from webui.params import SearchParams

#: Response key: how many releases the keyword side matched (exact below WINDOW, else at
#: least that many), for interpret's widening and relaxing decisions.
KEYWORD_TOTAL = "keyword_total"
#: Response key: the page's release ids in fused order, fetched by `fetch_page` at the end.
PAGE = "fused_page"


def _restrictions(body: dict) -> list[dict]:
    return [*body["post_filter"]["bool"]["filter"], *fusion.query_restrictions(body["query"])]


def _check(answer: dict) -> dict:
    if "error" in answer:
        raise TransportError(f"vector search failed: {str(answer['error'])[:300]}")
    return answer


def search(
    es: Elasticsearch,
    index: str,
    body: dict,
    params: SearchParams,
    vector: Sequence[float],
    mode: str,
    extra: dict | None = None,
) -> dict:
    """The semantic or hybrid search for a keyword request `body` (see the module doc)."""
    extra = extra or {}
    floor = fusion.MIN_SIMILARITY if mode == "hybrid" else None
    knn = fusion.knn_clause(vector, _restrictions(body), min_similarity=floor)
    if mode == "semantic":
        one = {k: v for k, v in body.items() if k != "query"}
        resp = es.search(index=index, body={**one, "knn": knn, **extra}).body
        resp[KEYWORD_TOTAL] = resp["hits"]["total"]["value"]
        return resp
    if params.sort != "relevance":
        resp = es.search(index=index, body={**body, "knn": {**knn, "boost": 0.0}, **extra}).body
        resp[KEYWORD_TOTAL] = None  # not counted apart: the date order needs no ranking
        return resp
    depth = max(fusion.WINDOW, params.offset + params.size)
    ranked = {**body, "knn": {**knn, "boost": 0.0}, "from": 0, "size": depth, "_source": False}
    ranked.pop("highlight", None)
    nearest = {"knn": knn, "size": fusion.WINDOW, "_source": False, **extra}
    searches: list[dict] = [{}, {**ranked, **extra}, {}, nearest]
    keyword, near = (_check(a) for a in es.msearch(index=index, searches=searches)["responses"])
    kw_ids = [h["_id"] for h in keyword["hits"]["hits"] if (h.get("_score") or 0) > 0]
    knn_ids = [h["_id"] for h in near["hits"]["hits"]]
    seen_all = len(kw_ids) < depth  # a kNN-only release (score 0) came after every match
    fused = fusion.rrf(
        [kw_ids[: fusion.WINDOW], knn_ids], (fusion.KEYWORD_WEIGHT, fusion.SEMANTIC_WEIGHT)
    )
    ranking = [doc_id for doc_id, _ in fused]
    scores = dict(fused)
    known = set(ranking)
    ranking += [doc_id for doc_id in kw_ids[fusion.WINDOW :] if doc_id not in known]
    page = ranking[params.offset : params.offset + params.size]
    keyword["hits"]["hits"] = [{"_id": i, "_score": round(scores.get(i, 0.0), 6)} for i in page]
    keyword["took"] = max(keyword.get("took") or 0, near.get("took") or 0)
    keyword[KEYWORD_TOTAL] = len(kw_ids) if seen_all else max(len(kw_ids), _at_least(keyword))
    keyword[PAGE] = page
    _merge_shards(keyword, near)
    return keyword


def _at_least(keyword: dict) -> int:
    """Keyword matches when more than the window matched: the union less the kNN side's k."""
    return keyword["hits"]["total"]["value"] - fusion.WINDOW


def _merge_shards(resp: dict, other: dict) -> None:
    """A shard failure or time-out on the kNN side flags the answer partial too."""
    shards, more = resp.setdefault("_shards", {}), other.get("_shards") or {}
    if more.get("failed"):
        shards["failed"] = int(shards.get("failed") or 0) + int(more["failed"])
        shards["failures"] = [*(shards.get("failures") or []), *(more.get("failures") or [])]
    resp["timed_out"] = bool(resp.get("timed_out") or other.get("timed_out"))


def fetch_page(es: Elasticsearch, index: str, body: dict, resp: dict) -> dict:
    """The fused page's releases with sources and highlights, in fused order (in place)."""
    page: list[str] = resp.pop(PAGE, None) or []
    if not page:
        resp["hits"]["hits"] = []
        return resp
    request: dict[str, Any] = {
        "query": {"ids": {"values": page}},
        "size": len(page),
        "_source": body.get("_source", True),
    }
    if "highlight" in body:
        request["highlight"] = body["highlight"]
    found = es.search(index=index, body=request).body
    by_id = {h["_id"]: h for h in found["hits"]["hits"]}
    scores = {h["_id"]: h["_score"] for h in resp["hits"]["hits"]}
    resp["hits"]["hits"] = [{**by_id[i], "_score": scores.get(i)} for i in page if i in by_id]
    resp["took"] = (resp.get("took") or 0) + (found.get("took") or 0)
    return resp

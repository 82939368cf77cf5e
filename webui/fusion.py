"""Hybrid search: the keyword request as built elsewhere, plus a kNN side, fused here.

Elasticsearch's node has `knn` but no `rrf` retriever (the rank-rrf module is not in the
distribution), so fusion is done by the project. Pure functions only: the keyword query body
comes in (from `webui.query`, whatever parser produced it) and kNN clauses and fused rankings go
out; `webui.service` runs the requests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from webui.querylang import Not, ParsedQuery, Phrase, Word

#: The document field holding each release's vector (indexer/embeddings.py writes it).
VECTOR_FIELD = "embedding"
MODES = ("hybrid", "keyword", "semantic")
#: Reciprocal rank fusion (Cormack, Clarke & Büttcher 2009): score = sum of 1 / (k + rank).
RRF_K = 60
#: How deep each side is read before fusing; beyond it, hybrid pages continue in keyword order.
WINDOW = 100
#: HNSW candidates examined per shard: recall ~0.99 on 100k releases for k = WINDOW (bench/).
NUM_CANDIDATES = 200
#: Weights of the two sides in RRF (equal: nothing tuned on heldout; dev gave no reason to move).
KEYWORD_WEIGHT = 1.0
SEMANTIC_WEIGHT = 1.0
#: In hybrid mode a kNN neighbour must be at least this close (raw cosine; ES's `similarity`)
#: to count, so a query about nothing in the archive ("xqzvb blorf", "pizza recipe") lists what
#: the keyword side finds, not the 100 least distant releases. Tuned on dev (archive set): the
#: best neighbour of 14 nonsense queries is 0.08-0.26, of real non-exact queries 0.21-0.67;
#: hybrid nDCG@10 0.861 at 0 vs 0.858 at 0.2 (heldout 0.860 -> 0.862, paraphrase 0.736 -> 0.786).
#: Semantic mode keeps every neighbour: alone, it has no keyword side to carry the weak ones
#: (heldout 0.730 at 0 vs 0.700 at 0.2). bench/results/semantic_eval.md.
MIN_SIMILARITY = 0.2

_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
_NAME_RE = re.compile(r"\b[A-Z][a-zà-ÿ'’-]+\s+[A-Z][a-zà-ÿ'’-]+")


def semantic_text(parsed: ParsedQuery) -> str:
    """What the query vector is made of: the plain words and unfielded phrases, in order (no
    exclusions, field words, prefixes, facet prefixes or years: those restrict, not describe)."""
    parts = [
        c.text
        for c in parsed.clauses
        if (isinstance(c, Word) and not c.prefix and c.field is None)
        or (isinstance(c, Phrase) and c.field is None)
    ]
    return " ".join(parts)


def exact_looking(parsed: ParsedQuery) -> bool:
    """Queries whose words are meant as typed: phrases, OR groups, field words, prefixes,
    acronyms and names. Vectors would only dilute them, so hybrid runs them as keyword
    searches. Exclusions and facet prefixes are restrictions: they filter the kNN side.

    Typed years too: their boost (or filter) ranks the span's releases first, which kNN
    neighbours from any year only dilute (dev split, year queries: keyword 0.930, hybrid 0.902;
    0.907 with the kNN side restricted to the span)."""
    if any(not isinstance(c, Not) for c in parsed.structured) or parsed.dates:
        return True
    words = " ".join(parsed.plain_words)
    if _ACRONYM_RE.search(words):
        return True
    # Two capitalised words in a row, not just a capitalised first word: a person or a place.
    return bool(_NAME_RE.search(words))


def query_restrictions(keyword_query: dict | None) -> list[dict]:
    """The keyword query's hard restrictions (its `filter` and `must_not` clauses: exclusions,
    field filters, typed years), so the kNN side obeys them too; scoring clauses are left out."""
    node = keyword_query or {}
    while "function_score" in node:
        node = node["function_score"].get("query") or {}
    bool_ = node.get("bool")
    if not isinstance(bool_, dict):
        return []
    out: list[dict] = []
    filters = bool_.get("filter") or []
    out.extend(filters if isinstance(filters, list) else [filters])
    must_not = bool_.get("must_not") or []
    if must_not:
        out.append({"bool": {"must_not": must_not if isinstance(must_not, list) else [must_not]}})
    return out


def knn_clause(
    vector: Sequence[float],
    filters: list[dict],
    k: int = WINDOW,
    boost: float | None = None,
    min_similarity: float | None = None,
) -> dict[str, Any]:
    """The kNN side, filtered by the same facets and dates as the keyword side; neighbours less
    similar than `min_similarity` (raw cosine) are no matches."""
    clause: dict[str, Any] = {
        "field": VECTOR_FIELD,
        "query_vector": list(vector),
        "k": k,
        "num_candidates": max(NUM_CANDIDATES, k),
    }
    if filters:
        clause["filter"] = {"bool": {"filter": filters}}
    if min_similarity:
        clause["similarity"] = min_similarity
    if boost is not None:
        clause["boost"] = boost
    return clause


def ranking_request(keyword_query: dict, filters: list[dict], size: int = WINDOW) -> dict:
    """Ids of the keyword side's best `size` (no sources, no aggregations: cheap)."""
    return {
        "query": keyword_query,
        "post_filter": {"bool": {"filter": filters}},
        "size": size,
        "_source": False,
        "track_total_hits": True,
    }


def knn_request(vector: Sequence[float], filters: list[dict], k: int = WINDOW) -> dict:
    """Ids of the semantic side's best `k`."""
    return {"knn": knn_clause(vector, filters, k), "size": k, "_source": False}


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None) -> list[tuple]:
    """Reciprocal rank fusion: (id, score) best first; ties keep the first ranking's order."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    first_seen: dict[str, tuple[int, int]] = {}
    for n, (ranking, weight) in enumerate(zip(rankings, weights, strict=True)):
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + weight / (RRF_K + rank)
            first_seen.setdefault(doc_id, (rank, n))
    return sorted(scores.items(), key=lambda item: (-item[1], first_seen[item[0]]))


def union_query(keyword_query: dict | None, ids: list[str]) -> dict:
    """Everything either side found, for aggregations and date sorting over a hybrid search."""
    should: list[dict] = [{"ids": {"values": ids}}] if ids else []
    if keyword_query is not None:
        should.append(keyword_query)
    if not should:
        return {"match_none": {}}
    return {"bool": {"should": should, "minimum_should_match": 1}}


def related_request(vector: Sequence[float], doc_id: str, size: int, k: int = 20) -> dict[str, Any]:
    """Releases nearest a release's own vector (itself excluded)."""
    clause = knn_clause(vector, [{"bool": {"must_not": [{"ids": {"values": [doc_id]}}]}}], k)
    return {"knn": clause, "size": size, "_source": ["title", "date", "place_display", "source"]}

"""Index the collection for each system, run the judged queries, score the runs with ir-measures."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

import ir_measures
from elasticsearch import Elasticsearch, helpers
from ir_measures import RR, P, R, nDCG

from core import schema
from core.release import Release
from esnode.config import ES_VERSION
from eval.collection import Query, load_queries, load_releases, release_key
from eval.systems import SYSTEMS, System

log = logging.getLogger(__name__)

#: The measures reported, by their names in relevance.json.
MEASURES = {"nDCG@10": nDCG @ 10, "MRR": RR, "P@5": P @ 5, "Recall@100": R @ 100}
DEPTH = 100


def qrels(queries: list[Query]) -> list[ir_measures.Qrel]:
    return [
        ir_measures.Qrel(q.id, key, grade) for q in queries for key, grade in q.judgments.items()
    ]


def _load(es: Elasticsearch, system: System, releases: list[Release], index: str) -> None:
    es.indices.create(index=index, settings=system.settings, mappings=system.mapping)
    actions = (
        {
            "_index": index,
            "_id": schema.doc_id(r),
            "_source": system.document(schema.to_document(r)),
        }
        for r in releases
    )
    ok, errors = helpers.bulk(es, actions, raise_on_error=False, refresh="wait_for")
    if errors:
        raise RuntimeError(f"{system.name}: {len(errors)} documents failed: {errors[0]}")


def run_system(
    es: Elasticsearch, system: System, releases: list[Release], queries: list[Query]
) -> list[ir_measures.ScoredDoc]:
    """The ranked lists (top DEPTH) of one system, in a throwaway index."""
    index = f"osce-eval-{system.name}-{uuid.uuid4().hex[:8]}"
    try:
        _load(es, system, releases, index)
        run = []
        for query in queries:
            resp = es.search(
                index=index, query=system.query(query.text), size=DEPTH, source=["path"]
            )
            for rank, hit in enumerate(resp["hits"]["hits"]):
                # Scores follow Elasticsearch's order exactly (ties included).
                run.append(
                    ir_measures.ScoredDoc(
                        query.id, release_key(hit["_source"]["path"]), DEPTH - rank
                    )
                )
        return run
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)


def score(run: list[ir_measures.ScoredDoc], queries: list[Query]) -> dict:
    """Mean and per-query values of every measure (queries with no hit score 0)."""
    judged = qrels(queries)
    measures = list(MEASURES.values())
    names = {str(m): name for name, m in MEASURES.items()}
    per_query: dict[str, dict[str, float]] = {q.id: dict.fromkeys(MEASURES, 0.0) for q in queries}
    for metric in ir_measures.iter_calc(measures, judged, run):
        per_query[metric.query_id][names[str(metric.measure)]] = round(metric.value, 4)
    # Averaged over every judged query: one that finds nothing counts as 0, as it should.
    mean = {
        name: round(sum(pq[name] for pq in per_query.values()) / len(queries), 4)
        for name in MEASURES
    }
    return {"mean": mean, "per_query": per_query}


def evaluate(es: Elasticsearch) -> dict:
    """Both systems on the judged collection: the content of bench/results/relevance.json."""
    releases = load_releases()
    queries = load_queries()
    result: dict = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "elasticsearch": ES_VERSION,
        "tool": f"ir-measures {ir_measures.__version__}",
        "collection": {"releases": len(releases), "queries": len(queries)},
        "measures": list(MEASURES),
        "queries": {q.id: q.text for q in queries},
        "systems": {},
    }
    for system in SYSTEMS:
        log.info("running %s", system.name)
        scored = score(run_system(es, system, releases, queries), queries)
        result["systems"][system.name] = {"description": system.description, **scored}
    base, ours = (result["systems"][s.name]["mean"] for s in SYSTEMS)
    result["delta"] = {name: round(ours[name] - base[name], 4) for name in MEASURES}
    return result

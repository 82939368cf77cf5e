"""Index a collection for each system, run the judged queries, score the runs with ir-measures."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from pathlib import Path

import ir_measures
from elasticsearch import Elasticsearch, helpers
from ir_measures import RR, P, R, nDCG

from core import schema
from core.release import Release
from esnode.config import ES_VERSION
from eval import peer
from eval.collection import ARCHIVE_DIR, EVAL_DIR, SPLITS, Query, load_collection, release_key
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
        key_of = {schema.doc_id(r): release_key(r.path) for r in releases}
        run = []
        for query in queries:
            if system.search:
                keys = [key_of[i] for i in system.search(es, index, query.text, DEPTH)]
            else:
                resp = es.search(
                    index=index, query=system.query(query.text), size=DEPTH, source=["path"]
                )
                keys = [release_key(hit["_source"]["path"]) for hit in resp["hits"]["hits"]]
            # Scores follow the system's order exactly (ties included).
            run.extend(
                ir_measures.ScoredDoc(query.id, key, DEPTH - rank) for rank, key in enumerate(keys)
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


def _means(per_query: dict[str, dict[str, float]], ids: list[str]) -> dict[str, float]:
    return {
        name: round(sum(per_query[i][name] for i in ids) / len(ids), 4) if ids else 0.0
        for name in MEASURES
    }


def breakdown(per_query: dict[str, dict[str, float]], queries: list[Query]) -> dict:
    """Means per split, per kind and per kind within each split (queries carrying them)."""
    kinds = sorted({q.kind for q in queries if q.kind})
    by_split = {s: _means(per_query, [q.id for q in queries if q.split == s]) for s in SPLITS}
    by_kind = {}
    for kind in kinds:
        of_kind = [q for q in queries if q.kind == kind]
        by_kind[kind] = {
            "all": _means(per_query, [q.id for q in of_kind]),
            **{s: _means(per_query, [q.id for q in of_kind if q.split == s]) for s in SPLITS},
        }
    return {"by_split": by_split, "by_kind": by_kind}


def evaluate(es: Elasticsearch, directory: Path = EVAL_DIR, with_peer: bool = False) -> dict:
    """The systems on one judged collection: the content of bench/results/relevance.json.

    With `with_peer`, the SQLite FTS5 peer is scored too; queries carrying a kind and a split
    get means per kind and per split beside the overall ones.
    """
    releases, queries = load_collection(directory)
    result: dict = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "elasticsearch": ES_VERSION,
        "tool": f"ir-measures {ir_measures.__version__}",
        "collection": {"releases": len(releases), "queries": len(queries)},
        "measures": list(MEASURES),
        "queries": {q.id: q.text for q in queries},
        "systems": {},
    }
    split = any(q.kind or q.split for q in queries)
    if split:
        result["kinds"] = {q.id: q.kind for q in queries}
        result["splits"] = {q.id: q.split for q in queries}
    runs = [
        (s.name, s.description, lambda s=s: run_system(es, s, releases, queries)) for s in SYSTEMS
    ]
    if with_peer:
        runs.append((peer.NAME, peer.DESCRIPTION, lambda: peer.run(releases, queries, DEPTH)))
    for name, description, make_run in runs:
        log.info("running %s on %s", name, directory.name)
        scored = score(make_run(), queries)
        if split:
            scored.update(breakdown(scored["per_query"], queries))
        result["systems"][name] = {"description": description, **scored}
    base, ours = (result["systems"][s.name]["mean"] for s in SYSTEMS)
    result["delta"] = {name: round(ours[name] - base[name], 4) for name in MEASURES}
    return result


def evaluate_all(es: Elasticsearch) -> dict:
    """The first judged set as before, plus the archive set (with the FTS5 peer) under `archive`."""
    result = evaluate(es)
    result["archive"] = evaluate(es, ARCHIVE_DIR, with_peer=True)
    return result

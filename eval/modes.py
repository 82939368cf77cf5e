"""`python -m eval.modes`: keyword vs semantic vs hybrid, nDCG@10 per query kind and split.

Each judged collection is indexed once, with vectors, through the indexer's own pipeline; every
query then goes through the web app's `/api/search` in each mode (what users get, fusion and
routing included), 100 hits deep. Tune on `dev`; `heldout` is reported, never tuned on.
Writes bench/results/semantic_eval.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import ir_measures
from elasticsearch import Elasticsearch

from esnode import discover_url
from eval import peer
from eval.collection import QUERIES_FILE, RELEASES_DIR, Query, release_key
from eval.evaluate import run_system, score
from eval.systems import BASELINE
from indexer import aliases
from indexer.bulk import with_vectors
from indexer.embeddings import EmbeddingConfig
from indexer.extract import parse_file

log = logging.getLogger(__name__)

EVAL_DIR = Path(__file__).resolve().parent
RESULTS = EVAL_DIR.parent / "bench" / "results" / "semantic_eval.json"
MODES = ("keyword", "semantic", "hybrid")
#: Measured beside the shipped modes: (name, mode sent, app config).
#: bench/results/semantic_eval.json of 2026-12-01 also measured one request with BM25 + 20 x kNN
#: score ("hybrid-sum"): below RRF on dev (paraphrase 0.644 vs 0.719), so it is not shipped.
DEPTH = 100


@dataclass(frozen=True)
class Collection:
    name: str
    releases: Path
    queries: Path


COLLECTIONS = (
    Collection("archive", EVAL_DIR / "archive" / "releases", EVAL_DIR / "archive" / "queries.json"),
    Collection("seedlike", RELEASES_DIR, QUERIES_FILE),
)


@dataclass(frozen=True)
class KindQuery:
    query: Query
    kind: str
    split: str


def load(collection: Collection) -> tuple[list, list[KindQuery]]:
    releases = [parse_file(p) for p in sorted(collection.releases.glob("*.txt"))]
    data = json.loads(collection.queries.read_text(encoding="utf-8"))
    queries = [
        KindQuery(
            Query(q["id"], q["query"], q.get("note", ""), q["judgments"]),
            q.get("kind", "all"),
            q.get("split", "dev"),
        )
        for q in data["queries"]
    ]
    return [r for r in releases if r.valid], queries


def run_mode(client, queries: list[KindQuery], mode: str) -> tuple[list, list[float]]:
    """The ranked lists of one mode, and each search's wall time in ms."""
    run, took = [], []
    for kq in queries:
        started = time.perf_counter()
        resp = client.get("/api/search", query_string={"q": kq.query.text, "mode": mode,
                                                        "size": DEPTH})  # fmt: skip
        took.append((time.perf_counter() - started) * 1000)
        if resp.status_code != 200:
            raise RuntimeError(f"{kq.query.id} {mode}: HTTP {resp.status_code}")
        for rank, hit in enumerate(resp.get_json()["hits"]):
            key = release_key(hit["path"]) if "path" in hit else hit["id"]
            run.append(ir_measures.ScoredDoc(kq.query.id, key, DEPTH - rank))
    return run, took


def evaluate_collection(es: Elasticsearch, es_url: str, collection: Collection) -> dict:
    from webui import create_app

    releases, queries = load(collection)
    alias = f"osce-eval-modes-{uuid.uuid4().hex[:8]}"
    report = aliases.reindex(es, with_vectors(releases, EmbeddingConfig.default()), alias)
    try:
        ids = _id_keys(es, alias)
        app = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias,
                          "OSCE_RATE_LIMIT": "off"})  # fmt: skip
        client = app.test_client()
        out: dict = {
            "releases": len(releases),
            "queries": len(queries),
            "embedded": report.embedded,
            "embeddings_cached": report.embeddings_cached,
            "modes": {},
        }
        runs = [(m, m, client) for m in MODES]
        for name, mode, mode_client in runs:
            run, took = run_mode(mode_client, queries, mode)
            run = [ir_measures.ScoredDoc(d.query_id, ids.get(d.doc_id, d.doc_id), d.score)
                   for d in run]  # fmt: skip
            out["modes"][name] = {
                **_grouped(run, queries),
                "median_ms": round(sorted(took)[len(took) // 2], 1),
            }
        # Beside them, as in `make eval`: plain BM25 (standard analyzer) and SQLite FTS5.
        plain = [kq.query for kq in queries]
        out["modes"]["bm25"] = _grouped(run_system(es, BASELINE, releases, plain), queries)
        out["modes"]["fts5"] = _grouped(peer.run(releases, plain, DEPTH), queries)
        return out
    finally:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


def _grouped(run: list, queries: list[KindQuery]) -> dict:
    """nDCG@10 per kind/split (and overall) and per query, for one ranked run."""
    per_query = score(run, [kq.query for kq in queries])["per_query"]
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for kq in queries:
        value = per_query[kq.query.id]["nDCG@10"]
        for key in ((kq.kind, kq.split), (kq.kind, "all"), ("all", kq.split), ("all", "all")):
            groups[key].append(value)
    return {
        "nDCG@10": {f"{k}/{s}": round(sum(v) / len(v), 4) for (k, s), v in sorted(groups.items())},
        "per_query": {q: v["nDCG@10"] for q, v in per_query.items()},
    }


def _id_keys(es: Elasticsearch, alias: str) -> dict[str, str]:
    """Document id -> release key (file stem), since hits carry ids, judgments keys."""
    resp = es.search(index=alias, size=10000, source=["path"], query={"match_all": {}})
    return {h["_id"]: release_key(h["_source"]["path"]) for h in resp["hits"]["hits"]}


def table(result: dict) -> str:
    lines = []
    for name, coll in result["collections"].items():
        cells = coll["modes"]["keyword"]["nDCG@10"]
        keys = sorted(cells, key=lambda k: (k.split("/")[0] == "all", k))
        lines.append(f"{name}: nDCG@10 ({coll['releases']} releases, {coll['queries']} queries)")
        names = [*MODES, "bm25", "fts5"]
        lines.append(f"  {'kind/split':24}" + "".join(f"{m:>11}" for m in names) + f"{'Δhyb':>8}")
        for key in keys:
            vals = [coll["modes"][m]["nDCG@10"][key] for m in names]
            lines.append(
                f"  {key:24}" + "".join(f"{v:>11.4f}" for v in vals) + f"{vals[2] - vals[0]:>+8.3f}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.modes", description=__doc__)
    parser.add_argument("--es-url", default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--collection", choices=[c.name for c in COLLECTIONS], action="append")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    url = args.es_url or discover_url()
    es = Elasticsearch(url, request_timeout=120)
    chosen = [c for c in COLLECTIONS if c.queries.exists()]
    if args.collection:
        chosen = [c for c in chosen if c.name in args.collection]
    result = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "measure": "nDCG@10",
        "note": "each mode through /api/search; tune on dev, heldout reported only",
        "collections": {c.name: evaluate_collection(es, url, c) for c in chosen},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(table(result))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Semantic search benchmarks: embedding throughput, the embedding cache, index size with and
without vectors, kNN recall of int8_hnsw, and `/api/search` latency per mode.

On the synthetic corpus `make bench-index` uses. The cache lives in a temporary folder, so the
first reindex embeds everything (cold) and the second and `--from-live` show the hit rate.
Results: bench/results/semantic-<N>.json.

    python bench/semantic_bench.py --cache-scale 500 --latency-scale 10000 [--latency-vectors title]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import MULTI_WORD, ONE_WORD, Gunicorn, corpus, path_for, percentiles  # noqa: E402
from core.semantic.model import MODEL, Embedder, document_text  # noqa: E402
from esnode import discover_url  # noqa: E402
from indexer.bulk import parse_all  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PY = sys.executable
#: Needs worded unlike the synthetic releases' templates.
PARAPHRASES = [
    "stopping the fighting",
    "teaching officers about the rights of detainees",
    "help for people sold into forced labour",
    "how votes are counted",
    "protecting reporters",
]
MODES = ("keyword", "semantic", "hybrid")


def embedding_throughput(texts: list[str]) -> dict:
    embedder = Embedder()
    embedder.embed(texts[:8])  # warm-up
    started = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - started
    query_ms = []
    for q in ONE_WORD + MULTI_WORD + PARAPHRASES:
        t = time.perf_counter()
        embedder.embed_query(q)
        query_ms.append((time.perf_counter() - t) * 1000)
    return {
        "docs": len(texts),
        "docs_per_s": round(len(texts) / seconds, 1),
        "max_tokens": MODEL.max_tokens,
        "threads": "one per core",
        "query_embed_ms": percentiles(query_ms),
    }


def reindex(es_url: str, alias: str, args: list[str], env: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as rep:
        started = time.monotonic()
        subprocess.run(
            [PY, "-m", "indexer", "reindex", *args, "--alias", alias, "--es-url", es_url,
             "--report", rep.name],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        wall = time.monotonic() - started
        report = json.loads(Path(rep.name).read_text())
    return {
        "indexed": report["indexed"],
        "seconds": round(wall, 1),
        "docs_per_s": round(report["indexed"] / wall, 1),
        "embedded": report.get("embedded", 0),
        "embeddings_cached": report.get("embeddings_cached", 0),
        "cache_hit_rate": report.get("embedding_cache_hit_rate"),
    }


def store_size(es: Elasticsearch, alias: str) -> dict:
    """Bytes per release after a force-merge to one segment (comparable across runs)."""
    es.indices.forcemerge(index=alias, max_num_segments=1, wait_for_completion=True)
    stats = es.indices.stats(index=alias, metric=["store", "docs"])["_all"]["primaries"]
    docs, size = stats["docs"]["count"], stats["store"]["size_in_bytes"]
    return {"docs": docs, "bytes": size, "bytes_per_release": round(size / max(docs, 1))}


def knn_recall(es: Elasticsearch, alias: str, cache_file: Path, k: int = 10) -> dict:
    """int8_hnsw's top-k against exact cosine over every cached vector (numpy)."""
    db = sqlite3.connect(cache_file)
    keys, vecs = [], []
    for key, blob in db.execute("SELECT key, vec FROM vectors"):
        keys.append(key[:20])
        vecs.append(np.frombuffer(blob, dtype=np.float32))
    db.close()
    matrix = np.stack(vecs)
    embedder = Embedder()
    recalls = []
    for q in ONE_WORD + MULTI_WORD + PARAPHRASES:
        vec = embedder.embed([q])[0]
        exact = {keys[i] for i in np.argsort(-(matrix @ vec))[:k]}
        body = {
            "knn": {"field": "embedding", "query_vector": vec.tolist(), "k": k,
                    "num_candidates": 200},
            "size": k, "_source": False,
        }  # fmt: skip
        got = {h["_id"] for h in es.search(index=alias, body=body)["hits"]["hits"]}
        recalls.append(len(exact & got) / k)
    return {"k": k, "num_candidates": 200, "recall_mean": round(float(np.mean(recalls)), 3)}


def latency(port: int, rounds: int) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    queries = ONE_WORD + MULTI_WORD + PARAPHRASES
    out = {}
    for mode in MODES:
        for q in queries:  # warm-up: query vectors cached, as a running service has them
            conn.request("GET", path_for({"q": q, "mode": mode}))
            conn.getresponse().read()
        e2e, took = [], []
        for _ in range(rounds):
            for q in queries:
                started = time.perf_counter()
                conn.request("GET", path_for({"q": q, "mode": mode}))
                resp = conn.getresponse()
                body = json.loads(resp.read())
                e2e.append((time.perf_counter() - started) * 1000)
                took.append(body["took_ms"])
        out[mode] = {"e2e_ms": percentiles(e2e), "took_ms": percentiles(took)}
    base = out["keyword"]["e2e_ms"]["p50"]
    for mode in MODES:
        out[mode]["p50_vs_keyword"] = round(out[mode]["e2e_ms"]["p50"] / base, 2)
    return out


def cache_and_size(n: int) -> dict:
    """Reindex n releases without vectors, with (cold cache), again (warm) and --from-live."""
    es_url = discover_url()
    es = Elasticsearch(es_url, request_timeout=600)
    path = corpus(n)
    result: dict = {"scale": n}
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "OSCE_EMBEDDING_CACHE": cache}
        off, on = f"osce-bench-sem-off-{n}", f"osce-bench-sem-{n}"
        print(f"[{n}] reindex without vectors", flush=True)
        result["reindex_off"] = reindex(es_url, off, [str(path), "--embeddings", "off"], env)
        result["size_off"] = store_size(es, off)
        print(f"[{n}] reindex with vectors, cold cache", flush=True)
        result["reindex_cold"] = reindex(es_url, on, [str(path), "--embeddings", "on"], env)
        print(f"[{n}] reindex with vectors, warm cache", flush=True)
        result["reindex_warm"] = reindex(es_url, on, [str(path), "--embeddings", "on"], env)
        print(f"[{n}] reindex --from-live", flush=True)
        result["reindex_from_live"] = reindex(es_url, on, ["--from-live"], env)
        result["size_on"] = store_size(es, on)
        result["vector_bytes_per_release"] = (
            result["size_on"]["bytes_per_release"] - result["size_off"]["bytes_per_release"]
        )
        cache_file = next(Path(cache).glob("embeddings-*.sqlite"))
        result["knn_recall"] = knn_recall(es, on, cache_file)
    for alias in (off, on):
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    return result


def title_vectors_index(es: Elasticsearch, es_url: str, n: int) -> str:
    """n releases with vectors of their titles only (a tenth of the model's time per release),
    for latency at scale on a busy machine; the kNN cost does not depend on what was embedded."""
    from elasticsearch import helpers

    alias = f"osce-bench-sem-lat-{n}"
    reindex(es_url, alias, [str(corpus(n)), "--embeddings", "off"], dict(os.environ))
    index = next(iter(es.indices.get_alias(name=alias)))
    hits = list(helpers.scan(es, index=alias, _source=["title"], size=1000))
    embedder = Embedder()
    vectors = embedder.embed([h["_source"].get("title") or "" for h in hits])
    actions = (
        {"_op_type": "update", "_index": index, "_id": h["_id"],
         "doc": {"embedding": [round(float(x), 6) for x in v]}}
        for h, v in zip(hits, vectors, strict=True)
    )  # fmt: skip
    helpers.bulk(es, actions, chunk_size=500, request_timeout=600)
    es.indices.refresh(index=alias)
    es.indices.forcemerge(index=alias, max_num_segments=1, wait_for_completion=True)
    return alias


def latency_at(n: int, rounds: int, vectors: str) -> dict:
    es_url = discover_url()
    es = Elasticsearch(es_url, request_timeout=600)
    print(f"[{n}] latency index ({vectors} vectors)", flush=True)
    if vectors == "title":
        alias = title_vectors_index(es, es_url, n)
    else:
        alias = f"osce-bench-sem-lat-{n}"
        reindex(es_url, alias, [str(corpus(n)), "--embeddings", "on"], dict(os.environ))
    web = Gunicorn(es_url, alias)
    try:
        print(f"[{n}] latency per mode ({rounds} rounds)", flush=True)
        out = {"scale": n, "vectors": vectors, **latency(web.port, rounds)}
    finally:
        web.stop()
    es.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    return out


def run(
    cache_scale: int, latency_scale: int, rounds: int, vectors: str, latency_only: bool = False
) -> dict:
    result: dict = {
        "cores": os.cpu_count(),
        "model": f"{MODEL.distribution}=={MODEL.version}",
        "note": "machine shared with other work while measured: numbers are noisy",
        "load_average_before": list(os.getloadavg()),
    }
    if latency_only:
        result["latency"] = latency_at(latency_scale, rounds, vectors)
        result["load_average_after"] = list(os.getloadavg())
        return result
    files = sorted(corpus(cache_scale).rglob("*.txt"))[:128]
    texts = [document_text(r.title, r.body_text) for r in parse_all(files) if r.valid]
    print(f"embedding throughput on {len(texts)} releases", flush=True)
    result["embedding"] = embedding_throughput(texts)
    result["cache_and_size"] = cache_and_size(cache_scale)
    result["latency"] = latency_at(latency_scale, rounds, vectors)
    result["load_average_after"] = list(os.getloadavg())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache-scale", type=int, default=500, help="releases for cache/size")
    parser.add_argument("--latency-scale", type=int, default=10000)
    parser.add_argument(
        "--latency-vectors",
        choices=("full", "title"),
        default=os.environ.get("BENCH_SEMANTIC_VECTORS", "full"),
        help="`title`: embed titles only for the latency index (a busy machine)",
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--latency-only", action="store_true", help="skip throughput and cache")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = run(
        args.cache_scale, args.latency_scale, args.rounds, args.latency_vectors, args.latency_only
    )
    out = RESULTS / f"semantic-{args.latency_scale}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=1), flush=True)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

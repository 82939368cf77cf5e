"""Reindex throughput: `python -m indexer reindex` on N synthetic releases vs raw `_bulk`.

Measures, on the same N documents and index settings (1 shard, replicas 0, refresh off):
- raw `_bulk`: pre-built NDJSON chunks posted back to back, and from 2 threads, before and after
  the reindex runs (the machine is shared); the better configuration's mean is the baseline;
- reindex end to end: files -> parser pool -> streaming bulk -> refresh, count check, swap,
  with a cold document cache (every file parsed, and stored), then again on the same unchanged
  files with the cache warm (none parsed: indexer.doc_cache);
- reindex of pre-parsed documents: the same machinery without parsing, to separate the cost of
  extraction (not this module's) from the cost of loading;
- reindex --from-live: a rebuild from the live index's documents (after an analyzer change);
- the load stage with streaming_bulk, threaded streaming_bulk and parallel_bulk.
Results go to bench/results/index.json. Usage: `make bench-index` (N=100,000; `--count` to vary).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
from elasticsearch import Elasticsearch, helpers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # devtools/ is not installed: it is not part of the wheel

from devtools import synth  # noqa: E402
from indexer import aliases  # noqa: E402
from indexer.bulk import (  # noqa: E402
    CHUNK_SIZE,
    Prepared,
    Report,
    default_workers,
    load,
    prepare_all,
    prepare_paths,
)

RESULTS = ROOT / "bench" / "results" / "index.json"
CACHE = Path(os.environ.get("OSCE_DOWNLOAD_DIR", Path.home() / ".cache" / "osce-search"))


def corpus(count: int, seed: int) -> tuple[Path, float]:
    """The synthetic corpus, generated once and reused (a marker file says it is complete)."""
    out = CACHE / f"synth-{count}-seed{seed}"
    marker = out / ".complete"
    if marker.exists():
        return out, 0.0
    started = time.monotonic()
    synth.write_corpus(out, count, seed)
    marker.write_text(str(count))
    return out, time.monotonic() - started


def _descendants() -> list[int]:
    """This process's descendants, from /proc/<pid>/task/<tid>/children (a few small reads,
    where psutil's children() scans every process); psutil's scan where that is missing."""
    me = os.getpid()
    if not os.path.exists(f"/proc/{me}/task/{me}/children"):
        return [p.pid for p in psutil.Process().children(recursive=True)]
    found: list[int] = []
    todo = [me]
    while todo:
        pid = todo.pop()
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
                found += kids
                todo += kids
        except OSError:
            continue
    return found


class CpuMeter:
    """CPU seconds spent by Elasticsearch (its node stats), this process and its parser
    processes (polled: they are the forkserver's children, not ours) over a phase: where a
    document's CPU goes, which a shared machine's wall clock cannot say."""

    def __init__(self, es: Elasticsearch):
        self.es = es
        self.workers: dict[int, float] = {}
        self._stop = threading.Event()
        self._poll_cpu = 0.0

    def _es_cpu(self) -> float:
        """The node's CPU seconds: from /proc when it runs here (exact), else node stats
        (refreshed once a second)."""
        nodes = self.es.nodes.info(metric="process")["nodes"].values()
        try:
            total = 0.0
            for node in nodes:
                with open(f"/proc/{node['process']['id']}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            return total
        except OSError:
            stats = self.es.nodes.stats(metric="process")["nodes"].values()
            return sum(n["process"]["cpu"]["total_in_millis"] for n in stats) / 1000

    @staticmethod
    def _own_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def _poll(self) -> None:
        """Descendants and their CPU read every 0.1 s (the parsers exit with their pool: the
        last reading is at most 0.1 s old)."""
        known: dict[int, psutil.Process] = {}
        while not self._stop.is_set():
            for pid in _descendants():
                if pid in known:
                    continue
                try:
                    child = psutil.Process(pid)
                    times = child.cpu_times()
                    old = child.create_time() < self.t0
                except psutil.Error:
                    continue
                known[pid] = child
                self.base[pid] = times.user + times.system if old else 0.0
            for pid, child in list(known.items()):
                try:
                    times = child.cpu_times()
                except psutil.Error:
                    del known[pid]  # gone: its last reading stays
                    continue
                self.workers[pid] = times.user + times.system
            self._poll_cpu = time.thread_time()
            self._stop.wait(0.1)

    def __enter__(self) -> CpuMeter:
        self.t0 = time.time()
        self.base: dict[int, float] = {}
        self.es0, self.own0 = self._es_cpu(), self._own_cpu()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.es_s = self._es_cpu() - self.es0
        self.own_s = self._own_cpu() - self.own0 - self._poll_cpu  # less the polling itself
        self.workers_s = sum(v - self.base.get(pid, 0.0) for pid, v in self.workers.items())

    def per_doc(self, docs: int) -> dict:
        """CPU ms per document: Elasticsearch, the loading process, the parser processes."""
        return {
            "elasticsearch": round(self.es_s / docs * 1000, 4),
            "main_process": round(self.own_s / docs * 1000, 4),
            "parser_processes": round(self.workers_s / docs * 1000, 4),
        }


def ndjson_chunks(docs: list[Prepared], size: int = CHUNK_SIZE) -> list[bytes]:
    """Pre-built `_bulk` bodies: what a raw loader with documents already in hand would send."""
    chunks = []
    seen: set[str] = set()
    lines: list[bytes] = []
    for doc in docs:
        if doc.doc_id is None or doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        lines.append(json.dumps({"index": {"_id": doc.doc_id}}).encode())
        lines.append(doc.source)
        if len(lines) == 2 * size:
            chunks.append(b"\n".join(lines) + b"\n")
            lines = []
    if lines:
        chunks.append(b"\n".join(lines) + b"\n")
    return chunks


def raw_bulk(es: Elasticsearch, alias: str, chunks: list[bytes], threads: int) -> dict:
    """Post the chunks into a fresh index like reindex's, then refresh; docs/s over both."""
    index = aliases.new_index_name(alias)
    aliases.create_index(es, index, loading=True)
    try:
        meter = CpuMeter(es).__enter__()
        started = time.monotonic()

        def post(body: bytes) -> int:
            # The response as small as the loader's (indexer.bulk): parsing it is CPU here too.
            resp = es.bulk(index=index, operations=body, filter_path="errors,items.*.status")
            if resp["errors"]:
                raise RuntimeError("raw _bulk had item errors")
            return len(resp["items"])

        if threads == 1:
            sent = sum(post(c) for c in chunks)
        else:
            with ThreadPoolExecutor(threads) as pool:
                sent = sum(pool.map(post, chunks))
        es.indices.put_settings(index=index, settings={"refresh_interval": None})
        es.indices.refresh(index=index)
        seconds = time.monotonic() - started
        meter.__exit__()
        assert es.count(index=index)["count"] == sent
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)
    return {
        "threads": threads,
        "docs": sent,
        "seconds": round(seconds, 2),
        "docs_per_s": sent / seconds,
        "cpu_ms_per_doc": meter.per_doc(sent),
    }


def timed_reindex(es: Elasticsearch, alias: str, items, from_files: bool = False, **kwargs) -> dict:
    """One reindex; from_files: it parses (or takes from the document cache) files, whose
    counts it records (pre-parsed documents say they were parsed, but not in this run)."""
    with CpuMeter(es) as meter:
        started = time.monotonic()
        report = aliases.reindex(es, items, alias, keep=0, use_lock=True, **kwargs)
        seconds = time.monotonic() - started
    assert es.count(index=alias)["count"] == report.indexed and not report.failed
    counts = {"parsed": report.parsed, "cached": report.cached}
    cache = {"doc_cache": {**counts, "hit_rate": report.doc_cache_hit_rate}} if from_files else {}
    return {
        **cache,
        "docs": report.indexed,
        "files": report.files,
        "duplicates": report.duplicates,
        "skipped": len(report.skipped),
        "seconds": round(seconds, 2),
        "docs_per_s": report.indexed / seconds,
        "cpu_ms_per_doc": meter.per_doc(report.indexed),
        **{k: v for k, v in kwargs.items() if k == "threads"},
    }


def loaders(es: Elasticsearch, alias: str, docs: list[Prepared]) -> dict:
    """The load stage alone, three ways, on pre-parsed documents."""
    results = {}
    for name in ("streaming_bulk", "streaming_bulk x2 threads", "parallel_bulk x2 threads"):
        index = aliases.new_index_name(alias)
        aliases.create_index(es, index, loading=True)
        try:
            started = time.monotonic()
            if name.startswith("parallel"):
                pairs = (({"index": {"_index": index, "_id": d.doc_id}}, d.source) for d in docs)
                ok = sum(
                    1
                    for ok, _ in helpers.parallel_bulk(
                        es,
                        pairs,
                        thread_count=2,
                        chunk_size=CHUNK_SIZE,
                        expand_action_callback=lambda pair: pair,
                    )  # fmt: skip
                    if ok
                )
            else:
                threads = 2 if "x2" in name else 1
                ok = load(es, docs, index, Report(), threads=threads).indexed
            seconds = time.monotonic() - started
        finally:
            es.indices.delete(index=index, ignore_unavailable=True)
        results[name] = {"docs": ok, "seconds": round(seconds, 2), "docs_per_s": ok / seconds}
    return results


def summary(result: dict) -> dict:
    """One line per run: on a shared machine a single run says little; the history says more."""
    keys = ("when", "count", "parse_only_files_per_s", "baseline_docs_per_s", "ratio_vs_raw",
            "ratio_warm_cache_vs_raw", "ratio_pre_parsed_vs_raw",
            "ratio_from_live_vs_raw")  # fmt: skip
    return {
        **{k: result.get(k) for k in keys},
        "reindex_docs_per_s": result["reindex"]["docs_per_s"],
        "reindex_cpu_ms_per_doc": result["reindex"]["cpu_ms_per_doc"],
        "reindex_warm_cache_cpu_ms_per_doc": result["reindex_warm_cache"]["cpu_ms_per_doc"],
        "load_average_before": result["machine"]["load_average_before"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--loader-docs", type=int, default=20_000, help="0 skips the comparison")
    parser.add_argument("--es-url", default=os.environ.get("ES_URL"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from esnode import discover_url

    es = Elasticsearch(args.es_url or discover_url(), request_timeout=300)
    alias = "osce-bench-index"
    load_before = os.getloadavg()
    path, generated = corpus(args.count, args.seed)
    print(f"corpus: {args.count} releases in {path} (generated in {generated:.1f}s)", flush=True)

    started = time.monotonic()
    docs = list(prepare_all([path], workers=args.workers))
    parse_only = time.monotonic() - started
    print(f"parse only ({args.workers} workers): {len(docs) / parse_only:.0f} files/s", flush=True)
    chunks = ndjson_chunks(docs)

    try:
        # The machine is shared: raw _bulk runs bracket the reindex runs, and their mean is used.
        raw = [raw_bulk(es, alias, chunks, threads) for threads in (1, 2)]
        for r in raw:
            print(f"raw _bulk x{r['threads']}: {r['docs_per_s']:.0f} docs/s", flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-doc-cache-") as cache:

            def files() -> Iterator[Prepared]:
                return prepare_paths([path], workers=args.workers, doc_cache_dir=cache)

            e2e = timed_reindex(es, alias, files(), from_files=True)
            print(f"reindex end to end, cold document cache: {e2e['docs_per_s']:.0f} docs/s")
            warm = timed_reindex(es, alias, files(), from_files=True)
            print(
                f"reindex end to end, warm document cache: {warm['docs_per_s']:.0f} docs/s "
                f"(hit rate {warm['doc_cache']['hit_rate']:.3f})",
                flush=True,
            )
        pre = timed_reindex(es, alias, docs)
        print(f"reindex of pre-parsed documents: {pre['docs_per_s']:.0f} docs/s", flush=True)
        live = timed_reindex(es, alias, aliases.live_documents(es, alias))
        print(f"reindex --from-live: {live['docs_per_s']:.0f} docs/s", flush=True)
        raw += [raw_bulk(es, alias, chunks, threads) for threads in (2, 1)]
        for r in raw[2:]:
            print(f"raw _bulk x{r['threads']} (again): {r['docs_per_s']:.0f} docs/s", flush=True)
        del chunks
        compare = {}
        for _ in range(2 if args.loader_docs else 0):
            for name, r in loaders(es, alias, docs[: args.loader_docs]).items():
                compare.setdefault(name, []).append(r)
        for name, runs in compare.items():
            rates = ", ".join(f"{r['docs_per_s']:.0f}" for r in runs)
            print(f"load stage, {name}: {rates} docs/s", flush=True)
    finally:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)

    by_threads = {
        t: sum(r["docs_per_s"] for r in raw if r["threads"] == t)
        / sum(1 for r in raw if r["threads"] == t)
        for t in (1, 2)
    }
    best_raw = max(by_threads.values())
    version = next(iter(es.nodes.info(metric="process")["nodes"].values()))["version"]
    result = {
        "benchmark": "reindex of synthetic releases vs raw _bulk of the same documents",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "elasticsearch": version,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "note": "2 cores shared with other users and their Elasticsearch nodes",
        },
        "count": args.count,
        "seed": args.seed,
        "parser_workers": args.workers,
        "parse_only_files_per_s": round(len(docs) / parse_only, 1),
        "raw_bulk": [{**r, "docs_per_s": round(r["docs_per_s"], 1)} for r in raw],
        "raw_bulk_mean_docs_per_s": {f"x{t}": round(v, 1) for t, v in by_threads.items()},
        "baseline_docs_per_s": round(best_raw, 1),
        "reindex": {**e2e, "docs_per_s": round(e2e["docs_per_s"], 1)},
        "reindex_warm_cache": {**warm, "docs_per_s": round(warm["docs_per_s"], 1)},
        "ratio_warm_cache_vs_raw": round(warm["docs_per_s"] / best_raw, 3),
        "reindex_pre_parsed": {**pre, "docs_per_s": round(pre["docs_per_s"], 1)},
        "load_stage_docs_per_s": {
            k: [round(r["docs_per_s"], 1) for r in runs] for k, runs in compare.items()
        },
        "ratio_vs_raw": round(e2e["docs_per_s"] / best_raw, 3),
        "ratio_pre_parsed_vs_raw": round(pre["docs_per_s"] / best_raw, 3),
        "reindex_from_live": {**live, "docs_per_s": round(live["docs_per_s"], 1)},
        "ratio_from_live_vs_raw": round(live["docs_per_s"] / best_raw, 3),
        "targets": {"docs_per_s": 1000, "ratio_vs_raw": 0.8},
        "meets": {
            "docs_per_s": e2e["docs_per_s"] >= 1000,
            "ratio_vs_raw": e2e["docs_per_s"] / best_raw >= 0.8,
            "ratio_warm_cache_vs_raw": warm["docs_per_s"] / best_raw >= 0.8,
            "ratio_pre_parsed_vs_raw": pre["docs_per_s"] / best_raw >= 0.8,
            "ratio_from_live_vs_raw": live["docs_per_s"] / best_raw >= 0.8,
        },
    }
    side = {"raw _bulk x1": raw[0], "raw _bulk x2": raw[1], "reindex, cold cache": e2e,
            "reindex, warm cache": warm}  # fmt: skip
    for name, run in side.items():
        cpu = ", ".join(f"{k} {v:.3f}" for k, v in run["cpu_ms_per_doc"].items())
        print(f"{name:20} {run['docs_per_s']:7.0f} docs/s {run['docs_per_s'] / best_raw:5.2f}x"
              f"  CPU ms/doc: {cpu}")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    with args.out.with_name(args.out.stem + "-history.jsonl").open("a") as history:
        history.write(json.dumps(summary(result)) + "\n")
    print(
        f"reindex {e2e['docs_per_s']:.0f} docs/s = {result['ratio_vs_raw']:.2f}x raw _bulk "
        f"({best_raw:.0f} docs/s); warm document cache {result['ratio_warm_cache_vs_raw']:.2f}x; "
        f"pre-parsed {result['ratio_pre_parsed_vs_raw']:.2f}x; "
        f"--from-live {result['ratio_from_live_vs_raw']:.2f}x; "
        f"written to {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Whole-set export benchmark: rows/s and the web worker's memory over one long export.

Loads N synthetic releases (devtools.synth.load_index), serves the web UI under gunicorn with one
worker (as deployed: threaded), streams `/api/search.csv?all=1` and `/api/search.jsonl` (with and
without `body`) over loopback while sampling the worker's RSS every 0.1 s, and writes
bench/results/export.json. Memory should stay flat: a streamed export holds one batch at a time.

    python bench/export_bench.py --count 25000
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import Gunicorn  # noqa: E402
from devtools import synth  # noqa: E402
from esnode import discover_url  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "export.json"
EXPORTS = [
    ("csv", "/api/search.csv?all=1"),
    ("jsonl", "/api/search.jsonl"),
    ("jsonl+body", "/api/search.jsonl?fields=id,title,date,place,source,body"),
    ("csv q=election", "/api/search.csv?all=1&q=election"),
]


class Sampler(threading.Thread):
    """The worker's RSS (MiB) every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self.done = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.done.is_set():
            self.samples.append((time.monotonic() - start, self.proc.memory_info().rss / 2**20))
            time.sleep(self.interval)


def export(port: int, path: str, worker: int) -> dict:
    """Stream one export, counting lines and bytes, with the worker's RSS sampled."""
    sampler = Sampler(worker)
    before = psutil.Process(worker).memory_info().rss / 2**20
    sampler.start()
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request("GET", path)
    resp = conn.getresponse()
    lines = size = 0
    first_byte = None
    while chunk := resp.read(65536):
        first_byte = first_byte or time.monotonic() - started
        lines += chunk.count(b"\n")
        size += len(chunk)
    seconds = time.monotonic() - started
    sampler.done.set()
    sampler.join()
    rss = [r for _, r in sampler.samples]
    rows = lines - (1 if "csv" in path else 0)
    return {
        "path": path,
        "status": resp.status,
        "rows": rows,
        "mb": round(size / 2**20, 1),
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
        "first_byte_s": round(first_byte or 0, 3),
        "rss_mb": {
            "before": round(before, 1),
            "min": round(min(rss), 1),
            "max": round(max(rss), 1),
            "end": round(rss[-1], 1),
            "growth": round(max(rss) - before, 1),
        },
        "rss_samples": [
            [round(t, 1), round(r, 1)] for t, r in sampler.samples[:: max(1, len(rss) // 50)]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    es_url = discover_url()
    es = Elasticsearch(es_url, request_timeout=300)
    alias = "osce-bench-export"
    started = time.monotonic()
    docs = synth.load_index(es, alias, args.count, seed=19)
    load_s = time.monotonic() - started
    server = Gunicorn(es_url, alias, workers=1, threads=4)
    try:
        (worker,) = psutil.Process(server.proc.pid).children()
        # Warm the worker (imports, client) so the first export's RSS is not start-up.
        export(server.port, "/api/search.csv?size=10", worker.pid)
        runs = [{"name": name, **export(server.port, path, worker.pid)} for name, path in EXPORTS]
    finally:
        server.stop()
        for index in es.indices.get_alias(name=alias):
            es.indices.delete(index=index)
    result = {
        "benchmark": "whole-set export through the web worker (point-in-time + search_after)",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": {"cpus": psutil.cpu_count(), "python": platform.python_version()},
        "caveat": "2 CPU cores shared with other engineers' builds and nodes: numbers are noisy",
        "corpus": {"releases": docs, "load_seconds": round(load_s, 1), "bodies": "one paragraph"},
        "server": "gunicorn, 1 worker, 4 threads",
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    for r in runs:
        print(
            f"{r['name']:>16}: {r['rows']} rows, {r['mb']} MB in {r['seconds']} s "
            f"({r['rows_per_s']} rows/s); worker RSS {r['rss_mb']['before']} -> "
            f"max {r['rss_mb']['max']} MiB (+{r['rss_mb']['growth']})"
        )


if __name__ == "__main__":
    main()

"""Incremental `index` on an unchanged (then slightly grown) crawl vs a full `reindex`.

    .venv/bin/python bench/incremental_bench.py [--count 100000] [--grow 1000]

1. Writes N synthetic releases (devtools.synth, text dumps and HTML pages mixed) to a temporary
   folder and runs `python -m indexer reindex DIR` (which also writes the manifest).
2. Runs `python -m indexer index DIR` on the unchanged folder: every file is hashed and found in
   the manifest, nothing is parsed; the ratio of the two times is the speed-up.
3. Adds `--grow` new files and runs `index DIR` again: only those are parsed and indexed.
Results go to bench/results/incremental.json. The machine is shared: numbers are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools import synth  # noqa: E402


def run(args: list[str], report: Path) -> tuple[float, dict]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", *args, "--report", str(report), "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return seconds, json.loads(report.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--grow", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--es-url", default=os.environ.get("ES_URL"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "incremental.json"))
    args = parser.parse_args()
    from elasticsearch import Elasticsearch

    from esnode import discover_url

    url = args.es_url or discover_url()
    es = Elasticsearch(url, request_timeout=120)
    alias = f"bench-incr-{uuid.uuid4().hex[:6]}"
    common = ["--alias", alias, "--es-url", url]
    try:
        with tempfile.TemporaryDirectory(prefix="incr-bench-") as tmp:
            crawl = Path(tmp) / "crawl"
            started = time.perf_counter()
            synth.write_corpus(crawl / "base", args.count, seed=args.seed, fmt="mixed")
            generated = time.perf_counter() - started
            re_s, re_rep = run(["reindex", str(crawl), *common], Path(tmp) / "r.json")
            same_s, same_rep = run(["index", str(crawl), *common], Path(tmp) / "i1.json")
            synth.write_corpus(crawl / "grown", args.grow, seed=args.seed + 1, fmt="mixed")
            grow_s, grow_rep = run(["index", str(crawl), *common], Path(tmp) / "i2.json")
    finally:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
    unchanged = same_rep["incremental"]
    grown = grow_rep["incremental"]
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2),
            "note": "2 cores shared with other engineers' work: noisy",
        },
        "files": args.count,
        "generated_s": round(generated, 1),
        "reindex": {"seconds": round(re_s, 2), "indexed": re_rep["indexed"]},
        "index_unchanged": {
            "seconds": round(same_s, 2),
            "new": unchanged["new"],
            "changed": unchanged["changed"],
            "unchanged": unchanged["unchanged"],
        },
        "index_grown": {
            "seconds": round(grow_s, 2),
            "added_files": args.grow,
            "new": grown["new"],
            "unchanged": grown["unchanged"],
            "indexed": grow_rep["indexed"],
        },
        "speed_up_unchanged_vs_reindex": round(re_s / same_s, 1),
        "target_speed_up": 10,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

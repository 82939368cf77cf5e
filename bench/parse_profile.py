"""Where a release's parsing CPU goes: per-stage CPU ms per file, and a cProfile summary.

Runs one process over N synthetic text dumps (process CPU time, so a busy shared machine
inflates it less than wall time would): read, hash, decode, parse, gazetteer, document, JSON in
Python; read, hash and the one call of the native extractor (indexer.native) when it is built.
`prepare_file` is timed both ways: with the native extractor (the default) and without it;
the reindex's batched main-process path (`bulk._native_batch`) with a cold document cache too.
Writes bench/results/parse-profile.json (or --out) and the cProfile top list beside it (.txt).
Flame graphs: `py-spy record -o bench/results/parse-flame.svg -- python bench/parse_profile.py`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.index_bench import corpus  # noqa: E402
from core import schema  # noqa: E402
from indexer import native  # noqa: E402
from indexer.bulk import prepare_file, serialise, unit_hash  # noqa: E402
from indexer.extract import read_head  # noqa: E402
from indexer.extract.encoding import decode  # noqa: E402
from indexer.extract.text_dump import parse_text  # noqa: E402
from indexer.gazetteer import find_countries, place_parts  # noqa: E402


def stages(files: list[str]) -> dict[str, float]:
    """CPU ms per file for each stage of prepare_file on a text dump."""
    spent: dict[str, float] = {}
    clock = time.process_time
    for path in files:
        t0 = clock()
        data = read_head(path)
        t1 = clock()
        unit_hash(data)
        t2 = clock()
        text = decode(data)
        t3 = clock()
        release = parse_text(text, path)
        t4 = clock()
        countries = find_countries(release.title or "", release.body_text)
        countries += place_parts(release.dateline_place)[1]
        release.countries, release.places = countries, place_parts(release.place)[0]
        t5 = clock()
        doc = schema.to_document(release)
        t6 = clock()
        serialise(doc)
        t7 = clock()
        marks = (t0, t1, t2, t3, t4, t5, t6, t7)
        names = ("read", "hash", "decode", "parse_text", "gazetteer", "to_document", "serialise")
        for name, a, b in zip(names, marks, marks[1:], strict=False):
            spent[name] = spent.get(name, 0.0) + b - a
    return {k: round(v / len(files) * 1000, 4) for k, v in spent.items()}


def native_stages(files: list[str]) -> tuple[dict[str, float], float]:
    """CPU ms per file for read, hash and the native extractor's call; the share it took."""
    spent = {"read": 0.0, "hash": 0.0, "native": 0.0}
    taken = 0
    clock = time.process_time
    for path in files:
        t0 = clock()
        data = read_head(path)
        t1 = clock()
        unit_hash(data)
        t2 = clock()
        taken += native.prepare(data, path) is not None
        t3 = clock()
        spent["read"] += t1 - t0
        spent["hash"] += t2 - t1
        spent["native"] += t3 - t2
    return {k: round(v / len(files) * 1000, 4) for k, v in spent.items()}, taken / len(files)


def prepare_cpu(files: list[str], use_native: bool) -> float:
    """CPU ms per file of `prepare_file`, with or without the native extractor."""
    os.environ["OSCE_NATIVE"] = "on" if use_native else "off"
    native.extractor.cache_clear()
    for f in files[:100]:
        prepare_file(f)  # warm: regexes compiled, caches filled
    started = time.process_time()
    for f in files:
        prepare_file(f)
    return (time.process_time() - started) / len(files) * 1000


def batched_cpu(files: list[str]) -> float:
    """CPU ms per file of the reindex's main-process path (`bulk._native_batch`, 64 files a
    call) with a cold document cache: read, hash, cache lookup, native parse, cache write."""
    import tempfile

    from indexer import bulk, doc_cache

    native.extractor.cache_clear()
    with tempfile.TemporaryDirectory() as tmp:
        where = doc_cache.Where(tmp, "profile")
        writer, reader = doc_cache.DocCache.writer(where), doc_cache.DocCache.reader(where)
        started = time.process_time()
        for i in range(0, len(files), bulk.BATCH):
            for item in bulk._native_batch(files[i : i + bulk.BATCH], reader):
                if item is not None and item.row is not None:
                    writer.add(item.row)
        writer.flush()
        spent = time.process_time() - started
        writer.close()
        reader.close()
    return spent / len(files) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "parse-profile.json"
    )
    args = parser.parse_args(argv)
    path, _ = corpus(10_000, 0)
    files = sorted(str(p) for p in path.rglob("*.txt"))[: args.files]
    python_total = prepare_cpu(files, use_native=False)
    per_stage = stages(files)
    built = native.osce_native is not None
    native_total = prepare_cpu(files, use_native=True) if built else None
    per_native_stage, taken = native_stages(files) if built else ({}, 0.0)
    batched = batched_cpu(files) if built else None
    os.environ["OSCE_NATIVE"] = "on" if built else "off"
    native.extractor.cache_clear()
    profile = cProfile.Profile()
    profile.enable()
    for f in files:
        prepare_file(f)
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(25)
    result = {
        "benchmark": "prepare_file CPU per synthetic text dump, one process",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "files": len(files),
        "native_built": built,
        "cpu_ms_per_file": round(native_total if built else python_total, 4),
        "cpu_ms_per_file_python": round(python_total, 4),
        "cpu_ms_per_file_native": None if native_total is None else round(native_total, 4),
        "native_share": round(taken, 4),
        "cpu_ms_per_file_batched_cold_cache": None if batched is None else round(batched, 4),
        "cpu_ms_per_stage": per_stage,
        "cpu_ms_per_stage_native": per_native_stage,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "note": "2 cores shared with other engineers' benchmarks and nodes; process CPU time",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    args.out.with_suffix(".txt").write_text(text.getvalue())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

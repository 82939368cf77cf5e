"""Parse benchmark: files/s of `python -m indexer parse` on one core, and extraction accuracy.

    .venv/bin/python bench/parse_bench.py [--files 10000] [--out bench/results/parse.json]

1. Writes a synthetic mixed crawl (devtools.synth_crawl: text dumps, Drupal pages with an
   osce.org-sized menu, legacy encodings and damaged files) and times the real command over it,
   pinned to one core with `taskset` when available; the target is >= 500 files/s.
2. Times each kind of file in-process (steady state), to show where the time goes.
3. Times the command on the realistic synthetic archive (devtools.synth) as text dumps, as HTML
   pages and as one WARC of the same releases: files/s per input format.
4. Measures per-field accuracy on the hand-written fixtures (tests/fixtures/cases): the share of
   fixtures whose field equals the expected JSON exactly, and the countries' precision and recall
   with and without adjectives ("Armenian President").
`--accuracy-only` prints step 4 alone (used to measure an older version of the extractor).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "cases"
sys.path.insert(0, str(ROOT))  # devtools/ is not installed: it is not part of the wheel
from core.release import Release  # noqa: E402

#: Every field of the `parse` contract but the path (DESIGN.md §3).
FIELDS = [k for k in Release(path="").to_parse_json(None) if k != "path"]


def wide_names() -> set[str]:
    """The fixtures of the wider archive (issue 14), reported apart from the older ones."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures import build

    names: set[str] = set()
    build.wide_cases(lambda name, data, exp: names.add(name))
    return names


def accuracy() -> dict:
    """Per-field exact-match share over the fixtures (all, the older ones, the wider archive's),
    and countries precision/recall."""
    from core import schema
    from indexer import gazetteer
    from indexer.extract import parse_file

    hits: dict[str, int] = defaultdict(int)
    wide = wide_names()
    group_hits: dict[str, dict[str, int]] = {"older": defaultdict(int), "wide": defaultdict(int)}
    group_n = {"older": 0, "wide": 0}
    counts = {"with_adjectives": [0, 0, 0], "names_only": [0, 0, 0]}  # tp, fp, fn
    expected_files = sorted(CASES.glob("*.expected.json"))
    all_exact = 0
    for path in expected_files:
        want = json.loads(path.read_text())
        release = parse_file(CASES / want["path"])
        got = release.to_parse_json(schema.doc_id(release) if release.valid else None)
        group = "wide" if want["path"] in wide else "older"
        group_n[group] += 1
        for field in FIELDS:
            hits[field] += got.get(field) == want[field]
            group_hits[group][field] += got.get(field) == want[field]
        all_exact += all(got.get(field) == want[field] for field in FIELDS)
        if not (release.valid and want["valid"]):
            continue
        gold = set(want["countries"])
        for mode, adjectives in (("with_adjectives", True), ("names_only", False)):
            try:
                found = set(
                    gazetteer.find_countries(
                        release.title or "", release.body_text, demonyms=adjectives
                    )
                )
            except TypeError:  # an extractor without the option
                found = set(release.countries)
            counts[mode][0] += len(found & gold)
            counts[mode][1] += len(found - gold)
            counts[mode][2] += len(gold - found)
    n = len(expected_files)
    countries = {}
    for mode, (tp, fp, fn) in counts.items():
        countries[mode] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "true_positives": tp,
            "false_positives": fp,
            "false_negatives": fn,
        }
    return {
        "fixtures": n,
        "per_field_exact": {f: round(hits[f] / n, 3) for f in FIELDS},
        "per_field_exact_older_fixtures": {
            f: round(group_hits["older"][f] / max(1, group_n["older"]), 3) for f in FIELDS
        },
        "per_field_exact_wide_archive_fixtures": {
            f: round(group_hits["wide"][f] / max(1, group_n["wide"]), 3) for f in FIELDS
        },
        "fixtures_older": group_n["older"],
        "fixtures_wide_archive": group_n["wide"],
        "fixtures_all_fields_exact": all_exact,
        "countries": countries,
    }


def time_cli(folder: Path, count: int) -> dict:
    """Wall-clock seconds of the real command over the folder, one core, output to a file."""
    cmd = [sys.executable, "-m", "indexer", "parse", str(folder)]
    pinned = bool(shutil.which("taskset"))
    if pinned:
        cmd = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *cmd]
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        proc = subprocess.run(
            cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT, check=False, timeout=1800
        )
        seconds = time.perf_counter() - started
        out.seek(0)
        rows = [json.loads(line) for line in out]
    return {
        "command": "python -m indexer parse DIR",
        "one_core_taskset": pinned,
        "exit_code": proc.returncode,
        "files": count,
        "rows": len(rows),
        "valid": sum(r["valid"] for r in rows),
        "invalid": sum(not r["valid"] for r in rows),
        "seconds": round(seconds, 3),
        "files_per_s": round(count / seconds, 1),
        "target_files_per_s": 500,
    }


def time_formats(count: int, seed: int) -> dict:
    """files/s of `parse` over the same synthetic releases as text, HTML and one WARC."""
    from devtools import synth

    out = {}
    with tempfile.TemporaryDirectory(prefix="parse-formats-") as tmp:
        for fmt in ("text", "html", "warc"):
            folder = Path(tmp) / fmt
            synth.write_corpus(folder, count, seed=seed, fmt=fmt)
            timed = time_cli(folder, count)
            out[fmt] = {
                "files": count,
                "valid": timed["valid"],
                "seconds": timed["seconds"],
                "files_per_s": timed["files_per_s"],
            }
    return out


def time_kinds(files: list, per_kind: int = 200) -> dict:
    """Steady-state milliseconds per file for each kind (after a warm-up)."""
    from indexer.extract import parse_file

    by_kind: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        by_kind[f.kind].append(f.path)
    for f in files[:50]:
        parse_file(f.path)
    out = {}
    for kind, paths in sorted(by_kind.items()):
        sample = paths[:per_kind]
        started = time.perf_counter()
        for path in sample:
            parse_file(path)
        ms = (time.perf_counter() - started) / len(sample) * 1000
        out[kind] = {"files_in_mix": len(paths), "ms_per_file": round(ms, 3)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "parse.json"))
    parser.add_argument("--accuracy-only", action="store_true")
    parser.add_argument(
        "--format-files", type=int, default=3000, help="releases per format in step 3"
    )
    args = parser.parse_args()
    if args.accuracy_only:
        print(json.dumps(accuracy(), indent=2))
        return

    from devtools.synth_crawl import write_crawl

    with tempfile.TemporaryDirectory(prefix="parse-bench-") as tmp:
        started = time.perf_counter()
        files = write_crawl(Path(tmp) / "crawl", args.files, seed=args.seed)
        generated = time.perf_counter() - started
        cli = time_cli(Path(tmp) / "crawl", len(files))
        kinds = time_kinds(files)
    formats = time_formats(args.format_files, args.seed)
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "corpus": {"files": len(files), "seed": args.seed, "generated_s": round(generated, 2)},
        "cli": cli,
        "per_kind": kinds,
        "formats": formats,
        "accuracy": accuracy(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    summary = {
        "cli": cli,
        "files_per_s_by_format": {k: v["files_per_s"] for k, v in formats.items()},
        "accuracy": result["accuracy"]["per_field_exact"],
    }
    print(json.dumps(summary, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

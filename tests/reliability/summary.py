"""The reliability figures: tests record them here, `make test-reliability` prints the table.

A test run records into a temporary file (tests never rewrite tracked files); `make
bench-reliability` points OSCE_RELIABILITY_RESULTS at bench/results/reliability.json (one key per
measurement), so a run can be compared with the last recorded one; `python -m
tests.reliability.summary [FILE]` renders a file as a Markdown table.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

#: The recorded figures, written only by `make bench-reliability`.
RECORDED = Path(__file__).resolve().parents[2] / "bench" / "results" / "reliability.json"


def _results_file() -> Path:
    """OSCE_RELIABILITY_RESULTS, else a file of this run's own in a temporary directory."""
    chosen = os.environ.get("OSCE_RELIABILITY_RESULTS")
    if chosen:
        return Path(chosen).resolve()
    return Path(tempfile.mkdtemp(prefix="osce-reliability-")) / "reliability.json"


RESULTS = _results_file()

#: (key, label, how to render the recorded dict)
ROWS: list[tuple[str, str, str]] = [
    (
        "node_loss_searches",
        "Searches during node loss: right total and ids / total",
        "{ok}/{total} ({rate:.2%})",
    ),
    (
        "node_loss_documents",
        "Documents acknowledged after the fault began vs found",
        "{acknowledged} / {found}",
    ),
    ("node_loss_recovery", "Back to green after restart", "{status} in {seconds:.0f}s"),
    (
        "node_loss_lonely",
        "Replica-less index on the lost node: status, seconds",
        "{status} in {seconds:.2f}s ({message})",
    ),
    ("bulk_429", "Bulk under a squeezed write queue", "{rejected} rejections, {failed} lost"),
    (
        "web_overload",
        "Web API when ES rejects shards",
        "{answers} answers: {full} full, {partial} partial, {unavailable} 503; {bad} wrong",
    ),
    ("fuzz_params", "Fuzz cases (hypothesis) tried / 5xx", "{tried} / {errors_5xx}"),
    ("fuzz_grammar", "Query-language cases (grammar) tried / 5xx", "{tried} / {errors_5xx}"),
    ("fuzz_openapi", "Fuzz cases (schemathesis) tried / 5xx", "{tried} / {errors_5xx}"),
    ("xss", "XSS payloads tried / rendered raw", "{tried} / {raw}"),
    ("rate_limit", "Rate limit: requests / 429s", "{sent} / {limited} (limit {limit})"),
    ("least_privilege", "Web key writes attempted / allowed", "{attempted} / {allowed}"),
    (
        "crawl_fault",
        "Writer SIGKILLed at each stage: stages intact and cleaned / tried",
        "{good} / {stages} (failed: {failed})",
    ),
    (
        "lock_races",
        "Lock races between processes: as expected / tried",
        "{good} / {tried} ({kinds} kinds)",
    ),
    ("es_rejected", "ES 4xx caused by our own requests (fuzz)", "{rejected} in {requests}"),
    (
        "edge_country",
        "Non-ASCII facet value through every surface",
        "{value}: {total} on each of {surfaces} surfaces",
    ),
    (
        "page_window",
        "Paging past the 10,000-hit window: last page / one past (API, page) / cursor on",
        "{releases} releases: page {last_page} {last_hits} hits / {past_status}, "
        "{page_status} / {cursor_hits} hits",
    ),
    (
        "csv_defused",
        "CSV formula prefixes defused: prefixes, cells checked / live",
        "{prefixes} prefixes, {cells} cells / {live} live",
    ),
    (
        "restore_drill",
        "Restore drill: docs before / after (ids, top 10 equal)",
        "{before} / {after} (ids {ids_equal}, top 10 {top10_equal}, {seconds:.1f}s)",
    ),
    (
        "shared_rate_limit",
        "Shared rate limit over 2 workers: requests / 429s",
        "{sent} / {limited} over {workers} workers (limit {limit}; per-worker memory: "
        "{memory_allowed} let through)",
    ),
]


def record(key: str, **values: object) -> None:
    """Merge one measurement into the results file (safe under pytest-xdist or reruns)."""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with open(RESULTS, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        try:
            data = json.loads(fh.read() or "{}")
        except ValueError:
            data = {}
        data[key] = {**values, "at": datetime.now(UTC).isoformat(timespec="seconds")}
        fh.seek(0)
        fh.truncate()
        json.dump(data, fh, indent=2, sort_keys=True)


def load(path: Path | None = None) -> dict:
    try:
        return json.loads((path or RESULTS).read_text())
    except (OSError, ValueError):
        return {}


def table(data: dict) -> str:
    lines = ["| Measurement | Result |", "|---|---|"]
    for key, label, fmt in ROWS:
        if key in data:
            try:
                value = fmt.format(**data[key])
            except (KeyError, ValueError):
                value = json.dumps(data[key])
            if data[key].get("stale"):
                value += f" (earlier run, {data[key].get('at')})"
        else:
            value = "not run"
        lines.append(f"| {label} | {value} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else RECORDED
    print(f"\nReliability summary ({path})\n")
    print(table(load(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

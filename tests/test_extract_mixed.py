"""A generated crawl of ~1,000 mixed files goes through `python -m indexer parse` unharmed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from devtools.synth_crawl import KINDS, write_crawl
from tests.conftest import ROOT


def test_parse_mixed_crawl_never_raises_and_reports_every_bad_file(tmp_path: Path) -> None:
    files = write_crawl(tmp_path / "crawl", 1000, seed=7)
    kinds = Counter(f.kind for f in files)
    assert set(kinds) == set(KINDS), "every kind of file is in the mix"
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "parse", str(tmp_path / "crawl")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    rows = {Path(r["path"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert len(rows) == len(files)
    for f in files:
        row = rows[f.path.name]
        must_be_valid = KINDS[f.kind]
        if must_be_valid is not None:
            assert row["valid"] is must_be_valid, (f.path.name, row["error"])
        if row["valid"]:
            assert row["title"] and row["body"] and len(row["id"]) == 20, f.path.name
        else:
            assert row["error"] and row["id"] is None and row["body"] is None
            assert f"invalid {row['path']}: {row['error']}" in proc.stderr
    reasons = Counter(r["error"].split(" (")[0].split(":")[0] for r in rows.values() if r["error"])
    assert reasons["binary content"] >= kinds["binary"] + kinds["pdf"]
    assert reasons["empty file"] == kinds["empty"]

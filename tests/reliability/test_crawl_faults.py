"""A reindex killed mid-way leaves the live alias serving as before; the next run cleans up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from elasticsearch import Elasticsearch

from indexer import aliases
from indexer.orphans import find_orphans
from tests.reliability import corpus
from tests.reliability.summary import record

ROOT = Path(__file__).resolve().parents[2]


def _reindex(paths: list[Path], es_url: str, alias: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "indexer", "reindex", *map(str, paths)]
    return subprocess.Popen(
        [*cmd, "--es-url", es_url, "--alias", alias],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _building(es: Elasticsearch, alias: str, live: list[str]) -> str | None:
    """The index a running reindex is filling, once it has received documents."""
    stats = es.indices.stats(index=f"{alias}-*", metric="indexing").body["indices"]
    for name, info in stats.items():
        versioned = name[len(alias) + 1 :].isdigit()
        if versioned and name not in live and info["primaries"]["indexing"]["index_total"] > 0:
            return name
    return None


def test_killed_reindex_leaves_alias_and_next_run_cleans(
    es: Elasticsearch, es_url: str, make_alias, web_app, tmp_path: Path
) -> None:
    alias = make_alias("osce-crawl")
    aliases.reindex(es, [corpus.release(i, "live") for i in range(200)], alias)
    live = aliases.alias_indices(es, alias)
    corpus.write_files(tmp_path / "big", 0, 4000, tag="crawl")
    corpus.write_files(tmp_path / "next", 0, 300, tag="next")

    run = _reindex([tmp_path / "big"], es_url, alias)
    try:
        deadline = time.monotonic() + 120
        orphan = None
        while orphan is None:
            assert run.poll() is None, "the reindex finished before it could be interrupted"
            assert time.monotonic() < deadline, "the reindex never started loading"
            time.sleep(0.2)
            orphan = _building(es, alias, live)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()

    # The alias did not move and still answers, with the old documents.
    intact = aliases.alias_indices(es, alias) == live and es.count(index=alias)["count"] == 200
    client = web_app(es_url, alias).test_client()
    resp = client.get("/api/search?q=security")
    assert resp.status_code == 200 and resp.get_json()["total"] > 0
    assert client.get("/api/search").get_json()["total"] == 200
    assert orphan in find_orphans(es, alias), "the half-built index should be recognised"

    # The next run (retried while a crashed holder's lock, if any, expires) cleans it up.
    deadline = time.monotonic() + 200
    while True:
        nxt = _reindex([tmp_path / "next"], es_url, alias)
        out, err = nxt.communicate(timeout=300)
        if nxt.returncode == 0 or time.monotonic() > deadline or "lock" not in err.lower():
            break
        time.sleep(5)
    assert nxt.returncode == 0, err[-2000:]
    left = find_orphans(es, alias)
    record(
        "crawl_fault",
        alias_intact="yes" if intact else "no",
        orphans=len(left) + int(es.indices.exists(index=orphan).body),
    )
    assert intact
    assert not es.indices.exists(index=orphan), f"{orphan} survived the next run"
    assert left == []
    assert es.count(index=alias)["count"] == 300
    assert aliases.alias_indices(es, alias) != live

"""A writer SIGKILLed at every stage of `reindex`, `rollback` and `restore` leaves the alias
serving a complete index (the old one or the new one, never a half), answering exactly as one of
them does, and the next run cleans up what the kill left.

The kill is the code's own fault point (indexer/faults.py, OSCE_FAULT_STAGE): the process kills
itself with SIGKILL at that stage, so no timing and no sleeps decide where it stops. The stages
run as ONE chain on one alias: each killed run is also the "next run" of the kill before it (it
must take the dead writer's lock over and delete what that kill left before it builds), so every
stage costs one process, not a kill plus a clean-up reindex. The two crawls differ in size and
content and alternate, so the size behind the alias says which crawl it serves and the answers
(total and top 10 ids of a few queries) must be that crawl's, measured on fresh indices first.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import aliases, faults, snapshots
from indexer.bulk import parse_all
from indexer.lock import holder
from indexer.orphans import find_orphans
from tests.apps import app_on
from tests.reliability import corpus
from tests.reliability.repos import scratch_repository
from tests.reliability.summary import record

ROOT = Path(__file__).resolve().parents[2]
REINDEX_STAGES = [s for s in faults.STAGES if not s.startswith(("rollback", "restore"))]
ROLLBACK_STAGES = [s for s in faults.STAGES if s.startswith("rollback")]
RESTORE_STAGES = [s for s in faults.STAGES if s.startswith("restore")]
SIZES = {"a": 40, "b": 60}
QUERIES = ["security", "elections observers", "police reform"]


class Chain:
    """The shared alias: which crawl is live, every index that ever served, each crawl's
    answers, and what each stage came to."""

    def __init__(self, es: Elasticsearch, es_url: str, alias: str, crawls: dict[str, Path]):
        self.es, self.es_url, self.alias, self.crawls = es, es_url, alias, crawls
        self.ever_live: set[str] = set()
        self.answers: dict[str, dict] = {}
        self.outcomes: dict[str, str] = {}
        self.repo: str | None = None

    def live_crawl(self) -> str:
        """The crawl behind the alias, known by its size (the crawls differ in size)."""
        self.es.indices.refresh(index=self.alias)
        count = self.es.count(index=self.alias)["count"]
        assert count in SIZES.values(), f"{self.alias} serves {count} documents"
        return next(tag for tag, size in SIZES.items() if size == count)

    def note_live(self) -> str:
        live = aliases.alias_indices(self.es, self.alias)
        self.ever_live |= set(live)
        return live[0]


@functools.cache
def _client(es_url: str, alias: str):
    return app_on(es_url, alias).test_client()


def answers(es_url: str, alias: str) -> dict[str, list]:
    """Total and first-page ids for a few queries, through the real web API."""
    client = _client(es_url, alias)
    out = {}
    for q in QUERIES:
        resp = client.get("/api/search", query_string={"q": q})
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
        body = resp.get_json()
        out[q] = [body["total"], [h["id"] for h in body["hits"]]]
    return out


@pytest.fixture(scope="module")
def chain(es: Elasticsearch, es_url: str, make_alias, tmp_path_factory) -> Chain:
    root = tmp_path_factory.mktemp("crawls")
    crawls = {}
    for tag, size in SIZES.items():
        corpus.write_files(root / tag, 0, size, tag=tag)
        crawls[tag] = root / tag
    chain = Chain(es, es_url, make_alias("osce-fault"), crawls)
    # Two runs: a live index and an older one kept for rollback; each crawl's answers.
    for tag in ("b", "a"):
        aliases.reindex(es, parse_all([crawls[tag]]), chain.alias)
        chain.note_live()
        chain.answers[tag] = answers(es_url, chain.alias)
    assert chain.answers["a"] != chain.answers["b"]
    with scratch_repository(es, "osce-fault") as (chain.repo, _):
        yield chain
    if chain.outcomes:
        good = sum(v == "ok" for v in chain.outcomes.values())
        failed = ", ".join(k for k, v in chain.outcomes.items() if v != "ok") or "none"
        record("crawl_fault", stages=len(chain.outcomes), good=good, failed=failed)


def run_cli(*args: str, stage: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args],
        cwd=ROOT,
        env={**os.environ, faults.ENV: stage},
        capture_output=True,
        text=True,
        timeout=300,
    )


def serving_complete(es: Elasticsearch, alias: str) -> str:
    """The live index: exactly one, `_meta.state` complete."""
    live = aliases.alias_indices(es, alias)
    assert len(live) == 1, f"{alias} points at {live}"
    meta = aliases.get_meta(es, live[0])
    assert meta.get("state") == "complete", meta
    return live[0]


def kill_at(chain: Chain, stage: str) -> None:
    """One writer killed at `stage`; the alias must serve a whole crawl that answers as that
    crawl does, and this run must have removed what the kill before it left."""
    es, alias, es_url = chain.es, chain.alias, chain.es_url
    before = chain.live_crawl()
    left_before = set(find_orphans(es, alias))
    if stage.startswith("rollback"):
        args = ["rollback"]
    elif stage.startswith("restore"):
        if not snapshots.list_backups(es, alias, chain.repo):
            snapshots.snapshot(es, alias, chain.repo, use_lock=False)
        args = ["restore", "--repo", chain.repo]
    else:
        crawl = "b" if before == "a" else "a"
        args = ["reindex", str(chain.crawls[crawl]), "--workers", "1"]
    killed = run_cli(*args, "--es-url", es_url, "--alias", alias, stage=stage)
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr[-2000:])
    assert f"at stage {stage}" in killed.stderr

    serving_complete(es, alias)
    chain.note_live()
    during = chain.live_crawl()
    if stage in ("after-swap", "delete-old", "rollback"):
        assert during != before, f"{stage}: the alias should have moved"
    else:
        assert during == before, f"{stage}: the alias moved before its swap"
    assert answers(es_url, alias) == chain.answers[during], stage
    assert holder(es, alias) is not None, "the killed writer's lock should still be there"
    if stage not in ("rollback-swap", "rollback"):  # rollback does not clean (nothing to build)
        assert not left_before & set(find_orphans(es, alias)), "the last kill's leftovers stay"


def test_writer_killed_at_every_stage(chain: Chain) -> None:
    """Every stage in turn, then one clean restore (the last kills were restores): lock free, no
    orphans, nothing never-served kept in place of the real rollback target."""
    es, alias = chain.es, chain.alias
    for stage in REINDEX_STAGES + ROLLBACK_STAGES + RESTORE_STAGES:
        chain.outcomes[stage] = "failed"
        kill_at(chain, stage)
        chain.outcomes[stage] = "ok"
    previous = chain.note_live()
    crawl = chain.live_crawl()
    snapshots.restore(es, alias, chain.repo)
    serving_complete(es, alias)
    chain.note_live()
    assert answers(chain.es_url, alias) == chain.answers[crawl]
    assert holder(es, alias) is None, "the lock was not released after the takeover"
    assert find_orphans(es, alias) == []
    left = set(aliases.versioned_indices(es, alias))
    assert not left - chain.ever_live, f"never-served indices survived: {left - chain.ever_live}"
    assert previous in left and len(left) == 2, left  # the live one and the one before it

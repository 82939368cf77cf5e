"""A writer SIGKILLed at every stage of `reindex` and `rollback` leaves the alias serving a
complete index (the old one or the new one, never a half), and the next run cleans up.

The kill is the code's own fault point (indexer/faults.py, OSCE_FAULT_STAGE): the process kills
itself with SIGKILL at that stage, so no timing and no sleeps decide where it stops. The stages
share one alias, in order: each stage's clean-up run is the state the next stage starts from,
and the crawls alternate so that "before" and "after" always differ.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import aliases, faults
from indexer.bulk import parse_all
from indexer.lock import holder
from indexer.orphans import find_orphans
from tests.reliability import corpus
from tests.reliability.summary import record

ROOT = Path(__file__).resolve().parents[2]
REINDEX_STAGES = [s for s in faults.STAGES if not s.startswith("rollback")]
ROLLBACK_STAGES = [s for s in faults.STAGES if s.startswith("rollback")]
SIZES = {"a": 200, "b": 300}
QUERIES = ["security", "elections observers", "police reform"]

outcomes: dict[str, str] = {}


class Chain:
    """The shared alias: which crawl is live, and every index that ever served."""

    def __init__(self, es: Elasticsearch, alias: str, crawls: dict[str, Path]):
        self.es, self.alias, self.crawls = es, alias, crawls
        self.live_crawl = "a"
        self.ever_live: set[str] = set()

    def note_live(self) -> str:
        live = aliases.alias_indices(self.es, self.alias)
        self.ever_live |= set(live)
        return live[0]

    def next_crawl(self) -> str:
        return "b" if self.live_crawl == "a" else "a"


@pytest.fixture(scope="module")
def chain(es: Elasticsearch, make_alias, tmp_path_factory) -> Chain:
    root = tmp_path_factory.mktemp("crawls")
    crawls = {}
    for tag, size in SIZES.items():
        corpus.write_files(root / tag, 0, size, tag=tag)
        crawls[tag] = root / tag
    chain = Chain(es, make_alias("osce-fault"), crawls)
    # Two runs: a live index and an older one kept for rollback (and for pruning to delete).
    for tag in ("b", "a"):
        aliases.reindex(es, parse_all([crawls[tag]]), chain.alias)
        chain.note_live()
    yield chain
    if outcomes:
        good = sum(v == "ok" for v in outcomes.values())
        failed = ", ".join(k for k, v in outcomes.items() if v != "ok") or "none"
        record("crawl_fault", stages=len(outcomes), good=good, failed=failed)


def run_cli(*args: str, stage: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args],
        cwd=ROOT,
        env={**os.environ, faults.ENV: stage},
        capture_output=True,
        text=True,
        timeout=300,
    )


def top10(client) -> dict[str, list]:
    """Total and first-page ids for a few queries, through the real web API."""
    out = {}
    for q in QUERIES:
        resp = client.get("/api/search", query_string={"q": q})
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
        body = resp.get_json()
        out[q] = [body["total"], [h["id"] for h in body["hits"]]]
    return out


def serving_complete(es: Elasticsearch, alias: str) -> str:
    """The live index: exactly one, `_meta.state` complete, holding a whole crawl."""
    live = aliases.alias_indices(es, alias)
    assert len(live) == 1, f"{alias} points at {live}"
    meta = aliases.get_meta(es, live[0])
    assert meta.get("state") == "complete", meta
    es.indices.refresh(index=alias)
    assert es.count(index=alias)["count"] in SIZES.values()
    return live[0]


def _check_stage(chain: Chain, es_url: str, web_app, stage: str) -> None:
    es, alias = chain.es, chain.alias
    client = web_app(es_url, alias).test_client()
    before = top10(client)
    if stage.startswith("rollback"):
        older = [n for n in aliases.versioned_indices(es, alias) if n in chain.ever_live]
        target = [n for n in older if n < aliases.alias_indices(es, alias)[0]][-1]
        finished = top10(web_app(es_url, target).test_client())  # the rolled-back-to answers
        args = ["rollback", "--es-url", es_url, "--alias", alias]
        crawl = chain.live_crawl  # the clean-up reindexes what was live before the rollback
    else:
        crawl = chain.next_crawl()
        finished = None  # the finished run's answers: the clean-up run indexes the same crawl
        args = ["reindex", str(chain.crawls[crawl]), "--es-url", es_url, "--alias", alias]
        args += ["--workers", "1"]

    killed = run_cli(*args, stage=stage)
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr[-2000:])
    assert f"at stage {stage}" in killed.stderr

    # Right after the kill: one complete index behind the alias, answering as before or as the
    # finished run does; the killed writer's lock is still there.
    serving_complete(es, alias)
    chain.note_live()
    during = top10(client)
    assert holder(es, alias) is not None, "the killed writer's lock should still be there"

    # The next run takes the dead holder's lock over at once and removes what the kill left.
    aliases.reindex(es, parse_all([chain.crawls[crawl]]), alias)
    serving_complete(es, alias)
    chain.note_live()
    chain.live_crawl = crawl
    after = top10(client)
    expected = finished or after
    assert during in (before, expected), (stage, during, before, expected)
    assert holder(es, alias) is None, "the lock was not released after the takeover"
    assert find_orphans(es, alias) == []
    left = set(aliases.versioned_indices(es, alias))
    assert not left - chain.ever_live, f"never-served indices survived: {left - chain.ever_live}"
    assert len(left) <= 2, left  # the live one and one kept for rollback (keep=1)


@pytest.mark.parametrize("stage", REINDEX_STAGES + ROLLBACK_STAGES)
def test_writer_killed_at_stage(chain: Chain, es_url: str, web_app, stage: str) -> None:
    outcomes[stage] = "failed"
    _check_stage(chain, es_url, web_app, stage)
    outcomes[stage] = "ok"

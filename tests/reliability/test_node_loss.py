"""A node dies under load: searches keep answering, no acknowledged write is lost, green again.

On the 3-node cluster, an alias with one replica is searched through the web API in a loop while
`python -m indexer index` adds new releases; the node holding the primary is SIGKILLed mid-run,
then restarted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from core import schema
from indexer import aliases
from tests.reliability import corpus
from tests.reliability.summary import record

BASE_DOCS = 1500
NEW_DOCS = 2500
ROOT = Path(__file__).resolve().parents[2]


class SearchStream(threading.Thread):
    """Searches the web API back to back, counting answers by status."""

    def __init__(self, client) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.stop = threading.Event()
        self.statuses: list[int] = []
        self.failures: list[str] = []

    def run(self) -> None:
        words = corpus.WORDS
        i = 0
        while not self.stop.is_set():
            q = f"{words[i % len(words)]} {words[(i * 7) % len(words)]}"
            resp = self.client.get("/api/search", query_string={"q": q})
            self.statuses.append(resp.status_code)
            if resp.status_code != 200:
                self.failures.append(f"{resp.status_code} {resp.get_data(as_text=True)[:200]}")
            i += 1
            time.sleep(0.02)


def _primary_node(es: Elasticsearch, index: str) -> str:
    shards = es.cat.shards(index=index, format="json").body
    return next(s["node"] for s in shards if s["prirep"] == "p" and s["state"] == "STARTED")


def _indexed_so_far(es: Elasticsearch, index: str) -> int:
    stats = es.indices.stats(index=index, metric="indexing").body
    return stats["indices"][index]["primaries"]["indexing"]["index_total"]


@pytest.mark.slow
def test_node_loss_during_searches_and_indexing(cluster, web_app, tmp_path: Path) -> None:
    urls = cluster.urls()
    es = Elasticsearch(urls, request_timeout=60, max_retries=5, retry_on_timeout=True)
    alias = f"osce-fault-{uuid.uuid4().hex[:8]}"
    base = [corpus.release(i, "base") for i in range(BASE_DOCS)]
    aliases.reindex(es, base, alias)
    index = aliases.alias_indices(es, alias)[0]
    es.cluster.health(index=index, wait_for_status="green", timeout="120s")
    replicas = es.indices.get_settings(index=index).body[index]["settings"]["index"]
    assert replicas["number_of_replicas"] == "1", "the cluster should give the index a replica"

    new = corpus.write_files(tmp_path / "new", 0, NEW_DOCS, tag="fault")
    victim = _primary_node(es, index)
    survivor = next(u for m, u in zip(cluster.members, urls, strict=True) if m.name != victim)
    before = _indexed_so_far(es, index)

    app = web_app(",".join(urls), alias)
    stream = SearchStream(app.test_client())
    stream.start()
    time.sleep(2)
    report_path = tmp_path / "index-report.json"
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "indexer",
            "index",
            str(tmp_path / "new"),
            "--es-url",
            survivor,
            "--alias",
            alias,
            "--report",
            str(report_path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _indexed_so_far(es, index) == before and run.poll() is None:
            assert time.monotonic() < deadline, "the index run never started writing"
            time.sleep(0.2)
        killed_at_run_state = run.poll()
        cluster.kill(victim)
        out, err = run.communicate(timeout=600)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err[-2000:]
    assert killed_at_run_state is None, "the node died after the index run had finished"

    time.sleep(3)  # searches on the degraded cluster
    started = time.monotonic()
    cluster.restart(victim)
    health = cluster.wait_for("green", timeout=240)
    recovery = time.monotonic() - started
    stream.stop.set()
    stream.join(timeout=60)

    report = json.loads(report_path.read_text())
    failed = {f["id"] for f in report["failed"]}
    acknowledged = {schema.doc_id(r) for r in base} | {
        schema.doc_id(r) for r in new if schema.doc_id(r) not in failed
    }
    es.indices.refresh(index=alias)
    found: set[str] = set()
    ids = sorted(acknowledged)
    for i in range(0, len(ids), 1000):
        docs = es.mget(index=alias, ids=ids[i : i + 1000], source=False).body["docs"]
        found.update(d["_id"] for d in docs if d.get("found"))
    ok = sum(1 for s in stream.statuses if s == 200)
    total = len(stream.statuses)
    record("node_loss_searches", ok=ok, total=total, rate=ok / total if total else 0.0)
    record(
        "node_loss_documents",
        acknowledged=len(acknowledged),
        found=len(found & acknowledged),
        failed_in_report=len(failed),
        killed=victim,
    )
    record("node_loss_recovery", status=health["status"], seconds=recovery)
    es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)

    assert total >= 50, "too few searches ran during the fault"
    assert ok / total >= 0.99, f"{total - ok} of {total} searches failed: {stream.failures[:5]}"
    assert acknowledged - found == set(), f"{len(acknowledged - found)} acknowledged docs lost"
    assert report["indexed"] == NEW_DOCS - len(failed)
    assert health["status"] == "green" and health["number_of_nodes"] == cluster.size

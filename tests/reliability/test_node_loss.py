"""A node dies under load: searches keep giving the right answers, no acknowledged write is lost,
a replica-less index gives a fast 503, green again.

On the 3-node cluster, an alias with one replica is searched through the web API in a loop while
`python -m indexer index`, given all three nodes, adds releases to another alias; the node holding
that index's primary (and a copy of the searched one) is SIGKILLed mid-run, then restarted. The
searched index is not written to, so each search's right answer is known before the fault.
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

BASE_DOCS = 300
WRITE_BASE = 50
NEW_DOCS = 1500
ROOT = Path(__file__).resolve().parents[2]
#: Queries searched in a loop during the fault; each answer must equal the one measured before.
QUERIES = [f"{a} {b}" for a, b in zip(corpus.WORDS[::3], corpus.WORDS[1::3], strict=False)]


def answer(client, q: str) -> tuple[int, object]:
    """(status, (total, top 10 ids)) of one search through the web API."""
    resp = client.get("/api/search", query_string={"q": q})
    if resp.status_code != 200:
        return resp.status_code, resp.get_data(as_text=True)[:200]
    body = resp.get_json()
    return 200, (body["total"], [h["id"] for h in body["hits"]], body.get("partial"))


class SearchStream(threading.Thread):
    """Searches the web API back to back; every answer is checked against the one expected."""

    def __init__(self, client, expected: dict[str, tuple]) -> None:
        super().__init__(daemon=True)
        self.client, self.expected = client, expected
        self.stop = threading.Event()
        self.fault = threading.Event()  # set once the node is dead: answers from then count
        self.total = self.ok = 0
        self.failures: list[str] = []

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            q = QUERIES[i % len(QUERIES)]
            counted = self.fault.is_set()
            status, got = answer(self.client, q)
            if counted:
                self.total += 1
                if status == 200 and got == self.expected[q]:
                    self.ok += 1
                else:
                    self.failures.append(f"{q!r}: {status} {got} != {self.expected[q]}")
            i += 1
            self.stop.wait(0.01)  # a steady client, not a busy loop


def _primary_node(es: Elasticsearch, index: str) -> str:
    shards = es.cat.shards(index=index, format="json").body
    return next(s["node"] for s in shards if s["prirep"] == "p" and s["state"] == "STARTED")


def _indexed_so_far(es: Elasticsearch, index: str) -> int:
    stats = es.indices.stats(index=index, metric="indexing").body
    return stats["indices"][index]["primaries"]["indexing"]["index_total"]


def _place(es: Elasticsearch, index: str, nodes: list[str], replicas: int) -> None:
    """Pin an index's copies to the named nodes and wait until they sit there."""
    es.indices.put_settings(
        index=index,
        settings={
            "index.routing.allocation.include._name": ",".join(nodes),
            "index.auto_expand_replicas": False,
            "index.number_of_replicas": replicas,
        },
    )
    es.cluster.health(
        index=index, wait_for_status="green", wait_for_no_relocating_shards=True, timeout="120s"
    )


@pytest.mark.slow
def test_node_loss_during_searches_and_indexing(cluster, web_app, tmp_path: Path) -> None:
    """The indexer is given all three nodes; the node holding its index's primary (and a copy
    of the searched index, and the only copy of a replica-less one) is SIGKILLed mid-bulk.
    Every search during the fault must give the same total and ids as before it (and after
    recovery); every document acknowledged after the fault began must be there."""
    urls = cluster.urls()
    es = Elasticsearch(urls, request_timeout=60, max_retries=5, retry_on_timeout=True)
    tag = uuid.uuid4().hex[:8]
    searched, written, lonely = (f"osce-fault-{k}-{tag}" for k in ("read", "write", "lonely"))
    aliases.reindex(es, [corpus.release(i, "base") for i in range(BASE_DOCS)], searched)
    aliases.reindex(es, [corpus.release(i, "wbase") for i in range(WRITE_BASE)], written)
    aliases.reindex(es, [corpus.release(i, "lonely") for i in range(5)], lonely)
    write_index = aliases.alias_indices(es, written)[0]
    es.cluster.health(index=write_index, wait_for_status="green", timeout="120s")
    victim = _primary_node(es, write_index)
    other = next(m.name for m in cluster.members if m.name != victim)
    _place(es, aliases.alias_indices(es, searched)[0], [victim, other], replicas=1)
    _place(es, aliases.alias_indices(es, lonely)[0], [victim], replicas=0)

    new = corpus.write_files(tmp_path / "new", 0, NEW_DOCS, tag="fault")
    client = web_app(",".join(urls), searched).test_client()
    expected = {}
    for q in QUERIES:
        status, expected[q] = answer(client, q)
        assert status == 200 and expected[q][0] > 0, (q, expected[q])
    stream = SearchStream(client, expected)
    stream.start()
    before = _indexed_so_far(es, write_index)
    report_path = tmp_path / "index-report.json"
    run = subprocess.Popen(
        [sys.executable, "-m", "indexer", "index", str(tmp_path / "new"), "--es-url",
         ",".join(urls), "--alias", written, "--report", str(report_path), "--workers", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while _indexed_so_far(es, write_index) == before and run.poll() is None:
            assert time.monotonic() < deadline, "the index run never started writing"
            time.sleep(0.05)
        acked_before_fault = _indexed_so_far(es, write_index) - before
        killed_at_run_state = run.poll()
        cluster.kill(victim)
        stream.fault.set()
        # A replica-less index whose only copy died: a fast, clear 503, never a hang or a 500.
        lonely_client = web_app(",".join(urls), lonely).test_client()
        t0 = time.monotonic()
        lonely_resp = lonely_client.get("/api/search", query_string={"q": "security"})
        lonely_seconds = time.monotonic() - t0
        out, err = run.communicate(timeout=600)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err[-2000:]
    assert killed_at_run_state is None, "the node died after the index run had finished"

    started = time.monotonic()
    cluster.restart(victim)
    health = cluster.wait_for("green", timeout=240)
    recovery = time.monotonic() - started
    stream.stop.set()
    stream.join(timeout=60)
    after = {q: answer(client, q)[1] for q in QUERIES}

    report = json.loads(report_path.read_text())
    failed = {f["id"] for f in report["failed"]}
    acknowledged = {schema.doc_id(r) for r in new if schema.doc_id(r) not in failed}
    es.indices.refresh(index=written)
    found: set[str] = set()
    ids = sorted(acknowledged)
    for i in range(0, len(ids), 1000):
        docs = es.mget(index=written, ids=ids[i : i + 1000], source=False).body["docs"]
        found.update(d["_id"] for d in docs if d.get("found"))
    total, ok = stream.total, stream.ok
    record("node_loss_searches", ok=ok, total=total, rate=ok / total if total else 0.0)
    record(
        "node_loss_documents",
        acknowledged=report["indexed"] - acked_before_fault,
        found=len(found & acknowledged) - acked_before_fault,
        failed_in_report=len(failed),
        killed=victim,
    )
    record("node_loss_recovery", status=health["status"], seconds=recovery)
    lonely_body = lonely_resp.get_json() or {}
    record(
        "node_loss_lonely",
        status=lonely_resp.status_code,
        seconds=lonely_seconds,
        message=str(lonely_body.get("error"))[:60],
    )
    for name in (searched, written, lonely):
        es.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)

    assert total >= 20, "too few searches ran during the fault"
    assert ok == total, f"{total - ok} of {total} searches wrong: {stream.failures[:5]}"
    assert after == expected, "answers after recovery differ from those before the fault"
    assert acknowledged - found == set(), f"{len(acknowledged - found)} acknowledged docs lost"
    assert report["indexed"] == NEW_DOCS - len(failed) and not failed, report["failed"][:3]
    assert report["indexed"] > acked_before_fault, "nothing was acknowledged after the fault"
    assert lonely_resp.status_code == 503 and lonely_resp.headers.get("Retry-After")
    assert "unavailable" in str(lonely_body.get("error")).lower(), lonely_body
    assert lonely_seconds < 30, "the 503 for a lost replica-less index should not hang"
    assert health["status"] == "green" and health["number_of_nodes"] == cluster.size

"""Real races on the alias's lock, between real processes: two reindexes started together, an
`index` against a running reindex, two rescuers of one stale lock, and a holder that hangs past
its lease. A writer holds still where the test needs it by stopping itself (SIGSTOP) at a named
stage (indexer/faults.py), so what races is the lock, not a timer.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import aliases, faults
from indexer.bulk import parse_all
from indexer.lock import DOC_ID, AliasLock, holder, lock_index
from indexer.orphans import find_orphans
from tests.reliability import corpus
from tests.reliability.summary import record

ROOT = Path(__file__).resolve().parents[2]
EXIT_LOCKED = 4
ROUNDS = 8
#: Two small crawls of different sizes (the count says which run won).
SIZES = {"a": 30, "b": 45}
TAKER = 20
races: dict[str, list[int]] = {}  # name -> [tried, as expected]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("race-crawls")
    out = {}
    for tag, size in SIZES.items():
        corpus.write_files(root / tag, 0, size, tag=tag)
        out[tag] = root / tag
    return out


@pytest.fixture(scope="module", autouse=True)
def _record():
    yield
    if races:
        tried = sum(v[0] for v in races.values())
        good = sum(v[1] for v in races.values())
        record("lock_races", tried=tried, good=good, kinds=len(races))


def _note(name: str, ok: bool) -> None:
    tried, good = races.get(name, [0, 0])
    races[name] = [tried + 1, good + int(ok)]


def cli(args: list[str], stop_at: str | None = None, **env: str) -> subprocess.Popen:
    extra = {faults.ENV: stop_at, faults.ACTION_ENV: "stop"} if stop_at else {}
    return subprocess.Popen(
        [sys.executable, "-m", "indexer", *args],
        cwd=ROOT,
        env={**os.environ, **extra, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_stopped_or_exited(proc: subprocess.Popen) -> str:
    """Block until the child stops itself (`stopped`) or exits (`exited`)."""
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    if os.WIFSTOPPED(status):
        return "stopped"
    proc.returncode = os.waitstatus_to_exitcode(status)
    return "exited"


def resume(proc: subprocess.Popen) -> tuple[int, str]:
    os.kill(proc.pid, signal.SIGCONT)
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err


def reindex_args(path: Path, es_url: str, alias: str) -> list[str]:
    return ["reindex", str(path), "--es-url", es_url, "--alias", alias, "--workers", "1"]


def test_two_reindexes_started_together(es, es_url, make_alias, crawls) -> None:
    """Both race for the lock; the winner stops itself after loading, holding it: the other
    must exit 4 having built nothing; the winner, continued, finishes."""
    alias = make_alias("osce-race2")
    procs = [cli(reindex_args(crawls[t], es_url, alias), stop_at="count") for t in ("a", "b")]
    states = [wait_stopped_or_exited(p) for p in procs]
    try:
        assert sorted(states) == ["exited", "stopped"], states
        winner = procs[states.index("stopped")]
        loser = procs[states.index("exited")]
        _, loser_err = loser.communicate(timeout=60)
        assert loser.returncode == EXIT_LOCKED, loser_err[-1500:]
        assert "holds the lock" in loser_err
        code, err = resume(winner)
        assert code == 0, err[-1500:]
    finally:
        for p in procs:
            if p.poll() is None:
                os.kill(p.pid, signal.SIGCONT)
                p.kill()
    expected = SIZES["a"] if winner is procs[0] else SIZES["b"]
    assert es.count(index=alias)["count"] == expected
    assert list(aliases.versioned_indices(es, alias)) == aliases.alias_indices(es, alias)
    assert find_orphans(es, alias) == [] and holder(es, alias) is None
    _note("two reindexes", True)


def test_index_against_a_running_reindex(es, es_url, make_alias, crawls) -> None:
    alias = make_alias("osce-race-index")
    aliases.reindex(es, parse_all([crawls["a"]]), alias)
    run = cli(reindex_args(crawls["b"], es_url, alias), stop_at="bulk")
    try:
        assert wait_stopped_or_exited(run) == "stopped"
        extra = [str(p) for p in sorted(crawls["a"].iterdir())[:5]]
        index = cli(["index", *extra, "--es-url", es_url, "--alias", alias, "--workers", "1"])
        _, err = index.communicate(timeout=120)
        assert index.returncode == EXIT_LOCKED, err[-1500:]
        assert "reindex holds the lock" in err
        code, err = resume(run)
        assert code == 0, err[-1500:]
    finally:
        if run.poll() is None:
            os.kill(run.pid, signal.SIGCONT)
            run.kill()
    assert es.count(index=alias)["count"] == SIZES["b"]
    assert find_orphans(es, alias) == [] and holder(es, alias) is None
    _note("index vs reindex", True)


RESCUER = textwrap.dedent(
    """
    import sys
    from elasticsearch import Elasticsearch
    from indexer.lock import AliasLock, LockHeld
    es = Elasticsearch(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        lock = AliasLock(es, sys.argv[2], operation="rescue")
        try:
            lock.acquire()
            print("won", flush=True)
        except LockHeld:
            lock = None
            print("held", flush=True)
        if sys.stdin.readline().strip() != "next":
            break
        if lock:
            lock.release()
        print("done", flush=True)
    """
)


def _stale_lock(es: Elasticsearch, alias: str) -> None:
    """A lease that ran out, held by a process on another host (so nobody can ask its pid)."""
    now = int(time.time() * 1000)
    doc = {"owner": "gone", "host": "elsewhere.invalid", "pid": 1, "operation": "reindex"}
    doc |= {"acquired_at": now - 600_000, "expires_at": now - 1000}
    es.index(index=lock_index(alias), id=DOC_ID, document=doc, refresh=True)


def test_two_rescuers_of_one_stale_lock(es, es_url, make_alias) -> None:
    """Two processes told `go` at the same moment both find the lock stale: exactly one wins."""
    alias = make_alias("osce-race-stale")
    AliasLock(es, alias)._ensure_index()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RESCUER, es_url, alias],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        for _ in range(ROUNDS):
            _stale_lock(es, alias)
            for p in procs:
                p.stdin.write("go\n")
            for p in procs:
                p.stdin.flush()
            answers = sorted(p.stdout.readline().strip() for p in procs)
            _note("stale-lock rescuers", answers == ["held", "won"])
            assert answers == ["held", "won"], answers
            assert holder(es, alias)["operation"] == "rescue"
            for p in procs:
                p.stdin.write("next\n")
                p.stdin.flush()
            assert [p.stdout.readline().strip() for p in procs] == ["done", "done"]
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=30)


@pytest.mark.parametrize("stage", ["count", "swap"])
def test_holder_hung_past_its_lease(es, es_url, make_alias, crawls, stage: str) -> None:
    """A reindex stops (SIGSTOP) holding a 3 s lease; once it is stale another reindex takes it
    over and swaps; continued, the hung one must notice and fail without moving the alias."""
    alias = make_alias("osce-race-hung")
    aliases.reindex(es, parse_all([crawls["a"]]), alias)
    hung = cli(
        reindex_args(crawls["b"], es_url, alias), stop_at=stage, **{faults.LOCK_TTL_ENV: "3"}
    )
    try:
        assert wait_stopped_or_exited(hung) == "stopped"
        deadline = time.monotonic() + 60
        while not (holder(es, alias) or {}).get("stale"):  # the lease running out, polled
            assert time.monotonic() < deadline, holder(es, alias)
            time.sleep(0.2)
        aliases.reindex(es, [corpus.release(i, "taker") for i in range(TAKER)], alias)
        taker_index = aliases.alias_indices(es, alias)
        code, err = resume(hung)
    finally:
        if hung.poll() is None:
            os.kill(hung.pid, signal.SIGCONT)
            hung.kill()
    ok = code != 0 and aliases.alias_indices(es, alias) == taker_index
    _note(f"hung holder at {stage}", ok)
    assert code != 0, err[-1500:]
    assert "lock" in err.lower(), err[-1500:]
    assert aliases.alias_indices(es, alias) == taker_index
    assert es.count(index=alias)["count"] == TAKER
    assert find_orphans(es, alias) == [] and holder(es, alias) is None

"""The Elasticsearch-side lock: one writer per alias, stale leases taken over, losses noticed."""

from __future__ import annotations

import time

import pytest
from elasticsearch import Elasticsearch

from indexer import aliases, lock
from indexer.bulk import prepare_all
from tests.conftest import SEEDS


def test_second_writer_is_refused_until_the_first_releases(es: Elasticsearch, make_alias) -> None:
    alias = make_alias("osce-lock")
    first = lock.AliasLock(es, alias)
    with first.held():
        with pytest.raises(lock.LockHeld, match="another reindex holds the lock"):
            lock.AliasLock(es, alias, operation="index").acquire()
        current = lock.holder(es, alias)
        assert current["owner"] == first.owner and not current["stale"]
    assert lock.holder(es, alias) is None
    with lock.AliasLock(es, alias).held():
        pass


def test_stale_lock_of_a_dead_writer_is_taken_over(es, make_alias) -> None:
    alias = make_alias("osce-lock")
    dead = lock.AliasLock(es, alias, ttl=0.2)
    dead.acquire()
    dead._stop.set()  # the process "died": no more heartbeats, no release
    time.sleep(0.4)
    assert lock.holder(es, alias)["stale"]
    rescuer = lock.AliasLock(es, alias)
    with rescuer.held():
        assert lock.holder(es, alias)["owner"] == rescuer.owner
        with pytest.raises(lock.LockLost):
            dead.check()  # the dead writer, if it wakes up, knows it lost the lease


def test_heartbeat_keeps_a_long_lease_alive(es, make_alias) -> None:
    alias = make_alias("osce-lock")
    holder = lock.AliasLock(es, alias, ttl=1.5)  # renewed every 0.5 s
    with holder.held():
        first = lock.holder(es, alias)["expires_at"]
        time.sleep(1.2)
        current = lock.holder(es, alias)
        assert current["expires_at"] > first and not current["stale"]
        holder.check()
        with pytest.raises(lock.LockHeld):
            lock.AliasLock(es, alias).acquire()


def test_reindex_refused_while_another_writer_holds_the_alias(es, make_alias) -> None:
    alias = make_alias("osce-lock")
    aliases.reindex(es, prepare_all([SEEDS], workers=1), alias)
    before = aliases.alias_indices(es, alias)
    with lock.AliasLock(es, alias, operation="index").held():
        with pytest.raises(lock.LockHeld):
            aliases.reindex(es, prepare_all([SEEDS], workers=1), alias)
        with pytest.raises(lock.LockHeld):
            aliases.upsert(es, prepare_all([SEEDS], workers=1), alias)
    assert aliases.alias_indices(es, alias) == before
    assert list(aliases.versioned_indices(es, alias)) == before


def test_lock_of_a_killed_process_on_this_host_is_taken_over_at_once(es, make_alias) -> None:
    import subprocess
    import sys

    alias = make_alias("osce-lock")
    # A writer in another process takes the lock with a long lease, then is killed (SIGKILL).
    code = (
        "import sys, time\n"
        "from elasticsearch import Elasticsearch\n"
        "from indexer import lock\n"
        f"l = lock.AliasLock(Elasticsearch({es.transport.node_pool.get().base_url!r}), "
        f"{alias!r}, ttl=600)\n"
        "l.acquire(); print('held', flush=True); time.sleep(600)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(lock.LockHeld):
            lock.AliasLock(es, alias).acquire()  # alive: refused
    finally:
        proc.kill()
        proc.wait()
    assert not lock.holder(es, alias)["stale"]  # its lease has not run out ...
    with lock.AliasLock(es, alias).held():  # ... but its process is gone: taken over
        assert lock.holder(es, alias)["pid"] != proc.pid

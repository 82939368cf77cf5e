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

"""Backups that restore: `snapshot`, `snapshots`, `restore` against the real node's fs repository.

The drill: index -> snapshot -> delete the live index -> restore -> the same documents (count,
ids, one search's top 10). A snapshot taken while a reindex loads is of a complete index, never
of the half-built one; a missing or corrupt repository is a clear error with exit code 2.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch, helpers

from core import schema
from devtools import synth
from esnode import Node
from esnode.config import SNAPSHOT_REPO
from indexer import aliases, lock, snapshots
from indexer.__main__ import EXIT_LOCKED, EXIT_OK, EXIT_UNUSABLE, main
from indexer.bulk import parse_all
from tests.apps import app_on
from tests.reliability.repos import scratch_repository
from tests.reliability.summary import record


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("snap-corpus")
    synth.write_corpus(out, 60, seed=15)
    return out


@pytest.fixture()
def repo(es: Elasticsearch) -> Iterator[tuple[str, Path]]:
    """A repository of this test's own under path.repo, unregistered and removed afterwards."""
    with scratch_repository(es, "osce-test") as made:
        yield made


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(es: Elasticsearch, alias: str) -> set[str]:
    return {h["_id"] for h in helpers.scan(es, index=alias, source=False)}


def _top10(es_url: str, alias: str) -> list[str]:

    app = app_on(es_url, alias)
    data = app.test_client().get("/api/search?q=media+freedom+training&size=10").get_json()
    return [hit["id"] for hit in data["hits"]]


def test_local_node_registers_the_backup_repository(es: Elasticsearch) -> None:
    node = Node()
    if node.url() is None:
        pytest.skip("ES_URL names another cluster: its repository is OSCE_SNAPSHOT_REPO's")
    found = es.snapshot.get_repository(name=SNAPSHOT_REPO).body[SNAPSHOT_REPO]
    assert found["type"] == "fs" and found["settings"]["location"] == str(node.repo_dir)
    assert es.snapshot.verify_repository(name=SNAPSHOT_REPO).body["nodes"]


def test_restore_drill(es: Elasticsearch, es_url: str, make_alias, corpus, repo, capsys) -> None:
    repo_name, _ = repo
    alias = make_alias("osce-snap")
    common = ("--es-url", es_url, "--alias", alias, "--repo", repo_name)
    assert run(capsys, "reindex", str(corpus), "--es-url", es_url, "--alias", alias)[0] == 0
    before, ids, top10 = es.count(index=alias)["count"], _ids(es, alias), _top10(es_url, alias)
    assert before == 60 and len(top10) == 10

    code, out, _ = run(capsys, "snapshot", *common)
    assert code == EXIT_OK
    name = out.strip()
    assert schema.is_versioned(alias, name)
    code, out, _ = run(capsys, "snapshots", *common)
    assert code == EXIT_OK and name in out and "60 docs" in out and "SUCCESS" in out

    started = time.monotonic()
    (live,) = aliases.alias_indices(es, alias)
    es.indices.delete(index=live)  # the disaster
    assert aliases.alias_indices(es, alias) == []
    code, out, err = run(capsys, "restore", *common)
    seconds = time.monotonic() - started
    assert code == EXIT_OK, err
    (restored,) = aliases.alias_indices(es, alias)
    assert restored != live and schema.is_versioned(alias, restored)
    assert f"restored {name} into {restored} (60 docs)" in out
    after = es.count(index=alias)["count"]
    same_ids, same_top = _ids(es, alias) == ids, _top10(es_url, alias) == top10
    record(
        "restore_drill",
        before=before,
        after=after,
        ids_equal=same_ids,
        top10_equal=same_top,
        seconds=seconds,
    )
    assert after == before and same_ids and same_top
    meta = aliases.get_meta(es, restored)
    assert meta["state"] == "complete" and meta["restored"]["snapshot"] == name
    code, out, _ = run(capsys, "status", "--es-url", es_url, "--alias", alias, "--json")
    status = __import__("json").loads(out)
    assert status["last_run"]["command"] == "restore" and status["last_run"]["docs"] == 60
    assert status["last_runs"]["snapshot"]["snapshot"] == name


def test_restore_keeps_the_previous_index_for_rollback_and_prunes(
    es: Elasticsearch, es_url: str, make_alias, corpus, repo, capsys
) -> None:
    repo_name, _ = repo
    alias = make_alias("osce-snap")
    aliases.reindex(es, parse_all([corpus]), alias)
    (first,) = aliases.alias_indices(es, alias)
    names = [snapshots.snapshot(es, alias, repo_name).name for _ in range(2)]
    common = ("--es-url", es_url, "--alias", alias, "--repo", repo_name)
    code, out, _ = run(capsys, "restore", names[0], *common)
    assert code == EXIT_OK
    (restored,) = aliases.alias_indices(es, alias)
    assert aliases.status(es, alias)["rollback_to"] == [first]
    assert aliases.rollback(es, alias) == (restored, first)
    # --keep 1: only the newest backup is left.
    code, _, _ = run(capsys, "snapshot", *common, "--keep", "1")
    left = snapshots.list_backups(es, alias, repo_name)
    assert code == EXIT_OK and len(left) == 1 and left[0].name not in names
    code, _, err = run(capsys, "restore", "no-such-snapshot", *common)
    assert code == 3 and "no snapshot 'no-such-snapshot'" in err


def test_snapshot_during_a_reindex_is_never_of_the_half_built_index(
    es: Elasticsearch, es_url: str, make_alias, corpus, repo, capsys
) -> None:
    repo_name, _ = repo
    alias = make_alias("osce-snap")
    aliases.reindex(es, parse_all([corpus]), alias)
    (old,) = aliases.alias_indices(es, alias)
    loading, go_on = threading.Event(), threading.Event()

    def slow_feed():
        for i, release in enumerate(parse_all([corpus])):
            if i == 20:
                loading.set()
                go_on.wait(60)
            yield release

    done: dict = {}
    worker = threading.Thread(
        target=lambda: done.setdefault("report", aliases.reindex(es, slow_feed(), alias))
    )
    worker.start()
    try:
        assert loading.wait(60)
        half_built = [n for n in aliases.versioned_indices(es, alias) if n != old]
        assert len(half_built) == 1 and aliases.get_meta(es, half_built[0])["state"] == "loading"
        # Without the lock, a snapshot reads the alias: the old, complete index.
        during = snapshots.snapshot(es, alias, repo_name, use_lock=False)
        assert during.index == old and during.docs == 60
        # With it (the command line), the reindex holds the writers' lock: refused, exit 4.
        code, _, err = run(capsys, "snapshot", "--es-url", es_url, "--alias", alias,
                           "--repo", repo_name)  # fmt: skip
        assert code == EXIT_LOCKED and "holds the lock" in err
        # Waiting for the lock: taken once the reindex has swapped, so of the new index.
        waited: dict = {}
        waiter = threading.Thread(
            target=lambda: waited.setdefault(
                "backup", snapshots.snapshot(es, alias, repo_name, wait_lock=120)
            )
        )
        waiter.start()
        assert lock.holder(es, alias)["operation"] == "reindex"
    finally:
        go_on.set()
        worker.join(120)
    waiter.join(120)
    (new,) = aliases.alias_indices(es, alias)
    assert new == half_built[0] and done["report"].indexed == 60
    assert waited["backup"].index == new and waited["backup"].docs == 60
    indices = {b.index for b in snapshots.list_backups(es, alias, repo_name)}
    assert indices == {old, new}  # each backup holds one complete index


def test_missing_repository_is_exit_2(es_url: str, make_alias, capsys) -> None:
    common = ("--es-url", es_url, "--alias", make_alias("osce-snap"), "--repo", "no-such-repo")
    for command in ("snapshot", "snapshots", "restore"):
        code, _, err = run(capsys, command, *common)
        assert code == EXIT_UNUSABLE, (command, err)
        assert "snapshot repository 'no-such-repo' is not registered" in err


def test_corrupt_repository_is_exit_2(
    es: Elasticsearch, es_url: str, make_alias, corpus, repo, capsys
) -> None:
    repo_name, location = repo
    alias = make_alias("osce-snap")
    aliases.reindex(es, parse_all([corpus]), alias)
    snapshots.snapshot(es, alias, repo_name)
    # The repository's root index blobs are damaged (a bad disk, a half-copied backup).
    for blob in location.glob("index-*"):
        blob.write_bytes(b"\x00garbage, not a repository index\xff")
    # Registered again, as after a node restart: the repository is read from disk afresh.
    settings = es.snapshot.get_repository(name=repo_name).body[repo_name]
    es.snapshot.delete_repository(name=repo_name)
    es.snapshot.create_repository(name=repo_name, repository=settings, verify=False)
    common = ("--es-url", es_url, "--alias", alias, "--repo", repo_name)
    for command in ("snapshots", "restore"):
        code, _, err = run(capsys, command, *common)
        assert code == EXIT_UNUSABLE, (command, err)
        assert f"snapshot repository '{repo_name}' is unusable" in err
    assert aliases.alias_indices(es, alias), "the live alias is untouched"


def test_cluster_members_share_one_location_apart_from_the_dev_node() -> None:
    from esnode.cluster import Cluster

    cluster = Cluster()
    locations = {m.repo_dir for m in cluster.members}
    assert len(locations) == 1 and locations != {Node().repo_dir}
    (location,) = locations
    assert location.is_relative_to(cluster.members[0].repo_root)
    assert location.name == SNAPSHOT_REPO

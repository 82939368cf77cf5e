"""Backups of the live index in an Elasticsearch snapshot repository, and restores that swap.

A snapshot copies the alias's concrete index, which is always a complete one (a reindex builds
on the side and only then moves the alias), so a backup is never of a half-built index. It is
named `<alias>-<UTC timestamp>` and carries the alias, index, document count and mapping version
in its `metadata`. A restore brings one back under a NEW versioned name, checks its count against
that metadata, and moves the alias with the same atomic swap as `reindex`; the index it replaces
is kept for `rollback`. Both take the writers' lock, so no reindex, index or rollback runs during
them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, NotFoundError

from core import schema
from indexer import aliases, faults, orphans
from indexer.lock import AliasLock, LockHeld

log = logging.getLogger(__name__)


class RepositoryError(RuntimeError):
    """The snapshot repository is missing, unreadable or corrupt: nothing can be backed up."""


class SnapshotError(RuntimeError):
    """A snapshot or restore did not complete; the alias was left where it was."""


@dataclass(frozen=True)
class Backup:
    """One snapshot of an alias, as `snapshots` lists it."""

    name: str
    state: str
    started_at: str | None
    index: str | None
    docs: int | None
    size_bytes: int | None
    mapping_version: int | None

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "state": self.state,
            "started_at": self.started_at,
            "index": self.index,
            "docs": self.docs,
            "size_bytes": self.size_bytes,
            "mapping_version": self.mapping_version,
        }


def _repo_failure(repo: str, exc: ApiError) -> RepositoryError:
    kind = (exc.body or {}).get("error", {}) if isinstance(exc.body, dict) else {}
    reason = kind.get("reason") if isinstance(kind, dict) else None
    return RepositoryError(
        f"snapshot repository {repo!r} is unusable ({exc.status_code}: {reason or exc.message})"
    )


def check_repo(es: Elasticsearch, repo: str) -> dict:
    """The repository's definition, or RepositoryError when it is not registered."""
    try:
        found = es.snapshot.get_repository(name=repo).body
    except NotFoundError:
        raise RepositoryError(
            f"snapshot repository {repo!r} is not registered on this cluster (the local node "
            "registers osce-backups at start; elsewhere set OSCE_SNAPSHOT_REPO to a registered "
            "one)"
        ) from None
    return found[repo]


def _time(millis: int | None) -> str | None:
    if millis is None:
        return None
    return datetime.fromtimestamp(millis / 1000, UTC).isoformat(timespec="seconds")


def list_backups(es: Elasticsearch, alias: str, repo: str) -> list[Backup]:
    """This alias's snapshots in the repository, oldest first (reads the repository, so a
    corrupt one fails here with RepositoryError)."""
    check_repo(es, repo)
    try:
        resp = es.snapshot.get(
            repository=repo, snapshot=f"{alias}-*", index_details=True, ignore_unavailable=True
        ).body
    except ApiError as exc:
        raise _repo_failure(repo, exc) from exc
    backups = []
    for snap in resp.get("snapshots", []):
        meta = snap.get("metadata") or {}
        if meta.get("alias", alias) != alias or not schema.is_versioned(alias, snap["snapshot"]):
            continue
        details = snap.get("index_details") or {}
        size = sum(d.get("size_in_bytes", 0) for d in details.values()) if details else None
        backups.append(
            Backup(
                name=snap["snapshot"],
                state=snap.get("state", "UNKNOWN"),
                started_at=_time(snap.get("start_time_in_millis")),
                index=meta.get("index") or (snap.get("indices") or [None])[0],
                docs=meta.get("docs"),
                size_bytes=size,
                mapping_version=meta.get("mapping_version"),
            )
        )
    return sorted(backups, key=lambda b: (b.started_at or "", b.name))


@contextmanager
def _locked(es: Elasticsearch, alias: str, operation: str, wait: float) -> Iterator[AliasLock]:
    """The writers' lock, waiting up to `wait` seconds for a running writer to finish."""
    lock = AliasLock(es, alias, operation=operation)
    deadline = time.monotonic() + wait
    while True:
        try:
            lock.acquire()
            break
        except LockHeld:
            if time.monotonic() >= deadline:
                raise
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
    try:
        yield lock
    finally:
        lock.release()


def snapshot(
    es: Elasticsearch,
    alias: str,
    repo: str,
    keep: int | None = None,
    wait_lock: float = 0.0,
    use_lock: bool = True,
) -> Backup:
    """Snapshot the index behind the alias (waits for completion); prune to `keep` backups."""
    check_repo(es, repo)
    if not use_lock:
        return _snapshot(es, alias, repo, keep)
    with _locked(es, alias, "snapshot", wait_lock):
        return _snapshot(es, alias, repo, keep)


def _snapshot(es: Elasticsearch, alias: str, repo: str, keep: int | None) -> Backup:
    live = aliases.alias_indices(es, alias)
    if len(live) != 1:
        raise SnapshotError(f"{alias} points at {live or 'nothing'}; nothing to back up")
    index = live[0]
    meta = aliases.get_meta(es, index)
    docs = es.count(index=index)["count"]
    name = aliases.new_index_name(alias)
    metadata = {
        "alias": alias,
        "index": index,
        "docs": docs,
        "mapping_version": meta.get("mapping_version"),
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        resp = es.snapshot.create(
            repository=repo,
            snapshot=name,
            indices=[index],
            include_global_state=False,
            metadata=metadata,
            wait_for_completion=True,
        ).body
    except ApiError as exc:
        if exc.status_code >= 500 or "repository" in str(exc.message):
            raise _repo_failure(repo, exc) from exc
        raise SnapshotError(f"snapshot {name} failed: {exc.message}") from exc
    info = resp.get("snapshot", {})
    if info.get("state") != "SUCCESS":
        failures = info.get("failures") or []
        raise SnapshotError(f"snapshot {name} ended {info.get('state')}: {failures[:1]}")
    if keep is not None:
        prune(es, alias, repo, keep)
    return Backup(
        name, "SUCCESS", metadata["taken_at"], index, docs, None, meta.get("mapping_version")
    )


def prune(es: Elasticsearch, alias: str, repo: str, keep: int) -> list[str]:
    """Delete all but the newest `keep` successful backups of the alias (and failed ones)."""
    kept = 0
    deleted = []
    for backup in reversed(list_backups(es, alias, repo)):
        if backup.state == "IN_PROGRESS":
            continue
        if backup.state == "SUCCESS" and kept < keep:
            kept += 1
            continue
        es.snapshot.delete(repository=repo, snapshot=backup.name)
        deleted.append(backup.name)
    return deleted


def _pick(backups: list[Backup], name: str | None, alias: str, repo: str) -> Backup:
    done = [b for b in backups if b.state == "SUCCESS"]
    if name is None:
        if not done:
            raise SnapshotError(f"no successful snapshot of {alias} in {repo!r}")
        return done[-1]
    for backup in backups:
        if backup.name == name:
            if backup.state != "SUCCESS":
                raise SnapshotError(f"snapshot {name} is {backup.state}; it cannot be restored")
            return backup
    raise SnapshotError(f"no snapshot {name!r} of {alias} in {repo!r}")


@dataclass
class Restored:
    backup: Backup
    index: str
    docs: int
    replaced: list[str]
    warnings: list[str]


def restore(
    es: Elasticsearch,
    alias: str,
    repo: str,
    name: str | None = None,
    keep: int = 1,
    wait_lock: float = 0.0,
) -> Restored:
    """Restore a backup (the latest by default) into a new index and swap the alias to it."""
    with _locked(es, alias, "restore", wait_lock) as lock:
        backup = _pick(list_backups(es, alias, repo), name, alias, repo)
        aliases._check_alias_name(es, alias)
        # What a killed reindex, rollback or restore left: kept, a never-served copy would be
        # the index prune keeps for rollback, and the real previous index would be deleted.
        orphans.clean_orphans(es, alias)
        target = aliases.new_index_name(alias)
        warnings: list[str] = []
        try:
            try:
                resp = es.snapshot.restore(
                    repository=repo,
                    snapshot=backup.name,
                    indices=[backup.index] if backup.index else None,
                    rename_pattern="(.+)",
                    rename_replacement=target,
                    include_aliases=False,
                    include_global_state=False,
                    wait_for_completion=True,
                ).body
            except ApiError as exc:
                if exc.status_code >= 500:
                    raise _repo_failure(repo, exc) from exc
                raise SnapshotError(f"restore of {backup.name} failed: {exc.message}") from exc
            faults.stage("restore")
            shards = resp.get("snapshot", {}).get("shards", {})
            if shards.get("failed"):
                raise SnapshotError(f"{shards['failed']} shards of {backup.name} failed to restore")
            es.cluster.health(index=target, wait_for_status="yellow", timeout="60s")
            es.indices.refresh(index=target)
            docs = es.count(index=target)["count"]
            if backup.docs is not None and docs != backup.docs:
                raise SnapshotError(
                    f"count check failed: {docs} in {target}, {backup.docs} in {backup.name}"
                )
            if docs == 0:
                raise SnapshotError(f"{backup.name} holds no documents; refusing to swap to it")
            meta = aliases.get_meta(es, target)
            version = meta.get("mapping_version")
            if version != schema.MAPPING_VERSION:
                warnings.append(
                    f"{backup.name} has mapping version {version}, the code "
                    f"{schema.MAPPING_VERSION}: run `reindex --from-live` to rebuild it"
                )
            aliases.update_meta(
                es,
                target,
                state="complete",
                restored={
                    "snapshot": backup.name,
                    "repository": repo,
                    "from_index": backup.index,
                    "docs": docs,
                    "at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
            lock.check()
            faults.stage("restore-swap")
            replaced = aliases.swap(es, alias, target)
        except BaseException:
            log.error("restore of %s failed; deleting %s, %s unchanged", backup.name, target, alias)
            es.indices.delete(index=target, ignore_unavailable=True)
            raise
        aliases.prune(es, alias, keep=keep)
        return Restored(backup, target, docs, replaced, warnings)

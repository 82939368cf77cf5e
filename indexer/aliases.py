"""Versioned indices behind one alias: build, check, swap atomically, keep the last for rollback.

Searches only ever use the alias, so a reindex builds `<alias>-<UTC timestamp>` on the side and
moves the alias in ONE `_aliases` call; until then, and whenever anything fails, the alias stays on
the old index. Each index's `_meta` records its mapping version and how it was built (`state`:
loading -> complete, or rolled-back), which is what `status` shows and `rollback` trusts.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError, helpers

from core import schema
from core.release import Release
from indexer import faults, orphans
from indexer.bulk import (
    BULK_THREADS,
    Feed,
    Prepared,
    Progress,
    Report,
    as_prepared,
    load,
    prefetch,
)
from indexer.lock import AliasLock, holder

log = logging.getLogger(__name__)

Items = Iterable[Release | Prepared]


class ReindexError(RuntimeError):
    """The new index could not be built or checked; the alias was left where it was."""


#: While a new index loads: no refresh, no replicas (a replica would index every document twice).
LOADING_SETTINGS = {
    "refresh_interval": "-1",
    "number_of_replicas": 0,
    "auto_expand_replicas": "false",
}
#: Once loaded: the default refresh, and replicas expanded again where the cluster has room.
SERVING_SETTINGS = {"refresh_interval": None, "auto_expand_replicas": schema.AUTO_EXPAND_REPLICAS}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_index_name(alias: str) -> str:
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def create_index(es: Elasticsearch, name: str, loading: bool = False) -> None:
    """A new concrete index with the current mapping; while loading: no refresh, no replicas."""
    settings = schema.index_settings()
    meta = {"mapping_version": schema.MAPPING_VERSION, "created_at": _now()}
    if loading:
        # auto_expand_replicas would give a cluster's index its replica at once: off until loaded.
        settings.update(LOADING_SETTINGS)
        meta["state"] = "loading"
    else:
        meta["state"] = "complete"
    es.indices.create(index=name, settings=settings, mappings={**schema.MAPPING, "_meta": meta})


def get_meta(es: Elasticsearch, index: str) -> dict:
    mapping = es.indices.get_mapping(index=index)[index]["mappings"]
    return dict(mapping.get("_meta") or {})


def update_meta(es: Elasticsearch, index: str, **changes: object) -> dict:
    """Merge changes into the index's `_meta` (PUT _mapping replaces `_meta` whole)."""
    meta = {**get_meta(es, index), **changes}
    es.indices.put_mapping(index=index, meta=meta)
    return meta


def alias_indices(es: Elasticsearch, alias: str) -> list[str]:
    """Concrete indices the alias points at now (empty when it does not exist)."""
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def versioned_indices(es: Elasticsearch, alias: str) -> dict[str, dict]:
    """Every `<alias>-<timestamp>` index with its `_meta`, oldest first."""
    try:
        found = es.indices.get_mapping(index=f"{alias}-*", expand_wildcards="open")
    except NotFoundError:
        return {}
    return {
        name: dict(found[name]["mappings"].get("_meta") or {})
        for name in sorted(found)
        if schema.is_versioned(alias, name)
    }


def _check_alias_name(es: Elasticsearch, alias: str) -> None:
    if es.indices.exists(index=alias) and not es.indices.exists_alias(name=alias):
        raise ReindexError(
            f"{alias!r} is a concrete index, not an alias; rename or delete it first"
        )


def ensure_alias(es: Elasticsearch, alias: str) -> str:
    """Return the index behind the alias, creating both when missing."""
    current = alias_indices(es, alias)
    if current:
        return current[-1]
    _check_alias_name(es, alias)
    name = new_index_name(alias)
    create_index(es, name)
    es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
    return name


def upsert(
    es: Elasticsearch,
    items: Items,
    alias: str,
    threads: int = BULK_THREADS,
    progress: Progress | None = None,
    use_lock: bool = True,
    report: Report | None = None,
) -> Report:
    """Index documents into the live index behind the alias (daily additions).

    It takes the alias's lock too: documents written into an index that a running reindex is
    about to swap out would be lost.
    """
    lock = AliasLock(es, alias, operation="index") if use_lock else None
    if lock:
        lock.acquire()
    try:
        started = time.monotonic()
        index = ensure_alias(es, alias)
        report = report if report is not None else Report(alias=alias)
        report.alias = alias
        load(es, items, index, report, threads=threads, progress=progress)
        es.indices.refresh(index=index)
        report.seconds = time.monotonic() - started
        update_meta(
            es,
            index,
            last_index={"at": _now(), "indexed": report.indexed, "host": socket.gethostname()},
        )
        return report
    finally:
        if lock:
            lock.release()


def reindex(
    es: Elasticsearch,
    items: Items,
    alias: str,
    keep: int = 1,
    threads: int = BULK_THREADS,
    progress: Progress | None = None,
    min_ratio: float = 0.0,
    use_lock: bool = True,
    sources: list[str] | None = None,
    report: Report | None = None,
) -> Report:
    """Build a fresh index, check it, move the alias in one call, then drop older indices.

    min_ratio refuses a swap that would shrink the live alias below that fraction of its
    documents (a broken crawl must not replace a good index). On any failure the new index is
    deleted and the alias is untouched.
    """
    lock = AliasLock(es, alias, operation="reindex") if use_lock else None
    if lock:
        lock.acquire()
    try:
        return _reindex_locked(
            es, items, alias, keep, threads, progress, min_ratio, lock, sources, report
        )
    finally:
        if lock:
            lock.release()


def _reindex_locked(
    es: Elasticsearch,
    items: Items,
    alias: str,
    keep: int,
    threads: int,
    progress: Progress | None,
    min_ratio: float,
    lock: AliasLock | None,
    sources: list[str] | None,
    report: Report | None,
) -> Report:
    started, started_at = time.monotonic(), _now()
    _check_alias_name(es, alias)
    orphans.clean_orphans(es, alias)  # what an interrupted run left, removed under the lock
    live = alias_indices(es, alias)
    live_docs = es.count(index=alias)["count"] if live else 0
    name = new_index_name(alias)
    report = report if report is not None else Report(alias=alias)
    report.alias = alias
    create_index(es, name, loading=True)
    try:
        items = faults.at_first(items, "parse")
        load(es, items, name, report, threads=threads, progress=progress, stop_on_failure=True)
        if report.failed:
            first = report.failed[0]
            raise ReindexError(
                f"{len(report.failed)} documents were rejected, first {first['path']}: "
                f"{first['reason']}"
            )
        faults.stage("settings")
        es.indices.put_settings(index=name, settings=SERVING_SETTINGS)
        faults.stage("refresh")
        es.indices.refresh(index=name)
        faults.stage("count")
        count = es.count(index=name)["count"]
        if count != report.indexed:
            raise ReindexError(f"count check failed: {count} in {name}, {report.indexed} indexed")
        if report.indexed == 0:
            raise ReindexError(
                "no documents to index: refusing to swap the alias to an empty index"
            )
        if live_docs and report.indexed < min_ratio * live_docs:
            raise ReindexError(
                f"the new index would hold {report.indexed} documents, fewer than "
                f"{min_ratio:.0%} of the live {live_docs} (--min-ratio)"
            )
        report.seconds = time.monotonic() - started
        update_meta(
            es,
            name,
            state="complete",
            reindex={
                "started_at": started_at,
                "finished_at": _now(),
                "host": socket.gethostname(),
                "sources": sources or [],
                "files": report.files,
                "indexed": report.indexed,
                "duplicates": report.duplicates,
                "skipped": len(report.skipped),
                "seconds": round(report.seconds, 2),
                "docs_per_s": round(report.docs_per_s, 1),
                "replaced": alias_indices(es, alias),
            },
        )
        if lock:
            lock.check()
        faults.stage("swap")
        swap(es, alias, name)
        faults.stage("after-swap")
    except BaseException as exc:
        log.error("reindex failed (%s); deleting %s, %s stays on %s", exc, name, alias, live)
        try:
            es.indices.delete(index=name, ignore_unavailable=True)
        except Exception as cleanup:  # noqa: BLE001 - keep the original error
            log.error("could not delete %s (delete it by hand): %s", name, cleanup)
        # A writer that hung past its lease fails for its own reason, not as "ES unusable".
        lost = lock.lost() if lock else None
        if lost:
            raise ReindexError(f"{lost}; stopped without moving the alias ({exc})") from exc
        raise
    prune(es, alias, keep=keep)
    report.seconds = time.monotonic() - started
    return report


def swap(es: Elasticsearch, alias: str, index: str) -> list[str]:
    """Point the alias at index alone, in one atomic `_aliases` call; returns what it left."""
    old = [i for i in alias_indices(es, alias) if i != index]
    actions: list[dict] = [{"remove": {"index": i, "alias": alias}} for i in old]
    actions.append({"add": {"index": index, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    return old


def prune(es: Elasticsearch, alias: str, keep: int = 1) -> list[str]:
    """Delete old versioned indices: keep the newest `keep` complete ones (for rollback).

    Indices left `loading` by a crashed run, or abandoned by a rollback, are never kept.
    """
    live = set(alias_indices(es, alias))
    deleted = []
    kept = 0
    for name, meta in reversed(versioned_indices(es, alias).items()):
        if name in live:
            continue
        if meta.get("state", "complete") == "complete" and kept < keep:
            kept += 1
            continue
        faults.stage("delete-old")
        es.indices.delete(index=name, ignore_unavailable=True)
        deleted.append(name)
    return deleted


def rollback(es: Elasticsearch, alias: str, keep_current: bool = False) -> tuple[str, str]:
    """Move the alias back to the newest complete older index; returns (from, to)."""
    lock = AliasLock(es, alias, operation="rollback")
    with lock.held():
        live = alias_indices(es, alias)
        if len(live) != 1:
            raise ReindexError(f"{alias} points at {live or 'nothing'}; cannot roll back")
        current = live[0]
        candidates = [
            name
            for name, meta in versioned_indices(es, alias).items()
            if name < current and meta.get("state", "complete") == "complete"
        ]
        if not candidates:
            raise ReindexError(f"no older index of {alias} is kept; nothing to roll back to")
        target = candidates[-1]
        if es.count(index=target)["count"] == 0:
            raise ReindexError(f"{target} is empty; refusing to roll back to it")
        lock.check()
        faults.stage("rollback-swap")
        swap(es, alias, target)
        faults.stage("rollback")
        update_meta(es, target, rolled_back_to_at=_now())
        if keep_current:
            update_meta(es, current, state="rolled-back")
        else:
            es.indices.delete(index=current, ignore_unavailable=True)
        return current, target


def status(es: Elasticsearch, alias: str) -> dict:
    """What an operator wants to know before and after a reindex."""
    live = alias_indices(es, alias)
    index = live[-1] if live else None
    meta = get_meta(es, index) if index else {}
    versions = versioned_indices(es, alias)
    lock = holder(es, alias)
    return {
        "alias": alias,
        "index": index,
        "indices": live,
        "docs": es.count(index=alias)["count"] if index else 0,
        "mapping_version": meta.get("mapping_version"),
        "code_mapping_version": schema.MAPPING_VERSION,
        "created_at": meta.get("created_at"),
        "last_reindex": meta.get("reindex"),
        "last_index": meta.get("last_index"),
        "restored": meta.get("restored"),
        "rollback_to": [
            n
            for n, m in versions.items()
            if n not in live
            and (index is None or n < index)
            and m.get("state", "complete") == "complete"
        ][::-1],
        "lock": lock,
    }


def live_documents(es: Elasticsearch, alias: str) -> Iterator[Prepared]:
    """The live index's documents as stored, for a rebuild after an analyzer or mapping change
    (no file is parsed again; fields the extractor would compute differently stay as they are)."""
    if not alias_indices(es, alias):
        raise ReindexError(f"{alias} does not exist; nothing to rebuild from")

    def read() -> Iterator[Prepared]:
        for hit in helpers.scan(es, index=alias, size=1000, preserve_order=False):
            source = hit["_source"]
            # Documents from before mapping v3 lack the list fields the facets read.
            if "sources" not in source:
                source["sources"] = [source["source"]] if source.get("source") else []
            if "places" not in source:
                source["places"] = [source["place_display"]] if source.get("place_display") else []
            body = json.dumps(source, ensure_ascii=False).encode()
            yield Prepared(source.get("path") or hit["_id"], hit["_id"], body, None)

    return prefetch(read())


def plan(es: Elasticsearch, items: Items, alias: str, mode: str) -> dict:
    """What `index`/`reindex` would change, without writing anything (`--dry-run`)."""
    report = Report(alias=alias)
    feed = Feed(as_prepared(items), alias, report, None)
    ids = [doc_id for doc_id, _ in feed]
    live = alias_indices(es, alias)
    present: set[str] = set()
    live_docs = 0
    if live:
        live_docs = es.count(index=alias)["count"]
        for start in range(0, len(ids), 1000):
            resp = es.mget(index=alias, ids=ids[start : start + 1000], source=False)
            present.update(d["_id"] for d in resp["docs"] if d.get("found"))
    result = {
        "mode": mode,
        "alias": alias,
        "live_index": live[-1] if live else None,
        "live_docs": live_docs,
        "files": report.files,
        "would_index": len(ids),
        "new": len(ids) - len(present),
        "unchanged": len(present),
        "duplicates": report.duplicates,
        "skipped": report.skipped,
    }
    if mode == "reindex":
        result["removed"] = live_docs - len(present)
        result["docs_after"] = len(ids)
    else:
        result["docs_after"] = live_docs + len(ids) - len(present)
    return result

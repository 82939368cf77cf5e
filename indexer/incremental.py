"""`index DIR` on a crawl that grows: parse only the files whose bytes it has not indexed yet.

A manifest in Elasticsearch (`<alias>-manifest`, beside the alias and its lock, so it survives a
new machine) holds one document per file content: `_id` is the hash of the bytes (of a loose
file or an archive member), with the paths that held those bytes and the release id they gave.
A run hashes every input, skips the hashes it knows (unchanged), parses the rest (new: a path it
has never seen; changed: a known path with new bytes, whose old release is replaced), and counts
the known paths under its roots that are gone (removed). `--prune` deletes those releases, unless
another file still gives the same release (a text dump and its HTML twin share one id).
`reindex` from files rewrites the manifest from what it indexed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError, helpers

from indexer import aliases
from indexer.bulk import BULK_THREADS, Prepared, Progress, Report, prepare_paths, unit_hash
from indexer.embeddings import EmbeddingConfig
from indexer.extract import MAX_BYTES, iter_units
from indexer.extract.archives import Member, is_archive
from indexer.lock import AliasLock

log = logging.getLogger(__name__)

MANIFEST_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "paths": {"type": "keyword"},
        "doc_id": {"type": "keyword"},
        "error": {"type": "keyword", "index": False},
        "seen_at": {"type": "date"},
    },
}


def manifest_index(alias: str) -> str:
    return f"{alias}-manifest"


def key(path: str) -> str:
    """A path as the manifest stores it: absolute (an archive member: its archive's path)."""
    archive, bang, member = path.partition("!")
    if bang and is_archive(archive):
        return f"{os.path.abspath(archive)}!{member}"
    return os.path.abspath(path)


def _under(path: str, roots: list[str]) -> bool:
    return any(
        path == root or (path.startswith(root) and path[len(root)] in (os.sep, "!"))
        for root in roots
    )


@dataclass
class Entry:
    paths: list[str]
    doc_id: str | None
    error: str | None = None


@dataclass
class Changes:
    """What an incremental run found: paths per kind, and releases deleted."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    pruned: int = 0  # releases deleted from the index (replaced or pruned)
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"incremental: {len(self.new)} new, {len(self.changed)} changed, {self.unchanged} "
            f"unchanged, {len(self.removed)} removed; {self.pruned} releases deleted "
            f"({self.seconds:.2f}s)"
        )

    def to_json(self) -> dict:
        return {
            "new": len(self.new),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
            "removed": len(self.removed),
            "releases_deleted": self.pruned,
            "new_paths": self.new[:1000],
            "changed_paths": self.changed[:1000],
            "removed_paths": self.removed[:1000],
            "seconds": round(self.seconds, 3),
        }


def ensure_manifest(es: Elasticsearch, alias: str) -> str:
    name = manifest_index(alias)
    if not es.indices.exists(index=name):
        es.indices.create(
            index=name,
            settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
            mappings=MANIFEST_MAPPING,
        )
    return name


def load_manifest(es: Elasticsearch, alias: str) -> dict[str, Entry]:
    """hash -> Entry for every file content the alias has seen ({} when there is no manifest)."""
    try:
        hits = helpers.scan(
            es, index=manifest_index(alias), size=5000, _source=["paths", "doc_id", "error"]
        )
        return {
            h["_id"]: Entry(
                list(h["_source"].get("paths") or []),
                h["_source"].get("doc_id"),
                h["_source"].get("error"),
            )
            for h in hits
        }
    except NotFoundError:
        return {}


def _read(unit: str | Member) -> bytes | None:
    if isinstance(unit, Member):
        return unit.data
    try:
        with open(unit, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError:
        return None  # parse reports the reason


class _Capture:
    """Passes prepared documents through, noting each one's path, hash and release id."""

    def __init__(self, items: Iterable[Prepared]):
        self._items = items
        self.seen: list[Prepared] = []

    def __iter__(self) -> Iterator[Prepared]:
        for item in self._items:
            self.seen.append(item._replace(source=None))
            yield item


def _write_manifest(
    es: Elasticsearch, alias: str, entries: dict[str, Entry], dirty: set[str], gone: set[str]
) -> None:
    name = ensure_manifest(es, alias)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    actions: list[dict] = [{"_op_type": "delete", "_index": name, "_id": h} for h in gone]
    for h in dirty:
        e = entries[h]
        actions.append(
            {
                "_index": name,
                "_id": h,
                "_source": {"paths": e.paths, "doc_id": e.doc_id, "error": e.error, "seen_at": now},
            }
        )
    for ok, item in helpers.streaming_bulk(
        es, actions, chunk_size=2000, raise_on_error=False, max_retries=5
    ):
        if not ok and "delete" not in item:
            log.warning("manifest write failed: %s", item)
    es.indices.refresh(index=name)


def _drop_path(entries: dict[str, Entry], h: str, path: str) -> str | None:
    """Remove path from entry h; return the release id it held when no path holds it now."""
    entry = entries.get(h)
    if entry is None:
        return None
    entry.paths = [p for p in entry.paths if p != path]
    return entry.doc_id if not entry.paths else None


def run(
    es: Elasticsearch,
    paths: list[str],
    alias: str,
    workers: int | None = None,
    threads: int = BULK_THREADS,
    progress: Progress | None = None,
    report: Report | None = None,
    prune: bool = False,
    embedding: EmbeddingConfig | None = None,
    doc_cache_dir: str | None = None,
) -> tuple[Report, Changes]:
    """Index what is new or changed under paths into the live alias; see the module doc.

    Unchanged files are never parsed, so never embedded; a changed file whose release text is
    as before takes its vector from the embedding cache (keyed by the release's content hash).
    """
    started = time.monotonic()
    report = report if report is not None else Report(alias=alias)
    changes = Changes()
    roots = [os.path.abspath(p) for p in paths]
    lock = AliasLock(es, alias, operation="index")
    lock.acquire()
    try:
        entries = load_manifest(es, alias)
        by_path = {p: h for h, e in entries.items() for p in e.paths}
        seen: set[str] = set()
        moved: dict[str, str] = {}  # unchanged bytes under a path the manifest lacks: path->hash
        replaced: dict[str, str] = {}  # changed path -> its old hash

        def todo() -> Iterator[str | Member]:
            for unit in iter_units(list(paths)):
                where = unit.path if isinstance(unit, Member) else unit
                path = key(where)
                seen.add(path)
                data = _read(unit)
                digest = unit_hash(data) if data is not None else None
                if digest is not None and digest in entries:
                    changes.unchanged += 1
                    if progress:
                        progress(1, 0)
                    if path not in entries[digest].paths:
                        moved[path] = digest
                    continue
                if path in by_path:
                    changes.changed.append(path)
                    replaced[path] = by_path[path]
                else:
                    changes.new.append(path)
                yield unit

        capture = _Capture(
            prepare_paths(
                todo(), workers, expand=False, embedding=embedding, doc_cache_dir=doc_cache_dir
            )
        )
        index = aliases.ensure_alias(es, alias)
        aliases.upsert(
            es, capture, alias, threads=threads, progress=progress, use_lock=False, report=report
        )
        failed = {f["id"] for f in report.failed}
        dirty: set[str] = set()
        for item in capture.seen:
            if item.unit_hash is None or (item.doc_id is not None and item.doc_id in failed):
                continue  # unreadable, or rejected: try again next time
            entry = entries.setdefault(item.unit_hash, Entry([], item.doc_id, item.error))
            path = key(item.path)
            if path not in entry.paths:
                entry.paths.append(path)
            dirty.add(item.unit_hash)
        for path, digest in moved.items():
            entries[digest].paths.append(path)
            dirty.add(digest)
        changes.removed = sorted(p for p in by_path if p not in seen and _under(p, roots))
        orphaned: set[str] = set()
        for path, old in replaced.items():
            if doc := _drop_path(entries, old, path):
                orphaned.add(doc)
            dirty.add(old)
        if prune:
            for path in changes.removed:
                if doc := _drop_path(entries, by_path[path], path):
                    orphaned.add(doc)
                dirty.add(by_path[path])
        gone = {h for h in dirty if not entries[h].paths}
        dirty -= gone
        still = {e.doc_id for h, e in entries.items() if h not in gone and e.paths}
        doomed = sorted(orphaned - still)
        if doomed:
            for ok, _item in helpers.streaming_bulk(
                es,
                ({"_op_type": "delete", "_index": index, "_id": d} for d in doomed),
                raise_on_error=False,
            ):
                changes.pruned += ok
            es.indices.refresh(index=index)
        for h in gone:
            entries.pop(h, None)
        _write_manifest(es, alias, entries, dirty, gone)
    finally:
        lock.release()
    changes.seconds = report.seconds = time.monotonic() - started
    return report, changes


class ManifestRecorder:
    """For `reindex` from files: note what is indexed, then write the manifest anew."""

    def __init__(self, items: Iterable[Prepared]):
        self.capture = _Capture(items)

    def __iter__(self) -> Iterator[Prepared]:
        return iter(self.capture)

    def write(self, es: Elasticsearch, alias: str, report: Report) -> int:
        failed = {f["id"] for f in report.failed}
        entries: dict[str, Entry] = {}
        for item in self.capture.seen:
            if item.unit_hash is None or (item.doc_id is not None and item.doc_id in failed):
                continue
            entry = entries.setdefault(item.unit_hash, Entry([], item.doc_id, item.error))
            if (path := key(item.path)) not in entry.paths:
                entry.paths.append(path)
        es.indices.delete(index=manifest_index(alias), ignore_unavailable=True)
        _write_manifest(es, alias, entries, set(entries), set())
        return len(entries)

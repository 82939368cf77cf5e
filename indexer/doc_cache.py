"""Prepared documents cached by their file's bytes and the extractor's code: a reindex of
unchanged files parses none of them again.

Parsing costs ~0.3-0.5 ms of CPU a release, more than Elasticsearch spends indexing it, and most
reindexes re-read unchanged files (a mapping change, a rollback drill, a new machine). A row is
keyed by the unit's bytes hash (`bulk.unit_hash`) with its path, and for an archive member its
crawled URL and time (they shape the document too); the file is named for the extractor's
fingerprint, a hash of every module and data file that shapes a document, of the libraries'
versions and of the mapping version, so any change there starts an empty cache (and the writer
deletes the other fingerprints' files). Skips are stored with their reason; extractor crashes are
not (a bug is not a property of the file).

A document is stored without its `indexed_at` value and given this run's when read: a cached
document is byte-equal to a fresh parse. Vectors are never stored here (core.semantic.cache
holds them). Values are not compressed: on 2,000 synthetic releases (2.6 KB of JSON each) zlib
level 1 cost 40 us to write and 12 us to read a document, against 16 us and 3.5 us for a whole
uncompressed row; the cache is ~3.7 KB a release on disk.

The parser processes read; the main process alone writes what they parsed, in batched
transactions. The file keeps a rollback journal, not a WAL, and 64 KB pages: a cold reindex
appends ~3.7 KB a release, which WAL mode writes twice (log, then checkpoint) and 4 KB pages
split into overflow pages: 0.026 ms of CPU a row written, 0.0056 read, against 0.0088 and
0.0039 (19,200 synthetic releases); readers wait only while a batch commits (milliseconds).
`synchronous=OFF`: a killed process loses nothing (the OS holds the writes), a power cut may
corrupt the file, which the next writer replaces. Every failure of the cache (unreadable,
corrupt, locked) is logged and becomes a miss: a reindex never fails for it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core import schema

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
#: Sources that shape a document (relative to the package root): any change misses the cache.
SHAPING = (
    "indexer/extract/**/*.py",
    "indexer/gazetteer.py",
    "indexer/bulk.py",
    "indexer/native.py",
    "indexer/osce_native*.so",
    "indexer/doc_cache.py",
    "core/*.py",
    "core/data/**/*",
)
#: Libraries whose version can change what the extractor finds.
LIBRARIES = ("beautifulsoup4", "lxml", "charset-normalizer", "pyahocorasick", "orjson", "warcio")
#: Rows written per transaction by the main process.
WRITE_BATCH = 1000
#: What orjson writes before a document's `indexed_at` value (only at the top level: a quote
#: inside a JSON string is always escaped).
_STAMP = b',"indexed_at":"'

#: (key, doc id, source without its indexed_at value, where that value goes, skip reason)
Row = tuple[bytes, str | None, bytes | None, int, str | None]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the extractor's code, data, libraries and the mapping version."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"mapping {schema.MAPPING_VERSION}\npython {sys.version}\n".encode())
    for name in LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\n".encode())
    files = sorted({p for pattern in SHAPING for p in ROOT.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def unit_key(
    path: str, digest: str, origin: str | None = None, crawled_at: str | None = None
) -> bytes:
    """The row key of one file or archive member: its bytes, and what else goes into its
    document (its path; a member's URL and crawl time, from the archive's record headers)."""
    parts = "\0".join((digest, path, origin or "", crawled_at or ""))
    return hashlib.blake2b(parts.encode("utf-8", "surrogateescape"), digest_size=16).digest()


def row_of(key: bytes, doc_id: str | None, source: bytes | None, error: str | None) -> Row | None:
    """What to store for a fresh parse: its source cut at `indexed_at`, or its skip reason."""
    if error is not None or source is None:
        return (key, None, None, 0, error or "invalid")
    start = source.find(_STAMP)
    if start < 0:
        return None
    start += len(_STAMP)
    end = source.find(b'"', start)
    return (key, doc_id, source[:start] + source[end:], start, None)


def source_of(body: bytes, at: int) -> bytes:
    """A stored source with this run's `indexed_at` put back."""
    return body[:at] + schema.indexed_at().encode() + body[at:]


@dataclass(frozen=True)
class Where:
    """The cache's folder and the fingerprint its file is named for (sent to the workers)."""

    folder: str
    fingerprint: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / f"docs-{self.fingerprint}.sqlite"


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=10, check_same_thread=False)
    try:
        db.execute("PRAGMA page_size=65536")  # a new file's: a row fits in a page
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=OFF")
        db.execute(
            "CREATE TABLE IF NOT EXISTS docs (key BLOB PRIMARY KEY, doc_id TEXT, body BLOB, "
            "at INTEGER, error TEXT)"
        )
        db.commit()
    except BaseException:
        db.close()
        raise
    return db


class DocCache:
    """One fingerprint's rows; a failure logs a warning and switches this instance off."""

    def __init__(self, where: Where, db: sqlite3.Connection | None) -> None:
        self.where = where
        self._db = db
        self._pending: list[Row] = []

    @classmethod
    def reader(cls, where: Where) -> DocCache:
        """A parser process's connection (the writer has made the file)."""
        try:
            return cls(where, _connect(where.path))
        except (OSError, sqlite3.Error) as exc:
            log.warning("document cache %s unusable, parsing every file: %s", where.path, exc)
            return cls(where, None)

    @classmethod
    def writer(cls, where: Where) -> DocCache:
        """The main process's connection: other fingerprints' files are deleted, a corrupt file
        is replaced by an empty one."""
        path = where.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _prune(where)
            try:
                return cls(where, _connect(path))
            except sqlite3.OperationalError:
                raise  # locked or unwritable: not the file's fault
            except sqlite3.DatabaseError as exc:
                log.warning("document cache %s is corrupt (%s); starting a new one", path, exc)
                for leftover in _files_of(path):
                    leftover.unlink(missing_ok=True)
                return cls(where, _connect(path))
        except (OSError, sqlite3.Error) as exc:
            log.warning("document cache %s unusable, parsing every file: %s", path, exc)
            return cls(where, None)

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _failed(self, what: str, exc: Exception) -> None:
        log.warning(
            "document cache %s %s failed, going on without it: %s", self.where.path, what, exc
        )
        self.close()

    def get_many(
        self, keys: list[bytes]
    ) -> dict[bytes, tuple[str | None, bytes | None, int, str | None]]:
        """Rows found for keys: {key: (doc id, body, at, error)}; nothing when unusable."""
        if self._db is None or not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            rows = self._db.execute(
                f"SELECT key, doc_id, body, at, error FROM docs WHERE key IN ({marks})", keys
            ).fetchall()
        except sqlite3.Error as exc:
            self._failed("read", exc)
            return {}
        return {key: (doc_id, body, at, error) for key, doc_id, body, at, error in rows}

    def add(self, row: Row) -> None:
        """Queue a fresh parse; written WRITE_BATCH at a time (and by flush)."""
        if self._db is None:
            return
        self._pending.append(row)
        if len(self._pending) >= WRITE_BATCH:
            self.flush()

    def put_many(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self.add(row)
        self.flush()

    def flush(self) -> None:
        rows, self._pending = self._pending, []
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._failed("write", exc)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return self._db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            db.close()


def _files_of(path: Path) -> list[Path]:
    """The database and its journal (and, from a WAL-mode file, the log and index)."""
    return [path, *(path.with_name(path.name + end) for end in ("-journal", "-wal", "-shm"))]


def _prune(where: Where) -> None:
    """Delete the cache files of other fingerprints: only the current code's rows are read."""
    keep = {p.name for p in _files_of(where.path)}
    for old in Path(where.folder).glob("docs-*.sqlite*"):
        if old.name not in keep:
            log.info("document cache: deleting %s (another extractor version)", old)
            old.unlink(missing_ok=True)


#: The parser process's readers, by folder, fingerprint and process (never shared by a fork).
_readers: dict[tuple[Where, int], DocCache] = {}


def reader(where: Where) -> DocCache:
    """This process's reader of `where`, opened once."""
    key = (where, os.getpid())
    if key not in _readers:
        _readers[key] = DocCache.reader(where)
    return _readers[key]

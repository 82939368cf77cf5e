"""Files in, bulk requests out: parse in a process pool, stream with retries, report every failure.

Parsing costs far more per document than Elasticsearch does to index it, so files are parsed (and
their documents serialised) in worker processes while the main process only de-duplicates and
posts the ready-made bytes, behind headers it writes itself, in `_bulk` chunks (429s retried with
back-off, as `helpers.streaming_bulk` would, without its per-document JSON encoding).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple, TypeVar

import orjson
from elasticsearch import ApiError, Elasticsearch

from core import schema
from core.release import Release
from indexer import doc_cache, faults, native
from indexer.embeddings import FIELD as VECTOR_FIELD
from indexer.embeddings import EmbeddingConfig, add_vectors, worker_threads
from indexer.extract import iter_units, parse_bytes, parse_file, read_head
from indexer.extract.archives import Member

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Files handed to a worker process at a time: large enough to amortise the pickling round trip.
BATCH = 64
CHUNK_SIZE = 500
#: ... and at most about this many bytes of sources per request.
CHUNK_BYTES = 10 * 1024 * 1024
#: Concurrent bulk requests. Measured on 2 cores (bench/results/index.json, "load_stage"): two
#: send loops beat one and match parallel_bulk, which has no 429 retries.
BULK_THREADS = 2
#: Bulk retries of 429 (queue full) responses: 1, 2, 4, 8, 16, 30, 30, 30 s.
MAX_RETRIES, INITIAL_BACKOFF, MAX_BACKOFF = 8, 1, 30

Progress = Callable[[int, int], None]  # (files done, documents indexed) increments


@dataclass
class Report:
    """What a load did: the numbers an operator and `--report FILE` see."""

    index: str = ""
    alias: str = ""
    files: int = 0
    indexed: int = 0
    duplicates: int = 0
    skipped: list[dict] = field(default_factory=list)  # {"path", "reason"}
    failed: list[dict] = field(default_factory=list)  # {"id", "path", "reason"}
    seconds: float = 0.0
    embedded: int = 0  # documents given a vector by the model in this run
    embeddings_cached: int = 0  # ... and from the embedding cache (no model call)
    parsed: int = 0  # files and members run through the extractor in this run
    cached: int = 0  # ... and taken from the document cache instead (indexer.doc_cache)

    @property
    def cache_hit_rate(self) -> float | None:
        done = self.embedded + self.embeddings_cached
        return self.embeddings_cached / done if done else None

    @property
    def docs_per_s(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0

    @property
    def doc_cache_hit_rate(self) -> float | None:
        done = self.parsed + self.cached
        return self.cached / done if done else None

    def to_json(self) -> dict:
        rate, docs = self.cache_hit_rate, self.doc_cache_hit_rate
        return {
            **asdict(self),
            "docs_per_s": round(self.docs_per_s, 1),
            "embedding_cache_hit_rate": None if rate is None else round(rate, 4),
            "doc_cache_hit_rate": None if docs is None else round(docs, 4),
        }

    def summary(self) -> str:
        vectors = (
            f"; vectors: {self.embedded} embedded, {self.embeddings_cached} from the cache"
            if self.embedded or self.embeddings_cached
            else ""
        )
        cached = f"; {self.cached} files from the document cache" if self.cached else ""
        return (
            f"{self.indexed} indexed, {self.duplicates} duplicates collapsed, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed, from {self.files} files "
            f"in {self.seconds:.2f}s ({self.docs_per_s:.0f} docs/s) into {self.index}"
            f"{cached}{vectors}"
        )


class Prepared(NamedTuple):
    """One input file made ready for `_bulk`: its id and serialised source, or why it has none."""

    path: str
    doc_id: str | None
    source: bytes | None
    error: str | None
    unit_hash: str | None = None  # hash of the file's (or archive member's) bytes
    embedded: str | None = None  # the vector: "computed", "cached", or None (none added)
    via: str | None = None  # from a file: "parsed" in this run, or "cached" (doc_cache)
    row: doc_cache.Row | None = None  # a fresh parse for the main process to cache


def unit_hash(data: bytes) -> str:
    """What the incremental manifest keys a file on: its bytes, not its path."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def prepare_release(release: Release) -> Prepared:
    """Document id and JSON bytes for a release (an error instead when it holds none)."""
    if not release.valid:
        return Prepared(release.path, None, None, release.error or "invalid")
    doc = schema.to_document(release)
    # schema.doc_id is the hash's first ID_CHARS digits: reuse it rather than hash the text twice.
    doc_id = doc["content_hash"][: schema.ID_CHARS]
    return Prepared(release.path, doc_id, serialise(doc), None)


def serialise(doc: dict) -> bytes:
    """A document's `_bulk` line: orjson is ~5x faster than json. Text orjson refuses (a lone
    surrogate) goes through json, which then fails the way it always has (a logged skip)."""
    try:
        return orjson.dumps(doc)
    except orjson.JSONEncodeError:
        return json.dumps(doc, ensure_ascii=False).encode()


def prepare_file(path: str | Path | Member) -> Prepared:
    """Parse one file or archive member; an extractor bug becomes a skip with its reason."""
    if isinstance(path, Member):
        return _parse_unit(path, path.data)
    try:
        data = read_head(path)
    except OSError:
        return prepare_release(parse_file(path))  # the OS error, worded by parse_file
    return _parse_unit(path, data)


def _parse_unit(
    unit: str | Path | Member, data: bytes | None, digest: str | None = None
) -> Prepared:
    """Extract from bytes already read (a member's are its own); an extractor bug is a skip."""
    where = unit.path if isinstance(unit, Member) else str(unit)
    try:
        if digest is None and data is not None:
            digest = unit_hash(data)
        if isinstance(unit, Member):
            from indexer.extract import parse_member

            return prepare_release(parse_member(unit))._replace(unit_hash=digest)
        if (fast := native.prepare(data, where)) is not None:
            return Prepared(where, fast[0], fast[1], None, digest)
        return prepare_release(parse_bytes(data, where))._replace(unit_hash=digest)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a reindex
        log.exception("extractor failed on %s", where)
        return Prepared(where, None, None, f"extractor error: {type(exc).__name__}: {exc}")


def _unit_bytes(unit: str | Path | Member) -> bytes | None:
    """A unit's bytes, or None when it cannot be read (then it is not cached)."""
    if isinstance(unit, Member):
        return unit.data if unit.error is None else None
    try:
        return read_head(unit)
    except OSError:
        return None


def prepare_cached(units: list[str | Path | Member], cache: doc_cache.DocCache) -> list[Prepared]:
    """A batch from the document cache where its bytes and the extractor are unchanged, parsed
    where not (those carry the row the main process stores)."""
    keyed: list[tuple[str | Path | Member, bytes | None, str | None, bytes | None]] = []
    for unit in units:
        data = _unit_bytes(unit)
        if data is None:
            keyed.append((unit, None, None, None))
            continue
        digest = unit_hash(data)
        if isinstance(unit, Member):
            key = doc_cache.unit_key(unit.path, digest, unit.origin, unit.crawled_at)
        else:
            key = doc_cache.unit_key(str(unit), digest, None, None)
        keyed.append((unit, data, digest, key))
    found = cache.get_many([key for *_, key in keyed if key is not None])
    prepared = []
    for unit, data, digest, key in keyed:
        if key is None:
            prepared.append(prepare_file(unit)._replace(via="parsed"))
            continue
        hit = found.get(key)
        where = unit.path if isinstance(unit, Member) else str(unit)
        if hit is not None:
            prepared.append(_from_cache(where, digest, hit))
            continue
        item = _parse_unit(unit, data, digest)
        # An extractor crash (no unit hash) is parsed again next time: it is a bug, not the file.
        row = None
        if item.unit_hash is not None:
            row = doc_cache.row_of(key, item.doc_id, item.source, item.error)
        prepared.append(item._replace(via="parsed", row=row))
    return prepared


def _from_cache(
    where: str, digest: str, hit: tuple[str | None, bytes | None, int, str | None]
) -> Prepared:
    """A document cache row (`DocCache.get_many`) as the file's prepared document."""
    doc_id, body, at, error = hit
    source = None if body is None else doc_cache.source_of(body, at)
    return Prepared(where, doc_id, source, error, digest, via="cached")


def prepare_releases(
    items: list[Release | Prepared], embedding: EmbeddingConfig | None
) -> list[Prepared]:
    """A batch made ready, with vectors when `embedding` is given (one model call per batch).

    Prepared items keep their path and unit hash and gain a vector if their source has none
    (files just parsed, `--from-live` documents, whose stored vectors are not in `_source`).
    """
    prepared = [r if isinstance(r, Prepared) else prepare_release(r) for r in items]
    if embedding is None:
        return prepared
    todo: dict[int, dict] = {}
    for i, item in enumerate(prepared):
        if item.source is None:
            continue
        doc = orjson.loads(item.source)
        if VECTOR_FIELD in doc:
            prepared[i] = item._replace(embedded="cached")
        else:
            todo[i] = doc
    status = add_vectors(list(todo.values()), embedding)
    for (i, doc), embedded in zip(todo.items(), status, strict=True):
        if embedded is not None:
            source = serialise(doc)
            prepared[i] = prepared[i]._replace(source=source, embedded=embedded)
    return prepared


def with_vectors(
    items: Iterable[Release | Prepared], embedding: EmbeddingConfig | None, batch: int = BATCH
) -> Iterator[Prepared]:
    """Releases or prepared documents, made ready with vectors, a batch at a time."""
    chunk: list[Release | Prepared] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from prepare_releases(chunk, embedding)
            chunk = []
    if chunk:
        yield from prepare_releases(chunk, embedding)


def _prepare_batch(
    paths: list[str | Member],
    embedding: EmbeddingConfig | None = None,
    cache: doc_cache.Where | None = None,
) -> list[Prepared]:
    if cache is None:
        items = [prepare_file(p)._replace(via="parsed") for p in paths]
    else:
        items = prepare_cached(paths, doc_cache.reader(cache))
    return prepare_releases(items, embedding)


def default_workers() -> int:
    """Parser processes: one per core, at most 8 (Elasticsearch needs some of the CPU too)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(8, cores or 1))


def prepare_paths(
    paths: Iterable[str | Path | Member],
    workers: int | None = None,
    expand: bool = True,
    embedding: EmbeddingConfig | None = None,
    doc_cache_dir: str | Path | None = None,
) -> Iterator[Prepared]:
    """Parse files in input order; with workers > 1 in a bounded process pool (back-pressure).

    Archives are opened here and their members streamed to the workers in batches, so a WARC
    of any size never sits in memory whole; expand=False takes paths and members as given.
    With `embedding`, each batch also gets its vectors in the worker that parsed it. With
    `doc_cache_dir`, unchanged files come from the document cache, and this process stores
    what the workers parsed.
    """
    if doc_cache_dir is None:
        yield from _prepare_units(paths, workers, expand, embedding, None)
        return
    writer = doc_cache.DocCache.writer(doc_cache.Where(str(doc_cache_dir), doc_cache.fingerprint()))
    where = writer.where if writer.usable else None
    try:
        for item in _prepare_units(paths, workers, expand, embedding, where):
            if item.row is not None:
                writer.add(item.row)
                item = item._replace(row=None)
            yield item
    finally:
        writer.flush()
        writer.close()


def _pool_context():
    """The parser pool's start method. forkserver: the parent holds an HTTP client and
    threads, which fork would copy half-alive. The server imports the parser once and forks
    the workers from it (~0.8 s of CPU each)."""
    context = get_context("forkserver")
    context.set_forkserver_preload(["indexer.bulk"])
    return context


def _prepare_units(
    paths: Iterable[str | Path | Member],
    workers: int | None,
    expand: bool,
    embedding: EmbeddingConfig | None,
    cache: doc_cache.Where | None,
) -> Iterator[Prepared]:
    units = iter_units(list(paths)) if expand else iter(paths)
    workers = default_workers() if workers is None else workers
    if embedding is None and native.extractor() is not None:
        yield from _prepare_native_first(units, workers, cache)
        return
    head = list(itertools.islice(units, BATCH + 1))
    if workers <= 1 or len(head) <= BATCH:
        rest = itertools.chain(head, units)
        for batch in iter(lambda: list(itertools.islice(rest, BATCH)), []):
            yield from _prepare_batch(batch, embedding, cache)
        return
    rest = itertools.chain(head, units)
    batches = iter(lambda: list(itertools.islice(rest, BATCH)), [])
    if embedding is not None:  # the cores shared out between the workers' model runs
        embedding = replace(embedding, threads=worker_threads(workers))
    window = workers * 8  # ~1,000 files ahead: parsers keep going while a bulk request waits
    with ProcessPoolExecutor(workers, mp_context=_pool_context()) as pool:
        pending: list[Future[list[Prepared]]] = []
        try:
            for batch in batches:
                pending.append(pool.submit(_prepare_batch, batch, embedding, cache))
                if len(pending) >= window:
                    yield from pending.pop(0).result()
            while pending:
                yield from pending.pop(0).result()
        finally:
            for future in pending:
                future.cancel()


def _native_batch(
    units: list[str | Path | Member], cache: doc_cache.DocCache | None
) -> list[Prepared | None]:
    """A batch through the native extractor in this process: from the document cache where
    it holds the file, parsed natively where it takes the file, None where Python must parse
    (archive members, unreadable files, files it refuses). Files are read, hashed and parsed
    in batched native calls (bench/results/parse-profile.json)."""
    out: list[Prepared | None] = [None] * len(units)
    files = [(i, str(unit)) for i, unit in enumerate(units) if not isinstance(unit, Member)]
    read = native.read_many([where for _i, where in files]) or []
    keyed = [
        (i, where, data, digest, None if cache is None else doc_cache.unit_key(where, digest))
        for (i, where), got in zip(files, read, strict=True)
        if got is not None  # unreadable: worded by the Python path
        for data, digest in [got]
    ]
    found = cache.get_many([k[4] for k in keyed]) if cache is not None else {}
    todo = []
    for i, where, data, digest, key in keyed:
        hit = found.get(key) if key is not None else None
        if hit is not None:
            out[i] = _from_cache(where, digest, hit)
        else:
            todo.append((i, where, data, digest, key))
    parsed = native.prepare_many([(data, where) for _i, where, data, *_ in todo])
    for (i, where, _data, digest, key), fast in zip(todo, parsed, strict=True):
        if fast is None:
            continue
        row = doc_cache.row_of(key, fast[0], fast[1], None) if key is not None else None
        out[i] = Prepared(where, fast[0], fast[1], None, digest, via="parsed", row=row)
    return out


def _prepare_native_first(
    units: Iterator[str | Path | Member], workers: int, cache: doc_cache.Where | None
) -> Iterator[Prepared]:
    """Text dumps parsed natively in this process (a worker process's pickling and pipes would
    cost more than the parse: bench/results/index.json), the rest in a pool of `workers`
    processes started only when some file needs Python, results in input order."""
    reader = doc_cache.reader(cache) if cache is not None else None  # the process's own, kept
    pool: ProcessPoolExecutor | None = None
    pending: list[tuple[list[Prepared | None], Future[list[Prepared]] | None]] = []

    def finish(items: list[Prepared | None], future: Future[list[Prepared]] | None):
        rest = iter(future.result() if future is not None else ())
        return [item if item is not None else next(rest) for item in items]

    try:
        for batch in iter(lambda: list(itertools.islice(units, BATCH)), []):
            items = _native_batch(batch, reader)
            left = [unit for unit, item in zip(batch, items, strict=True) if item is None]
            future = None
            if left and workers <= 1:
                items = finish(items, _done(_prepare_batch(left, None, cache)))
            elif left:
                if pool is None:
                    pool = ProcessPoolExecutor(workers, mp_context=_pool_context())
                future = pool.submit(_prepare_batch, left, None, cache)
            pending.append((items, future))
            while pending and (
                pending[0][1] is None or pending[0][1].done() or len(pending) > workers * 8
            ):
                yield from finish(*pending.pop(0))
        while pending:
            yield from finish(*pending.pop(0))
    finally:
        for _items, future in pending:
            if future is not None:
                future.cancel()
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _done(result: T) -> Future[T]:
    future: Future[T] = Future()
    future.set_result(result)
    return future


def prepare_all(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[Prepared]:
    """Files and directories (recursively) to prepared documents."""
    return prepare_paths(list(paths), workers)


def parse_all(paths: Iterable[str | Path]) -> Iterator[Release]:
    """Releases from files, directories and archives, parsed in this process (tests, small
    inputs)."""
    from indexer.extract import iter_releases

    yield from iter_releases(list(paths))


def as_prepared(items: Iterable[Release | Prepared]) -> Iterator[Prepared]:
    """Accept either parsed releases or prepared documents."""
    for item in items:
        yield item if isinstance(item, Prepared) else prepare_release(item)


def prefetch(items: Iterable[T], size: int = 2000) -> Iterator[T]:
    """Read items in a background thread so that reading (a scroll) overlaps the bulk requests."""
    buffer: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()
    done = object()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False  # the consumer has gone

    def produce() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not put(item):
                    return
            put(done)
        except BaseException as exc:  # handed to the consumer, raised there
            put(exc)
        finally:
            close = getattr(iterator, "close", None)
            if close:
                close()  # e.g. clears the scroll context

    thread = threading.Thread(target=produce, name="prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item = buffer.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


class Feed:
    """De-duplicates prepared documents into (id, source) pairs, filling the report."""

    def __init__(
        self, items: Iterable[Prepared], index: str, report: Report, progress: Progress | None
    ):
        self._items = iter(items)
        self._index = index
        self._report = report
        self._progress = progress
        self.paths: dict[str, str] = {}  # doc id -> path, for failure reports and duplicates
        self.stopped = False  # set to stop feeding (a reindex stops at its first rejection)
        self._lock = threading.Lock()

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        return self

    def __next__(self) -> tuple[str, bytes]:
        with self._lock:  # several bulk threads may pull from one feed
            return self._next()

    def take(self, docs: int, max_bytes: int) -> list[tuple[str, bytes]]:
        """The next chunk: up to `docs` documents and about `max_bytes` of sources."""
        chunk: list[tuple[str, bytes]] = []
        size = 0
        with self._lock:
            while len(chunk) < docs and size < max_bytes:
                try:
                    pair = self._next()
                except StopIteration:
                    break
                chunk.append(pair)
                size += len(pair[1])
        return chunk

    def _next(self) -> tuple[str, bytes]:
        while True:
            if self.stopped:
                raise StopIteration
            item = next(self._items)
            self._report.files += 1
            if item.via == "parsed":
                self._report.parsed += 1
            elif item.via == "cached":
                self._report.cached += 1
            if self._progress:
                self._progress(1, 0)
            if item.error is not None or item.doc_id is None or item.source is None:
                log.info("skip %s: %s", item.path, item.error)
                self._report.skipped.append({"path": item.path, "reason": item.error})
                continue
            if item.doc_id in self.paths:
                self._report.duplicates += 1
                continue
            if item.embedded == "computed":
                self._report.embedded += 1
            elif item.embedded == "cached":
                self._report.embeddings_cached += 1
            self.paths[item.doc_id] = item.path
            return item.doc_id, item.source


#: The bulk response holds only what a chunk's outcome needs (items come back in order).
_BULK_FILTER = "errors,items.*.status,items.*.error"


def send_chunk(
    es: Elasticsearch, index: str, chunk: list[tuple[str, bytes]]
) -> Iterator[tuple[bool, dict]]:
    """One chunk through `_bulk`: the sources go as the workers serialised them, behind
    headers made here. 429s (the whole request or single documents) are retried with
    back-off as `helpers.streaming_bulk` does; yields (ok, {"_id", "status"[, "error"]}) per
    document. An error other than an HTTP status (the node is gone) propagates."""
    todo = chunk
    for attempt in range(MAX_RETRIES + 1):
        if attempt:
            time.sleep(min(MAX_BACKOFF, INITIAL_BACKOFF * 2 ** (attempt - 1)))
        parts: list[bytes] = []
        for doc_id, source in todo:
            parts += (b'{"index":{"_id":', orjson.dumps(doc_id), b"}}\n", source, b"\n")
        try:
            resp = es.bulk(index=index, operations=b"".join(parts), filter_path=_BULK_FILTER)
            if resp.get("errors"):
                items = [next(iter(item.values())) for item in resp["items"]]
            else:
                items = [{"status": 201}] * len(todo)
        except ApiError as exc:  # the whole request refused: every document gets its reason
            items = [{"status": exc.status_code, "error": str(exc)}] * len(todo)
        retry = []
        for (doc_id, source), item in zip(todo, items, strict=True):
            status = item.get("status", 500)
            if 200 <= status < 300:
                yield True, {"_id": doc_id, "status": status}
            elif status == 429 and attempt < MAX_RETRIES:
                retry.append((doc_id, source))
            else:
                yield False, {**item, "_id": doc_id}
        if not retry:
            return
        todo = retry


def load(
    es: Elasticsearch,
    items: Iterable[Release | Prepared],
    index: str,
    report: Report,
    chunk_size: int = CHUNK_SIZE,
    threads: int = BULK_THREADS,
    progress: Progress | None = None,
    stop_on_failure: bool = False,
    chunk_bytes: int = CHUNK_BYTES,
) -> Report:
    """Bulk-load documents into index, filling report; exceptions mean the cluster is unusable.

    threads > 1 runs that many send loops over one shared feed, each with its own chunk in
    flight. stop_on_failure stops feeding at the first rejected document (a reindex that will
    be thrown away need not load the rest).
    """
    started = time.monotonic()
    report.index = index
    feed = Feed(as_prepared(items), index, report, progress)
    results_lock = threading.Lock()
    errors: list[BaseException] = []

    def record(results: list[tuple[bool, dict]]) -> None:
        ok = sum(1 for good, _ in results if good)
        with results_lock:
            report.indexed += ok
            if ok:
                faults.stage("bulk")
                if progress:
                    progress(0, ok)
            for good, info in results:
                if good:
                    continue
                doc_id = info.get("_id")
                reason = info.get("error") or info
                report.failed.append(
                    {"id": doc_id, "path": feed.paths.get(doc_id), "reason": str(reason)[:500]}
                )
                if stop_on_failure:
                    feed.stopped = True

    def run() -> None:
        try:
            while chunk := feed.take(chunk_size, chunk_bytes):
                record(list(send_chunk(es, index, chunk)))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    workers = [threading.Thread(target=run, daemon=True) for _ in range(max(1, threads) - 1)]
    for worker in workers:
        worker.start()
    run()  # one loop in this thread
    for worker in workers:
        worker.join()
    if errors:
        raise errors[0]
    report.seconds = time.monotonic() - started
    return report

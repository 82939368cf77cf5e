"""A lease in Elasticsearch so two writers (on any machines) never rebuild one alias at once.

The lock is a document `<alias>-lock/_doc/writer` created with `op_type=create` (only one
creator wins). It carries an expiry that its holder renews from a heartbeat thread; a holder that
died leaves a stale lock, which the next writer deletes (conditionally on its sequence number, so
two rescuers cannot both take it) and replaces. A holder whose lease was taken over notices at its
next renewal and `check()` fails, so it never swaps an alias it no longer owns.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from elasticsearch import ConflictError, Elasticsearch, NotFoundError
from elasticsearch import exceptions as es_exc

from indexer import faults

log = logging.getLogger(__name__)

DOC_ID = "writer"
#: Seconds a lease lasts without renewal: a crashed holder blocks others at most this long.
DEFAULT_TTL = 120.0

LOCK_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "owner": {"type": "keyword"},
        "host": {"type": "keyword"},
        "pid": {"type": "integer"},
        "operation": {"type": "keyword"},
        "acquired_at": {"type": "date", "format": "epoch_millis"},
        "expires_at": {"type": "date", "format": "epoch_millis"},
    },
}


class LockHeld(RuntimeError):
    """Another writer holds the alias's lock (and its lease has not expired)."""

    def __init__(self, holder: dict):
        self.holder = holder
        left = max(0.0, holder.get("expires_at", 0) / 1000 - time.time())
        super().__init__(
            f"another {holder.get('operation', 'writer')} holds the lock: "
            f"{holder.get('owner')} on {holder.get('host')} (pid {holder.get('pid')}), "
            f"lease expires in {left:.0f}s"
        )


class LockLost(RuntimeError):
    """Our lease expired and another writer took the lock over."""


def lock_index(alias: str) -> str:
    return f"{alias}-lock"


def _now_ms() -> int:
    return int(time.time() * 1000)


def holder(es: Elasticsearch, alias: str) -> dict | None:
    """The current lock document (with `stale: bool`), or None when nobody holds it."""
    try:
        doc = es.get(index=lock_index(alias), id=DOC_ID)
    except NotFoundError:
        return None
    source = dict(doc["_source"])
    source["stale"] = source.get("expires_at", 0) < _now_ms()
    return source


def _holder_alive(doc: dict) -> bool:
    """False only when the holder ran on this host and its process is gone (killed, crashed):
    then its lease need not run out. A holder elsewhere is trusted until its lease expires."""
    if doc.get("host") != socket.gethostname() or not doc.get("pid"):
        return True
    try:
        os.kill(int(doc["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, OverflowError):
        return True
    return True


class AliasLock:
    """A renewable lease on one alias; use `with AliasLock(es, alias).held(): ...`."""

    def __init__(
        self,
        es: Elasticsearch,
        alias: str,
        operation: str = "reindex",
        ttl: float | None = None,
    ):
        self.es = es
        self.alias = alias
        self.index = lock_index(alias)
        self.operation = operation
        self.ttl = ttl or faults.lock_ttl() or DEFAULT_TTL
        self.owner = uuid.uuid4().hex
        self._seq: tuple[int, int] | None = None  # (seq_no, primary_term) of our last write
        self._lost: str | None = None
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None
        self._write_lock = threading.Lock()

    def _doc(self) -> dict:
        now = _now_ms()
        return {
            "owner": self.owner,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "operation": self.operation,
            "acquired_at": now,
            "expires_at": now + int(self.ttl * 1000),
        }

    def _ensure_index(self) -> None:
        if self.es.indices.exists(index=self.index):
            return
        try:
            self.es.indices.create(
                index=self.index,
                settings={"number_of_shards": 1, "number_of_replicas": 0},
                mappings=LOCK_MAPPING,
            )
        except es_exc.BadRequestError as exc:  # created meanwhile by another writer
            if "resource_already_exists" not in str(exc):
                raise

    def acquire(self) -> None:
        """Take the lock or raise LockHeld; a stale lock (expired lease) is taken over."""
        self._ensure_index()
        for _ in range(3):
            try:
                resp = self.es.create(index=self.index, id=DOC_ID, document=self._doc())
                self._seq = (resp["_seq_no"], resp["_primary_term"])
                self._start_heartbeat()
                return
            except ConflictError:
                pass
            try:
                current = self.es.get(index=self.index, id=DOC_ID)
            except NotFoundError:
                continue  # released meanwhile: try again
            if current["_source"].get("expires_at", 0) >= _now_ms() and _holder_alive(
                current["_source"]
            ):
                raise LockHeld(current["_source"])
            log.warning("taking over a stale lock: %s", current["_source"])
            # If someone else rescued it first, this fails and the next create decides.
            with suppress(ConflictError, NotFoundError):
                self.es.delete(
                    index=self.index,
                    id=DOC_ID,
                    if_seq_no=current["_seq_no"],
                    if_primary_term=current["_primary_term"],
                )
        current = holder(self.es, self.alias) or {}
        raise LockHeld(current)

    def renew(self) -> None:
        """Extend the lease; records the loss when another writer has taken it over."""
        with self._write_lock:
            if self._seq is None or self._lost:
                return
            doc = self._doc()
            try:
                resp = self.es.index(
                    index=self.index,
                    id=DOC_ID,
                    document=doc,
                    if_seq_no=self._seq[0],
                    if_primary_term=self._seq[1],
                )
                self._seq = (resp["_seq_no"], resp["_primary_term"])
            except (ConflictError, NotFoundError):
                self._lost = "the lock was taken over by another writer (our lease expired)"
                log.error("%s", self._lost)

    def check(self) -> None:
        """Raise LockLost unless we still hold the lease (call before the alias swap)."""
        self.renew()
        if self._lost:
            raise LockLost(self._lost)

    def lost(self) -> str | None:
        """Why we no longer hold the lease (asking Elasticsearch once more), or None."""
        with suppress(es_exc.TransportError, es_exc.ApiError):
            self.renew()
        return self._lost

    def release(self) -> None:
        self._stop.set()
        if self._beat is not None:
            self._beat.join(timeout=5)
        with self._write_lock:
            if self._seq is None or self._lost:
                return
            try:
                self.es.delete(
                    index=self.index,
                    id=DOC_ID,
                    if_seq_no=self._seq[0],
                    if_primary_term=self._seq[1],
                )
            except (ConflictError, NotFoundError):
                pass
            except es_exc.TransportError as exc:  # it will expire on its own
                log.warning("could not release the lock (it expires in %ss): %s", self.ttl, exc)
            self._seq = None

    def _start_heartbeat(self) -> None:
        self._stop.clear()

        def beat() -> None:
            while not self._stop.wait(self.ttl / 3):
                try:
                    self.renew()
                except Exception as exc:  # noqa: BLE001 - a missed beat is retried
                    log.warning("lock renewal failed: %s", exc)

        self._beat = threading.Thread(target=beat, name=f"lock-{self.alias}", daemon=True)
        self._beat.start()

    @contextmanager
    def held(self) -> Iterator[AliasLock]:
        self.acquire()
        try:
            yield self
        finally:
            self.release()

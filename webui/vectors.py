"""The read side's half of semantic search: a query's vector, and whether the index has any.

The model loads on the first semantic or hybrid search (not at start-up: a page that only lists
releases never pays for it). A missing or altered model is logged once as a warning and every
search runs in keyword mode; it is never an error page.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict

from flask import Flask, current_app

from core.semantic.model import Embedder, ModelUnavailable, shared_embedder
from core.settings import switched_on
from webui.fusion import VECTOR_FIELD

log = logging.getLogger(__name__)

#: Seconds a "does the index hold vectors?" answer is kept (a reindex may change it).
VECTORS_TTL = 30.0
#: Query vectors kept per process: paging through one search embeds its words once.
QUERY_CACHE = 512
#: onnxruntime threads for one query (a short text; more threads only contend with ES).
QUERY_THREADS = 1


class QueryEncoder:
    """Lazily loaded embedder for queries; `unavailable` says why there is none."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.unavailable: str | None = None if enabled else "semantic search is switched off"
        self._embedder: Embedder | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._has_vectors: dict[str, tuple[float, bool]] = {}

    def _load(self) -> Embedder | None:
        if self._embedder is not None or self.unavailable:
            return self._embedder
        with self._lock:
            if self._embedder is None and not self.unavailable:
                try:
                    self._embedder = shared_embedder(QUERY_THREADS)
                except ModelUnavailable as exc:
                    self.unavailable = str(exc)
                    log.warning("semantic search unavailable, keyword search only: %s", exc)
        return self._embedder

    def vector(self, q: str) -> list[float] | None:
        """The query's vector, or None when there is no model."""
        cached = self._cache.get(q)
        if cached is not None:
            return cached
        embedder = self._load()
        if embedder is None:
            return None
        vec = embedder.embed_query(q)
        with self._lock:
            self._cache[q] = vec
            while len(self._cache) > QUERY_CACHE:
                self._cache.popitem(last=False)
        return vec

    def index_has_vectors(self, es, index: str) -> bool:  # noqa: ANN001 - an Elasticsearch client
        """Whether any document behind `index` has a vector (kept VECTORS_TTL seconds)."""
        now = time.monotonic()
        known = self._has_vectors.get(index)
        if known and now - known[0] < VECTORS_TTL:
            return known[1]
        # A size-0 search (not _count): one request kind for the metrics and error handling.
        resp = es.search(
            index=index,
            query={"exists": {"field": VECTOR_FIELD}},
            size=0,
            terminate_after=1,
            track_total_hits=1,
        )
        has = resp["hits"]["total"]["value"] > 0
        self._has_vectors[index] = (now, has)
        return has


def init_app(app: Flask) -> None:
    app.extensions["query_encoder"] = QueryEncoder(switched_on(app.config.get("OSCE_SEMANTIC")))


def encoder() -> QueryEncoder:
    return current_app.extensions["query_encoder"]

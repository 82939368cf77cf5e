"""Vectors for documents at index time: cache first, the model for the rest, in batches.

Runs where the documents are made: in the parser processes for files (each loads the model once,
one onnxruntime thread each) and in the main process for `--from-live` and for releases handed
over by code. A model that is missing or altered is logged once and the documents go in without
vectors: keyword search keeps working, and the web side runs keyword mode on such an index.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.semantic.cache import VectorCache, cache_path
from core.semantic.model import ModelUnavailable, document_text, shared_embedder

log = logging.getLogger(__name__)

#: The document field holding the vector (schema.MAPPING declares it).
FIELD = "embedding"
#: Documents embedded per call: big enough to fill a batch of the model, small enough to keep a
#: parser process's memory flat.
BATCH = 64


@dataclass(frozen=True)
class EmbeddingConfig:
    """What the parser processes need to embed (picklable: it crosses the process boundary)."""

    cache: str | None = None  # the SQLite file; None: no cache
    threads: int | None = None  # onnxruntime threads; None: one per core

    @classmethod
    def default(cls, threads: int | None = None) -> EmbeddingConfig:
        path = cache_path()
        return cls(cache=str(path) if path else None, threads=threads)


_caches: dict[str | None, VectorCache] = {}
_warned: set[str] = set()


def _cache(config: EmbeddingConfig) -> VectorCache:
    if config.cache not in _caches:
        _caches[config.cache] = VectorCache(Path(config.cache) if config.cache else None)
    return _caches[config.cache]


def check_model(threads: int | None = None) -> str | None:
    """None when the model loads here, else why not (for the CLI to say before it starts)."""
    try:
        shared_embedder(threads)
    except ModelUnavailable as exc:
        return str(exc)
    return None


def _round(vec: np.ndarray) -> list[float]:
    # Six decimals: int8_hnsw quantises far coarser, and the bulk body stays ~3 kB per vector.
    return [round(float(x), 6) for x in vec]


def add_vectors(docs: list[dict], config: EmbeddingConfig) -> list[str | None]:
    """Put `embedding` into each document; per document "cached", "computed" or None (failed)."""
    if not docs:
        return []
    cache = _cache(config)
    keys = [doc["content_hash"] for doc in docs]
    found = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in found]
    computed: dict[str, np.ndarray] = {}
    if missing:
        try:
            embedder = shared_embedder(config.threads)
        except ModelUnavailable as exc:
            if str(exc) not in _warned:
                _warned.add(str(exc))
                log.warning("indexing without vectors (keyword search only): %s", exc)
            embedder = None
        if embedder is not None:
            texts = [document_text(docs[i].get("title"), docs[i].get("body")) for i in missing]
            vectors = embedder.embed(texts)
            computed = {keys[i]: vectors[n] for n, i in enumerate(missing)}
            cache.put_many(computed)
    status: list[str | None] = []
    for doc, key in zip(docs, keys, strict=True):
        vec = found.get(key)
        if vec is not None:
            doc[FIELD] = _round(vec)
            status.append("cached")
        elif key in computed:
            doc[FIELD] = _round(computed[key])
            status.append("computed")
        else:
            status.append(None)
    return status


def worker_threads(workers: int) -> int | None:
    """onnxruntime threads per parser process: the cores shared out, at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) // max(1, workers))

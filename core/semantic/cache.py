"""Vectors cached by content hash outside the index, so no unchanged release is embedded twice.

Embedding costs ~30 ms a release on two cores, a thousand times what indexing it does: `reindex`,
`reindex --from-live` and a re-crawl look each release up here first. One SQLite file per model
and text recipe (a new model or recipe starts a new file; old vectors are never mixed in), in WAL
mode so that the parser processes of one reindex can read and write it at once.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from core.semantic.model import MODEL

log = logging.getLogger(__name__)

#: Bumped when document_text changes: vectors of the old recipe are not reused.
RECIPE = 1
#: Where cache files live; `off` disables the cache.
CACHE_ENV = "OSCE_EMBEDDING_CACHE"
DEFAULT_DIR = Path.home() / ".cache" / "osce-search"


def cache_path() -> Path | None:
    """The cache file for the current model and recipe, or None when switched off."""
    where = os.environ.get(CACHE_ENV, "")
    if where.lower() == "off":
        return None
    folder = Path(where) if where else DEFAULT_DIR
    return folder / f"embeddings-{MODEL.model_id}-r{RECIPE}.sqlite"


class VectorCache:
    """content hash -> float32 vector; every failure is a logged miss, never an error."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")
            db.commit()
            self._db = db
        except (OSError, sqlite3.Error) as exc:
            log.warning("embedding cache %s unusable, embedding without it: %s", path, exc)

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        keys = list(dict.fromkeys(keys))
        if self._db is None or not keys:
            return {}
        found: dict[str, np.ndarray] = {}
        try:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({marks})", part
                )
                for key, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape == (MODEL.dims,):
                        found[key] = vec
        except sqlite3.Error as exc:
            log.warning("embedding cache read failed: %s", exc)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        if self._db is None or not items:
            return
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            log.warning("embedding cache write failed: %s", exc)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return self._db.execute("SELECT count(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

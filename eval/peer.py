"""The SQLite FTS5 peer (bench/peer_sqlite.py) as a ranked run for the judged collections."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import ir_measures

from bench import peer_sqlite
from core import schema
from core.release import Release
from eval.collection import Query, release_key

NAME = "fts5"
DESCRIPTION = (
    "SQLite FTS5 (porter unicode61 remove_diacritics 2, bm25 title 3 / body 1, "
    "all words required, as Datasette's search)"
)


def run(releases: list[Release], queries: list[Query], depth: int) -> list[ir_measures.ScoredDoc]:
    """The peer's top `depth` per query, from a throwaway database."""
    key_of = {schema.doc_id(r): release_key(r.path) for r in releases}
    scored = []
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "peer.db"
        peer_sqlite.build(db, releases)
        conn = sqlite3.connect(db)
        try:
            for query in queries:
                for rank, doc_id in enumerate(peer_sqlite.ranked_ids(conn, query.text, depth)):
                    scored.append(ir_measures.ScoredDoc(query.id, key_of[doc_id], depth - rank))
        finally:
            conn.close()
    return scored

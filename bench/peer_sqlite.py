"""The peer a Datasette user would pick: SQLite FTS5, built with sqlite-utils, on the same releases.

It answers the same query mix with the same work as our API: top 10 by bm25 with snippets, the
total, and counts for every facet, so the latency comparison is fair.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from core import schema
from core.release import Release

FACET_COLUMNS = {"source": "source", "place": "place", "type": "type", "year": "year"}
MULTI_FACETS = {"fields_of_work": "release_fields", "country": "release_countries"}
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def build(db_path: Path, releases: Iterable[Release]) -> dict:
    """Create the database and its FTS5 index; return build seconds and size."""
    db_path.unlink(missing_ok=True)
    started = time.monotonic()
    db = sqlite_utils.Database(db_path)
    rows, fields, countries = [], [], []
    seen: set[str] = set()
    for release in releases:
        if not release.valid:
            continue
        rid = schema.doc_id(release)
        if rid in seen:
            continue
        seen.add(rid)
        rows.append(
            {
                "id": rid,
                "title": release.title,
                "body": release.body_text,
                "place": schema.place_display(release.place),
                "source": release.source,
                "type": release.type,
                "date": release.date,
                "year": int(release.date[:4]) if release.date else None,
            }
        )
        fields.extend({"id": rid, "value": f} for f in release.fields_of_work)
        countries.extend({"id": rid, "value": c} for c in release.countries)
    db["releases"].insert_all(rows, pk="id", batch_size=2000)
    db["release_fields"].insert_all(fields, batch_size=5000)
    db["release_countries"].insert_all(countries, batch_size=5000)
    db["release_fields"].create_index(["id"])
    db["release_countries"].create_index(["id"])
    db["releases"].enable_fts(
        ["title", "body"], tokenize="porter unicode61 remove_diacritics 2", create_triggers=False
    )
    db.vacuum()
    db.conn.close()
    return {
        "build_s": time.monotonic() - started,
        "size_bytes": db_path.stat().st_size,
        "docs": len(rows),
    }


def fts_query(q: str) -> str | None:
    """User words as an FTS5 query: each token quoted (no syntax injection), all required."""
    tokens = _TOKEN_RE.findall(q)
    return " ".join(f'"{t}"' for t in tokens) or None


def search(conn: sqlite3.Connection, params: dict) -> dict:
    """One search like /api/search: hits with snippets, total, facet counts."""
    where, args = [], []
    match = fts_query(params.get("q", ""))
    if match:
        where.append("r.rowid IN (SELECT rowid FROM releases_fts WHERE releases_fts MATCH ?)")
        args.append(match)
    if params.get("from"):
        where.append("r.date >= ?")
        args.append(params["from"])
    if params.get("to"):
        where.append("r.date <= ?")
        args.append(params["to"])
    for key, column in FACET_COLUMNS.items():
        values = params.get(key) or []
        if values:
            where.append(f"r.{column} IN ({','.join('?' * len(values))})")
            args.extend(values)
    for key, table in MULTI_FACETS.items():
        values = params.get(key) or []
        if values:
            where.append(
                f"r.id IN (SELECT id FROM {table} WHERE value IN ({','.join('?' * len(values))}))"
            )
            args.extend(values)
    cond = " AND ".join(where) or "1"
    if match:
        hits_sql = (
            "SELECT r.id, r.title, snippet(releases_fts, 1, '<mark>', '</mark>', '…', 24) "
            "FROM releases_fts JOIN releases r ON r.rowid = releases_fts.rowid "
            f"WHERE releases_fts MATCH ? AND {cond} "
            "ORDER BY bm25(releases_fts, 3.0, 1.0) LIMIT 10"
        )
        hits = conn.execute(hits_sql, [match, *args]).fetchall()
    else:
        hits = conn.execute(
            f"SELECT r.id, r.title, '' FROM releases r WHERE {cond} ORDER BY r.date DESC LIMIT 10",
            args,
        ).fetchall()
    total = conn.execute(f"SELECT count(*) FROM releases r WHERE {cond}", args).fetchone()[0]
    # (value expression, tables) per facet: a column of releases, or a table of (id, value).
    sources = {key: (f"r.{column}", "releases r") for key, column in FACET_COLUMNS.items()}
    sources.update(
        (key, ("t.value", f"{table} t JOIN releases r ON r.id = t.id"))
        for key, table in MULTI_FACETS.items()
    )
    facets = {
        key: conn.execute(
            f"SELECT {value}, count(*) c FROM {tables} WHERE {cond} "
            f"GROUP BY {value} ORDER BY c DESC LIMIT 50",
            args,
        ).fetchall()
        for key, (value, tables) in sources.items()
    }
    return {"total": total, "hits": hits, "facets": facets}


def ranked_ids(conn: sqlite3.Connection, q: str, k: int = 100) -> list[str]:
    """Top-k ids for the relevance evaluation."""
    match = fts_query(q)
    if not match:
        return []
    rows = conn.execute(
        "SELECT r.id FROM releases_fts JOIN releases r ON r.rowid = releases_fts.rowid "
        "WHERE releases_fts MATCH ? ORDER BY bm25(releases_fts, 3.0, 1.0) LIMIT ?",
        [match, k],
    ).fetchall()
    return [r[0] for r in rows]

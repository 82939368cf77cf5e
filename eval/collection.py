"""The judged collection: releases in the seed text format and graded queries (0-3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.release import Release
from indexer.extract import parse_file

EVAL_DIR = Path(__file__).resolve().parent
RELEASES_DIR = EVAL_DIR / "releases"
QUERIES_FILE = EVAL_DIR / "queries.json"


@dataclass(frozen=True)
class Query:
    """One judged query; judgments map a release key (its file stem) to a grade 0-3."""

    id: str
    text: str
    note: str
    judgments: dict[str, int]


def release_key(path: str | Path) -> str:
    """A release's key in the judgments: its file name without the extension."""
    return Path(path).stem


def load_releases(directory: Path = RELEASES_DIR) -> list[Release]:
    """Every release of the collection, parsed as the indexer parses seeds."""
    releases = [parse_file(path) for path in sorted(directory.glob("*.txt"))]
    bad = [r.path for r in releases if not r.valid]
    if bad:
        raise ValueError(f"invalid releases in the judged collection: {bad}")
    return releases


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """The judged queries, checked: grades in 0-3, keys naming existing releases."""
    data = json.loads(path.read_text(encoding="utf-8"))
    queries = [
        Query(id=q["id"], text=q["query"], note=q.get("note", ""), judgments=q["judgments"])
        for q in data["queries"]
    ]
    known = {release_key(p) for p in RELEASES_DIR.glob("*.txt")}
    for query in queries:
        for key, grade in query.judgments.items():
            if key not in known:
                raise ValueError(f"{query.id}: judgment for unknown release {key!r}")
            if grade not in (0, 1, 2, 3):
                raise ValueError(f"{query.id}: grade {grade!r} for {key!r} is not 0-3")
    return queries

"""The judged collections: releases in the seed text format and graded queries (0-3).

A collection is a directory holding `releases/*.txt` and `queries.json`: `eval/` (the first
judged set) and `eval/archive/` (the held-out set shaped like the real archive, whose queries
also carry a `kind` and a `split`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.release import Release
from indexer.extract import parse_file

EVAL_DIR = Path(__file__).resolve().parent
ARCHIVE_DIR = EVAL_DIR / "archive"
RELEASES_DIR = EVAL_DIR / "releases"
QUERIES_FILE = EVAL_DIR / "queries.json"
#: The splits of a collection whose queries carry one; `heldout` is never tuned on.
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class Query:
    """One judged query; judgments map a release key (its file stem) to a grade 0-3."""

    id: str
    text: str
    note: str
    judgments: dict[str, int]
    kind: str = ""
    split: str = ""


def release_key(path: str | Path) -> str:
    """A release's key in the judgments: its file name without the extension."""
    return Path(path).stem


def load_releases(directory: Path = RELEASES_DIR) -> list[Release]:
    """Every release of a collection (its `releases/` directory), parsed as seeds are."""
    releases = [parse_file(path) for path in sorted(directory.glob("*.txt"))]
    if not releases:
        raise ValueError(f"no releases in {directory}")
    bad = [r.path for r in releases if not r.valid]
    if bad:
        raise ValueError(f"invalid releases in the judged collection: {bad}")
    return releases


def load_queries(path: Path = QUERIES_FILE, releases_dir: Path | None = None) -> list[Query]:
    """The judged queries, checked: grades in 0-3, keys naming releases of the same collection.

    The releases are those beside the queries file (`releases/`) unless told otherwise.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    queries = [
        Query(
            id=q["id"],
            text=q["query"],
            note=q.get("note", ""),
            judgments=q["judgments"],
            kind=q.get("kind", ""),
            split=q.get("split", ""),
        )
        for q in data["queries"]
    ]
    directory = releases_dir or path.parent / "releases"
    known = {release_key(p) for p in directory.glob("*.txt")}
    ids = [q.id for q in queries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate query ids")
    for query in queries:
        if query.split and query.split not in SPLITS:
            raise ValueError(f"{query.id}: split {query.split!r} is not one of {SPLITS}")
        for key, grade in query.judgments.items():
            if key not in known:
                raise ValueError(f"{query.id}: judgment for unknown release {key!r}")
            if grade not in (0, 1, 2, 3):
                raise ValueError(f"{query.id}: grade {grade!r} for {key!r} is not 0-3")
    return queries


def load_collection(directory: Path = EVAL_DIR) -> tuple[list[Release], list[Query]]:
    """A collection's releases and queries, from the directory holding both."""
    releases_dir = directory / "releases"
    return load_releases(releases_dir), load_queries(directory / "queries.json", releases_dir)

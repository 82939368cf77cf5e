"""The held-out archive collection loads, parses and is judged consistently (no Elasticsearch)."""

from __future__ import annotations

from collections import Counter

from eval.archive.build import CHROME, render
from eval.archive.records import RELEASES
from eval.collection import ARCHIVE_DIR, SPLITS, load_collection, release_key

KINDS = {
    "phrase",
    "exclusion",
    "or",
    "field",
    "year",
    "misspelling",
    "paraphrase",
    "name",
    "acronym",
    "topic",
}


def test_archive_loads_and_every_judgment_names_a_release() -> None:
    releases, queries = load_collection(ARCHIVE_DIR)
    keys = {release_key(r.path) for r in releases}
    assert len(releases) >= 100 and len(queries) >= 80
    for query in queries:
        assert set(query.judgments) <= keys, query.id
        assert max(query.judgments.values()) >= 2, query.id


def test_archive_kinds_and_splits_are_balanced() -> None:
    _, queries = load_collection(ARCHIVE_DIR)
    kinds = Counter(q.kind for q in queries)
    assert set(kinds) == KINDS and min(kinds.values()) >= 8
    for kind in KINDS:
        splits = Counter(q.split for q in queries if q.kind == kind)
        assert set(splits) == set(SPLITS) and abs(splits["dev"] - splits["heldout"]) <= 1, kind


def test_archive_files_are_generated_from_the_records() -> None:
    chrome = CHROME.read_text(encoding="utf-8")
    files = {p.stem: p for p in (ARCHIVE_DIR / "releases").glob("*.txt")}
    assert set(files) == {r.stem for r in RELEASES}
    for record in RELEASES:
        assert files[record.stem].read_text(encoding="utf-8") == render(record, chrome), record.stem

"""Duplicates across formats are stored once, and `reindex` says how many it collapsed."""

from __future__ import annotations

import shutil
from pathlib import Path

from core import schema
from indexer import aliases
from indexer.bulk import parse_all

CASES = Path(__file__).parent / "fixtures" / "cases"

#: One release (R1) as a text dump, a byte-for-byte copy, a mojibake copy and an HTML page,
#: plus one other release (R5) as a text dump and an HTML page, plus two damaged files.
FILES = [
    "td_standard.txt",
    "td_duplicate_copy.txt",
    "enc_mojibake.txt",
    "html_dl.html",
    "td_date_label_wins.txt",
    "html_field_divs.html",
    "dmg_empty.txt",
    "dmg_image.png",
]


def test_reindex_stores_each_release_once_and_counts_duplicates(es, make_alias, tmp_path) -> None:
    for name in FILES:
        shutil.copy(CASES / name, tmp_path / name)
    alias = make_alias()
    report = aliases.reindex(es, parse_all([tmp_path]), alias)
    assert (report.files, report.indexed, report.duplicates) == (8, 2, 4)
    assert sorted(s["reason"] for s in report.skipped) == [
        "binary content (PNG image), not a text release",
        "empty file",
    ]
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, size=10)["hits"]["hits"]
    titles = sorted(h["_source"]["title"] for h in hits)
    assert len(hits) == 2 and titles[0].startswith("OSCE Mission to Moldova")
    ids = {h["_id"] for h in hits}
    assert {schema.doc_id(r) for r in parse_all([tmp_path]) if r.valid} == ids

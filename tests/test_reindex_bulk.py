"""The loading pipeline: prepared documents, the parser pool, bulk results and failures."""

from __future__ import annotations

import json
import threading

from elasticsearch import Elasticsearch

from core import schema
from devtools import synth
from indexer import aliases, bulk
from indexer.extract import parse_file
from tests.conftest import SEEDS


def test_prepared_document_is_the_schema_document(tmp_path) -> None:
    path = sorted(SEEDS.iterdir())[0]
    release = parse_file(path)
    prepared = bulk.prepare_file(path)
    assert prepared.error is None and prepared.doc_id == schema.doc_id(release)
    doc = json.loads(prepared.source)
    expected = schema.to_document(release)
    doc.pop("indexed_at"), expected.pop("indexed_at")
    assert doc == expected


def test_bad_files_become_reasons_not_exceptions(tmp_path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.txt"
    for path in (tmp_path / "binary.txt", missing, tmp_path):
        prepared = bulk.prepare_file(path)
        assert prepared.doc_id is None and prepared.error


def test_pool_parses_like_one_process_in_order(tmp_path) -> None:
    files = synth.write_corpus(tmp_path, bulk.BATCH * 3 + 5, seed=3)
    files.append(tmp_path / "missing.txt")
    serial = list(bulk.prepare_paths(files, workers=1))
    pooled = list(bulk.prepare_paths(files, workers=2))
    assert [(p.path, p.doc_id, p.error) for p in pooled] == [
        (p.path, p.doc_id, p.error) for p in serial
    ]
    assert pooled[-1].error and all(p.doc_id for p in pooled[:-1])


def test_threaded_load_counts_duplicates_and_reports_rejections(es: Elasticsearch, make_alias,
                                                                tmp_path) -> None:  # fmt: skip
    synth.write_corpus(tmp_path, 1200, seed=4)
    items = list(bulk.prepare_all([tmp_path, SEEDS, SEEDS], workers=1))
    items.insert(700, bulk.Prepared("x.txt", "x1", b'{"no_such_field": 1}', None))
    items.append(bulk.Prepared("empty.txt", None, None, "empty file"))
    index = make_alias("osce-bulk") + "-1"
    aliases.create_index(es, index, loading=True)
    report = bulk.load(es, items, index, bulk.Report(), chunk_size=100, threads=2)
    es.indices.refresh(index=index)
    assert (report.files, report.indexed, report.duplicates) == (1208, 1203, 3)
    assert report.skipped == [{"path": "empty.txt", "reason": "empty file"}]
    assert [(f["id"], f["path"]) for f in report.failed] == [("x1", "x.txt")]
    assert "strict" in report.failed[0]["reason"]
    assert es.count(index=index)["count"] == 1203
    assert report.to_json()["docs_per_s"] > 0


def test_progress_is_called_per_file_and_per_document(es, make_alias) -> None:
    calls = {"files": 0, "docs": 0}

    def progress(files: int, docs: int) -> None:
        calls["files"] += files
        calls["docs"] += docs

    index = make_alias("osce-bulk") + "-2"
    aliases.create_index(es, index)
    bulk.load(es, bulk.prepare_all([SEEDS, SEEDS], workers=1), index, bulk.Report(),
              progress=progress)  # fmt: skip
    assert calls == {"files": 6, "docs": 3}


def test_prefetch_keeps_order_passes_errors_and_stops_its_source() -> None:
    assert list(bulk.prefetch(iter(range(5000)), size=10)) == list(range(5000))

    def broken():
        yield 1
        raise ValueError("scroll expired")

    got = []
    try:
        for item in bulk.prefetch(broken()):
            got.append(item)
    except ValueError as exc:
        assert str(exc) == "scroll expired"
    else:
        raise AssertionError("the producer's error was swallowed")
    assert got == [1]

    closed = threading.Event()

    def endless():
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed.set()

    stream = bulk.prefetch(endless(), size=5)
    assert next(stream) == 0
    stream.close()
    assert closed.wait(5), "the source was not closed when the consumer stopped"

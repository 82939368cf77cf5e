"""The document cache (indexer.doc_cache): a cached document is the fresh parse (its indexed_at
aside), unchanged files hit it, a changed file or extractor misses it, and a broken cache file
is logged and never stops a run."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

import orjson
import pytest
from elasticsearch import Elasticsearch, helpers

from core.settings import DEFAULT_DOC_CACHE, Settings
from devtools import synth
from indexer import aliases, bulk, doc_cache
from indexer.__main__ import main
from indexer.embeddings import FIELD as VECTOR_FIELD
from indexer.embeddings import EmbeddingConfig
from tests.conftest import SEEDS

CASES = Path(__file__).parent / "fixtures" / "cases"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """The fixture cases (skips among them), the seeds, mixed synthetic files, a WARC, a zip."""
    root = tmp_path_factory.mktemp("doc-cache-corpus")
    made = [synth.make_release(6, i) for i in range(12)]
    return [
        CASES,
        SEEDS,
        synth.write_corpus(root / "loose", 2 * bulk.BATCH + 3, seed=6, fmt="mixed")[0].parent,
        synth.write_warc(root / "crawl.warc.gz", made, seed=6),
        synth.write_zip(root / "crawl.zip", made, seed=6),
    ]


def _prepare(paths, cache: Path | None, workers: int = 1) -> list[bulk.Prepared]:
    return list(bulk.prepare_paths(paths, workers=workers, doc_cache_dir=cache))


def _plain(item: bulk.Prepared) -> tuple:
    """What a prepared document says, but for the time it was prepared."""
    doc = orjson.loads(item.source) if item.source else None
    if doc is not None:
        doc.pop("indexed_at")
    return item.path, item.doc_id, item.error, item.unit_hash, doc


def _via(items: list[bulk.Prepared]) -> dict[str, int]:
    return {v: sum(1 for i in items if i.via == v) for v in ("parsed", "cached")}


def test_cached_documents_are_the_fresh_parses(corpus, tmp_path) -> None:
    fresh = _prepare(corpus, None)
    cold = _prepare(corpus, tmp_path)
    warm = _prepare(corpus, tmp_path, workers=2)  # read by the parser processes
    assert any(i.error for i in fresh) and any("!" in i.path for i in fresh)  # skips, members
    assert _via(cold) == {"parsed": len(fresh), "cached": 0}
    assert _via(warm) == {"parsed": 0, "cached": len(fresh)}
    assert [_plain(i) for i in cold] == [_plain(i) for i in warm] == [_plain(i) for i in fresh]
    # Byte-equal once the time is the same: the source is spliced, not re-serialised.
    for got, want in zip(warm, fresh, strict=True):
        if want.source:
            stamp = orjson.loads(got.source)["indexed_at"].encode()
            old = orjson.loads(want.source)["indexed_at"].encode()
            assert got.source == want.source.replace(old, stamp, 1)
    where = doc_cache.Where(str(tmp_path), doc_cache.fingerprint())
    with sqlite3.connect(where.path) as db:
        bodies = [b for (b,) in db.execute("SELECT body FROM docs WHERE body IS NOT NULL")]
        reasons = {e for (e,) in db.execute("SELECT error FROM docs WHERE error IS NOT NULL")}
    assert bodies and all(b'"indexed_at":""' in b for b in bodies)  # this run's time is added
    assert reasons == {i.error for i in fresh if i.error}


def test_a_changed_file_misses_and_the_rest_hit(tmp_path) -> None:
    files = synth.write_corpus(tmp_path / "files", 30, seed=7)
    cache = tmp_path / "cache"
    _prepare([tmp_path / "files"], cache)
    files[3].write_bytes(files[3].read_bytes().replace(b"OSCE", b"OSCE ", 1))
    files[4].write_bytes(b"")  # now a skip
    again = _prepare([tmp_path / "files"], cache)
    parsed = [i.path for i in again if i.via == "parsed"]
    assert sorted(parsed) == sorted([str(files[3]), str(files[4])])
    assert _via(again)["cached"] == 28
    assert next(i for i in again if i.path == str(files[4])).error == "empty file"
    assert _via(_prepare([tmp_path / "files"], cache))["cached"] == 30


def test_another_extractor_misses_and_its_old_file_is_deleted(tmp_path, monkeypatch) -> None:
    synth.write_corpus(tmp_path / "files", 10, seed=8)
    cache = tmp_path / "cache"
    _prepare([tmp_path / "files"], cache)
    old = doc_cache.Where(str(cache), doc_cache.fingerprint()).path
    monkeypatch.setattr(doc_cache, "fingerprint", lambda: "0" * 32)
    again = _prepare([tmp_path / "files"], cache)
    assert _via(again) == {"parsed": 10, "cached": 0}
    assert not old.exists() and (cache / f"docs-{'0' * 32}.sqlite").exists()


def test_the_fingerprint_follows_the_extractor_code_and_data(tmp_path, monkeypatch) -> None:
    for pattern in doc_cache.SHAPING:
        for path in doc_cache.ROOT.glob(pattern):
            if path.is_file():
                copy = tmp_path / path.relative_to(doc_cache.ROOT)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
    monkeypatch.setattr(doc_cache, "ROOT", tmp_path)
    compute = doc_cache.fingerprint.__wrapped__
    assert compute() == doc_cache.fingerprint()
    seen = {compute()}
    for changed in (
        "indexer/extract/text_dump.py",
        "indexer/gazetteer.py",
        "core/data/synonyms.txt",
    ):
        path = tmp_path / changed
        path.write_bytes(path.read_bytes() + b"\n")
        seen.add(compute())
    assert len(seen) == 4


def test_a_corrupt_cache_file_is_logged_and_replaced(tmp_path, caplog) -> None:
    synth.write_corpus(tmp_path / "files", 10, seed=9)
    cache = tmp_path / "cache"
    cache.mkdir()
    doc_cache.Where(str(cache), doc_cache.fingerprint()).path.write_bytes(b"not sqlite" * 500)
    with caplog.at_level(logging.WARNING, logger="indexer.doc_cache"):
        items = _prepare([tmp_path / "files"], cache, workers=2)
    assert _via(items) == {"parsed": 10, "cached": 0} and all(i.doc_id for i in items)
    assert "is corrupt" in caplog.text
    assert _via(_prepare([tmp_path / "files"], cache))["cached"] == 10


def test_an_unusable_cache_is_logged_and_everything_parsed(tmp_path, caplog) -> None:
    synth.write_corpus(tmp_path / "files", 10, seed=9)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING, logger="indexer.doc_cache"):
        items = _prepare([tmp_path / "files"], blocker, workers=2)
    assert _via(items) == {"parsed": 10, "cached": 0} and all(i.doc_id for i in items)
    assert "unusable" in caplog.text


def test_a_cache_that_fails_mid_run_is_logged_and_parsing_goes_on(tmp_path, caplog) -> None:
    files = synth.write_corpus(tmp_path / "files", 10, seed=10)
    where = doc_cache.Where(str(tmp_path / "cache"), doc_cache.fingerprint())
    doc_cache.DocCache.writer(where).close()
    reader = doc_cache.DocCache.reader(where)
    with sqlite3.connect(where.path) as db:
        db.execute("DROP TABLE docs")  # what a damaged file looks like to a reader
    with caplog.at_level(logging.WARNING, logger="indexer.doc_cache"):
        items = bulk.prepare_cached(files, reader)
    assert [i.via for i in items] == ["parsed"] * 10 and all(i.doc_id for i in items)
    assert "read failed" in caplog.text and not reader.usable


def _sources(es: Elasticsearch, index: str) -> dict[str, dict]:
    docs = {}
    for hit in helpers.scan(es, index=index, size=500):
        hit["_source"].pop("indexed_at")
        docs[hit["_id"]] = hit["_source"]
    return docs


def test_a_second_reindex_takes_every_file_from_the_cache(
    es: Elasticsearch, es_url, make_alias, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("OSCE_DOC_CACHE", str(tmp_path / "cache"))
    synth.write_corpus(tmp_path / "files", 150, seed=11, fmt="mixed")
    (tmp_path / "files" / "empty.txt").write_text("")
    alias = make_alias("osce-doccache")
    common = (str(tmp_path / "files"), "--es-url", es_url, "--alias", alias, "--workers", "2")

    def reindex(*extra: str) -> tuple[dict, str]:
        report = tmp_path / "report.json"
        assert main(["reindex", *common, "--report", str(report), *extra]) == 0
        return json.loads(report.read_text()), aliases.alias_indices(es, alias)[0]

    cold, first = reindex()
    warm, second = reindex()
    assert _sources(es, first) == _sources(es, second)  # the first is kept for rollback
    off, _ = reindex("--doc-cache", "off")
    assert (cold["parsed"], cold["cached"], cold["doc_cache_hit_rate"]) == (151, 0, 0)
    assert (warm["parsed"], warm["cached"], warm["doc_cache_hit_rate"]) == (0, 151, 1)
    assert (off["parsed"], off["cached"]) == (151, 0)
    assert warm["indexed"] == cold["indexed"] == 150 and warm["skipped"] == cold["skipped"]
    assert "151 files from the document cache" in capsys.readouterr().out


def test_the_flag_is_in_the_help(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["reindex", "--help"])
    assert "--doc-cache {on,off}" in capsys.readouterr().out


def test_vectors_are_added_to_cached_documents_but_never_cached_here(tmp_path) -> None:
    config = EmbeddingConfig(cache=str(tmp_path / "vectors.sqlite"))
    runs = [
        list(bulk.prepare_paths([SEEDS], workers=1, embedding=config, doc_cache_dir=tmp_path))
        for _ in range(2)
    ]
    assert [i.via for i in runs[1]] == ["cached"] * len(runs[0])
    assert [i.embedded for i in runs[0]] == ["computed"] * len(runs[0])
    assert [i.embedded for i in runs[1]] == ["cached"] * len(runs[0])
    vectors = [[orjson.loads(i.source)[VECTOR_FIELD] for i in run] for run in runs]
    assert vectors[0] == vectors[1]
    where = doc_cache.Where(str(tmp_path), doc_cache.fingerprint())
    with sqlite3.connect(where.path) as db:
        bodies = [b for (b,) in db.execute("SELECT body FROM docs")]
    assert bodies and not any(VECTOR_FIELD.encode() in b for b in bodies)


def test_the_setting_names_a_folder_in_the_clone_or_off() -> None:
    assert Settings.from_env({}).doc_cache == str(DEFAULT_DOC_CACHE)
    assert DEFAULT_DOC_CACHE.parent == doc_cache.ROOT / ".cache"
    assert Settings.from_env({"OSCE_DOC_CACHE": "off"}).doc_cache is None
    assert Settings.from_env({"OSCE_DOC_CACHE": "/srv/docs"}).doc_cache == "/srv/docs"

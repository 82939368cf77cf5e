"""Crawl output as archives: WARC, zip and tar members parse and index like loose files, and a
damaged member is reported by name and skipped without stopping the run."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from devtools import synth
from indexer import aliases
from indexer.bulk import Report, prepare_all
from indexer.extract import iter_releases
from tests.conftest import ROOT

COUNT = 24


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> dict[str, Path]:
    """The same releases as loose files (dumps and pages), one WARC and one zip."""
    root = tmp_path_factory.mktemp("crawl")
    made = [synth.make_release(5, i) for i in range(COUNT)]
    synth.write_corpus(root / "loose", COUNT, seed=5, fmt="mixed")
    return {
        "loose": root / "loose",
        "warc": synth.write_warc(root / "crawl.warc.gz", made, seed=5),
        "zip": synth.write_zip(root / "crawl.zip", made, seed=5),
        "made": made,  # type: ignore[dict-item]
    }


def _ids(es: Elasticsearch, alias: str) -> set[str]:
    resp = es.search(index=alias, size=1000, source=False)
    return {h["_id"] for h in resp["hits"]["hits"]}


def test_warc_and_zip_index_with_the_ids_of_the_loose_files(es, make_alias, crawl) -> None:
    ids, names = {}, {}
    for kind in ("loose", "warc", "zip"):
        names[kind] = alias = make_alias(f"osce-arch-{kind}")
        report = aliases.reindex(es, prepare_all([crawl[kind]], workers=1), alias)
        assert report.indexed == COUNT and not report.skipped, (kind, report.skipped)
        ids[kind] = _ids(es, alias)
    assert len(ids["loose"]) == COUNT
    assert ids["warc"] == ids["loose"] == ids["zip"]
    src = es.search(index=names["warc"], size=1)["hits"]["hits"][0]["_source"]
    assert src["path"].startswith(f"{crawl['warc']}!https://www.osce.org/synthetic/")
    assert src["origin"] == src["path"].split("!", 1)[1] and src["crawled_at"].startswith("2024-")


def test_archive_members_stream_through_the_process_pool(crawl) -> None:
    pooled = [p for p in prepare_all([crawl["zip"]], workers=2) if p.doc_id]
    serial = [p for p in prepare_all([crawl["zip"]], workers=1) if p.doc_id]
    assert [p.doc_id for p in pooled] == [p.doc_id for p in serial] and len(serial) == COUNT
    assert all("!" in p.path for p in serial)


def test_tar_gz_members_parse_like_the_zip(tmp_path, crawl) -> None:
    tar_path = tmp_path / "crawl.tar.gz"
    with zipfile.ZipFile(crawl["zip"]) as z, tarfile.open(tar_path, "w:gz") as t:
        for info in z.infolist():
            data = z.read(info)
            entry = tarfile.TarInfo(info.filename)
            entry.size = len(data)
            t.addfile(entry, io.BytesIO(data))
    from_tar = [r for r in iter_releases([tar_path]) if r.valid]
    from_zip = [r for r in iter_releases([crawl["zip"]]) if r.valid]
    assert [r.title for r in from_tar] == [r.title for r in from_zip]
    assert from_tar[0].path == f"{tar_path}!{zipfile.ZipFile(crawl['zip']).namelist()[0]}"


def _truncated_warc(tmp_path: Path, made: list) -> tuple[Path, str]:
    """An uncompressed WARC whose last record is cut in the middle of its page."""
    full = synth.write_warc(tmp_path / "full.warc", made[:3], seed=5)
    data = full.read_bytes()
    cut = data.rindex(b"<h1>") + 20
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    return path, made[2].url


def _corrupt_zip(tmp_path: Path, made: list) -> tuple[Path, str]:
    """A zip whose second member's deflated bytes are overwritten (bad CRC or bad stream)."""
    path = synth.write_zip(tmp_path / "bad.zip", made[:3], seed=5)
    with zipfile.ZipFile(path) as z:
        info = z.infolist()[1]
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + 60):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))
    return path, info.filename


def test_truncated_warc_record_and_corrupt_zip_member_are_reported_and_skipped(
    tmp_path, crawl
) -> None:
    warc, cut_url = _truncated_warc(tmp_path, crawl["made"])
    bad_zip, bad_member = _corrupt_zip(tmp_path, crawl["made"])
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "parse", str(warc), str(bad_zip)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["valid"] for r in rows] == [True, True, False, True, False, True]
    assert rows[2]["path"] == f"{warc}!{cut_url}" and "truncated WARC record" in rows[2]["error"]
    assert rows[4]["path"] == f"{bad_zip}!{bad_member}" and "corrupt zip member" in rows[4]["error"]
    assert rows[0]["origin"] == crawl["made"][0].url
    assert f"invalid {warc}!{cut_url}: truncated WARC record" in proc.stderr


def test_damaged_archives_do_not_stop_a_reindex(es, make_alias, tmp_path, crawl) -> None:
    warc, cut_url = _truncated_warc(tmp_path, crawl["made"])
    bad_zip, bad_member = _corrupt_zip(tmp_path, crawl["made"])
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00 not really gzip" * 5)
    report = Report()
    alias = make_alias("osce-arch-bad")
    aliases.reindex(es, prepare_all([warc, bad_zip, garbage], workers=1), alias, report=report)
    skipped = {s["path"]: s["reason"] for s in report.skipped}
    assert f"{warc}!{cut_url}" in skipped and f"{bad_zip}!{bad_member}" in skipped
    assert str(garbage) in skipped
    # Four good pages: two from the WARC, two from the zip (the zip's first is a twin of the
    # WARC's first, so one collapses).
    assert report.indexed + report.duplicates == 4

"""`index DIR` on a growing crawl: only new and changed files are parsed, the manifest lives in
Elasticsearch, `--prune` removes releases whose files are gone; releases with several sources
count under each source facet value."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from elasticsearch import Elasticsearch

from core import schema
from devtools import synth
from indexer import aliases, incremental
from indexer.bulk import parse_all
from indexer.extract import parse_file
from tests.conftest import ROOT

CASES = Path(__file__).parent / "fixtures" / "cases"


def _index(es_url: str, alias: str, folder: Path, report: Path, *extra: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "index", str(folder), "--alias", alias,
         "--es-url", es_url, "--workers", "1", "--report", str(report), *extra],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "incremental:" in proc.stdout
    return json.loads(report.read_text())["incremental"]


def _count(es: Elasticsearch, alias: str) -> int:
    es.indices.refresh(index=alias)
    return es.count(index=alias)["count"]


def test_growing_folder_reports_exactly_the_new_files(es, es_url, make_alias, tmp_path) -> None:
    alias = make_alias("osce-incr")
    crawl = tmp_path / "crawl"
    synth.write_corpus(crawl / "day1", 12, seed=21, fmt="mixed")
    first = _index(es_url, alias, crawl, tmp_path / "r1.json")
    assert (first["new"], first["unchanged"], first["changed"]) == (12, 0, 0)
    assert _count(es, alias) == 12
    assert es.count(index=incremental.manifest_index(alias))["count"] == 12

    day2 = [synth.make_release(22, i) for i in range(4)]
    (crawl / "day2").mkdir()
    added = []
    for made in day2:
        path = crawl / "day2" / made.name
        path.write_text(made.text, encoding="utf-8")
        added.append(os.path.abspath(path))
    second = _index(es_url, alias, crawl, tmp_path / "r2.json")
    assert sorted(second["new_paths"]) == sorted(added)
    assert (second["new"], second["unchanged"], second["changed"], second["removed"]) == (
        4,
        12,
        0,
        0,
    )
    assert _count(es, alias) == 16

    # One file edited, one deleted: changed replaces its release, --prune drops the other.
    edited, deleted = sorted((crawl / "day1").rglob("*.txt"))[:2]
    old_edited, old_deleted = (schema.doc_id(parse_file(p)) for p in (edited, deleted))
    edited.write_text(edited.read_text() + "\nA sentence added by the editor.\n")
    new_edited = schema.doc_id(parse_file(edited))
    deleted.unlink()
    third = _index(es_url, alias, crawl, tmp_path / "r3.json", "--prune")
    assert third["changed_paths"] == [os.path.abspath(edited)]
    assert third["removed_paths"] == [os.path.abspath(deleted)]
    assert (third["new"], third["unchanged"], third["releases_deleted"]) == (0, 14, 2)
    assert _count(es, alias) == 15
    ids = {h["_id"] for h in es.search(index=alias, size=100, source=False)["hits"]["hits"]}
    assert new_edited in ids and not {old_edited, old_deleted} & ids

    # Unchanged crawl: nothing parsed; after a reindex the manifest is rewritten, still nothing.
    fourth = _index(es_url, alias, crawl, tmp_path / "r4.json")
    assert (fourth["new"], fourth["changed"], fourth["unchanged"], fourth["removed"]) == (
        0,
        0,
        15,
        0,
    )


def test_reindex_writes_the_manifest_an_index_run_trusts(es, es_url, make_alias, tmp_path) -> None:
    alias = make_alias("osce-incr-re")
    synth.write_corpus(tmp_path / "c", 6, seed=23, fmt="mixed")
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "reindex", str(tmp_path / "c"), "--alias", alias,
         "--es-url", es_url, "--workers", "1"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert "6 indexed" in proc.stdout
    after = _index(es_url, alias, tmp_path / "c", tmp_path / "r.json")
    assert (after["new"], after["unchanged"]) == (0, 6)


def test_a_release_of_several_sources_is_found_under_each(es, es_url, make_alias) -> None:
    alias = make_alias("osce-sources")
    files = ["td_multi_source_comma_line.txt", "td_source_with_commas.txt", "td_standard.txt"]
    releases = list(parse_all([CASES / f for f in files]))
    aliases.reindex(es, releases, alias)
    from webui import create_app

    client = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias}).test_client()
    shared = releases[0]
    assert len(shared.sources) == 2 and shared.closed_sources == [shared.sources[1]]
    facet = {
        v["value"]: v["count"] for v in client.get("/api/search").get_json()["facets"]["source"]
    }
    for source in shared.sources:
        assert facet[source] == 1
        data = client.get("/api/search", query_string={"source": source}).get_json()
        assert [h["title"] for h in data["hits"]] == [shared.title]
        assert data["hits"][0]["sources"] == shared.sources
        assert data["hits"][0]["closed_sources"] == shared.closed_sources
    # A name with commas inside parentheses is one facet value, not three.
    assert any("(France, Russian Federation" in v for v in facet)
    assert (
        "Russian Federation" not in facet
        and "OSCE Project Co-ordinator in Baku (closed)" not in facet
    )

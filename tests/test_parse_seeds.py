"""The seed releases parse exactly: title, date, place, source, fields, body edges."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from indexer.extract import parse_file
from tests.conftest import ROOT, SEEDS

EXPECTED = {
    "000_ea42b6878c0ad028.txt": {
        "title": "Statement by the Co-Chairs of the OSCE Minsk Group",
        "date": "2017-06-19",
        "place": "BAKU",
        "source": "Minsk Group",
        "fields_of_work": ["Conflict prevention and resolution"],
        "first": "The Co-Chairs of the OSCE Minsk Group (Ambassadors Igor Popov",
        "last": "discuss modalities of the forthcoming work.",
        "countries": {"Armenia", "Azerbaijan"},
    },
    "001_ef1dc6a9a1e049dd.txt": {
        "title": "Statement by the Co-Chairs of the OSCE Minsk Group",
        "date": "2021-09-24",
        "place": "NEW YORK",
        "source": "Minsk Group",
        "fields_of_work": ["Conflict prevention and resolution"],
        "first": "The Co-Chairs of the OSCE Minsk Group (Stephane Visconti of France",
        "last": "resulting from the Nagorno-Karabakh conflict in accordance with their mandate.",
        "countries": {"Armenia", "Azerbaijan"},
    },
    "004_881764f0c4da85cb.txt": {
        "title": "Calls between OSCE Chairperson-in-Office Linde and Foreign Ministers of "
        "Kyrgyzstan and Tajikistan",
        "date": "2021-05-01",
        "place": "STOCKHOLM",
        "source": "OSCE Chairpersonship",
        "fields_of_work": ["Conflict prevention and resolution"],
        "first": "OSCE Chairperson-in-Office, Swedish Minister for Foreign Affairs Ann Linde,",
        "last": "in the interests of people on both sides of the border.",
        "countries": {"Kyrgyzstan", "Tajikistan"},
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_fields(name: str) -> None:
    want = EXPECTED[name]
    release = parse_file(SEEDS / name)
    assert release.valid, release.error
    assert release.type == "Press release"
    assert release.title == want["title"]
    assert release.date == want["date"]
    assert release.place == want["place"]
    assert release.source == want["source"]
    assert release.fields_of_work == want["fields_of_work"]
    assert release.body[0].startswith(want["first"])
    assert release.body[-1].endswith(want["last"])
    assert want["countries"] <= set(release.countries)


def test_navigation_is_dropped() -> None:
    release = parse_file(SEEDS / "000_ea42b6878c0ad028.txt")
    text = release.body_text
    assert "Participating States" not in text
    assert "Fields of work" not in text
    # The navigation names every State; the release is not about Mongolia or Iceland.
    assert "Mongolia" not in release.countries and "Iceland" not in release.countries
    # The dateline is removed from the body.
    assert not text.startswith("BAKU")


def test_parse_cli_json_lines(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    out = subprocess.run(
        [sys.executable, "-m", "indexer", "parse", str(SEEDS), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 5
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    baku = by_name["000_ea42b6878c0ad028.txt"]
    assert baku["valid"] and baku["date"] == "2017-06-19" and len(baku["id"]) == 20
    assert set(baku) == {
        "path",
        "valid",
        "error",
        "id",
        "type",
        "title",
        "date",
        "place",
        "source",
        "sources",
        "closed_sources",
        "fields_of_work",
        "countries",
        "body",
        "origin",
    }
    assert by_name["empty.txt"] == {**by_name["empty.txt"], "valid": False, "error": "empty file"}
    assert not by_name["binary.bin"]["valid"] and "binary" in by_name["binary.bin"]["error"]

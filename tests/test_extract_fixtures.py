"""Every fixture parses to its expected JSON, field for field (tests/fixtures/cases)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import schema
from indexer.extract import parse_file
from tests.conftest import ROOT

CASES = Path(__file__).parent / "fixtures" / "cases"
EXPECTED = sorted(CASES.glob("*.expected.json"))


def parse_row(path: Path) -> dict:
    """The `parse` command's JSON for one file, as the CLI builds it."""
    release = parse_file(path)
    return release.to_parse_json(schema.doc_id(release) if release.valid else None)


def test_fixture_set_is_complete() -> None:
    files = {p.name for p in CASES.iterdir() if not p.name.endswith(".expected.json")}
    assert {p.name.removesuffix(".expected.json") for p in EXPECTED} == files
    assert len(files) >= 30


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_fixture_fields_exact(expected_path: Path) -> None:
    want = json.loads(expected_path.read_text())
    got = parse_row(CASES / want["path"])
    got["path"] = Path(got["path"]).name
    for key in want:
        assert got[key] == want[key], f"{key} differs"
    assert set(got) == set(want)


def _ids(*names: str) -> set[str | None]:
    return {parse_row(CASES / name)["id"] for name in names}


def test_text_dump_and_html_page_of_one_release_share_an_id() -> None:
    pairs = [
        ("td_standard.txt", "html_dl.html", "enc_mojibake.txt", "td_duplicate_copy.txt"),
        ("td_date_label_wins.txt", "html_field_divs.html", "enc_cp1252.txt"),
        ("td_nav_variant_em_dash.txt", "html_labels_timezone.html", "td_trailing_footer.txt"),
        ("td_title_markup_no_dateline.txt", "html_title_script.html"),
        ("enc_latin1.txt", "html_cp1252_declared.html"),
        ("enc_crlf.txt", "td_iso_date_inline_place.txt", "html_hidden_labels.html"),
        ("td_dateline_no_place_hyphen.txt", "enc_utf16.txt"),
    ]
    seen: set[str | None] = set()
    for group in pairs:
        ids = _ids(*group)
        assert len(ids) == 1 and None not in ids, group
        assert not ids & seen, "different releases must not collapse"
        seen |= ids


def test_cli_reports_every_fixture(tmp_path: Path) -> None:
    files = sorted(p for p in CASES.iterdir() if not p.name.endswith(".expected.json"))
    out = subprocess.run(
        [sys.executable, "-m", "indexer", "parse", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == [f.name for f in files]
    for row in rows:
        want = json.loads((CASES / f"{Path(row['path']).name}.expected.json").read_text())
        assert (row["valid"], row["error"], row["id"]) == (want["valid"], want["error"], want["id"])
        if not row["valid"]:
            assert f"invalid {row['path']}: {row['error']}" in out.stderr

"""core.export's pure parts: defused CSV cells, file names, fields, the row limit, writers."""

from __future__ import annotations

import csv
import io
import json

import pytest

from core import export
from core.settings import Settings


@pytest.mark.parametrize("start", export.FORMULA_START)
def test_every_formula_start_is_defused(start: str) -> None:
    payload = f'{start}HYPERLINK("http://evil","x")'
    assert export.cell(payload) == "'" + payload
    assert export.cell(["ok", payload]) == "ok; " + payload  # only a cell's start runs
    assert export.cell([payload, "ok"]).startswith("'")


def test_plain_cells_stay_as_they_are() -> None:
    assert export.cell("Vienna") == "Vienna" and export.cell(None) == ""
    assert export.cell(12.5) == "12.5" and export.cell([]) == ""


def test_csv_writer_defuses_every_column_and_round_trips() -> None:
    w = export.CsvWriter(("id", "title", "countries", "body"))
    r = {"id": "x", "title": "=1+1", "countries": ["@SUM(A1)", "B"], "body": "-2\r\n+3"}
    rows = list(csv.reader(io.StringIO(w.head() + w.record(r))))
    assert rows == [
        ["id", "title", "countries", "body"],
        ["x", "'=1+1", "'@SUM(A1); B", "'-2\r\n+3"],
    ]


def test_cut_and_error_lines_are_clear_in_every_format() -> None:
    for fmt, writer in export.WRITERS.items():
        w = writer(("id", "title"))
        assert "limit" in w.cut("export cut at limit"), fmt
        assert "broken" in w.fail("broken"), fmt
    last = json.loads(export.JsonLinesWriter(("id",)).fail("gone"))
    assert last == {"_export": {"complete": False, "reason": "error", "message": "gone"}}


@pytest.mark.parametrize(
    ("q", "name"),
    [
        ("", "osce-search-all.csv"),
        ("Elections in Đakovica, São Tomé!", "osce-search-elections-in-akovica-sao-tome.csv"),
        ('"; rm -rf /\r\nX-Evil: 1', "osce-search-rm-rf-x-evil-1.csv"),
        ("пресс-релиз", "osce-search-all.csv"),
        ("a" * 300, "osce-search-" + "a" * 60 + ".csv"),
    ],
)
def test_file_names_are_safe_ascii_slugs(q: str, name: str) -> None:
    assert export.filename(q, "csv") == name
    assert export.filename(q, "bibtex").endswith(".bib")


def test_fields_parse_in_order_and_refuse_unknown_names() -> None:
    assert export.parse_fields(None) == export.DEFAULT_FIELDS
    assert export.parse_fields(" body, id ,body") == ("body", "id")
    with pytest.raises(ValueError, match="unknown field 'password'"):
        export.parse_fields("id,password")
    assert "body" not in export.source_fields(export.DEFAULT_FIELDS)
    assert export.source_fields(["place", "body"]) == ["place_display", "place", "body"]
    assert set(export.CITATION_FIELDS) <= set(export.fields_for("ris", ("body",)))


def test_export_max_is_a_positive_number_read_into_the_settings() -> None:
    assert (
        Settings.from_env({}).export_max == Settings.from_env({"OSCE_EXPORT_MAX": " "}).export_max
    )
    assert Settings.from_env({}).export_max == 100_000
    settings = Settings.from_env({"OSCE_EXPORT_MAX": "250", "OSCE_SECRET_KEY": "k"})
    assert settings.export_max == 250
    assert settings.flask_config()["OSCE_EXPORT_MAX"] == 250
    assert settings.flask_config()["SECRET_KEY"] == "k"
    for bad in ("0", "-5", "lots", "1.5"):
        with pytest.raises(ValueError, match="OSCE_EXPORT_MAX"):
            Settings.from_env({"OSCE_EXPORT_MAX": bad})


def test_rows_link_only_web_origins() -> None:
    hit = {"_id": "a" * 20, "_source": {"title": "T", "origin": "javascript:alert(1)"}}
    r = export.row(hit, "http://host/")
    assert r["origin"] is None and r["url"] == "http://host/release/" + "a" * 20

"""core.citation: BibTeX, RIS and CSL-JSON read back by real parsers and the CSL schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from core.citation import PUBLISHER, Reference, bibtex, bibtex_key, csl_json, ris

CSL_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8")
)
ODIHR = "Office for Democratic Institutions and Human Rights"

FULL = Reference(
    id="0123456789abcdef0123",
    title="ODIHR deploys election observation mission to Georgia",
    date="2016-09-01",
    place="Tbilisi",
    sources=[ODIHR, "Mission to Georgia"],
    url="https://www.osce.org/odihr/265431?a=1&b=2",
    accessed="2026-12-01",
)
BARE = Reference(id="fedcba98765432100000", title=None)
HOSTILE = Reference(
    id="00000000000000000001",
    title='A {brace} 100% & $5 #1 x_y ~ ^ \\ "quote"\nER  - injected\r\nTY  - JOUR',
    date="2020-01-02",
    place="São Tomé\nTY  - BOOK",
    sources=["Representative on Freedom of the Media } and {x"],
    url="https://example.org/a{b}",
    accessed="2026-12-01",
)


def _bib_fields(text: str) -> dict[str, str]:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    assert len(lib.entries) == 1
    entry = lib.entries[0]
    values = {k: f.value for k, f in entry.fields_dict.items()}
    return {"ENTRYTYPE": entry.entry_type, "ID": entry.key, **values}


def test_bibtex_parses_with_the_right_fields() -> None:
    f = _bib_fields(bibtex(FULL))
    assert f["ENTRYTYPE"] == "misc" and f["ID"] == bibtex_key(FULL) == "osce2016-" + FULL.id
    # Corporate authors stay whole: each in its own braces, joined by `and`.
    assert f["author"] == "{" + ODIHR + "} and {Mission to Georgia}"
    assert f["title"] == "{" + FULL.title + "}"
    assert (f["year"], f["month"], f["date"]) == ("2016", "sep", "2016-09-01")
    assert f["address"] == "Tbilisi" and f["publisher"] == PUBLISHER
    assert f["url"] == FULL.url and f["urldate"] == "2026-12-01"


def test_bibtex_escapes_what_latex_would_run() -> None:
    f = _bib_fields(bibtex(HOSTILE))
    title = f["title"]
    for raw, escaped in [("%", r"\%"), ("&", r"\&"), ("$", r"\$"), ("#", r"\#"), ("_", r"\_")]:
        assert escaped in title and raw not in title.replace(escaped, "")
    assert r"\{brace\}" in title and "\n" not in title
    # Braces in the source cannot close the author group early.
    assert f["author"] == r"{Representative on Freedom of the Media \} and \{x}"
    assert "{" not in f["url"] and "}" not in f["url"]


def test_bibtex_without_date_place_or_url() -> None:
    f = _bib_fields(bibtex(BARE))
    assert f["ID"] == "oscend-" + BARE.id
    assert f["author"] == "{OSCE}" and "year" not in f and "url" not in f and "address" not in f


def test_ris_parses_with_the_right_fields() -> None:
    (entry,) = rispy.loads(ris(FULL))
    assert entry["type_of_reference"] == "PRESS"
    assert entry["authors"] == [ODIHR, "Mission to Georgia"]
    assert entry["title"] == FULL.title
    assert (entry["year"], entry["date"]) == ("2016", "2016/09/01")
    assert entry["place_published"] == "Tbilisi" and entry["publisher"] == PUBLISHER
    assert entry["urls"] == [FULL.url] and entry["access_date"] == "2026/12/01"
    assert entry["id"] == FULL.id


def test_ris_cannot_be_broken_by_newlines_in_values() -> None:
    text = ris(HOSTILE)
    entries = rispy.loads(text)
    assert len(entries) == 1 and entries[0]["type_of_reference"] == "PRESS"
    assert entries[0]["place_published"] == "São Tomé TY - BOOK"
    assert all(line[:2].isalnum() and line[2:6] in ("  - ", "  -") for line in text.splitlines())


def test_csl_json_validates_against_the_csl_schema() -> None:
    items = [csl_json(FULL), csl_json(BARE), csl_json(HOSTILE)]
    jsonschema.validate(items, CSL_SCHEMA)
    full = items[0]
    assert full["type"] == "report" and full["genre"] == "Press release"
    assert full["author"] == [{"literal": ODIHR}, {"literal": "Mission to Georgia"}]
    assert full["issued"] == {"date-parts": [[2016, 9, 1]]}
    assert full["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert full["publisher"] == PUBLISHER and full["publisher-place"] == "Tbilisi"
    assert full["URL"] == FULL.url and full["title"] == FULL.title


def test_the_schema_rejects_what_it_should() -> None:
    """The shipped schema is the real one: an unknown type or variable fails."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**csl_json(FULL), "type": "press-release"}], CSL_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**csl_json(FULL), "place": "Vienna"}], CSL_SCHEMA)


def test_reference_from_record_prefers_the_original_and_lists_every_source() -> None:
    rec = {"id": "a" * 20, "title": "T", "source": "Secretariat", "origin": None}
    ref = Reference.from_record(rec, "http://x/release/" + "a" * 20, date(2026, 1, 2))
    assert ref.url == "http://x/release/" + "a" * 20 and ref.sources == ["Secretariat"]
    assert ref.accessed == "2026-01-02"
    rec = {**rec, "origin": "https://www.osce.org/x", "sources": ["A", "B", "A"]}
    ref = Reference.from_record(rec, "http://x/", date(2026, 1, 2))
    assert ref.url == "https://www.osce.org/x" and ref.authors == ["A", "B"]

"""Unit checks of the extraction rules the fixtures rely on: datelines, dates, bytes, States."""

from __future__ import annotations

import pytest

from indexer.extract import looks_like_html, parse_bytes
from indexer.extract.dateline import parse_date, split_dateline
from indexer.extract.encoding import NotText, decode_with_name, repair_mojibake
from indexer.gazetteer import find_countries


@pytest.mark.parametrize(
    ("line", "place", "date", "rest"),
    [
        ("BAKU, 19 June 2017 – The Co-Chairs", "BAKU", "2017-06-19", "The Co-Chairs"),
        ("VIENNA, 3 July 2023 - Text", "VIENNA", "2023-07-03", "Text"),
        ("12 March 2022 — Text", None, "2022-03-12", "Text"),
        ("WASHINGTON, D.C., 5 May 2020 – Text", "WASHINGTON, D.C.", "2020-05-05", "Text"),
        ("NUR-SULTAN, 5 Sept. 2019 —Text", "NUR-SULTAN", "2019-09-05", "Text"),
        ("Vienna, June 5, 2019 - Text", "Vienna", "2019-06-05", "Text"),
        ("BISHKEK, 1 May 2021 –", "BISHKEK", "2021-05-01", ""),
        ("VIENNA, Monday, 4 May 2020 – Text", "VIENNA", "2020-05-04", "Text"),
        ("Tuesday, 5th May 2020 - Text", None, "2020-05-05", "Text"),
    ],
)
def test_datelines(line: str, place: str | None, date: str, rest: str) -> None:
    assert split_dateline(line) == (place, date, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Today, the OSCE said on 5 May 2020 - that",
        "On 19 June 2017 - the Co-Chairs",
        "SKOPJE, 32 May 2020 – impossible day",
        "VIENNA, 5 May 2020-2021 budget lines",
    ],
)
def test_not_datelines(line: str) -> None:
    assert split_dateline(line) == (None, None, line)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("19 June 2017", "2017-06-19"),
        ("Monday, 19 June 2017", "2017-06-19"),
        ("2017-06-19T22:00:00Z", "2017-06-19"),
        ("June 19, 2017", "2017-06-19"),
        ("19.06.2017", "2017-06-19"),
        ("19/06/2017", "2017-06-19"),
        ("05/01/2021", None),  # 5 January or 1 May: never a guess
        ("soon", None),
    ],
)
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


def test_cyrillic_legacy_text_is_read_as_cyrillic() -> None:
    text = "Центр ОБСЕ в Бишкеке провел семинар по вопросам выборов для журналистов.\n" * 3
    decoded, name = decode_with_name(text.encode("cp1251"))
    assert decoded == text and name == "cp1251"


def test_western_legacy_text_is_never_read_as_cyrillic() -> None:
    text = "The Representative, Stéphane Désir, met editors in Türkiye – “a first”.\n" * 3
    decoded, _ = decode_with_name(text.encode("cp1252"))
    assert decoded == text


def test_mojibake_is_repaired_only_where_it_decodes() -> None:
    assert repair_mojibake("TÃ¼rkiye â€“ cafÃ©") == "Türkiye – café"
    assert repair_mojibake("Ã la carte, naïve") == "Ã la carte, naïve"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02" * 100, "binary content (NUL bytes)"),
        (b"GIF89a" + b"\x00" * 20, "binary content (GIF image)"),
        (b"PK\x03\x04rest", "binary content (ZIP archive or Office document)"),
        (b"\x1b\x02\x03\x04\x05\x06\x07\x08" * 50, "binary content (control bytes)"),
    ],
)
def test_binary_is_refused_with_its_kind(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_with_name(data)
    release = parse_bytes(data, "x.bin")
    assert not release.valid and release.error.startswith(reason)


def test_html_is_recognised_by_its_start_not_by_markup_in_a_title() -> None:
    assert looks_like_html("<!-- saved -->\n<!DOCTYPE html><html><body><h1>T</h1>")
    assert not looks_like_html("-\nOur work\nPress release\nOn <script>alert(1)</script>\n")


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Armenian President met the Azerbaijani President in Vienna.", ["Armenia", "Azerbaijan"]),
        ("The Minsk Group co-chairs met in Warsaw and The Hague.", []),
        ("Sofia Petrova spoke about the Paris Agreement in Russian.", []),
        ("Ethnic Albanian and Kosovo Serb parties; Turkish Cypriot leaders.", []),
        ("A visit to Sofia, then to Paris.", ["Bulgaria", "France"]),
        ("Police in Northern Ireland and in Ireland.", ["United Kingdom", "Ireland"]),
        ("tensions on the Kyrgyz-Tajik border", ["Kyrgyzstan", "Tajikistan"]),
        ("GEORGIA and Türkiye; a turkey and georgia peaches", ["Georgia", "Türkiye"]),
        ("The Us and the US", ["United States of America"]),
        ("OSCE Chair Visits Baku And Yerevan", ["Azerbaijan", "Armenia"]),
        ("EU ministers in Brussels discussed Helsinki+50 and the Rome Statute.", []),
        ("The Polish OSCE Chairmanship and the Swiss Chairmanship", ["Poland", "Switzerland"]),
    ],
)
def test_countries(text: str, states: list[str]) -> None:
    assert find_countries(text) == states


def test_adjectives_only_before_state_institutions() -> None:
    assert find_countries("the Ukrainian Government and the Finnish Chairpersonship") == [
        "Ukraine",
        "Finland",
    ]
    assert find_countries("in Russian and Ukrainian languages, Armenian-language schools") == []
    assert find_countries("the Ukrainian Government", demonyms=False) == []


def test_body_list_right_after_the_metadata_is_body_not_fields() -> None:
    dump = (
        "Press release\nTitle of a release\n- Date: 2 March 2021\n- Place:\n- WASHINGTON, D.C.\n"
        "- Fields of work:\n- Elections\n- the first finding of the report is a sentence;\n"
        "- the second finding is another sentence.\nClosing paragraph.\n"
    )
    release = parse_bytes(dump.encode(), "x.txt")
    assert release.place == "WASHINGTON, D.C." and release.fields_of_work == ["Elections"]
    assert release.body[0] == "- the first finding of the report is a sentence;"


def test_html_inline_labels_and_plain_body() -> None:
    page = (
        "<html><body><header><h1>OSCE</h1></header><main><h1>A &amp; B agree</h1>"
        '<div class="date">Date: 5 May 2020</div><p><span>Place: Tbilisi</span></p>'
        "<p>First paragraph with a <a href='/x'>link</a>, kept.</p><p>&nbsp;</p>"
        "<p>Second &ldquo;quoted&rdquo; paragraph.</p></main></body></html>"
    )
    release = parse_bytes(page.encode(), "p.html")
    assert (release.title, release.date, release.place) == ("A & B agree", "2020-05-05", "Tbilisi")
    assert release.body == ["First paragraph with a link, kept.", "Second “quoted” paragraph."]
    assert release.countries == []  # States come from title and body, not the place field


def test_a_state_by_any_of_its_names() -> None:
    from core.states import canonical_state

    assert find_countries("Ankara, Turkey, and Turkiye") == ["Türkiye"]
    assert [canonical_state(n) for n in ("turkey", "TÜRKIYE", "Russia", " bosnia ")] == [
        "Türkiye",
        "Türkiye",
        "Russian Federation",
        "Bosnia and Herzegovina",
    ]
    assert canonical_state("Vienna") is None, "a capital is a place, not a State's name"

"""Several sources on one line, closed offices, content types, dateline shapes, place cities."""

from __future__ import annotations

import pytest

from indexer.extract.dateline import split_dateline
from indexer.extract.labels import fields_of, normalise_type, sources_of, split_names
from indexer.gazetteer import place_parts

MINSK = "Co-Chairs of the OSCE Minsk Group (France, Russian Federation, United States of America)"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("OSCE Chairmanship, OSCE Mission to Georgia (closed)",
         ["OSCE Chairmanship", "OSCE Mission to Georgia (closed)"]),
        (MINSK, [MINSK]),
        ("OSCE Field Office in Osh, Kyrgyzstan, OSCE Secretariat",
         ["OSCE Field Office in Osh, Kyrgyzstan", "OSCE Secretariat"]),
        ("Office for Democratic Institutions and Human Rights, and partners",
         ["Office for Democratic Institutions and Human Rights, and partners"]),
        ("OSCE Chairmanship, Troika", ["OSCE Chairmanship", "Troika"]),
        ("A,, B ,", ["A", "B"]),
    ],
)  # fmt: skip
def test_split_names_keeps_commas_that_belong_to_a_name(line: str, names: list[str]) -> None:
    assert split_names(line) == names


def test_closed_offices_lose_the_mark_and_are_listed() -> None:
    sources, closed = sources_of(
        ["OSCE Mission to Skopje (closed)", "OSCE Secretariat, OSCE Mission to Skopje"]
    )
    assert sources == ["OSCE Mission to Skopje", "OSCE Secretariat"]
    assert closed == ["OSCE Mission to Skopje"]
    assert sources_of(["(closed)"]) == ([], [])
    assert fields_of(["Elections, Human rights", "Elections"]) == ["Elections", "Human rights"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("PRESS RELEASES", "Press release"),
        ("press release", "Press release"),
        ("Press Release", "Press release"),
        ("Spot Reports", "Spot report"),
        ("daily report", "Daily report"),
        ("NEWS", "News"),
        ("Statements", "Statement"),
        ("Photo galleries", "Photo galleries"),
        ("SITUATION UPDATES", "Situation update"),
        ("  ", None),
        (None, None),
        ("S", "S"),  # a lone "s" is no plural: it once raised IndexError (found by the Rust port)
        ("s", "s"),
    ],
)
def test_content_types_fold_case_and_number(written: str | None, canonical: str | None) -> None:
    assert normalise_type(written) == canonical


@pytest.mark.parametrize(
    ("line", "known", "place", "date", "rest"),
    [
        ("VIENNA/WARSAW, 18 July 2022 – Leaders", None, "VIENNA/WARSAW", "2022-07-18", "Leaders"),
        ("TIRANA / BRUSSELS / GENEVA – 6 October 2020. The", None,
         "TIRANA / BRUSSELS / GENEVA", "2020-10-06", "The"),
        ("BELGRADE, 25 April 2015- The", None, "BELGRADE", "2015-04-25", "The"),
        ("KHARKOV/STANYTSIA LUHANSKA, Ukraine, 29 November 2019 – A", None,
         "KHARKOV/STANYTSIA LUHANSKA, Ukraine", "2019-11-29", "A"),
        ("WARSAW/VIENNA, 30 June – Two", "2021-07-01", "WARSAW/VIENNA", "2021-06-30", "Two"),
        ("WARSAW/VIENNA, 30 June – Two", None, "WARSAW/VIENNA", None, "Two"),
        ("On 22 July 2022, a group met.", None, None, None, "On 22 July 2022, a group met."),
        ("30 June – no place, no year", None, None, None, "30 June – no place, no year"),
        ("The Mission – 6 October 2020. text", None, None, None,
         "The Mission – 6 October 2020. text"),
    ],
)  # fmt: skip
def test_every_dateline_shape(line, known, place, date, rest) -> None:
    assert split_dateline(line, known) == (place, date, rest)


@pytest.mark.parametrize(
    ("place", "cities", "states"),
    [
        ("KHARKOV/STANYTSIA LUHANSKA, Ukraine", ["Kharkov", "Stanytsia Luhanska"], ["Ukraine"]),
        ("TIRANA / BRUSSELS / GENEVA", ["Tirana", "Brussels", "Geneva"], ["Albania"]),
        ("VIENNA/WARSAW", ["Vienna", "Warsaw"], []),
        ("OSH, Kyrgyzstan", ["Osh"], ["Kyrgyzstan"]),
        ("WASHINGTON, D.C.", ["Washington, D.C."], []),
        ("São Tomé", ["São Tomé"], []),
        (None, [], []),
    ],
)
def test_place_cities_and_their_states(place, cities, states) -> None:
    assert place_parts(place) == (cities, states)

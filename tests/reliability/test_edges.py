"""Edges end to end on a small real index: a non-ASCII facet value (`Türkiye`) through every
surface (filter, typed prefix, chip, counts, CSV, whole-set exports, Atom, country page, map) and
every spreadsheet formula prefix defused in every CSV the app writes.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest

from core import export
from core.release import Release
from indexer import aliases
from tests.apps import app_on
from tests.reliability.summary import record

COUNTRY = "Türkiye"
#: Titles a spreadsheet would run as formulas: one per prefix core.export knows.
HOSTILE = [f"{p}HYPERLINK(\"http://example.invalid\",\"x\") {i}" for i, p in
           enumerate(export.FORMULA_START)]  # fmt: skip
ATOM = "{http://www.w3.org/2005/Atom}"


def _release(i: int, title: str, countries: list[str]) -> Release:
    return Release(
        path=f"edge/{i}.txt",
        type="Press release",
        title=title,
        date=f"20{10 + i % 10:02d}-0{1 + i % 9}-1{i % 9}",
        place="ANKARA" if countries else "VIENNA",
        source="ODIHR",
        sources=["ODIHR"],
        fields_of_work=["Elections"],
        countries=countries,
        body=[f"Election observers reported on the vote number {i} in the capital."],
    )


@pytest.fixture(scope="module")
def edge(es, es_url: str, make_alias):
    alias = make_alias("osce-edge")
    rels = [_release(i, f"Observers in {COUNTRY} report {i}", [COUNTRY]) for i in range(4)]
    rels += [_release(10 + i, t, []) for i, t in enumerate(HOSTILE)]
    aliases.reindex(es, rels, alias)

    app = app_on(es_url, alias)
    yield app.test_client()


def test_non_ascii_facet_value_through_every_surface(edge) -> None:
    q = quote(COUNTRY)
    data = edge.get(f"/api/search?country={q}").get_json()
    assert data["total"] == 4, data["total"]
    bucket = {v["value"]: v for v in data["facets"]["country"]}[COUNTRY]
    assert bucket["count"] == 4 and bucket.get("selected") is True, bucket
    # Typed as a prefix, any case: the same filter, with the value as indexed.
    typed = edge.get(f"/api/search?q=observers+country:{quote('türkiye')}").get_json()
    assert typed["total"] == 4, typed["total"]
    assert typed["understood"]["filters"]["country"] == [COUNTRY], typed["understood"]
    assert {v["value"]: v["count"] for v in typed["facets"]["country"]} == {COUNTRY: 4}
    # By its other names, without the diacritic: the same State.
    for name in ("Turkey", "TURKIYE"):
        other = edge.get(f"/api/search?q=observers+country:{name}").get_json()
        assert other["total"] == 4 and other["understood"]["filters"]["country"] == [COUNTRY]
    # The page: the chip names it and its link removes it.
    page = edge.get(f"/?country={q}").get_data(as_text=True)
    assert COUNTRY in page and "4" in page
    rows = list(csv.DictReader(io.StringIO(edge.get(f"/api/search.csv?country={q}").text)))
    assert len(rows) == 4 and all(COUNTRY in r["title"] for r in rows)
    whole = edge.get(f"/api/search.csv?all=1&country={q}").text
    assert len(list(csv.DictReader(io.StringIO(whole)))) == 4
    lines = edge.get(f"/api/search.jsonl?country={q}&fields=id,countries").text.splitlines()
    assert [json.loads(x)["countries"] for x in lines] == [[COUNTRY]] * 4
    feed = ET.fromstring(edge.get(f"/api/search.atom?country={q}").data)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert len(titles) == 4 and all(COUNTRY in t for t in titles)
    country = edge.get(f"/api/country/{q}")
    assert country.status_code == 200, country.get_data(as_text=True)[:300]
    assert country.get_json()["total"] == 4, country.get_json()
    assert edge.get(f"/country/{q}").status_code == 200
    record("edge_country", value=COUNTRY, surfaces=9, total=4)


def test_every_formula_prefix_is_defused_in_every_csv(edge) -> None:
    """Each hostile title, in the page CSV, the whole-set CSV and the trends CSV, starts with
    the defusing quote; nothing reaches a cell starting with a formula character."""
    checked = 0
    for url in ("/api/search.csv?q=HYPERLINK&size=50", "/api/search.csv?all=1&q=HYPERLINK"):
        rows = list(csv.DictReader(io.StringIO(edge.get(url).text)))
        titles = {r["title"] for r in rows}
        assert len(rows) == len(HOSTILE), (url, titles)
        for title in HOSTILE:
            assert "'" + title in titles, (url, title)
        for row in rows:
            for value in row.values():
                assert not (value or "").startswith(export.FORMULA_START), (url, value)
                checked += 1
    for start in ("=", "+", "@", "＝", "＋", "＠"):
        resp = edge.get("/api/trends.csv", query_string={"q": start + "HYPERLINK"})
        assert resp.status_code in (200, 400), resp.status_code
        if resp.status_code == 200:
            for row in csv.DictReader(io.StringIO(resp.text)):
                assert not row["series"].startswith(export.FORMULA_START), row
                checked += 1
    record("csv_defused", prefixes=len(export.FORMULA_START), cells=checked, live=0)


WINDOW_RELEASES = 12_000


@pytest.fixture(scope="module")
def beyond_window(es, es_url: str, make_alias):
    """More releases than the 10,000-hit window: the synthetic corpus, bulk-loaded."""
    from devtools import synth

    alias = make_alias("osce-window")
    assert synth.load_index(es, alias, WINDOW_RELEASES, seed=23) == WINDOW_RELEASES
    app = app_on(es_url, alias)
    return app.test_client()


def test_the_last_page_the_window_allows_answers_and_one_past_it_is_a_clear_400(
    beyond_window,
) -> None:
    """Paged by number, results stop at hit 10,000 (`index.max_result_window`): the last page
    answers in full, one past it is a 400 that says so, on the API and the HTML page alike; the
    cursor the last page gives goes on past the window."""
    size = 100
    last_page = 10_000 // size
    last = beyond_window.get(f"/api/search?size={size}&page={last_page}&sort=newest")
    body = last.get_json()
    assert last.status_code == 200 and len(body["hits"]) == size
    assert body["total"] == WINDOW_RELEASES
    first = beyond_window.get(f"/api/search?size={size}&sort=newest").get_json()
    assert {h["id"] for h in first["hits"]}.isdisjoint(h["id"] for h in body["hits"])

    past = beyond_window.get(f"/api/search?size={size}&page={last_page + 1}")
    error = past.get_json()["error"]
    assert past.status_code == 400 and "results stop at 10000" in error
    html = beyond_window.get(f"/?size={size}&page={last_page + 1}")
    page_text = html.get_data(as_text=True)
    assert html.status_code == 400 and "results stop at 10000" in page_text

    on = beyond_window.get(f"/api/search?size={size}&sort=newest&cursor={body['next']}")
    beyond = on.get_json()
    assert on.status_code == 200 and len(beyond["hits"]) == size
    assert {h["id"] for h in beyond["hits"]}.isdisjoint(h["id"] for h in body["hits"])
    record(
        "page_window",
        releases=WINDOW_RELEASES,
        last_page=last_page,
        last_hits=len(body["hits"]),
        past_status=past.status_code,
        page_status=html.status_code,
        cursor_hits=len(beyond["hits"]),
    )

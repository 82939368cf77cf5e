"""The map facet, /trends and the country pages against the real node (tests/web_corpus.py).

Expected numbers come from the corpus (`matching`, `counts`) or from /api/search's own facets,
never typed in: the map must agree with the checkbox list, a trend with the search it links to.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from indexer.gazetteer import STATES
from tests.apps import app_on
from tests.web_corpus import build_alias, counts, matching, releases
from webui import charts, trends
from webui import map as statemap

STATE_RE = re.compile(
    r'<a href="(?P<href>[^"]*)" class="state shade-(?P<shade>\d)(?P<on> on)?" '
    r'aria-label="(?P<label>[^"]*)" data-country="(?P<name>[^"]*)">'
)
CHECKBOX_RE = re.compile(
    r'<a href="(?P<href>[^"]*)" class="fv[^"]*"[^>]*>\s*<span class="box"[^>]*></span>'
    r'<span class="v">(?P<name>[^<]*)</span>'
)
POINT_RE = re.compile(
    r'<a href="[^"]*" aria-label="[^"]*" data-year="(\d+)" data-value="([\d.]+)">'
)


@pytest.fixture(scope="module")
def web(es_url: str, es, make_alias):

    alias = build_alias(es, make_alias)
    app = app_on(es_url, alias)
    return app.test_client()


def _map_states(page: str) -> dict[str, dict]:
    found = {}
    for m in STATE_RE.finditer(page):
        name = html.unescape(m["name"])
        count = int(html.unescape(m["label"]).split(": ")[1].split(" ")[0].replace(",", ""))
        found[name] = {"href": html.unescape(m["href"]), "count": count, "on": bool(m["on"])}
    return found


def _checkboxes(page: str) -> dict[str, str]:
    facet = page[page.index('data-facet="country"') :]
    facet = facet[: facet.index("</section>")]
    return {html.unescape(m["name"]): html.unescape(m["href"]) for m in CHECKBOX_RE.finditer(facet)}


@pytest.mark.parametrize(
    "query",
    ["", "source=ODIHR", "source=ODIHR&country=Georgia", "country=Poland&country=Ukraine"],
)
def test_map_counts_and_links_equal_the_country_facet(web, query: str) -> None:
    args = parse_qs(query)
    page = web.get(f"/?{query}").get_data(as_text=True)
    api = web.get(f"/api/search?{query}").get_json()
    on_map = _map_states(page)
    facet = {v["value"]: v["count"] for v in api["facets"]["country"]}
    # Disjunctive: the map counts what the other facets allow, whatever States are chosen.
    others = {k: v for k, v in args.items() if k != "country"}
    expected = {c: n for c, n in counts(matching(others), "country").items() if c in STATES}
    assert {n: s["count"] for n, s in on_map.items()} == expected
    assert all(facet[n] == s["count"] for n, s in on_map.items())
    # Each State links exactly where its checkbox does, and is marked when chosen.
    boxes = _checkboxes(page)
    assert {n: s["href"] for n, s in on_map.items()} == {n: boxes[n] for n in on_map}
    assert {n for n, s in on_map.items() if s["on"]} == set(args.get("country", []))
    # States without a match are drawn but are not links; all 57 are on the map.
    assert page.count('class="state shade-0" data-country=') == 57 - len(on_map)


def test_map_shades_follow_counts_and_the_legend_covers_them() -> None:
    bounds = statemap.shade_bounds(100)
    assert bounds == sorted(bounds) and bounds[-1] == 100
    shades = [statemap.shade(n, bounds) for n in range(0, 101)]
    assert shades[0] == 0 and shades[1] == 1 and shades[100] == statemap.SHADES
    assert shades == sorted(shades)
    view = statemap.choropleth({"Germany": 100, "Malta": 1}, set(), lambda n: f"?country={n}")
    by_name = {s.name: s for panel in view.shapes.values() for s in panel}
    assert by_name["Germany"].shade == 5 and by_name["Malta"].shade == 1
    assert by_name["Malta"].dot and by_name["France"].href is None
    assert [s.name for s in view.ranked] == ["Germany", "Malta"]
    assert len(view.legend) == len(bounds) + 1


def test_no_map_when_nothing_matches(web) -> None:
    page = web.get("/?q=zzqxjunkword").get_data(as_text=True)
    assert 'class="map"' not in page


def _year_counts(web, q: str, **filters: str) -> dict[str, int]:
    args = {"q": q, **filters}
    facets = web.get("/api/search", query_string=args).get_json()["facets"]
    return {v["value"]: v["count"] for v in facets["year"] if v["count"]}


def test_trends_two_series_per_year_counts_equal_the_search(web) -> None:
    data = web.get("/api/trends?q=election&q=media").get_json()
    assert [s["q"] for s in data["series"]] == ["election", "media"]
    all_years = Counter(r.date[:4] for r in releases() if r.date)
    assert [y["year"] for y in data["years"]] == [
        str(y) for y in range(int(min(all_years)), int(max(all_years)) + 1)
    ]
    assert {y["year"]: y["total"] for y in data["years"] if y["total"]} == dict(all_years)
    for s in data["series"]:
        expected = _year_counts(web, s["q"])
        assert expected, s["q"]
        assert {p["year"]: p["count"] for p in s["points"] if p["count"]} == expected
        assert s["total"] == sum(expected.values())
        for p in s["points"]:
            total = all_years.get(p["year"], 0)
            assert p["share"] == (round(p["count"] / total, 4) if total else 0.0)
            # A point links to the search for that series and year, which finds exactly it.
            link = parse_qs(urlsplit(p["search"]).query)
            assert link["q"] == [s["q"]] and link["from"] == [f"{p['year']}-01-01"]
            found = web.get("/api/search", query_string=link).get_json()["total"]
            assert found == p["count"]


def test_trends_page_draws_both_lines_and_the_csv_matches_the_chart(web) -> None:
    args = "q=election&q=media&source=ODIHR&source=Representative+on+Freedom+of+the+Media"
    page = web.get(f"/trends?{args}").get_data(as_text=True)
    data = web.get(f"/api/trends?{args}").get_json()
    lines = re.findall(r'<g class="series series-(\d)" data-series="([^"]*)">(.*?)</g>', page, re.S)
    assert [(i, html.unescape(name)) for i, name, _ in lines] == [("0", "election"), ("1", "media")]
    rows = list(
        csv.DictReader(io.StringIO(web.get(f"/api/trends.csv?{args}").get_data(as_text=True)))
    )
    for (_, name, svg), series in zip(lines, data["series"], strict=True):
        drawn = {year: float(v) for year, v in POINT_RE.findall(svg)}
        assert drawn == {p["year"]: p["count"] for p in series["points"]}
        assert "<polyline points=" in svg
        filtered = _year_counts(web, name, source="ODIHR")
        filtered_media = _year_counts(web, name, source="Representative on Freedom of the Media")
        both = Counter(filtered) + Counter(filtered_media)
        assert {y: int(v) for y, v in drawn.items() if v} == dict(both)
        from_csv = {r["year"]: int(r["count"]) for r in rows if r["series"] == name}
        assert from_csv == {p["year"]: p["count"] for p in series["points"]}
    # The same filters show as chips whose links keep both series.
    assert "Representative on Freedom of the Media" in page
    share = web.get(f"/trends?{args}&measure=share").get_data(as_text=True)
    share_points = dict(POINT_RE.findall(share))
    assert all(0 <= float(v) <= 1 for v in share_points.values())
    assert page.count('<tr><th scope="row">') == len(data["years"])


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("q=", "empty"),
        ("q=election&q=", "empty"),
        ("", "at least one series"),
        ("q=a&q=b&q=c&q=d&q=e&q=f", "at most 5"),
        ("q=%22open+quote", "quotation mark"),
        ("q=(unclosed", "bracket"),
        ("q=election+OR", "needs a word"),
        ("q=title:", "field prefix"),
        ("q=x&measure=ratio", "measure"),
        ("q=x&from=2020-13-01", "from"),
        ("q=" + "x" * 300, "longer than"),
    ],
)
def test_bad_series_get_a_400_from_the_api(web, query: str, fragment: str) -> None:
    for path in ("/api/trends", "/api/trends.csv"):
        resp = web.get(f"{path}?{query}")
        assert resp.status_code == 400, (path, query)
        assert fragment in resp.get_json()["error"]


def test_bad_series_get_a_notice_on_the_page_and_the_rest_is_drawn(web) -> None:
    page = web.get("/trends?q=%22open&q=election&q=a&q=b&q=c&q=d&q=e").get_data(as_text=True)
    assert 'id="notices"' in page and "quotation mark is not closed" in html.unescape(page)
    assert "At most 5 series" in page
    assert len(re.findall(r'<g class="series series-\d"', page)) == 5
    empty = web.get("/trends?q=&q=")
    assert empty.status_code == 200 and "Type up to five queries" in empty.get_data(as_text=True)
    assert web.get("/trends?q=x&measure=bogus").status_code == 400


def test_results_page_links_to_the_query_over_time(web) -> None:
    page = web.get("/?q=election&source=ODIHR").get_data(as_text=True)
    link = html.unescape(re.search(r'<a href="([^"]*)" id="over-time">', page)[1])
    assert urlsplit(link).path == "/trends"
    assert parse_qs(urlsplit(link).query) == {"q": ["election"], "source": ["ODIHR"]}
    assert web.get(link).status_code == 200


def test_country_page_and_json_twin_from_aggregations(web) -> None:
    name = "Ukraine"
    about = matching({"country": [name]})
    data = web.get(f"/api/country/{name}").get_json()
    assert data["country"] == name and data["total"] == len(about)
    assert {y["year"]: y["count"] for y in data["years"] if y["count"]} == dict(
        Counter(r.date[:4] for r in about)
    )
    assert {v["value"]: v["count"] for v in data["sources"]} == counts(about, "source")
    assert {v["value"]: v["count"] for v in data["fields_of_work"]} == counts(
        about, "fields_of_work"
    )
    assert {v["value"]: v["count"] for v in data["places"]} == counts(about, "place")
    named_with = {c: n for c, n in counts(about, "country").items() if c != name}
    assert {v["value"]: v["count"] for v in data["with"]} == named_with
    dates = sorted((r.date for r in about), reverse=True)
    assert [r["date"] for r in data["recent"]] == dates
    page = web.get(f"/country/{name}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h1>Ukraine</h1>" in text
    assert f'href="/api/country/{name}"' in text and "Most recent releases" in text
    for r in data["recent"]:
        assert html.escape(r["title"]) in text


def test_unknown_country_is_a_404_and_other_spellings_redirect(web) -> None:
    assert web.get("/country/Atlantis").status_code == 404
    assert "not one of the 57" in web.get("/country/Atlantis").get_data(as_text=True)
    api = web.get("/api/country/Atlantis")
    assert api.status_code == 404 and "error" in api.get_json()
    moved = web.get("/country/united%20kingdom")
    assert moved.status_code == 301 and moved.headers["Location"].endswith(
        "/country/United%20Kingdom"
    )
    assert web.get("/country/Holy%20See").status_code == 200  # no release yet: an empty page


def test_single_country_chip_links_to_its_page(web) -> None:
    page = web.get("/?country=Poland").get_data(as_text=True)
    assert 'href="/country/Poland"' in page


def test_line_chart_geometry_is_pure_and_scaled() -> None:
    data = {
        "measure": "count",
        "series": [
            {"q": "a", "total": 4, "search": "/?q=a", "points": [
                {"year": "2020", "count": 1, "share": 0.5, "search": "/?q=a&from=2020"},
                {"year": "2021", "count": 3, "share": 0.75, "search": "/?q=a&from=2021"},
            ]},
        ],
        "years": [{"year": "2020", "total": 2}, {"year": "2021", "total": 4}],
    }  # fmt: skip
    chart = charts.line_chart(data)
    (line,) = chart.lines
    left, top, right, bottom = chart.plot
    assert [p.x for p in line.points] == [left, right]
    assert line.points[1].y < line.points[0].y <= bottom
    assert chart.y_ticks[-1].label == "5" or chart.y_ticks[-1].label == "3"
    assert charts.line_chart({**data, "series": []}) is None
    assert trends.syntax_error('"a" (b OR c)') is None

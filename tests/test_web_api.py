"""/api/search parameter by parameter against the real node and the web corpus.

Expected numbers are computed from the corpus (`tests.web_corpus.RELEASES`), never typed in.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from xml.etree import ElementTree as ET

import pytest

from core.release import Release
from indexer import aliases
from tests.apps import app_on
from tests.web_corpus import build_alias, counts, matching, releases, values_of

ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS = releases()


@pytest.fixture(scope="module")
def api(es_url: str, es, make_alias):

    alias = build_alias(es, make_alias)
    app = app_on(es_url, alias)
    return app.test_client()


def search(api, qs: str = "", status: int = 200) -> dict:
    resp = api.get("/api/search?" + qs)
    assert resp.status_code == status, (qs, resp.get_data(as_text=True))
    return resp.get_json()


def test_empty_query_lists_everything_newest_first(api) -> None:
    data = search(api, "size=100")
    assert data["total"] == len(CORPUS) == len(data["hits"])
    dates = [h["date"] for h in data["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert data["suggestion"] is None


def test_q_highlights_every_hit_and_ranks_by_score(api) -> None:
    data = search(api, "q=election")
    assert data["total"] >= 3
    for hit in data["hits"]:
        marks = hit["highlight"]["title"] + hit["highlight"]["body"]
        assert any("<mark>" in f.lower() for f in marks), hit["title"]
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sort_by_date(api, sort: str) -> None:
    data = search(api, f"q=OSCE&sort={sort}&size=100")
    dates = [h["date"] for h in data["hits"]]
    assert len(dates) > 2 and dates == sorted(dates, reverse=sort == "newest")


def test_oldest_applies_to_the_empty_query(api) -> None:
    dates = [h["date"] for h in search(api, "sort=oldest&size=100")["hits"]]
    assert dates == sorted(dates)


def test_page_and_size_walk_every_release_once(api) -> None:
    seen: list[str] = []
    page = 1
    while True:
        data = search(api, f"size=4&page={page}")
        assert data["page"] == page and data["size"] == 4
        if not data["hits"]:
            break
        assert len(data["hits"]) <= 4
        seen += [h["id"] for h in data["hits"]]
        page += 1
    assert len(seen) == len(set(seen)) == len(CORPUS)


def test_from_and_to_filter_dates_inclusively(api) -> None:
    data = search(api, "from=2019-02-12&to=2021-06-11&size=100")
    expected = [r for r in CORPUS if "2019-02-12" <= r.date <= "2021-06-11"]
    assert data["total"] == len(expected)
    assert {h["date"] for h in data["hits"]} == {r.date for r in expected}
    only_from = search(api, "from=2022-01-01&size=100")
    assert only_from["total"] == sum(r.date >= "2022-01-01" for r in CORPUS)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("fields_of_work", "Elections"),
        ("source", "ODIHR"),
        ("place", "Vienna"),
        ("country", "Poland"),
        ("type", "News and announcement"),
        ("year", "2021"),
    ],
)
def test_each_facet_filters(api, key: str, value: str) -> None:
    data = search(api, f"{key}={value}&size=100")
    expected = matching({key: [value]})
    assert expected and data["total"] == len(expected)
    assert all(value in values_of(r, key) for r in expected)
    chosen = [v for v in data["facets"][key] if v["selected"]]
    assert [v["value"] for v in chosen] == [value]


def test_disjunctive_facet_counts(api) -> None:
    """Two values in one facet (OR) and one in another (AND); own selection never shrinks."""
    fow = ["Elections", "Media freedom and development"]
    src = ["ODIHR"]
    qs = "fields_of_work=Elections&fields_of_work=Media+freedom+and+development&source=ODIHR"
    data = search(api, qs + "&size=100")

    both = matching({"fields_of_work": fow, "source": src})
    assert data["total"] == len(both)
    assert sorted(h["title"] for h in data["hits"]) == sorted(r.title for r in both)
    for hit in data["hits"]:
        assert hit["source"] == "ODIHR" and set(hit["fields_of_work"]) & set(fow)

    def shown(key: str) -> dict[str, int]:
        # A selected value with no matches left is listed with 0, so it can be removed.
        return {v["value"]: v["count"] for v in data["facets"][key] if v["count"]}

    # fields_of_work counts ignore the fields_of_work selection but apply source.
    assert shown("fields_of_work") == counts(matching({"source": src}), "fields_of_work")
    # source counts ignore the source selection but apply fields_of_work.
    assert shown("source") == counts(matching({"fields_of_work": fow}), "source")
    # every other facet applies both.
    for key in ("country", "place", "type", "year"):
        assert shown(key) == counts(both, key), key
    selected = {v["value"] for v in data["facets"]["fields_of_work"] if v["selected"]}
    assert selected == set(fow)
    # OR within a facet: two values give at least as many as either alone.
    assert len(matching({"fields_of_work": fow})) > len(matching({"fields_of_work": fow[:1]}))


def test_facet_counts_respect_dates_and_histogram_ignores_them(api) -> None:
    data = search(api, "from=2020-01-01&source=Secretariat")
    in_range = [r for r in matching({"source": ["Secretariat"]}) if r.date >= "2020-01-01"]
    assert data["total"] == len(in_range)
    assert {v["value"]: v["count"] for v in data["facets"]["fields_of_work"]} == counts(
        in_range, "fields_of_work"
    )
    years = Counter(r.date[:4] for r in matching({"source": ["Secretariat"]}))
    shown = {b["year"]: b["count"] for b in data["histogram"] if b["count"]}
    assert shown == dict(years)  # the chart still shows the years before `from`
    span = [int(b["year"]) for b in data["histogram"]]
    assert span == list(range(span[0], span[-1] + 1))  # gaps filled


def test_selected_value_without_matches_stays_removable(api) -> None:
    data = search(api, "country=Georgia&source=Secretariat")
    assert data["total"] == 0 == len(matching({"country": ["Georgia"], "source": ["Secretariat"]}))
    assert {"value": "Georgia", "count": 0, "selected": True} in data["facets"]["country"]


def test_unknown_parameters_are_ignored(api) -> None:
    assert search(api, "colour=blue&size=100")["total"] == len(CORPUS)


@pytest.mark.parametrize(
    "qs",
    [
        "page=0",
        "page=-1",
        "page=x",
        "page=1001",  # 1001 * 10 > 10,000: the clear stop
        "size=0",
        "size=101",
        "size=ten",
        "sort=random",
        "sort=",
        "from=2020-13-01",
        "from=yesterday",
        "to=2020-02-30",
        "from=2021-01-01&to=2020-01-01",
        "q=" + "a" * 300,
        "year=abc",
        "year=12345",
        "fields_of_work=" + "x" * 300,
    ],
)
def test_bad_values_are_400_with_a_json_error(api, qs: str) -> None:
    if qs == "sort=":
        search(api, qs)  # an empty sort means the default, not an error
        return
    data = search(api, qs, status=400)
    assert data["status"] == 400 and data["error"]


def test_bad_values_on_the_page_and_exports_are_400(api) -> None:
    for path in ("/?page=0", "/api/search.csv?size=x", "/api/search.atom?from=nope"):
        assert api.get(path).status_code == 400, path
    assert "must be" in api.get("/?sort=x").get_data(as_text=True)


def test_did_you_mean_on_a_misspelling(api) -> None:
    # A word no release holds is corrected, and the correction is what runs ...
    data = search(api, "q=electoin")
    assert data["corrected"] == "election" and data["suggestion"] is None
    assert data["total"] == search(api, "q=election")["total"] > 0
    # ... unless asked for as typed: then it is offered.
    literal = search(api, "q=electoin&correct=off")
    assert literal["suggestion"] == "election" and literal["corrected"] is None
    for word in ("election", "elections"):
        data = search(api, "q=" + word)
        assert data["suggestion"] is None and data["corrected"] is None


def test_a_repeated_page_is_answered_by_the_request_cache(api, es) -> None:
    # The hits request holds no `now` (today's date is written out), so both requests of a
    # relevance page are kept: the repeat ranks and counts nothing again.
    alias = api.application.config["OSCE_ALIAS"]

    def hits_and_misses() -> tuple[int, int]:
        stats = es.indices.stats(index=alias, metric="request_cache")["_all"]["total"]
        return stats["request_cache"]["hit_count"], stats["request_cache"]["miss_count"]

    qs = "q=election"  # one known word: one hits and one counts request, nothing widened
    first = search(api, qs)
    assert first["total"] > 0 and first["corrected"] is None
    before = hits_and_misses()
    again = search(api, qs)
    after = hits_and_misses()
    assert after[0] - before[0] == 2 and after[1] == before[1]
    assert [h["id"] for h in again["hits"]] == [h["id"] for h in first["hits"]]
    assert again["total"] == first["total"] and again["facets"] == first["facets"]


def test_csv_export_has_one_row_per_hit(api) -> None:
    resp = api.get("/api/search.csv?source=ODIHR&sort=oldest")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    expected = matching({"source": ["ODIHR"]})
    assert len(rows) == len(expected)
    assert [r["date"] for r in rows] == sorted(r.date for r in expected)
    assert all(r["url"].startswith("http://localhost/release/") for r in rows)


def test_csv_defuses_formulas() -> None:
    from webui.exports import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell(["a", "b"]) == "a; b" and _cell(None) == ""


def test_atom_feed_is_newest_first_and_escaped(api) -> None:
    resp = api.get("/api/search.atom?q=Vienna&sort=oldest")
    assert resp.status_code == 200 and resp.mimetype == "application/atom+xml"
    feed = ET.fromstring(resp.data)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == search(api, "q=Vienna")["total"] > 0
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "<script>alert(1)</script> Vienna talks on media" in titles  # as text, not markup
    assert b"<script>" not in resp.data
    assert feed.find(f"{ATOM}link[@rel='self']") is not None


def test_suggest_completes_titles(api) -> None:
    first = api.get("/api/suggest?q=Media").get_json()["suggestions"]
    assert first and first[0]["title"].startswith("Media")
    assert first[0]["url"] == f"/release/{first[0]['id']}"
    inner = api.get("/api/suggest?q=minsk+gr").get_json()["suggestions"]
    assert inner and all("Minsk Group" in s["title"] for s in inner)
    assert api.get("/api/suggest?q=").get_json()["suggestions"] == []


def test_release_json_twin_with_related(api) -> None:
    hit = search(api, "q=journalists&sort=newest")["hits"][0]
    doc = api.get(f"/api/release/{hit['id']}?q=journalists").get_json()
    assert doc["title"] == hit["title"] and doc["origin"]
    assert any("<mark>" in p for p in doc["highlight"]["body"])
    assert doc["related"] and hit["id"] not in {r["id"] for r in doc["related"]}


def test_search_page_without_javascript(api) -> None:
    """Facets, chips, clear-all, show-more, chart and pager are plain links and forms."""
    html = api.get("/?fields_of_work=Elections&source=ODIHR&size=2").get_data(as_text=True)
    assert 'class="chip" href="?size=2&amp;source=ODIHR"' in html  # removes Elections only
    assert 'class="clear" href="?size=2"' in html
    assert 'aria-current="page"' in html and 'rel="next"' in html
    assert '<svg viewBox="0 0 260 90"' in html and 'aria-label="2016: 1 release"' in html
    assert '<details class="more">' in api.get("/").get_data(as_text=True)  # 15 places > 10
    for label in ('for="q"', 'for="sort"', 'for="from"', 'for="to"'):
        assert label in html


def test_exports_503_when_node_is_down() -> None:
    from webui import create_app

    app = create_app({"TESTING": True, "ES_URL": "http://127.0.0.1:1", "ES_TIMEOUT": 2})
    client = app.test_client()
    for path in (
        "/api/search.csv",
        "/api/search.atom",
        "/api/suggest?q=ab",
        "/release/" + "a" * 20,
    ):
        resp = client.get(path)
        assert resp.status_code == 503, path


def test_did_you_mean_only_when_the_correction_finds_more(api) -> None:
    # "electoin" alone is corrected; with a filter that leaves nothing either way, it is not.
    data = search(api, "q=electoin&source=Minsk+Group")
    assert data["suggestion"] is None and data["corrected"] is None


def test_non_web_origins_never_become_links(es, make_alias, es_url: str) -> None:
    from webui import create_app

    alias = make_alias()
    release = Release(
        path="x.txt",
        title="Origin test",
        date="2020-01-01",
        body=["A release with a hostile origin."],
        origin="javascript:alert(1)",
    )
    aliases.reindex(es, [release], alias)
    client = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias}).test_client()
    hit = client.get("/api/search?q=origin").get_json()["hits"][0]
    assert hit["origin"] is None
    assert client.get(f"/api/release/{hit['id']}").get_json()["origin"] is None
    assert "javascript:" not in client.get(hit["url"]).get_data(as_text=True)


def test_recency_tie_break_can_be_switched_off(api) -> None:
    on = search(api, "q=Minsk+Group")
    off = search(api, "q=Minsk+Group&recency=off")
    assert {h["id"] for h in on["hits"]} == {h["id"] for h in off["hits"]}
    newest = max(on["hits"], key=lambda h: h["date"])
    score = {h["id"]: h["score"] for h in off["hits"]}
    # The tie-break adds a little to the newest release and nothing when switched off.
    assert next(h["score"] for h in on["hits"] if h["id"] == newest["id"]) > score[newest["id"]]
    assert search(api, "recency=maybe", status=400)["error"]
    # The page keeps the choice in its links: "favour recent" unchecked sends only "off".
    page = api.get("/?q=Minsk+Group&recency=off").get_data(as_text=True)
    assert "recency=off" in page and 'id="recency" name="recency" value="on" checked' not in page


def test_split_page_answers_as_the_single_request(api, monkeypatch) -> None:
    """Hits and counts as two requests in one _msearch (query.SPLIT_PAGE) give the same JSON."""
    from webui import query

    first = search(api)
    country = first["facets"]["country"][0]["value"]
    year = first["facets"]["year"][-1]["value"]
    cases = [
        "",
        "q=election",
        "q=electon",  # did-you-mean: corrected and run again
        "q=Minsk+Group&sort=newest",
        f"q=OSCE&country={country}&from=2000-01-01&size=5&page=2",
        f"year={year}&sort=oldest",
        "q=source:odihr+elections",
        "q=nosuchwordanywhere+zzzyyx",
    ]
    for qs in cases:
        split = search(api, qs)
        monkeypatch.setattr(query, "SPLIT_PAGE", False)
        single = search(api, qs)
        monkeypatch.setattr(query, "SPLIT_PAGE", True)
        split.pop("took_ms")
        single.pop("took_ms")
        assert split == single, qs


@pytest.mark.parametrize(
    "qs",
    ["", "q=election", "source=Secretariat", "source=Secretariat&year=2019", "from=2018-01-01"],
)
def test_year_facet_and_histogram_are_the_corpus_counts(api, qs: str) -> None:
    """The year facet read from the histogram's buckets, or counted on its own where their
    filters differ (a year chosen, a date range), gives the corpus' counts either way."""
    from webui import facets

    data = search(api, qs + "&size=100")
    try:
        facets.YEAR_FROM_HISTOGRAM = False
        alone = search(api, qs + "&size=100")
    finally:
        facets.YEAR_FROM_HISTOGRAM = True
    assert data["facets"] == alone["facets"] and data["histogram"] == alone["histogram"]
    args = dict(p.split("=") for p in qs.split("&") if p)
    filters = {k: [v] for k, v in args.items() if k in ("source", "year")}
    if "q" not in args and "from" not in args:
        without_year = {k: v for k, v in filters.items() if k != "year"}
        years = Counter(r.date[:4] for r in matching(without_year))
        shown = {v["value"]: v["count"] for v in data["facets"]["year"] if v["count"]}
        assert shown == dict(years)
        assert {b["year"]: b["count"] for b in data["histogram"] if b["count"]} == dict(
            Counter(r.date[:4] for r in matching(filters))
        )
    assert sum(v["count"] for v in data["facets"]["year"]) >= 1

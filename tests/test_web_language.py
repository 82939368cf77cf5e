"""The query language through /api/search against the real node (tests/language_corpus.py).

Expectations are computed from the corpus' texts, never typed in as counts.
"""

from __future__ import annotations

import re

import pytest

from tests import language_corpus
from tests.apps import app_on
from tests.test_querylang import BROKEN

CORPUS = language_corpus.releases()
BY_TITLE = language_corpus.by_title()


@pytest.fixture(scope="module")
def api(es_url: str, es, make_alias):

    alias = language_corpus.build_alias(es, make_alias)
    app = app_on(es_url, alias)
    return app.test_client()


def search(api, **args) -> dict:
    resp = api.get("/api/search", query_string={"size": 100, **args})
    assert resp.status_code == 200, (args, resp.get_data(as_text=True)[:300])
    return resp.get_json()


def text_of(hit: dict) -> str:
    r = BY_TITLE[hit["title"]]
    return f"{r.title}\n{r.body_text}\n" + "\n".join(r.fields_of_work)


def test_exclusion_removes_every_release_mentioning_the_word(api) -> None:
    plain = search(api, q="election")
    data = search(api, q="election -Georgia")
    assert data["hits"] and data["understood"]["excluded"] == ["Georgia"]
    assert not any("georgia" in text_of(h).lower() for h in data["hits"])
    # Exactly the election releases that do not mention Georgia are left.
    kept = [h for h in plain["hits"] if "georgia" not in text_of(h).lower()]
    assert {h["id"] for h in data["hits"]} == {h["id"] for h in kept}


def test_every_hit_of_a_quoted_phrase_contains_it(api) -> None:
    data = search(api, q='"media freedom"')
    phrase = re.compile(r"\bmedia\W+freedoms?\b", re.I)
    assert data["hits"] and all(phrase.search(text_of(h)) for h in data["hits"])
    words = search(api, q="media freedom")
    assert any(not phrase.search(text_of(h)) for h in words["hits"])  # the words apart exist
    for hit in data["hits"]:
        r = BY_TITLE[hit["title"]]
        if not phrase.search(f"{r.title} {r.body_text}"):
            continue  # the phrase is a field of work of this release
        marks = " ".join(hit["highlight"]["title"] + hit["highlight"]["body"])
        assert re.search(r"<mark>media(</mark> <mark>| )freedom</mark>", marks, re.I), marks


def test_excluded_phrase(api) -> None:
    data = search(api, q='freedom -"media freedom"')
    assert data["hits"]
    assert not any(re.search(r"media\W+freedom", text_of(h), re.I) for h in data["hits"])


def test_or_finds_at_least_as_many_as_each_alone(api) -> None:
    both = search(api, q="ceasefire OR journalists")
    one, other = search(api, q="ceasefire"), search(api, q="journalists")
    assert both["total"] >= max(one["total"], other["total"]) and one["total"] and other["total"]
    ids = {h["id"] for h in both["hits"]}
    assert ids >= {h["id"] for h in one["hits"]} | {h["id"] for h in other["hits"]}
    grouped = search(api, q="(ceasefire OR journalists) Ukraine")
    assert 0 < grouped["total"] <= both["total"]


def test_title_prefix_restricts_to_titles(api) -> None:
    data = search(api, q="title:elections")
    assert data["total"] == sum("election" in r.title.lower() for r in CORPUS)
    assert all("election" in h["title"].lower() for h in data["hits"])
    assert all("<mark>" not in f for h in data["hits"] for f in h["highlight"]["body"])


def test_source_prefix_becomes_the_facet_filter(api) -> None:
    data = search(api, q='source:"Mission to Serbia"')
    expected = [r for r in CORPUS if r.source == "OSCE Mission to Serbia"]
    assert data["total"] == len(expected) > 0
    assert data["understood"]["filters"] == {"source": ["OSCE Mission to Serbia"]}
    chosen = [v for v in data["facets"]["source"] if v["selected"]]
    assert [v["value"] for v in chosen] == ["OSCE Mission to Serbia"]


def test_country_prefix_restricts(api) -> None:
    data = search(api, q="country:ukraine ceasefire")
    expected = [r for r in CORPUS if "Ukraine" in r.countries and "ceasefire" in r.body_text]
    assert data["total"] == len(expected) > 0
    assert all("Ukraine" in h["countries"] for h in data["hits"])


def test_field_prefix_and_page_chip(api) -> None:
    html = api.get("/?q=field:elections+observers").get_data(as_text=True)
    assert 'class="chip"' in html and "Elections" in html
    assert 'value="observers"' in html  # the box keeps the words, the filter is a chip


def test_year_ranks_that_year_first_and_restricts(api, monkeypatch) -> None:
    from webui import querybuild

    # A few releases in the span: they come first, the other years follow.
    first = search(api, q="ceasefire 2017")
    assert first["understood"]["dates"]["applied"] == "boost"
    assert first["hits"][0]["date"].startswith("2017")
    # A page of them (here: one is enough) restricts.
    monkeypatch.setattr(querybuild, "DATE_FILTER_MIN", 1)
    data = search(api, q="ceasefire 2017")
    assert data["hits"][0]["date"].startswith("2017")
    assert all(h["date"].startswith("2017") for h in data["hits"])
    assert data["understood"]["dates"]["applied"] == "filter"
    # The way out: every year, 2017 still first.
    every = search(api, q="ceasefire 2017", years="all")
    assert every["understood"]["dates"]["applied"] == "boost"
    assert every["total"] > data["total"]
    plain = search(api, q="ceasefire")

    def first_2017(d: dict) -> int:
        return next(i for i, h in enumerate(d["hits"]) if h["date"].startswith("2017"))

    assert first_2017(every) <= first_2017(plain)
    # Nothing in the span: the year only boosts, nothing is hidden.
    monkeypatch.setattr(querybuild, "DATE_FILTER_MIN", 1)
    none = search(api, q="ceasefire 1995")
    assert none["understood"]["dates"]["applied"] == "boost" and none["total"] == every["total"]


def test_since_and_ranges(api, monkeypatch) -> None:
    from webui import querybuild

    monkeypatch.setattr(querybuild, "DATE_FILTER_MIN", 1)
    for q, ok in (
        ("election since 2020", lambda d: d >= "2020"),
        ("election before 2020", lambda d: d < "2020"),
        ("election 2016-2019", lambda d: "2016" <= d[:4] <= "2019"),
    ):
        data = search(api, q=q)
        assert data["hits"] and all(ok(h["date"]) for h in data["hits"]), q


def test_prefix_expands(api) -> None:
    data = search(api, q="negot*")
    assert data["total"] == sum("negotiat" in r.body_text.lower() for r in CORPUS) > 0


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("electon observaton", "election observation"),
        ("ceasfire", "ceasefire"),
        ("journalits", "journalists"),
        ("humna rights", "human rights"),
        ("negotations", "negotiations"),
    ],
)
def test_misspellings_get_surface_form_corrections(api, typed: str, fixed: str) -> None:
    data = search(api, q=typed)
    assert data["corrected"] == fixed and data["understood"]["correction"] == "spelling"
    assert data["total"] == search(api, q=fixed)["total"] > 0
    words = {w for r in CORPUS for w in re.findall(r"\w+", f"{r.title} {r.body_text}".lower())}
    assert set(fixed.split()) <= words  # real words of the corpus, not stems
    literal = search(api, q=typed, correct="off")
    assert literal["corrected"] is None and literal["suggestion"] == fixed


def test_real_corpus_words_are_never_corrected(api) -> None:
    words = sorted(
        {w for r in CORPUS for w in re.findall(r"[A-Za-z]{4,}", r.title)},
    )
    for i in range(0, len(words), 6):
        q = " OR ".join(words[i : i + 6])
        data = search(api, q=q, size=1)
        assert data["corrected"] is None and data["suggestion"] is None, q
    for q in ("ceasefire Armenia", "ceasefire 2017", "cease-fire"):
        data = search(api, q=q)
        assert data["corrected"] is None and data["suggestion"] is None, q


def test_an_inflection_no_release_holds_is_not_corrected(api) -> None:
    words = {w for r in CORPUS for w in re.findall(r"[a-z]+", f"{r.title} {r.body_text}".lower())}
    assert "ceasefire" in words and "ceasefires" not in words
    app = api.application
    with app.app_context():
        from webui.es import alias, get_es
        from webui.querybuild import SPELL_FIELDS

        suggest = {"text": "ceasefires", "s": {"term": {"field": SPELL_FIELDS[0]}}}
        resp = get_es().search(index=alias(), suggest=suggest, size=0).body
    # The suggester offers the singular: the word is no misspelling, one stem with it.
    assert "ceasefire" in [o["text"] for o in resp["suggest"]["s"][0]["options"]]
    data = search(api, q="ceasefires")
    assert data["corrected"] is None and data["suggestion"] is None
    assert data["understood"]["correction"] is None
    assert data["total"] == search(api, q="ceasefire")["total"] > 0
    # A misspelling one edit from the same word is still corrected.
    assert search(api, q="ceasfires")["corrected"] == "ceasefire"


def test_zero_results_relax_to_the_best_partial_match(api) -> None:
    data = search(api, q="ceasefire Reykjavik")
    assert data["understood"]["dropped"] == ["Reykjavik"] and data["corrected"] == "ceasefire"
    assert data["total"] == search(api, q="ceasefire")["total"] > 0
    data = search(api, q='"media freedom" Reykjavik')
    assert data["understood"]["dropped"] == ["Reykjavik"]
    assert data["corrected"] == '"media freedom"'
    assert data["total"] == search(api, q='"media freedom"')["total"] > 0
    assert search(api, q="Reykjavik")["total"] == 0


@pytest.mark.parametrize("q", BROKEN)
def test_broken_syntax_is_200(api, q: str) -> None:
    for path in ("/api/search", "/"):
        resp = api.get(path, query_string={"q": q[:256]})
        assert resp.status_code == 200, (q, resp.status_code)


def test_understood_notice_and_way_out_on_the_page(api, monkeypatch) -> None:
    from webui import querybuild

    html = api.get("/?q=ceasefire+2017").get_data(as_text=True)
    assert 'id="understood"' in html and "from 2017 first" in html
    assert "from=2017-01-01&amp;to=2017-12-31" in html
    monkeypatch.setattr(querybuild, "DATE_FILTER_MIN", 1)
    html = api.get("/?q=ceasefire+2017").get_data(as_text=True)
    assert "Showing releases from 2017" in html and "years=all" in html
    html = api.get("/?q=ceasfire").get_data(as_text=True)
    assert 'id="corrected"' in html and "correct=off" in html
    html = api.get("/?q=%22media+freedom%22+Reykjavik").get_data(as_text=True)
    assert "Reykjavik" in html and 'id="relaxed"' in html


def test_help_page(api) -> None:
    resp = api.get("/help")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    for example in ('"media freedom"', "-Georgia", "OR", "title:", "source:", "since 2020"):
        assert example.replace('"', "&#34;") in html or example in html, example
    assert 'href="/help"' in api.get("/").get_data(as_text=True)

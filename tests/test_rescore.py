"""The priors as a rescore (query.PRIORS_RESCORE) give the page the sorted function_score gave.

A small corpus built for exact score ties: releases equal but for one word the query does not
hold (same length, date and words), with and without a date, beside releases that differ. Ties
are where the rescore (index order) and the sort (date, content_hash) could disagree.
"""

from __future__ import annotations

import pytest

from core.release import Release
from indexer import aliases
from tests.apps import app_on

WORDS = ["alpha", "gamma", "delta", "sigma", "omega", "kappa"]


def _release(slug: str, date: str | None, extra: str, body_words: int = 0) -> Release:
    body = f"Monitors visited the border checkpoint near the {extra} river crossing."
    return Release(
        path=f"rescore/{slug}.txt",
        title=f"Border checkpoint visited ({extra})",
        date=date,
        source="OSCE Border Management Staff College",
        body=[body, *(["Further words about the visit."] * body_words)],
    )


def _corpus() -> list[Release]:
    tied = [_release(f"tied-{w}", "2021-05-04", w) for w in WORDS]
    undated = [_release(f"undated-{w}", None, w) for w in WORDS[:3]]
    varied = [
        _release(f"varied-{i}", f"20{10 + i}-0{1 + i % 9}-1{i % 10}", f"v{i:04d}", i)
        for i in range(8)
    ]
    return tied + undated + varied


@pytest.fixture(scope="module")
def api(es, es_url: str, make_alias):

    alias = make_alias("osce-rescore")
    aliases.reindex(es, _corpus(), alias)
    app = app_on(es_url, alias)
    return app.test_client()


def _get(api, qs: str) -> dict:
    resp = api.get("/api/search?" + qs)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    data = resp.get_json()
    data.pop("took_ms")
    return data


def test_rescored_pages_are_the_sorted_pages(api, monkeypatch) -> None:
    from webui import query

    outcomes: list[bool] = []
    original = query.rescored_page

    def spy(resp: dict, offset: int, size: int) -> dict | None:
        page = original(resp, offset, size)
        outcomes.append(page is not None)
        return page

    monkeypatch.setattr(query, "rescored_page", spy)
    cases = [f"q=border+checkpoint&size=2&page={p}" for p in range(1, 10)]
    cases += [
        "q=border+checkpoint&size=4",
        "q=border+checkpoint&size=20",
        "q=visited&size=3&page=3",
        "q=checkpont",
        "q=border+checkpoint&page=1000",  # the last page served: from + size = 10,000
    ]
    # Filtered pages are rescored only when asked (query.RESCORE_FILTERED): both ways here.
    cases += ["q=border+checkpoint&from=2000-01-01&size=3&page=2&filtered=1"]
    for qs in cases:
        monkeypatch.setattr(query, "RESCORE_FILTERED", "filtered=1" in qs)
        rescored = _get(api, qs)
        monkeypatch.setattr(query, "PRIORS_RESCORE", False)
        sorted_ = _get(api, qs)
        monkeypatch.setattr(query, "PRIORS_RESCORE", True)
        assert rescored == sorted_, qs
    # Both ways were taken: pages answered by the rescore, and ties sent to the sorted request.
    assert True in outcomes and False in outcomes


def test_the_cursor_after_a_rescored_page_walks_every_match_once(api) -> None:
    first = _get(api, "q=border+checkpoint&size=2")
    seen = [h["id"] for h in first["hits"]]
    cursor = first["next"]
    while cursor:
        page = _get(api, f"q=border+checkpoint&size=2&cursor={cursor}")
        seen += [h["id"] for h in page["hits"]]
        cursor = page["next"]
    assert len(seen) == len(set(seen)) == first["total"] == len(_corpus())


def test_the_first_pass_leaves_out_only_the_phrase_boosts() -> None:
    """query.BOOSTS_RESCORED: the first pass reads no positions; the rescore has every clause."""
    import json

    from webui import query
    from webui.params import SearchParams

    body = query.build_search(SearchParams(q="border checkpoint Ukraine"))
    hits, _ = query.split_page(body)
    first = json.dumps(hits["query"])
    whole = hits["rescore"]["query"]["rescore_query"]
    assert "match_phrase" not in first and "match_phrase" in json.dumps(whole)
    assert whole == body["query"]  # the rescore scores the page's whole query
    for kept in ("title.shingles", "countries.norm", "fuzziness", "cross_fields"):
        assert kept in first, kept  # adjacent pairs, entity boost, typo tolerance, the words


def test_a_typed_phrase_keeps_its_required_phrase_in_the_first_pass() -> None:
    """Only scoring phrase boosts leave the first pass: the phrase a query quotes must match."""
    import json

    from webui import query, querybuild
    from webui.params import SearchParams

    q = '"border checkpoint" visited'
    body = query.build_search(SearchParams(q=q), querybuild.plan_of(q))
    hits, _ = query.split_page(body)
    first = json.dumps(hits["query"])
    assert '"slop"' not in first  # the words' proximity boosts (slop 2) are rescored
    whole = json.dumps(body["query"])
    required = whole.count('"match_phrase"') - whole.count('"slop"')
    # The quoted phrase itself, on every phrase field, stays a required clause.
    assert required >= 2 and first.count('"match_phrase"') == required
    assert hits["rescore"]["query"]["rescore_query"] == body["query"]

"""The web UI against the real node: ranking, highlights, safety, health."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from core.release import Release
from indexer import aliases


def test_minsk_group_ranks_baku_first_with_highlights(client) -> None:
    data = client.get("/api/search?q=Minsk+Group").get_json()
    assert data["total"] == 2
    top = data["hits"][0]
    assert (top["date"], top["place"]) == ("2017-06-19", "Baku")
    assert "<mark>Minsk Group</mark>" in top["highlight"]["title"][0] or (
        "<mark>Minsk</mark> <mark>Group</mark>" in top["highlight"]["title"][0]
    )
    assert any("<mark>" in f for f in top["highlight"]["body"])


def test_search_page_shows_highlighted_results(client) -> None:
    html = client.get("/?q=Tajikistan").get_data(as_text=True)
    assert "Calls between OSCE Chairperson-in-Office Linde" in html
    assert "<mark>Tajikistan</mark>" in html


def test_api_shape(client) -> None:
    data = client.get("/api/search?q=Nagorno-Karabakh").get_json()
    assert set(data) >= {"total", "took_ms", "page", "size", "hits", "facets", "suggestion"}
    hit = data["hits"][0]
    assert set(hit) >= {
        "id",
        "title",
        "date",
        "place",
        "source",
        "fields_of_work",
        "countries",
        "url",
        "score",
        "highlight",
    }
    assert set(data["facets"]) == {"fields_of_work", "source", "place", "country", "type", "year"}
    assert {"value": "Minsk Group", "count": 2, "selected": False} in data["facets"]["source"]


def test_empty_query_lists_newest_first(client) -> None:
    data = client.get("/api/search").get_json()
    dates = [h["date"] for h in data["hits"]]
    assert data["total"] == 3 and dates == sorted(dates, reverse=True)


def test_bad_parameters_are_400(client) -> None:
    for qs in (
        "page=0",
        "page=x",
        "size=1000",
        "sort=random",
        "from=2020-13-01",
        "from=2021-01-01&to=2020-01-01",
        "q=" + "a" * 300,
        "year=abc",
    ):
        resp = client.get("/api/search?" + qs)
        assert resp.status_code == 400, qs
        assert resp.get_json()["error"]


def test_highlight_escapes_markup(es: Elasticsearch, make_alias, es_url: str) -> None:
    from webui import create_app

    alias = make_alias()
    hostile = Release(
        path="hostile.txt",
        title="<script>alert(1)</script> Vienna talks",
        date="2020-01-02",
        body=['Talks in Vienna <img src=x onerror="alert(2)"> ended & resumed.'],
    )
    aliases.reindex(es, [hostile], alias)
    client = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias}).test_client()
    hit = client.get("/api/search?q=Vienna").get_json()["hits"][0]
    assert hit["highlight"]["title"][0] == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Vienna</mark> talks"
    )
    assert "&lt;img src=x onerror=" in hit["highlight"]["body"][0]
    assert "&amp; resumed" in hit["highlight"]["body"][0]
    html = client.get("/?q=Vienna").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    page = client.get(hit["url"]).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_release_page_and_json_twin(client) -> None:
    hit = client.get("/api/search?q=Linde").get_json()["hits"][0]
    doc = client.get(f"/api/release/{hit['id']}").get_json()
    assert doc["title"] == hit["title"] and doc["body"][0].startswith("OSCE Chairperson")
    page = client.get(hit["url"] + "?q=Linde")
    assert page.status_code == 200 and "<mark>Linde</mark>" in page.get_data(as_text=True)
    assert client.get("/release/0000000000000000000f").status_code == 404
    assert client.get("/api/release/not-an-id").status_code == 404


def test_suggest(client) -> None:
    data = client.get("/api/suggest?q=Calls").get_json()
    assert data["suggestions"][0]["title"].startswith("Calls between OSCE")


def test_healthz_ok(client) -> None:
    resp = client.get("/healthz")
    assert resp.status_code == 200 and resp.get_json()["status"] == "ok"


def test_readyz_and_search_503_when_node_is_down() -> None:
    from webui import create_app

    # Nothing listens on port 1: the same as a node that is down.
    app = create_app({"TESTING": True, "ES_URL": "http://127.0.0.1:1", "ES_TIMEOUT": 2})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200, "liveness: the process itself is fine"
    assert client.get("/readyz").status_code == 503
    resp = client.get("/api/search?q=x")
    assert resp.status_code == 503 and resp.headers["Retry-After"]
    page = client.get("/?q=x")
    assert page.status_code == 503 and "temporarily unavailable" in page.get_data(as_text=True)

"""Partial results are flagged: a real shard failure, not a mock.

The alias spans two indices: the seeded one and one where `type` is mapped as `text`. The type
facet's terms aggregation cannot run on a text field, so that index's shard fails at query time
while the other answers; Elasticsearch returns 200 with `_shards.failed: 1`, and the API must say
the results are partial (and why) instead of passing them off as complete.
"""

from __future__ import annotations

import copy

import pytest
from elasticsearch import Elasticsearch

from core import schema
from indexer import aliases
from tests.apps import app_on


@pytest.fixture(scope="module")
def half_broken_alias(es: Elasticsearch, seeded_alias: str, make_alias) -> str:
    alias = make_alias("osce-partial")
    (good,) = aliases.alias_indices(es, seeded_alias)
    broken = aliases.new_index_name(alias)
    mapping = copy.deepcopy(schema.MAPPING)
    mapping["properties"]["type"] = {"type": "text"}  # no doc values: no terms aggregation
    es.indices.create(index=broken, settings=schema.index_settings(), mappings=mapping)
    es.index(index=broken, id="b" * 20, document={"title": "Election observation", "type": "x"},
             refresh=True)  # fmt: skip
    es.indices.update_aliases(
        actions=[
            {"add": {"index": good, "alias": alias}},
            {"add": {"index": broken, "alias": alias}},
        ]
    )
    return alias


def _client(es_url: str, alias: str):
    app = app_on(es_url, alias)
    return app.test_client()


def test_a_failed_shard_makes_the_answer_partial(es_url, half_broken_alias, seeded_alias) -> None:
    client = _client(es_url, half_broken_alias)
    for query in ("", "Minsk"):
        resp = client.get("/api/search", query_string={"q": query})
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
        data = resp.get_json()
        assert data["partial"] is True, data
        assert data["partial_reason"].startswith("1 of 2 shards failed")
        assert "Fielddata is disabled on [type]" in data["partial_reason"]  # ES's own reason
        assert data["total"] >= 1  # the healthy shard still answered
    healthy = _client(es_url, seeded_alias).get("/api/search?q=Minsk").get_json()
    assert healthy["partial"] is False and healthy["partial_reason"] is None


def test_the_page_says_results_may_be_missing(es_url, half_broken_alias, seeded_alias) -> None:
    page = _client(es_url, half_broken_alias).get("/?q=Minsk").get_data(as_text=True)
    assert 'id="partial"' in page and "Some results may be missing" in page
    assert "About " in page and "approximate" in page
    whole = _client(es_url, seeded_alias).get("/?q=Minsk").get_data(as_text=True)
    assert 'id="partial"' not in whole and "About " not in whole


def test_an_alias_matching_no_index_answers_without_a_500(es_url) -> None:
    # A wildcard over no index answers 200 with no aggregations: facet prefixes must cope.
    client = _client(es_url, "osce-nothing-here-*")
    for url in (
        "/api/search?q=source:odihr",
        "/api/search?q=country:ukraine+elections",
        "/?q=source:x",
    ):
        resp = client.get(url)
        assert resp.status_code < 500, (url, resp.status_code)

"""core/: the settings object and the declared facets, without a cluster."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from core import schema
from core.settings import DEFAULT_ES_URL, DEFAULT_RATE_LIMIT, Settings, node_urls
from webui import facets, query
from webui.facets import BY_KEY, FACETS, YearFacet
from webui.params import BadParameter, SearchParams, parse_search


def test_settings_read_once_from_the_given_environment() -> None:
    env = {
        "ES_URL": "http://a:9200/, http://b:9200",
        "ES_API_KEY": "k",
        "OSCE_ALIAS": "other",
        "OSCE_ES_TIMEOUT": "2.5",
        "OSCE_RATE_LIMIT": "off",
        "KIBANA_URL": "http://k:5601",
    }
    s = Settings.from_env(env)
    assert s.es_nodes == ["http://a:9200/", "http://b:9200"]
    assert (s.es_api_key, s.alias, s.es_timeout, s.rate_limit) == ("k", "other", 2.5, "off")
    assert s.flask_config()["OSCE_ALIAS"] == "other" and s.kibana_url == "http://k:5601"
    empty = Settings.from_env({})
    assert empty.es_url is None and empty.es_nodes == [DEFAULT_ES_URL]
    assert empty.alias == schema.ALIAS and empty.rate_limit == DEFAULT_RATE_LIMIT
    with pytest.raises(ValueError, match="OSCE_ES_TIMEOUT"):
        Settings.from_env({"OSCE_ES_TIMEOUT": "soon"})
    assert node_urls(" , http://x:1 ,") == ["http://x:1"]


def test_create_app_takes_settings_and_config_overrides_them() -> None:
    from webui import create_app

    settings = Settings.from_env({"ES_URL": "http://127.0.0.1:1", "OSCE_ALIAS": "from-settings"})
    app = create_app({"TESTING": True, "OSCE_RATE_LIMIT": "off"}, settings=settings)
    assert app.config["OSCE_ALIAS"] == "from-settings" and app.config["OSCE_RATE_LIMIT"] == "off"
    assert app.config["ES_URL"] == "http://127.0.0.1:1"


def test_facets_own_filter_aggregation_values_and_toggle() -> None:
    year, country = BY_KEY["year"], BY_KEY["country"]
    assert isinstance(year, YearFacet) and [f.key for f in FACETS][0] == "fields_of_work"
    assert year.filter(["2017", "2020"]) == {"terms": {"year": [2017, 2020]}}
    assert country.filter(["Serbia"]) == {"terms": {"countries": ["Serbia"]}}
    agg = country.aggregation([{"term": {"type": "x"}}])
    assert agg["aggs"]["values"]["terms"]["field"] == "countries"
    assert agg["filter"] == {"bool": {"filter": [{"term": {"type": "x"}}]}}
    aggs = {"year": {"values": {"buckets": [{"key": 2017, "doc_count": 3}]}}}
    assert year.values(aggs, ["2020"]) == [
        {"value": "2020", "count": 0, "selected": True},
        {"value": "2017", "count": 3, "selected": False},
    ]
    assert country.toggled({"country": ["A"]}, "B") == {"country": ["A", "B"]}
    assert country.toggled({"country": ["A"], "type": ["T"]}, "A") == {"type": ["T"]}


def test_facet_values_are_checked_by_their_facet() -> None:
    with pytest.raises(BadParameter, match="'year' must be a year"):
        parse_search(MultiDict([("year", "20x0")]))
    params = parse_search(MultiDict([("year", "2017"), ("country", "Serbia")]))
    body = query.build_search(params)
    # Disjunctive: the country counts apply the year filter but not their own.
    assert body["aggs"]["country"]["filter"]["bool"]["filter"] == [{"terms": {"year": [2017]}}]
    assert body["aggs"]["year"]["filter"]["bool"]["filter"] == [
        {"terms": {"countries": ["Serbia"]}}
    ]
    assert isinstance(params, SearchParams)


def test_facets_narrowed_alike_share_one_filter() -> None:
    params = parse_search(MultiDict([("country", "Serbia"), ("from", "2017-01-01")]))
    aggs = query.build_search(params)["aggs"]
    # The five facets but country are narrowed alike (country and dates): one filter for all.
    (shared,) = [name for name in aggs if name.startswith("narrowed")]
    others = ["fields_of_work", "place", "source", "year", "type"]
    assert sorted(aggs[shared]["aggs"]) == sorted(f"{k}__values" for k in others)
    assert set(aggs) == {shared, "country", "histogram"}  # the histogram keeps no date filter
    answer = {
        shared: {"doc_count": 7, **{f"{k}__values": {"buckets": [{"key": k}]} for k in others}},
        "country": {"doc_count": 9, "values": {"buckets": []}},
        "histogram": {"doc_count": 9, "years": {"buckets": []}},
    }
    flat = facets.ungrouped(answer)
    assert set(flat) == {*others, "country", "histogram"}
    assert flat["place"] == {"doc_count": 7, "values": {"buckets": [{"key": "place"}]}}
    assert flat["country"] == answer["country"] and flat["histogram"] == answer["histogram"]

"""Indexing into a real node: explicit mapping, alias, duplicates collapsed, reindex swaps."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from core import schema
from indexer import aliases
from indexer.bulk import parse_all
from tests.conftest import SEEDS


def test_seeded_alias_holds_three_releases(es: Elasticsearch, seeded_alias: str) -> None:
    assert es.count(index=seeded_alias)["count"] == 3
    (index,) = aliases.alias_indices(es, seeded_alias)
    mapping = es.indices.get_mapping(index=index)[index]["mappings"]
    assert mapping["dynamic"] == "strict"
    assert mapping["_meta"]["mapping_version"] == schema.MAPPING_VERSION
    assert set(mapping["properties"]) == set(schema.MAPPING["properties"])


def test_reindex_collapses_duplicates_and_swaps(es: Elasticsearch, make_alias) -> None:
    alias = make_alias()
    first = aliases.reindex(es, parse_all([SEEDS]), alias)
    assert (first.indexed, first.duplicates) == (3, 0)
    old = aliases.alias_indices(es, alias)
    second = aliases.reindex(es, parse_all([SEEDS, SEEDS]), alias)
    assert (second.indexed, second.duplicates) == (3, 3)
    new = aliases.alias_indices(es, alias)
    assert new != old and len(new) == 1
    assert es.count(index=alias)["count"] == 3
    # The previous index is kept for rollback (keep=1) but no longer searched.
    assert es.indices.exists(index=old[0])


def test_upsert_is_idempotent(es: Elasticsearch, make_alias) -> None:
    alias = make_alias()
    aliases.upsert(es, parse_all([SEEDS]), alias)
    report = aliases.upsert(es, parse_all([SEEDS]), alias)
    assert report.indexed == 3
    assert es.count(index=alias)["count"] == 3


def test_invalid_files_are_skipped_with_reason(es: Elasticsearch, make_alias, tmp_path) -> None:
    (tmp_path / "nav_only.txt").write_text("-\nOur work\n-\nFields of work\n- Elections\n")
    alias = make_alias()
    report = aliases.upsert(es, parse_all([SEEDS, tmp_path]), alias)
    assert report.indexed == 3
    assert [s["path"].rsplit("/", 1)[-1] for s in report.skipped] == ["nav_only.txt"]
    assert "no release found" in report.skipped[0]["reason"]


def test_loading_really_has_no_replicas_and_serving_expands_them(es, make_alias) -> None:
    """auto_expand_replicas is off while an index loads (it would add a replica on a cluster)."""
    name = aliases.new_index_name(make_alias())
    aliases.create_index(es, name, loading=True)
    loading = es.indices.get_settings(index=name)[name]["settings"]["index"]
    assert loading["number_of_replicas"] == "0" and loading["auto_expand_replicas"] == "false"
    assert loading["refresh_interval"] == "-1"
    es.indices.put_settings(index=name, settings=aliases.SERVING_SETTINGS)
    serving = es.indices.get_settings(index=name)[name]["settings"]["index"]
    assert serving["auto_expand_replicas"] == schema.AUTO_EXPAND_REPLICAS
    assert "refresh_interval" not in serving

"""Versioned indices: what a reindex keeps for rollback and what it cleans up."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from indexer import aliases
from indexer.bulk import prepare_all
from tests.conftest import SEEDS


def test_prune_keeps_the_newest_complete_indices_and_drops_orphans(es: Elasticsearch,
                                                                   make_alias) -> None:  # fmt: skip
    alias = make_alias("osce-prune")
    docs = list(prepare_all([SEEDS], workers=1))
    built = []
    for _ in range(3):
        aliases.reindex(es, docs, alias, keep=5)
        built += aliases.alias_indices(es, alias)
    orphan = aliases.new_index_name(alias)  # a crashed run's half-built index
    aliases.create_index(es, orphan, loading=True)
    assert aliases.versioned_indices(es, alias)[orphan]["state"] == "loading"

    aliases.reindex(es, docs, alias, keep=2)
    live = aliases.alias_indices(es, alias)
    assert list(aliases.versioned_indices(es, alias)) == [built[1], built[2], *live]
    assert aliases.status(es, alias)["rollback_to"] == [built[2], built[1]]

    assert aliases.rollback(es, alias, keep_current=True) == (live[0], built[2])
    assert aliases.versioned_indices(es, alias)[live[0]]["state"] == "rolled-back"
    assert aliases.status(es, alias)["rollback_to"] == [built[1]]
    aliases.reindex(es, docs, alias, keep=1)
    # The rolled-back index is never kept as a rollback target.
    remaining = list(aliases.versioned_indices(es, alias))
    assert live[0] not in remaining and built[2] in remaining and len(remaining) == 2


def test_status_of_a_missing_alias(es, make_alias) -> None:
    status = aliases.status(es, make_alias("osce-none"))
    assert (status["index"], status["docs"], status["rollback_to"]) == (None, 0, [])


def test_a_concrete_index_named_like_the_alias_is_refused(es, make_alias) -> None:
    name = make_alias("osce-concrete")
    es.indices.create(index=name)
    try:
        with pytest.raises(aliases.ReindexError, match="concrete index"):
            aliases.reindex(es, prepare_all([SEEDS], workers=1), name)
    finally:
        es.indices.delete(index=name)

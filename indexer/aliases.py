"""Versioned indices behind one alias: create, load, swap atomically, keep the last for rollback."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError

from indexer import orphans, schema
from indexer.bulk import Report, load
from indexer.release import Release

log = logging.getLogger(__name__)


class ReindexError(RuntimeError):
    """The new index could not be built; the alias was left where it was."""


def new_index_name(alias: str) -> str:
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def create_index(es: Elasticsearch, name: str, loading: bool = False) -> None:
    settings = schema.index_settings()
    if loading:
        settings["refresh_interval"] = "-1"
    es.indices.create(index=name, settings=settings, mappings=schema.MAPPING)


def alias_indices(es: Elasticsearch, alias: str) -> list[str]:
    """Concrete indices the alias points at now (empty when it does not exist)."""
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def ensure_alias(es: Elasticsearch, alias: str) -> str:
    """Return the index behind the alias, creating both when missing."""
    current = alias_indices(es, alias)
    if current:
        return current[-1]
    name = new_index_name(alias)
    create_index(es, name)
    es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
    return name


def upsert(es: Elasticsearch, releases: Iterable[Release], alias: str) -> Report:
    """Index releases into the live index behind the alias (daily additions)."""
    index = ensure_alias(es, alias)
    report = load(es, releases, index, Report(alias=alias))
    es.indices.refresh(index=index)
    return report


def reindex(es: Elasticsearch, releases: Iterable[Release], alias: str, keep: int = 1) -> Report:
    """Build a fresh index, check it, move the alias in one call, then drop older indices."""
    orphans.clean_orphans(es, alias)  # what an interrupted run left (indexer/orphans.py)
    name = new_index_name(alias)
    create_index(es, name, loading=True)
    report = Report(alias=alias)
    try:
        load(es, releases, name, report)
        es.indices.put_settings(index=name, settings={"refresh_interval": None})
        es.indices.refresh(index=name)
        count = es.count(index=name)["count"]
        if count != report.indexed:
            raise ReindexError(f"count check failed: {count} in index, {report.indexed} indexed")
        if report.failed:
            raise ReindexError(f"{len(report.failed)} documents failed: {report.failed[0]}")
        old = alias_indices(es, alias)
        swap = [{"remove": {"index": i, "alias": alias}} for i in old]
        swap.append({"add": {"index": name, "alias": alias}})
        es.indices.update_aliases(actions=swap)
    except Exception:
        log.error("reindex failed; deleting %s and leaving %s as it was", name, alias)
        es.indices.delete(index=name, ignore_unavailable=True)
        raise
    _prune(es, alias, keep_old=keep, live=name)
    return report


def _prune(es: Elasticsearch, alias: str, keep_old: int, live: str) -> None:
    """Delete versioned indices of alias beyond the newest keep_old that are not live."""
    found = es.indices.get(index=f"{alias}-*", expand_wildcards="open,closed")
    versioned = [i for i in found if i[len(alias) + 1 :].isdigit()]
    older = sorted((i for i in versioned if i < live), reverse=True)
    for index in older[keep_old:]:
        es.indices.delete(index=index, ignore_unavailable=True)

"""Indices a killed reindex left behind: found and deleted by the next run.

A reindex builds `<alias>-<timestamp>` with refresh off (and, where the index carries one, a
`_meta.state` of `loading`) and only swaps the alias once the index is complete. A run killed
before the swap leaves that half-built index: never searched (the alias did not move), but holding
disk and heap. The next reindex calls `clean_orphans` before it builds, under the alias's lock, so
it never races a live build.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from elasticsearch import Elasticsearch, NotFoundError

from core.schema import is_versioned

log = logging.getLogger(__name__)


def _unfinished(info: dict) -> bool:
    """Built by a run that never completed: `_meta.state` says so, or refresh was never restored."""
    meta = info.get("mappings", {}).get("_meta") or {}
    if "state" in meta:
        return meta["state"] == "loading"
    refresh = info.get("settings", {}).get("index", {}).get("refresh_interval")
    return refresh == "-1"


def find_orphans(es: Elasticsearch, alias: str, keep: Collection[str] = ()) -> list[str]:
    """Versioned indices of alias that are not live, not kept, and never finished or served."""
    try:
        found = es.indices.get(index=f"{alias}-*", expand_wildcards="open")
    except NotFoundError:
        return []
    try:
        live = set(es.indices.get_alias(name=alias).body)
    except NotFoundError:
        live = set()
    newest_live = max(live, default="")
    return sorted(
        name
        for name, info in found.body.items()
        if is_versioned(alias, name) and name not in live and name not in keep
        if _unfinished(info) or _never_swapped(info, name, newest_live)
    )


def _never_swapped(info: dict, name: str, newest_live: str) -> bool:
    """Marked complete but newer than the live index: a run killed between its last check and
    the alias swap. The alias only moves forward to a newer index (a rollback marks or deletes
    the index it leaves), so such an index never served; kept, it would take the place of the
    real previous index as the rollback target and push that one out."""
    meta = info.get("mappings", {}).get("_meta") or {}
    return meta.get("state") == "complete" and name > newest_live


def clean_orphans(es: Elasticsearch, alias: str, keep: Collection[str] = ()) -> list[str]:
    """Delete what find_orphans finds (call it holding the alias's lock); returns their names."""
    orphans = find_orphans(es, alias, keep)
    for name in orphans:
        log.warning("deleting %s, left unfinished by an interrupted reindex of %s", name, alias)
        es.indices.delete(index=name, ignore_unavailable=True)
    return orphans

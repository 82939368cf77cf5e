"""Liveness and readiness: `/healthz` says the process answers, `/readyz` that it can serve.

An orchestrator restarts a process whose liveness fails, so `/healthz` never calls
Elasticsearch: a cluster outage must not restart every web worker. `/readyz` is what takes the
app in or out of traffic: the cluster answers (not red), the alias exists, its index was built
with the mapping version this code expects, and (with `OSCE_MAX_INDEX_AGE`, e.g. `7d`) the index
is not older than that.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError
from flask import Flask

#: Seconds per unit of `OSCE_MAX_INDEX_AGE` (`90m`, `36h`, `7d`).
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_age(raw: str | None) -> float | None:
    """`7d` -> seconds; None (or `off`) means the index age is reported, not checked."""
    if raw is None or str(raw).strip().lower() in ("", "off", "none", "0"):
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", str(raw).lower())
    if not match:
        raise ValueError(f"OSCE_MAX_INDEX_AGE={raw!r} is not an age like 90m, 36h or 7d")
    return float(match.group(1)) * _UNITS[match.group(2)]


def max_index_age(app: Flask) -> float | None:
    return parse_age(app.config.get("OSCE_MAX_INDEX_AGE"))


def _age_seconds(meta: dict) -> float | None:
    """Since the index was last built or restored (a restore brings back an old index)."""
    stamps = [meta.get("created_at"), (meta.get("reindex") or {}).get("finished_at")]
    stamps.append((meta.get("restored") or {}).get("at"))
    times = []
    for stamp in stamps:
        try:
            times.append(datetime.fromisoformat(stamp))
        except (TypeError, ValueError):
            continue
    if not times:
        return None
    return (datetime.now(UTC) - max(times)).total_seconds()


def check(
    es: Elasticsearch, alias: str, mapping_version: int, max_age: float | None = None
) -> tuple[bool, dict]:
    """Every check with its outcome; ready only when all pass. Stops at the first that fails
    for a reason the later ones depend on (no cluster: no alias to look at)."""
    checks: dict[str, dict] = {}
    try:
        health = es.options(request_timeout=3).cluster.health()["status"]
    except Exception as exc:  # noqa: BLE001 - any transport failure means "not ready"
        checks["elasticsearch"] = {"ok": False, "error": type(exc).__name__}
        return False, checks
    checks["elasticsearch"] = {"ok": health in ("green", "yellow"), "status": health}
    try:
        indices = sorted(es.options(request_timeout=3).indices.get_alias(name=alias).body)
    except NotFoundError:
        indices = []
    except Exception as exc:  # noqa: BLE001
        checks["alias"] = {"ok": False, "name": alias, "error": type(exc).__name__}
        return False, checks
    checks["alias"] = {"ok": bool(indices), "name": alias, "indices": indices}
    if not indices:
        return False, checks
    found = es.options(request_timeout=3).indices.get_mapping(index=indices[-1]).body
    meta = found[indices[-1]]["mappings"].get("_meta") or {}
    version = meta.get("mapping_version")
    checks["mapping_version"] = {
        "ok": version == mapping_version,
        "index": version,
        "expected": mapping_version,
    }
    age = _age_seconds(meta)
    checks["index_age"] = {
        "ok": max_age is None or (age is not None and age <= max_age),
        "seconds": None if age is None else round(age),
        "max_seconds": max_age,
    }
    return all(c["ok"] for c in checks.values()), checks

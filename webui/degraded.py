"""Honest degradation: a search some shards could not answer says so (`partial: true`).

Elasticsearch answers 200 with the hits of the shards that worked when others fail or time out;
the total and the facet counts then cover only part of the index. The API flags it with the reason
(from `_shards.failures` and `timed_out`) and the page shows a notice and approximate counts.
"""

from __future__ import annotations


def partial(resp: dict) -> dict:
    """`{"partial": bool, "partial_reason": str | None}` for a search response."""
    shards = resp.get("_shards") or {}
    failed = int(shards.get("failed") or 0)
    total = int(shards.get("total") or 0)
    reasons = []
    if failed:
        first = (shards.get("failures") or [{}])[0].get("reason") or {}
        why = first.get("reason") or first.get("type") or "unknown error"
        reasons.append(f"{failed} of {total} shards failed ({why[:200]})")
    if resp.get("timed_out"):
        reasons.append("the search timed out; slower shards answered with what they had")
    if not reasons:
        return {"partial": False, "partial_reason": None}
    from webui.metrics import PARTIAL

    PARTIAL.inc()
    return {"partial": True, "partial_reason": "; ".join(reasons)}

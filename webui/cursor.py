"""`next` cursors for `/api/search`: a program pages past the 10,000-hit window.

A cursor is opaque to clients and signed with the app's secret (itsdangerous): it holds the
point-in-time id, the last hit's sort values, how many hits were served, and a fingerprint of the
search's parameters. The first page is an ordinary search; following its `next` opens a
point-in-time, so later pages see one snapshot of the index even while it is rebuilt. A tampered
cursor, or one sent with another search's parameters, is a 400; an expired point-in-time a 410.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass

from elasticsearch import ApiError, NotFoundError
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.exceptions import Gone

from webui import results
from webui.es import alias, get_es
from webui.params import BadParameter, SearchParams

log = logging.getLogger(__name__)

#: How long a client may think between two pages before the point-in-time is freed.
KEEP_ALIVE = "5m"
VERSION = 1
_SALT = "osce-search.cursor"


class CursorExpired(Gone):
    description = (
        "This cursor's point-in-time has expired (more than 5 minutes between two pages, or "
        "the index was rebuilt and its old copy deleted): start the search again."
    )


@dataclass(frozen=True)
class Cursor:
    pit: str | None  # None on the first page's cursor: the walk has not started yet
    after: list
    served: int  # hits before the next page


def _key() -> str:
    """OSCE_SECRET_KEY; unset, a key derived from the cluster's uuid, which every worker of one
    deployment shares and API clients never see (they cannot reach Elasticsearch); a key that may
    not read the cluster state (secured, read-only) falls back to a random one per process."""
    configured = current_app.config.get("SECRET_KEY")
    if configured:
        return configured
    derived = current_app.extensions.get("osce_cursor_key")
    if derived is None:
        try:
            # Not `GET /`: the integ-test distribution answers it with 405.
            state = get_es().cluster.state(metric="metadata", filter_path="metadata.cluster_uuid")
            seed = state["metadata"]["cluster_uuid"]
        except (ApiError, KeyError):
            seed = secrets.token_hex(32)
            log.warning(
                "OSCE_SECRET_KEY is not set and the cluster's uuid is not readable: cursors are "
                "signed with a random key and only work with this process"
            )
        derived = hashlib.sha256(f"osce-search cursor key {seed}".encode()).hexdigest()
        current_app.extensions["osce_cursor_key"] = derived
    return derived


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(_key(), salt=_SALT)


def fingerprint(params: SearchParams) -> str:
    """What makes two requests the same search (paging and page size aside)."""
    pairs = sorted(params.to_args(page=1, size=10))
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:20]


def encode(params: SearchParams, cursor: Cursor) -> str:
    payload = {
        "v": VERSION,
        "s": fingerprint(params),
        "p": cursor.pit,
        "a": cursor.after,
        "n": cursor.served,
    }
    return _serializer().dumps(payload)


def decode(token: str, params: SearchParams) -> Cursor:
    """The cursor in `token`, checked against the search it is sent with."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        raise BadParameter("'cursor' is not a cursor this API issued (tampered or cut)") from None
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise BadParameter("'cursor' is from another version of this API: start again")
    if data.get("s") != fingerprint(params):
        raise BadParameter(
            "'cursor' belongs to another search: send it with the same q, filters, dates and sort"
        )
    if not isinstance(data.get("a"), list) or not isinstance(data.get("n"), int):
        raise BadParameter("'cursor' is malformed")
    return Cursor(pit=data.get("p"), after=data["a"], served=data["n"])


def first_next(params: SearchParams, resp: dict, total: int) -> str | None:
    """The first page's `next`: after its last hit, when more hits follow."""
    hits = resp["hits"]["hits"]
    if not hits or params.offset + len(hits) >= total or "sort" not in hits[-1]:
        return None
    return encode(
        params, Cursor(pit=None, after=hits[-1]["sort"], served=params.offset + len(hits))
    )


def page(params: SearchParams, cursor: Cursor) -> dict:
    """The page after `cursor`, through its point-in-time (opened on the first follow)."""
    es = get_es()
    pit = cursor.pit or es.open_point_in_time(index=alias(), keep_alive=KEEP_ALIVE)["id"]
    from webui.interpret import search_body  # interpret imports this module

    state, body = search_body(params)
    for key in ("aggs", "suggest", "from"):
        body.pop(key, None)
    body.update(
        pit={"id": pit, "keep_alive": KEEP_ALIVE}, search_after=cursor.after, size=params.size
    )
    try:
        resp = es.search(body=body).body
    except NotFoundError:
        raise CursorExpired() from None
    except ApiError as exc:
        # Every shard of the point-in-time's index gone (deleted after a rebuild).
        if cursor.pit and exc.message == "search_phase_execution_exception":
            raise CursorExpired() from None
        raise
    if resp.get("_shards", {}).get("failed"):
        raise CursorExpired()
    pit = resp.get("pit_id", pit)
    data = results.search_json(resp, state)
    served = cursor.served + len(data["hits"])
    data.update(page=served // params.size if params.size else 1, facets={}, histogram=[])
    hits = resp["hits"]["hits"]
    if hits and served < data["total"] and len(hits) == params.size:
        data["next"] = encode(params, Cursor(pit=pit, after=hits[-1]["sort"], served=served))
    else:
        data["next"] = None
        with contextlib.suppress(Exception):  # it expires by itself
            es.close_point_in_time(id=pit)
    return data

"""One Elasticsearch client per app (like flaskr's get_db), with timeouts set."""

from __future__ import annotations

import time
from typing import Any

from elasticsearch import Elasticsearch
from flask import Flask, current_app

from core.settings import DEFAULT_ES_URL, node_urls


class MeteredElasticsearch(Elasticsearch):
    """Every API call timed and its failures counted for /metrics, by API name (`search`...).

    `options()` copies keep the class, and namespaced APIs (`cluster.health`) come through here.
    """

    def perform_request(self, method: str, path: str, **kwargs: Any):  # type: ignore[override]
        from webui.metrics import observe_es

        api = kwargs.get("endpoint_id") or "other"
        started = time.perf_counter()
        try:
            resp = super().perform_request(method, path, **kwargs)
        except Exception as exc:
            observe_es(api, time.perf_counter() - started, exc)
            raise
        observe_es(api, time.perf_counter() - started)
        return resp


def init_app(app: Flask) -> None:
    """The client for `ES_URL` (comma-separated nodes; the local default port when unset)."""
    url = app.config.get("ES_URL") or DEFAULT_ES_URL
    app.config["ES_URL"] = url
    app.extensions["elasticsearch"] = MeteredElasticsearch(
        node_urls(url),
        # A read-only API key in a secured cluster (esnode.secure); None when security is off.
        api_key=app.config.get("ES_API_KEY") or None,
        request_timeout=app.config["ES_TIMEOUT"],
        max_retries=1,
        retry_on_timeout=False,
    )


def get_es() -> Elasticsearch:
    return current_app.extensions["elasticsearch"]


def alias() -> str:
    return current_app.config["OSCE_ALIAS"]

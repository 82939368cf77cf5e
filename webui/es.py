"""One Elasticsearch client per app (like flaskr's get_db), with timeouts set."""

from __future__ import annotations

from elasticsearch import Elasticsearch
from flask import Flask, current_app

from core.settings import DEFAULT_ES_URL, node_urls


def init_app(app: Flask) -> None:
    """The client for `ES_URL` (comma-separated nodes; the local default port when unset)."""
    url = app.config.get("ES_URL") or DEFAULT_ES_URL
    app.config["ES_URL"] = url
    app.extensions["elasticsearch"] = Elasticsearch(
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

"""One Elasticsearch client per app (like flaskr's get_db), with timeouts set."""

from __future__ import annotations

import os

from elasticsearch import Elasticsearch
from flask import Flask, current_app


def init_app(app: Flask) -> None:
    from esnode import discover_url, node_urls

    url = app.config.get("ES_URL")
    if not url:
        url = discover_url()
        app.config["ES_URL"] = url
    app.extensions["elasticsearch"] = Elasticsearch(
        node_urls(url),
        # A read-only API key in a secured cluster (esnode.secure); None when security is off.
        api_key=app.config.get("ES_API_KEY") or os.environ.get("ES_API_KEY") or None,
        request_timeout=app.config["ES_TIMEOUT"],
        max_retries=1,
        retry_on_timeout=False,
    )


def get_es() -> Elasticsearch:
    return current_app.extensions["elasticsearch"]


def alias() -> str:
    return current_app.config["OSCE_ALIAS"]

"""The read side: a Flask search page and JSON API over the `osce-releases` alias."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from indexer import schema


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Application factory: config from the environment, overridden by `config`."""
    app = Flask(__name__)
    app.config.from_mapping(
        ES_URL=os.environ.get("ES_URL"),
        OSCE_ALIAS=os.environ.get("OSCE_ALIAS", schema.ALIAS),
        ES_TIMEOUT=float(os.environ.get("OSCE_ES_TIMEOUT", "10")),
        # Operations (issue 15); each module validates its own and fails at start when bad.
        OSCE_RATE_LIMIT_STORAGE=os.environ.get("OSCE_RATE_LIMIT_STORAGE"),
        OSCE_PROXY_COUNT=os.environ.get("OSCE_PROXY_COUNT", "0"),
        OSCE_METRICS=os.environ.get("OSCE_METRICS", "private"),
        OSCE_LOG_FORMAT=os.environ.get("OSCE_LOG_FORMAT", "text"),
        OSCE_SEARCH_TIMEOUT=os.environ.get("OSCE_SEARCH_TIMEOUT"),
        OSCE_MAX_INDEX_AGE=os.environ.get("OSCE_MAX_INDEX_AGE"),
        JSON_SORT_KEYS=False,
    )
    if config:
        app.config.from_mapping(config)
    app.json.sort_keys = False

    from webui import api, errors, es, logs, metrics, openapi, readiness, security, views
    from webui.highlight import as_markup

    app.add_template_filter(as_markup, "safe_fragment")
    readiness.max_index_age(app)  # a malformed OSCE_MAX_INDEX_AGE fails at start
    es.init_app(app)
    errors.init_app(app)
    # Timing and logging first: their before_request runs before the rate limiter's.
    logs.init_app(app)
    metrics.init_app(app)
    security.init_app(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(openapi.bp)
    return app

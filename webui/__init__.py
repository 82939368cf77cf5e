"""The read side: a Flask search page and JSON API over the `osce-releases` alias."""

from __future__ import annotations

from typing import Any

from flask import Flask

from core.settings import Settings


def create_app(config: dict[str, Any] | None = None, settings: Settings | None = None) -> Flask:
    """Application factory: `settings` (default: read from the environment now), then `config`."""
    app = Flask(__name__)
    app.config.from_mapping((settings or Settings.from_env()).flask_config(), JSON_SORT_KEYS=False)
    if config:
        app.config.from_mapping(config)
    app.json.sort_keys = False

    from webui import (
        api,
        cite,
        errors,
        es,
        explore,
        help,
        logs,
        metrics,
        openapi,
        readiness,
        security,
        views,
    )
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
    app.register_blueprint(help.bp)
    app.register_blueprint(cite.bp)
    app.register_blueprint(explore.bp)
    return app

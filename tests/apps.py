"""The web app as the tests build it, on any cluster and alias."""

from __future__ import annotations

from flask import Flask


def app_on(es_url: str, alias: str, **config: object) -> Flask:
    """create_app for tests: TESTING, this cluster and alias, the rate limit off unless asked."""
    from webui import create_app

    settings = {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off"}
    return create_app({**settings, **config})

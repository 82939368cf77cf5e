"""What every response carries for the browser's protection, and a per-client rate limit.

The Content-Security-Policy allows no inline script or style, no plugins and no framing: even a
markup slip in a template cannot run injected code. The rate limit (flask-limiter) keeps one client
from starving the others; `OSCE_RATE_LIMIT` sets it (flask-limiter syntax, e.g. `120/minute`),
`off` disables it for benchmarks and load tests.
"""

from __future__ import annotations

import math
import time

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

from core.settings import DEFAULT_RATE_LIMIT

OFF = ("off", "none", "0", "false", "")

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    # Search terms live in our URLs: never hand them to another site.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def rate_limit(app: Flask) -> str | None:
    """The configured limit, or None when it is switched off; a malformed one fails at start."""
    raw = app.config.get("OSCE_RATE_LIMIT")
    raw = str(DEFAULT_RATE_LIMIT if raw is None else raw).strip()
    if raw.lower() in OFF:
        return None
    try:
        parse_many(raw)
    except ValueError:
        raise ValueError(f"OSCE_RATE_LIMIT={raw!r} is not a rate like '120/minute'") from None
    return raw


def _exempt() -> bool:
    """Health checks and static files do not count against a visitor's budget."""
    return request.path == "/healthz" or request.endpoint == "static"


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(resp: Response) -> Response:
        for name, value in HEADERS.items():
            resp.headers.setdefault(name, value)
        return resp

    limit = rate_limit(app)
    app.config["OSCE_RATE_LIMIT"] = limit or "off"
    limiter = Limiter(
        get_remote_address,
        app=app,
        # One budget per client across every route (default_limits would count per route).
        application_limits=[limit] if limit else [],
        application_limits_exempt_when=_exempt,
        storage_uri=app.config.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Its own headers would put a Retry-After on every answer (and over the 503's): we add
        # Retry-After to the 429 only, below.
        headers_enabled=False,
        enabled=limit is not None,
    )
    app.extensions["osce_limiter"] = limiter

    @app.errorhandler(429)
    def too_many_requests(exc) -> Response:
        from webui.errors import _respond

        resp = _respond(
            429, f"Too many requests from your address (limit {limit}). Please wait a moment."
        )
        current = limiter.current_limit
        wait = math.ceil(current.reset_at - time.time()) if current else 60
        resp.headers["Retry-After"] = str(max(1, wait))
        return resp

"""What every response carries for the browser's protection, and a per-client rate limit.

The Content-Security-Policy allows no inline script or style, no plugins and no framing: even a
markup slip in a template cannot run injected code. The rate limit (flask-limiter) keeps one client
from starving the others; `OSCE_RATE_LIMIT` sets it (flask-limiter syntax, e.g. `120/minute`),
`off` disables it for benchmarks and load tests. Its counters live where
`OSCE_RATE_LIMIT_STORAGE` says (`memory://`, one process, by default; `redis://host:6379`, or
`memcached://host:11211` with pymemcache installed, so every gunicorn worker and replica shares
one budget per client).
The client is the connection's address; `X-Forwarded-For` is trusted only for the number of
proxies `OSCE_PROXY_COUNT` names (Werkzeug's ProxyFix), so a client cannot forge its own.
"""

from __future__ import annotations

import math
import time

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many
from werkzeug.middleware.proxy_fix import ProxyFix

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


#: Probes and the scraper: an orchestrator or Prometheus must never be throttled out.
EXEMPT_PATHS = ("/healthz", "/readyz", "/metrics")


def _exempt() -> bool:
    """Health checks, metrics and static files do not count against a visitor's budget."""
    return request.path in EXEMPT_PATHS or request.endpoint == "static"


def storage_uri(app: Flask) -> str:
    """Where the counters live: OSCE_RATE_LIMIT_STORAGE (RATELIMIT_STORAGE_URI still read)."""
    for key in ("OSCE_RATE_LIMIT_STORAGE", "RATELIMIT_STORAGE_URI"):
        value = app.config.get(key)
        if value:
            return str(value).strip()
    return "memory://"


def proxy_count(app: Flask) -> int:
    raw = app.config.get("OSCE_PROXY_COUNT") or 0
    try:
        count = int(raw)
    except (TypeError, ValueError):
        count = -1
    if count < 0:
        raise ValueError(f"OSCE_PROXY_COUNT={raw!r} must be the number of proxies (0 or more)")
    return count


def trust_proxies(app: Flask) -> None:
    """Behind N proxies, the client is the Nth address from the right of X-Forwarded-For."""
    count = proxy_count(app)
    app.config["OSCE_PROXY_COUNT"] = count
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(resp: Response) -> Response:
        for name, value in HEADERS.items():
            resp.headers.setdefault(name, value)
        return resp

    trust_proxies(app)
    limit = rate_limit(app)
    app.config["OSCE_RATE_LIMIT"] = limit or "off"
    storage = storage_uri(app)
    app.config["OSCE_RATE_LIMIT_STORAGE"] = storage
    shared = not storage.startswith("memory://")
    limiter = Limiter(
        get_remote_address,
        app=app,
        # One budget per client across every route (default_limits would count per route).
        application_limits=[limit] if limit else [],
        application_limits_exempt_when=_exempt,
        storage_uri=storage,
        # A shared store that goes away must not take the site with it: each worker then
        # counts on its own until the store is back (and says so in the log).
        in_memory_fallback_enabled=shared,
        swallow_errors=shared,
        # Its own headers would put a Retry-After on every answer (and over the 503's): we add
        # Retry-After to the 429 only, below.
        headers_enabled=False,
        enabled=limit is not None,
    )
    app.extensions["osce_limiter"] = limiter

    @app.errorhandler(429)
    def too_many_requests(exc) -> Response:
        from webui.errors import _respond
        from webui.metrics import RATE_LIMITED, endpoint_label

        RATE_LIMITED.labels(endpoint_label()).inc()
        resp = _respond(
            429, f"Too many requests from your address (limit {limit}). Please wait a moment."
        )
        current = limiter.current_limit
        wait = math.ceil(current.reset_at - time.time()) if current else 60
        resp.headers["Retry-After"] = str(max(1, wait))
        return resp

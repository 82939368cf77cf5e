"""`GET /metrics` in Prometheus text format: requests, latency, Elasticsearch calls, 429s.

Counters live in prometheus-client's default registry. Under gunicorn with several workers each
worker counts on its own; with `PROMETHEUS_MULTIPROC_DIR` set (the Docker image does) they write
to files there and `/metrics` sums every worker, whichever one answers the scrape.

`OSCE_METRICS` says who may read it: `private` (default: loopback and private networks, so a
scraper beside the app can and the public cannot), `on` (anyone), `off` (404), or a
comma-separated list of addresses/CIDR networks. It is never counted against the rate limit.
"""

from __future__ import annotations

import ipaddress
import os
import time

from flask import Flask, Response, abort, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

#: Buckets from a cached facet count to a slow cold search (seconds).
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter(
    "osce_http_requests_total", "HTTP requests answered", ["endpoint", "method", "status"]
)
LATENCY = Histogram(
    "osce_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["endpoint", "method", "status"],
    buckets=BUCKETS,
)
ES_LATENCY = Histogram(
    "osce_es_request_duration_seconds",
    "Time of one Elasticsearch API call, by API",
    ["api"],
    buckets=BUCKETS,
)
ES_ERRORS = Counter(
    "osce_es_errors_total", "Elasticsearch calls that failed, by API and error", ["api", "error"]
)
RATE_LIMITED = Counter(
    "osce_rate_limited_total", "Requests refused by the per-client rate limit (429)", ["endpoint"]
)
PARTIAL = Counter(
    "osce_search_partial_total", "Searches answered with partial results (shards failed)"
)

PRIVATE = "private"
_PRIVATE_NETS = [
    ipaddress.ip_network(n)
    for n in ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7")
]


def endpoint_label() -> str:
    """The Flask endpoint (bounded), never the raw path (unbounded: ids, typos, scanners)."""
    return request.endpoint or "unmatched"


def observe_es(api: str, seconds: float, error: BaseException | None = None) -> None:
    ES_LATENCY.labels(api).observe(seconds)
    if error is not None:
        ES_ERRORS.labels(api, type(error).__name__).inc()


def allowed_networks(raw: str) -> list | None:
    """None: everyone; [] : nobody; else the networks allowed to read /metrics."""
    value = raw.strip().lower()
    if value in ("on", "public", "all"):
        return None
    if value in ("off", "none", "0", "false", ""):
        return []
    if value == PRIVATE:
        return list(_PRIVATE_NETS)
    try:
        return [ipaddress.ip_network(part.strip(), strict=False) for part in raw.split(",")]
    except ValueError:
        raise ValueError(
            f"OSCE_METRICS={raw!r} must be on, off, private or addresses/networks"
        ) from None


def _client_allowed(networks: list | None) -> bool:
    if networks is None:
        return True
    try:
        addr = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        return False
    return any(addr in net for net in networks)


def _registry() -> CollectorRegistry | None:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return None
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def init_app(app: Flask) -> None:
    raw = app.config.get("OSCE_METRICS") or PRIVATE
    networks = allowed_networks(str(raw))

    @app.before_request
    def start_timer() -> None:
        g.osce_started = time.perf_counter()

    @app.after_request
    def count(resp: Response) -> Response:
        started = g.pop("osce_started", None)
        if request.endpoint == "metrics":
            return resp
        labels = (endpoint_label(), request.method, str(resp.status_code))
        REQUESTS.labels(*labels).inc()
        if started is not None:
            LATENCY.labels(*labels).observe(time.perf_counter() - started)
        return resp

    @app.get("/metrics", endpoint="metrics")
    def metrics() -> Response:
        if networks == [] or not _client_allowed(networks):
            abort(404)
        registry = _registry()
        body = generate_latest(registry) if registry is not None else generate_latest()
        return Response(body, content_type=CONTENT_TYPE_LATEST)

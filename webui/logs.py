"""Structured access logs: with `OSCE_LOG_FORMAT=json`, one JSON line per request on stderr.

Each line holds method, path, status, ms and client (after ProxyFix, the real client), plus the
endpoint and the worker's pid, so a log pipeline can count and time requests without parsing
gunicorn's text format. The default (`text`) leaves access logging to gunicorn.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from flask import Flask, Response, g, request

from core.logs import JsonFormatter

ACCESS = logging.getLogger("osce.access")


def log_format(app: Flask) -> str:
    raw = app.config.get("OSCE_LOG_FORMAT") or "text"
    value = str(raw).strip().lower()
    if value not in ("text", "json"):
        raise ValueError(f"OSCE_LOG_FORMAT={raw!r} must be text or json")
    return value


def _json_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    return handler


def init_app(app: Flask) -> None:
    fmt = log_format(app)
    app.config["OSCE_LOG_FORMAT"] = fmt
    if fmt != "json":
        return
    ACCESS.handlers[:] = [_json_handler()]
    ACCESS.setLevel(logging.INFO)
    ACCESS.propagate = False
    # The app's own warnings (Elasticsearch failures...) as JSON lines too.
    app.logger.handlers[:] = [_json_handler()]
    for name in ("webui",):
        logging.getLogger(name).handlers[:] = [_json_handler()]
        logging.getLogger(name).propagate = False

    @app.before_request
    def start_clock() -> None:
        g.osce_log_started = time.perf_counter()

    @app.after_request
    def access_line(resp: Response) -> Response:
        started = g.pop("osce_log_started", None)
        ms = None if started is None else round((time.perf_counter() - started) * 1000, 1)
        ACCESS.info(
            "request",
            extra={
                "event": "request",
                "method": request.method,
                "path": request.path,
                "status": resp.status_code,
                "ms": ms,
                "client": request.remote_addr,
                "endpoint": request.endpoint,
                "pid": os.getpid(),
            },
        )
        return resp

"""The writers' last runs: kept in the lock index's `_meta`, shown by `status --json`, logged.

Every writer already creates `<alias>-lock`, and a failed reindex deletes its own index, so the
lock index is the one place a run's outcome (docs, seconds, failures) survives either way. With
`OSCE_LOG_FORMAT=json` the command line logs JSON lines (each warning, and one line per run).
"""

from __future__ import annotations

import logging
import socket
import sys
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError

from core.logs import JsonFormatter
from indexer.lock import AliasLock, lock_index

log = logging.getLogger(__name__)


_JSON = False


def json_logs() -> bool:
    return _JSON


_HANDLER: logging.Handler | None = None


def configure_logging(log_format: str = "text") -> None:
    """Text (`LEVEL message`, warnings up) by default; with OSCE_LOG_FORMAT=json, JSON lines on
    stderr, the indexer's own from INFO (one per run). Handlers others installed are kept."""
    global _HANDLER, _JSON
    _JSON = log_format.strip().lower() == "json"
    root = logging.getLogger()
    if not _JSON:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
        return
    if _HANDLER is not None:
        root.removeHandler(_HANDLER)
    _HANDLER = logging.StreamHandler(sys.stderr)
    _HANDLER.setFormatter(JsonFormatter())
    root.addHandler(_HANDLER)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.getLogger("indexer").setLevel(logging.INFO)


def record(es: Elasticsearch, alias: str, run: dict) -> None:
    """Store the run as the alias's `last_run` (and `last_runs[command]`) in the lock index."""
    run = {**run, "host": socket.gethostname()}
    if json_logs():
        log.info("run %s", run.get("command"), extra={"event": "run", **run})
    index = lock_index(alias)
    try:
        try:
            meta = _meta(es, index)
        except NotFoundError:
            AliasLock(es, alias)._ensure_index()
            meta = {}
        per_command = dict(meta.get("last_runs") or {})
        per_command[run["command"]] = run
        es.indices.put_mapping(index=index, meta={"last_run": run, "last_runs": per_command})
    except Exception as exc:  # noqa: BLE001 - the run's own outcome matters more than its record
        log.warning("could not record the run in %s: %s", index, exc)


def _meta(es: Elasticsearch, index: str) -> dict:
    found = es.indices.get_mapping(index=index)[index]["mappings"]
    return dict(found.get("_meta") or {})


def last_runs(es: Elasticsearch, alias: str) -> dict:
    """`{"last_run": {...} | None, "last_runs": {command: {...}}}` for `status`."""
    try:
        meta = _meta(es, lock_index(alias))
    except NotFoundError:
        meta = {}
    return {"last_run": meta.get("last_run"), "last_runs": meta.get("last_runs") or {}}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

"""One rate limit per client across gunicorn workers: counters in a real Redis, not per process.

Real gunicorn with 2 workers against the test node: with `OSCE_RATE_LIMIT_STORAGE=redis://...`
exactly the limit gets through, whichever worker answers; with in-memory counters (the
single-process default) each worker has its own budget, which is what this fixes. The JSON access
log (OSCE_LOG_FORMAT=json) says which worker answered each request, and /metrics in
prometheus-client's multiprocess mode sums the workers' 429s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.redis_server import free_port
from tests.reliability.summary import record

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10
REQUESTS = 40
WORKERS = 2
MAX_BURSTS = 5  # bursts (within the minute the limit counts) until both workers answered


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _serve(tmp: Path, es_url: str, alias: str, storage: str):
    """gunicorn -w 2 on a free port, started as the Docker image starts it; yields its URL."""
    port = free_port()
    metrics_dir = tmp / "metrics"
    metrics_dir.mkdir()
    env = {
        **os.environ,
        "ES_URL": es_url,
        "OSCE_ALIAS": alias,
        "OSCE_RATE_LIMIT": f"{LIMIT}/minute",
        "OSCE_RATE_LIMIT_STORAGE": storage,
        "OSCE_LOG_FORMAT": "json",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "PYTHONPATH": str(ROOT),
    }
    log = tmp / "gunicorn.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind",
         f"127.0.0.1:{port}", "webui:create_app()"],
        cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _get(url + "/healthz") == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("gunicorn did not start:\n" + log.read_text()[-3000:])
    return proc, url, log


def _burst(url: str) -> list[int]:
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(_get, [f"{url}/api/search?q=election"] * REQUESTS))


def _answered_by(log: Path) -> dict[int, list[int]]:
    """Statuses per worker pid, from the JSON access lines of /api/search."""
    by_pid: dict[int, list[int]] = {}
    for line in log.read_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # gunicorn's own start-up lines
        if entry.get("event") == "request" and entry.get("path") == "/api/search":
            by_pid.setdefault(entry["pid"], []).append(entry["status"])
    return by_pid


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _metric(text: str, name: str) -> float:
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith(name) and not line.startswith("#")
    )


def test_rate_limit_is_shared_by_two_gunicorn_workers(
    es_url: str, seeded_alias: str, redis_url: str, tmp_path: Path
) -> None:
    shared = tmp_path / "redis"
    shared.mkdir()
    proc, url, log = _serve(shared, es_url, seeded_alias, redis_url)
    try:
        # On an idle machine one sync worker can take a whole burst (429s are quick): burst
        # again, within the minute the limit counts, until both workers have answered.
        statuses: list[int] = []
        for _ in range(MAX_BURSTS):
            statuses += _burst(url)
            if len(_answered_by(log)) == WORKERS:
                break
        with urllib.request.urlopen(url + "/metrics", timeout=30) as resp:
            metrics = resp.read().decode()
    finally:
        _stop(proc)
    by_pid = _answered_by(log)
    assert len(by_pid) == WORKERS, f"both workers must answer: {by_pid}"
    assert sum(len(v) for v in by_pid.values()) == len(statuses)
    assert statuses.count(200) == LIMIT, statuses
    assert statuses.count(429) == len(statuses) - LIMIT
    # /metrics sums the workers (multiprocess mode): every 429 of either worker is there.
    assert _metric(metrics, "osce_rate_limited_total") == len(statuses) - LIMIT

    alone = tmp_path / "memory"
    alone.mkdir()
    proc, url, log = _serve(alone, es_url, seeded_alias, "memory://")
    try:
        per_worker = _burst(url)
    finally:
        _stop(proc)
    memory_pids = _answered_by(log)
    if len(memory_pids) == WORKERS:
        # Each worker has its own budget: more than the limit gets through.
        assert per_worker.count(200) > LIMIT
    record(
        "shared_rate_limit",
        sent=len(statuses),
        limited=statuses.count(429),
        allowed=statuses.count(200),
        workers=WORKERS,
        limit=f"{LIMIT}/minute",
        memory_allowed=per_worker.count(200),
    )

"""Operating the web UI: liveness vs readiness, /metrics, JSON access logs, trusted proxies."""

from __future__ import annotations

import json

import pytest
from elasticsearch import Elasticsearch

from core import schema
from indexer import aliases
from webui import create_app

DEAD_ES = "http://127.0.0.1:9"  # nothing listens there: every call fails at once


def make_app(es_url: str, alias: str, **config: object):
    return create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off", **config}
    )


def test_healthz_is_liveness_only_readyz_checks_the_cluster(es_url, seeded_alias) -> None:
    down = make_app(DEAD_ES, seeded_alias).test_client()
    assert down.get("/healthz").status_code == 200, "liveness never asks Elasticsearch"
    resp = down.get("/readyz")
    assert resp.status_code == 503 and resp.headers["Retry-After"]
    body = resp.get_json()
    assert body["status"] == "not ready" and body["checks"]["elasticsearch"]["ok"] is False

    up = make_app(es_url, seeded_alias).test_client()
    resp = up.get("/readyz")
    assert resp.status_code == 200, resp.get_json()
    checks = resp.get_json()["checks"]
    assert checks["alias"]["ok"] and checks["alias"]["indices"]
    assert checks["mapping_version"] == {
        "ok": True,
        "index": schema.MAPPING_VERSION,
        "expected": schema.MAPPING_VERSION,
    }
    assert checks["index_age"]["ok"] and checks["index_age"]["seconds"] >= 0


def test_readyz_fails_on_a_missing_alias_and_a_wrong_mapping_version(
    es: Elasticsearch, es_url: str, make_alias
) -> None:
    missing = make_alias("osce-ready")
    resp = make_app(es_url, missing).test_client().get("/readyz")
    assert resp.status_code == 503
    assert resp.get_json()["checks"]["alias"] == {"ok": False, "name": missing, "indices": []}

    old = make_alias("osce-ready")
    index = aliases.new_index_name(old)
    aliases.create_index(es, index)
    aliases.update_meta(es, index, mapping_version=schema.MAPPING_VERSION - 1)
    es.indices.put_alias(index=index, name=old)
    resp = make_app(es_url, old).test_client().get("/readyz")
    assert resp.status_code == 503
    assert resp.get_json()["checks"]["mapping_version"] == {
        "ok": False,
        "index": schema.MAPPING_VERSION - 1,
        "expected": schema.MAPPING_VERSION,
    }


def test_readyz_checks_the_index_age_when_asked(es_url, seeded_alias) -> None:
    resp = make_app(es_url, seeded_alias, OSCE_MAX_INDEX_AGE="0s").test_client().get("/readyz")
    assert resp.status_code == 503 and not resp.get_json()["checks"]["index_age"]["ok"]
    resp = make_app(es_url, seeded_alias, OSCE_MAX_INDEX_AGE="30d").test_client().get("/readyz")
    assert resp.status_code == 200
    with pytest.raises(ValueError, match="OSCE_MAX_INDEX_AGE"):
        make_app(es_url, seeded_alias, OSCE_MAX_INDEX_AGE="a while")


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name + "{"):
            continue
        key, value = line.rsplit(" ", 1)
        found = dict(part.split("=", 1) for part in key[len(name) + 1 : -1].split(","))
        if all(found.get(k) == json.dumps(v) for k, v in labels.items()):
            return float(value)
    return 0.0


def test_metrics_after_some_traffic(es_url, seeded_alias) -> None:
    client = make_app(es_url, seeded_alias).test_client()
    before = client.get("/metrics").get_data(as_text=True)
    for _ in range(3):
        assert client.get("/api/search?q=election").status_code == 200
    assert client.get("/api/search?page=0").status_code == 400
    assert client.get("/no-such-page").status_code == 404
    down = make_app(DEAD_ES, seeded_alias).test_client()
    assert down.get("/api/search?q=x").status_code == 503
    resp = client.get("/metrics")
    assert resp.status_code == 200 and resp.mimetype == "text/plain"
    after = resp.get_data(as_text=True)

    def grew(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    search = {"endpoint": "api.search", "method": "GET"}
    assert grew("osce_http_requests_total", **search, status="200") == 3
    assert grew("osce_http_requests_total", **search, status="400") == 1
    assert grew("osce_http_requests_total", **search, status="503") == 1
    assert grew("osce_http_requests_total", endpoint="unmatched", method="GET", status="404") == 1
    assert grew("osce_http_request_duration_seconds_count", **search, status="200") == 3
    assert grew("osce_http_request_duration_seconds_bucket", **search, status="200", le="+Inf") == 3
    # A page is one _msearch (hits + counts) and, for some queries, a search more.
    apis = ("search", "msearch")
    assert sum(grew("osce_es_request_duration_seconds_count", api=a) for a in apis) >= 3
    assert sum(grew("osce_es_errors_total", api=a, error="ConnectionError") for a in apis) == 1
    assert 'endpoint="metrics"' not in after  # the scrape does not count itself


def test_metrics_are_exempt_from_the_rate_limit_and_can_be_restricted(es_url, seeded_alias) -> None:
    client = make_app(es_url, seeded_alias, OSCE_RATE_LIMIT="2/minute").test_client()
    before = _sample(client.get("/metrics").get_data(as_text=True), "osce_rate_limited_total",
                     endpoint="api.search")  # fmt: skip
    statuses = [client.get("/api/search").status_code for _ in range(4)]
    assert statuses == [200, 200, 429, 429]
    for path in ("/metrics", "/readyz", "/healthz"):
        assert client.get(path).status_code == 200, path
    text = client.get("/metrics").get_data(as_text=True)
    assert _sample(text, "osce_rate_limited_total", endpoint="api.search") - before == 2

    assert (
        make_app(es_url, seeded_alias, OSCE_METRICS="off").test_client().get("/metrics").status_code
        == 404
    )
    only = make_app(es_url, seeded_alias, OSCE_METRICS="10.0.0.0/8").test_client()
    assert only.get("/metrics").status_code == 404  # the test client is 127.0.0.1
    assert only.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    private = make_app(es_url, seeded_alias).test_client()  # default: private networks
    assert private.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.7"}).status_code == 404
    with pytest.raises(ValueError, match="OSCE_METRICS"):
        make_app(es_url, seeded_alias, OSCE_METRICS="friends")


def _json_lines(err: str) -> list[dict]:
    lines = []
    for line in err.splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    return lines


def test_json_access_log_one_line_per_request(es_url, seeded_alias, capsys) -> None:
    client = make_app(es_url, seeded_alias, OSCE_LOG_FORMAT="json").test_client()
    capsys.readouterr()
    client.get("/api/search?q=election")
    client.get("/no-such-page")
    entries = [e for e in _json_lines(capsys.readouterr().err) if e.get("event") == "request"]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/api/search", 200),
        ("GET", "/no-such-page", 404),
    ]
    assert all(e["client"] == "127.0.0.1" and e["ms"] >= 0 and e["pid"] for e in entries)
    with pytest.raises(ValueError, match="OSCE_LOG_FORMAT"):
        make_app(es_url, seeded_alias, OSCE_LOG_FORMAT="xml")


def test_x_forwarded_for_is_trusted_only_behind_a_configured_proxy(
    es_url, seeded_alias, capsys
) -> None:
    def statuses(app, n: int = 3) -> list[int]:
        client = app.test_client()
        return [
            client.get(
                "/api/openapi.json", headers={"X-Forwarded-For": f"203.0.113.{i}"}
            ).status_code
            for i in range(n)
        ]

    # No proxy configured: a forged header changes nothing, one budget for the peer.
    direct = make_app(es_url, seeded_alias, OSCE_RATE_LIMIT="2/minute", OSCE_LOG_FORMAT="json")
    assert statuses(direct) == [200, 200, 429]
    clients = {e["client"] for e in _json_lines(capsys.readouterr().err) if "client" in e}
    assert clients == {"127.0.0.1"}
    # Behind one proxy: the address it forwards is the client, each with its own budget.
    proxied = make_app(
        es_url,
        seeded_alias,
        OSCE_RATE_LIMIT="2/minute",
        OSCE_PROXY_COUNT="1",
        OSCE_LOG_FORMAT="json",
    )
    assert statuses(proxied) == [200, 200, 200]
    clients = {e["client"] for e in _json_lines(capsys.readouterr().err) if "client" in e}
    assert clients == {"203.0.113.0", "203.0.113.1", "203.0.113.2"}
    with pytest.raises(ValueError, match="OSCE_PROXY_COUNT"):
        make_app(es_url, seeded_alias, OSCE_PROXY_COUNT="-1")


def test_indexer_runs_log_json_and_are_recorded(
    es, es_url, make_alias, capsys, monkeypatch, tmp_path
):
    from indexer.__main__ import main
    from tests.conftest import SEEDS

    alias = make_alias("osce-runlog")
    monkeypatch.setenv("OSCE_LOG_FORMAT", "json")
    assert main(["reindex", str(SEEDS), "--es-url", es_url, "--alias", alias]) == 0
    runs = [e for e in _json_lines(capsys.readouterr().err) if e.get("event") == "run"]
    assert len(runs) == 1 and runs[0]["command"] == "reindex" and runs[0]["docs"] == 3
    assert runs[0]["ok"] is True and runs[0]["failures"] == 0 and runs[0]["seconds"] > 0
    assert main(["reindex", "--es-url", es_url, "--alias", alias, str(tmp_path)]) == 3
    capsys.readouterr()
    assert main(["status", "--es-url", es_url, "--alias", alias, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["last_run"]["command"] == "reindex" and status["last_run"]["ok"] is False
    assert status["last_run"]["exit"] == 3 and "refusing" in status["last_run"]["error"]
    assert status["last_runs"]["reindex"] == status["last_run"]


def test_operations_settings_are_read_once_into_settings() -> None:
    from core.settings import Settings

    env = {
        "OSCE_SNAPSHOT_REPO": "nightly",
        "OSCE_RATE_LIMIT_STORAGE": "redis://r:6379/0",
        "OSCE_PROXY_COUNT": "1",
        "OSCE_METRICS": "10.0.0.0/8",
        "OSCE_LOG_FORMAT": "JSON",
        "OSCE_SEARCH_TIMEOUT": "5s",
        "OSCE_MAX_INDEX_AGE": "7d",
    }
    s = Settings.from_env(env)
    assert s.snapshot_repo == "nightly" and s.log_format == "json"
    config = s.flask_config()
    assert config["OSCE_RATE_LIMIT_STORAGE"] == "redis://r:6379/0"
    assert (config["OSCE_PROXY_COUNT"], config["OSCE_METRICS"]) == ("1", "10.0.0.0/8")
    assert (config["OSCE_SEARCH_TIMEOUT"], config["OSCE_MAX_INDEX_AGE"]) == ("5s", "7d")
    d = Settings.from_env({})
    assert (d.snapshot_repo, d.rate_limit_storage, d.metrics) == (
        "osce-backups",
        "memory://",
        "private",
    )


def test_the_snapshot_repository_name_is_one_fact() -> None:
    from core.settings import DEFAULT_SNAPSHOT_REPO
    from esnode.config import SNAPSHOT_REPO

    assert DEFAULT_SNAPSHOT_REPO == SNAPSHOT_REPO  # esnode registers what the indexer uses

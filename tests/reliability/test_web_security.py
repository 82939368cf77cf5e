"""Browser-side protection: security headers on every answer, no inline script, a rate limit."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.reliability.summary import record
from webui import create_app
from webui.security import DEFAULT_RATE_LIMIT

PAGES = ["/", "/?q=Minsk", "/api/search?q=Minsk", "/api/openapi.json", "/no-such-page", "/?page=0"]


@pytest.fixture()
def limited_app(es_url: str, seeded_alias: str):
    def make(limit: str | None):
        config = {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": seeded_alias}
        if limit is not None:
            config["OSCE_RATE_LIMIT"] = limit
        return create_app(config)

    return make


def test_every_answer_carries_the_security_headers(client) -> None:
    release = client.get("/api/search").get_json()["hits"][0]["url"]
    for path in [*PAGES, release, "/healthz"]:
        resp = client.get(path)
        csp = resp.headers.get("Content-Security-Policy", "")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, path
        assert resp.headers.get("X-Content-Type-Options") == "nosniff", path
        assert resp.headers.get("Referrer-Policy") == "same-origin", path
        assert resp.headers.get("X-Frame-Options") == "DENY", path


def test_pages_need_no_inline_script_or_style(client) -> None:
    """What the CSP forbids must not be needed: no inline script, handler or style."""
    release = client.get("/api/search").get_json()["hits"][0]["url"]
    for path in ["/", "/?q=Minsk+Group", release, "/no-such-page"]:
        soup = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src", "").startswith("/static/"), (path, str(script)[:200])
        assert not soup.find_all("style"), path
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on") or a == "style"]
            assert not handlers, (path, tag.name, handlers)


def test_rate_limit_answers_429_per_client(limited_app) -> None:
    app = limited_app("5/minute")
    client = app.test_client()
    statuses = [client.get("/api/search?q=vienna").status_code for _ in range(8)]
    assert statuses == [200] * 5 + [429] * 3
    resp = client.get("/api/search")
    assert resp.status_code == 429 and int(resp.headers["Retry-After"]) >= 1
    assert "Too many requests" in resp.get_json()["error"]
    page = client.get("/")
    assert page.status_code == 429 and "Too many requests" in page.get_data(as_text=True)
    assert client.get("/healthz").status_code == 200, "health checks are exempt"
    other = client.get("/api/search", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 200, "another client has its own budget"
    record(
        "rate_limit",
        sent=len(statuses) + 2,
        limited=statuses.count(429) + 2,
        limit="5/minute",
        default=DEFAULT_RATE_LIMIT,
    )


def test_default_limit_is_120_per_minute_and_off_disables(limited_app, monkeypatch) -> None:
    monkeypatch.delenv("OSCE_RATE_LIMIT", raising=False)
    app = limited_app(None)
    assert app.config["OSCE_RATE_LIMIT"] == "120/minute"
    client = app.test_client()
    statuses = [client.get("/api/openapi.json").status_code for _ in range(121)]
    assert statuses.count(200) == 120 and statuses[-1] == 429
    monkeypatch.setenv("OSCE_RATE_LIMIT", "off")
    client = limited_app(None).test_client()
    assert {client.get("/api/openapi.json").status_code for _ in range(150)} == {200}


def test_malformed_limit_fails_at_start(limited_app) -> None:
    with pytest.raises(ValueError, match="OSCE_RATE_LIMIT"):
        limited_app("lots please")

"""The search-mode switch in Chromium, on a small corpus with vectors (tests/test_semantic.py)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from tests.browser.conftest import DESKTOP, _context
from tests.test_semantic import CEASEFIRE, PARAPHRASE
from tests.test_semantic import vector_alias as vector_alias  # noqa: F401 - the fixture


@pytest.fixture(scope="module")
def vector_server(es_url: str, vector_alias: str) -> Iterator[str]:  # noqa: F811
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": vector_alias, "OSCE_RATE_LIMIT": "off"}
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="vector-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture()
def vpage(browser, vector_server: str, external):
    ctx = _context(browser, vector_server, external, DESKTOP)
    page = ctx.new_page()
    yield page
    ctx.close()
    assert not external, f"the page made external requests: {external}"


def _mode(page: Page) -> str | None:
    return (parse_qs(urlsplit(page.url).query).get("mode") or [None])[0]


def _titles(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(".hit h2").all_text_contents()]


def test_switching_modes_on_the_page(vpage: Page) -> None:
    vpage.goto("/")
    vpage.locator("#q").fill(PARAPHRASE)
    vpage.locator("#q").press("Enter")
    vpage.wait_for_url(re.compile(r"q=stop"))
    switch = vpage.locator("nav.modes")
    expect(switch.locator("a[aria-current='true']")).to_have_attribute("data-mode", "hybrid")
    assert CEASEFIRE.title in _titles(vpage)

    switch.locator("a[data-mode='keyword']").click()
    vpage.wait_for_url(re.compile(r"mode=keyword"))
    expect(switch.locator("a[aria-current='true']")).to_have_attribute("data-mode", "keyword")
    # Keyword widening may reach it lower down (as in the API test): not among the first three.
    assert CEASEFIRE.title not in _titles(vpage)[:3]

    switch.locator("a[data-mode='semantic']").click()
    vpage.wait_for_url(re.compile(r"mode=semantic"))
    assert CEASEFIRE.title in _titles(vpage)[:2]

    # The mode is part of the state: a new search from the box keeps it.
    vpage.locator("#q").fill("troops withdrawn from the frontier")
    vpage.locator("#q").press("Enter")
    vpage.wait_for_url(re.compile(r"q=troops"))
    assert _mode(vpage) == "semantic"
    expect(switch.locator("a[aria-current='true']")).to_have_attribute("data-mode", "semantic")


def test_more_like_this_opens_related_releases(vpage: Page) -> None:
    vpage.goto(f"/?q={PARAPHRASE}&mode=semantic")
    vpage.locator(".hit .mlt a").first.click()
    vpage.wait_for_url(re.compile(r"/release/[0-9a-f]{20}"))
    expect(vpage.locator("#related-h")).to_be_visible()
    assert vpage.locator(".related li").count() >= 1

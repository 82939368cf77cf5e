"""Browser fixtures: Debian's Chromium driven by Playwright, the app on a loopback server thread.

Never downloads a browser: Playwright is pointed at /usr/bin/chromium (`make chromium` installs
it). Every request the page makes that is not to the app's own loopback address is blocked and
recorded, so tests can assert the page makes no external requests.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from tests.web_corpus import build_alias

CHROMIUM = Path(os.environ.get("OSCE_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: run `make chromium` to install Debian's Chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def corpus_alias(es, make_alias) -> str:
    return build_alias(es, make_alias)


@pytest.fixture(scope="session")
def live_server(es_url: str, corpus_alias: str) -> Iterator[str]:
    """The app on a real HTTP server thread on 127.0.0.1 (a free port)."""
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": corpus_alias, "OSCE_RATE_LIMIT": "off"}
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(chromium_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


class External(list):
    """Addresses the page tried to reach outside the app (all blocked)."""


@pytest.fixture()
def external() -> External:
    return External()


def _context(browser, live_server: str, external: External, viewport: dict, **kw):
    ctx = browser.new_context(viewport=viewport, base_url=live_server, **kw)
    own = urlsplit(live_server).netloc

    def guard(route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob") or parts.netloc == own:
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    ctx.set_default_timeout(10_000)
    return ctx


@pytest.fixture()
def page(browser, live_server: str, external: External):
    ctx = _context(browser, live_server, external, DESKTOP)
    page = ctx.new_page()
    yield page
    ctx.close()
    assert not external, f"the page made external requests: {external}"


@pytest.fixture()
def phone_page(browser, live_server: str, external: External):
    ctx = _context(
        browser, live_server, external, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = ctx.new_page()
    yield page
    ctx.close()
    assert not external, f"the page made external requests: {external}"


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """OSCE_SCREENSHOTS_DIR (`make screenshots`: docs/screenshots), else a temporary directory."""
    chosen = os.environ.get("OSCE_SCREENSHOTS_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

"""Hostile markup in titles, bodies, facet values, links and the query echo never renders live.

Each payload goes into a release (every displayed field) and into the query and filters; a page
"renders it raw" when the payload's markup appears verbatim in the HTML, or when the parsed page
holds anything executable that the templates did not put there.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from elasticsearch import Elasticsearch

from core import schema
from core.release import Release
from indexer import aliases
from tests.reliability.summary import record

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><script>alert(2)</script>',
    "'><img src=x onerror=alert(3)>",
    '<img src="x" onerror="alert(4)">',
    "<svg/onload=alert(5)>",
    "<iframe src=javascript:alert(6)></iframe>",
    "</title><script>alert(7)</script>",
    "</textarea><script>alert(8)</script>",
    '<a href="javascript:alert(9)">x</a>',
    "<body onload=alert(10)>",
    "<mark onmouseover=alert(11)>hover</mark>",
    "</mark><script>alert(12)</script><mark>",
    "&lt;script&gt;alert(13)&lt;/script&gt;",
    "<<script>script>alert(14)<</script>/script>",
    '<div style="background:url(javascript:alert(15))">',
    "<object data=data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=>",
    '<math><mtext></mtext><mglyph><svg><mtext><style><img src=x onerror="alert(17)">',
    "{{ 7*7 }}<script>alert(18)</script>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(20)">',
]
BAD_URLS = ["javascript:alert(21)", " JaVaScRiPt:alert(22)", "data:text/html,<script>alert(23)"]
ALLOWED_TAGS_FROM_DATA = {"mark"}
EXECUTABLE = {"script", "iframe", "object", "embed", "svg", "math", "base", "meta", "img", "style"}


def _hostile_release(i: int, payload: str) -> Release:
    return Release(
        path=f"xss/{i}.txt",
        type=f"Press release {payload}",
        title=f"Vienna talks {payload} number {i}",
        date="2020-01-02",
        place=f"VIENNA {payload}",
        source=f"Secretariat {payload}",
        fields_of_work=[f"Elections {payload}"],
        countries=[f"Austria {payload}"],
        body=[f"Talks in Vienna {payload} ended.", f"Second paragraph {payload} with vienna."],
        origin=BAD_URLS[i % len(BAD_URLS)],
    )


@pytest.fixture(scope="module")
def xss_alias(es: Elasticsearch, make_alias) -> str:
    alias = make_alias("osce-xss")
    releases = [_hostile_release(i, p) for i, p in enumerate(PAYLOADS)]
    aliases.reindex(es, releases, alias)
    assert es.count(index=alias)["count"] == len(releases)
    return alias


@pytest.fixture(scope="module")
def xss_client(es_url: str, xss_alias: str):
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": xss_alias, "OSCE_RATE_LIMIT": "off"}
    )
    return app.test_client()


#: The templates' own charts, by the heading that names them: year histogram, map, trend lines.
TEMPLATE_CHARTS = {"dates-h", "years-h", "map-h", "chart-cap"}


def _is_year_chart(tag) -> bool:
    """One of the templates' own charts: an SVG of shapes, links and text, nothing else."""
    allowed = {"g", "rect", "a", "text", "title", "desc", "line", "tspan", "path", "circle"}
    allowed |= {"polyline"}
    return (
        tag.name == "svg"
        and tag.get("aria-labelledby") in TEMPLATE_CHARTS
        and all(child.name in allowed for child in tag.find_all(True))
    )


def _live_markup(html: str, template_scripts: set[str]) -> list[str]:
    """Anything executable in the page that the templates themselves did not put there."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name in EXECUTABLE and not (
            (tag.name in ("script", "meta") and str(tag) in template_scripts) or _is_year_chart(tag)
        ):
            found.append(str(tag)[:120])
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on") or attr.lower() == "style":
                found.append(f"{tag.name} {attr}={text[:60]}")
            if attr in ("href", "src", "action", "formaction", "data") and re.match(
                r"\s*(javascript|data|vbscript):", text, re.I
            ):
                found.append(f"{tag.name} {attr}={text[:60]}")
    return found


def _raw(html: str, payload: str) -> bool:
    """The payload's markup came through unescaped."""
    return any(ch in payload for ch in "<>\"'") and payload in html


def test_payloads_never_render_live(xss_client, es: Elasticsearch, xss_alias: str) -> None:
    baseline = BeautifulSoup(xss_client.get("/?q=nothing-matches-this").get_data(True), "lxml")
    template_tags = {str(t) for t in baseline.find_all(["script", "meta"])}
    hits = xss_client.get("/api/search?size=100").get_json()["hits"]
    assert len(hits) == len(PAYLOADS)
    raw: dict[str, list[str]] = {}
    pages = 0
    for i, payload in enumerate(PAYLOADS):
        hit = next(h for h in hits if h["title"].endswith(f"number {i}"))
        q = quote(payload)
        urls = [
            "/",
            f"/?q={q}",
            f"/?q=vienna+{q}",
            f"/?fields_of_work={quote(f'Elections {payload}')}&source={q}",
            f"{hit['url']}",
            f"{hit['url']}?q={q}",
            f"{hit['url']}?q=vienna",
            f"/no-such-page/{q}",
        ]
        for url in urls:
            resp = xss_client.get(url)
            assert resp.status_code < 500, url
            html = resp.get_data(as_text=True)
            pages += 1
            problems = _live_markup(html, template_tags)
            if _raw(html, payload):
                problems.append("verbatim")
            if problems:
                raw.setdefault(payload, []).extend(f"{url}: {p}" for p in problems)
        data = xss_client.get(f"/api/search?q=vienna+{q}&size=100").get_json()
        for h in data["hits"]:
            for fragment in h["highlight"]["title"] + h["highlight"]["body"]:
                if "<" in re.sub(r"</?mark>", "", fragment):
                    raw.setdefault(payload, []).append(f"highlight: {fragment[:80]}")
            assert h.get("origin") is None or h["origin"].startswith("http"), h["origin"]
    record("xss", tried=len(PAYLOADS) + len(BAD_URLS), raw=len(raw), pages=pages)
    assert not raw, raw


def _assert_atom_is_inert(body: str) -> None:
    """Payloads in a feed are text: only Atom elements, text content, http(s) links."""
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(body.encode())
    for el in root.iter():
        assert isinstance(el.tag, str) and el.tag.startswith(atom), el.tag
        if el.tag in (atom + "title", atom + "summary", atom + "content", atom + "subtitle"):
            assert el.get("type", "text") == "text", etree.tostring(el)[:80]
            assert len(el) == 0, etree.tostring(el)[:80]
        if el.tag == atom + "link":
            assert re.match(r"https?://", el.get("href", "")), el.get("href")


def test_exports_escape_payloads(xss_client) -> None:
    """The CSV and Atom twins, where the app serves them, carry the text, not live markup."""
    for path in ("/api/search.atom", "/api/search.csv"):
        resp = xss_client.get(path + "?q=vienna&size=100")
        if resp.status_code == 404:
            continue
        assert resp.status_code == 200, path
        body = resp.get_data(as_text=True)
        if path.endswith(".atom"):
            _assert_atom_is_inert(body)
        assert resp.headers.get("X-Content-Type-Options") == "nosniff", path


def test_documents_keep_the_payload_as_text(es: Elasticsearch, xss_alias: str) -> None:
    """Escaping happens on output only: the index holds what the file said."""
    doc_id = schema.doc_id(_hostile_release(0, PAYLOADS[0]))
    assert PAYLOADS[0] in es.get(index=xss_alias, id=doc_id)["_source"]["title"]

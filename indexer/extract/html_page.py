"""osce.org article pages (Drupal markup): h1 title, metadata block, time, article paragraphs."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from indexer.extract.dateline import parse_date, split_dateline
from indexer.release import Release

_DROP = [
    "script",
    "style",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "noscript",
    "form",
    "template",
    "iframe",
]
_LABELS = {
    "date": "date",
    "place": "place",
    "source": "source",
    "fields of work": "fields_of_work",
    "field of work": "fields_of_work",
}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _metadata(soup: BeautifulSoup) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for dl in soup.find_all("dl"):
        label = None
        for child in dl.find_all(["dt", "dd"]):
            if child.name == "dt":
                label = _LABELS.get(_clean(child.get_text()).rstrip(":").lower())
            elif label:
                value = _clean(child.get_text())
                if value:
                    meta.setdefault(label, []).append(value)
    for node in soup.find_all(class_=re.compile(r"label")):
        label = _LABELS.get(_clean(node.get_text()).rstrip(":").lower())
        if not label or label in meta:
            continue
        container = node.parent
        items = [_clean(li.get_text()) for li in container.find_all("li")]
        if not items:
            items = [_clean(s.get_text()) for s in node.find_next_siblings()]
        meta[label] = [v for v in items if v]
    return meta


def parse_html(text: str, path: str) -> Release:
    """Extract a release from an article page; an invalid Release when it holds none."""
    soup = BeautifulSoup(text, "lxml")
    h1 = soup.find("h1")
    title = _clean(h1.get_text()) if h1 else ""
    if not title:
        return Release.invalid(path, "HTML page without an <h1> title", "html")
    meta = _metadata(soup)
    time_tag = soup.find("time")
    date = None
    if time_tag is not None:
        date = parse_date(time_tag.get("datetime", "") or _clean(time_tag.get_text()))
    for tag in soup.find_all(_DROP):
        tag.decompose()
    article = soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = [_clean(p.get_text(" ")) for p in article.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return Release.invalid(path, "HTML page without body paragraphs", "html")
    place_dl, date_dl, rest = split_dateline(paragraphs[0])
    if rest:
        paragraphs[0] = rest
    else:
        paragraphs.pop(0)
    canonical = soup.find("link", rel="canonical")
    return Release(
        path=path,
        type=None,
        title=title,
        date=(parse_date(meta["date"][0]) if meta.get("date") else None) or date or date_dl,
        place=next(iter(meta.get("place", [])), None) or place_dl,
        source=next(iter(meta.get("source", [])), None),
        fields_of_work=meta.get("fields_of_work", []),
        body=paragraphs,
        origin=canonical.get("href") if canonical else None,
        format="html",
    )

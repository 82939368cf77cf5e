"""Search results as CSV (one row per hit) and as an Atom feed (subscribe to a saved query)."""

from __future__ import annotations

import csv
import html
import io
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from webui.highlight import MARK_RE

CSV_COLUMNS = (
    "id",
    "title",
    "date",
    "place",
    "source",
    "fields_of_work",
    "countries",
    "url",
    "origin",
    "score",
)
ATOM_NS = "http://www.w3.org/2005/Atom"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell; text a spreadsheet would run as a formula is defused with a leading quote."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(data: dict, base_url: str) -> str:
    """One row per hit of the search JSON, absolute links, lists joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for hit in data["hits"]:
        row = {**hit, "url": base_url.rstrip("/") + hit["url"]}
        writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def plain(fragment: str) -> str:
    """A highlight fragment (escaped text with <mark>) back to plain text."""
    return html.unescape(MARK_RE.sub("", fragment))


def _stamp(day: str | None) -> str:
    if day:
        return f"{day}T00:00:00Z"
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_atom(data: dict, *, title: str, self_url: str, page_url: str, base_url: str) -> bytes:
    """An Atom 1.0 feed of the hits (the caller asks for newest first)."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", self_url)
    sub(feed, "title", title)
    dates = [h["date"] for h in data["hits"] if h.get("date")]
    sub(feed, "updated", _stamp(max(dates) if dates else None))
    sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=page_url, type="text/html")
    author = sub(feed, "author")
    sub(author, "name", "osce-search")
    sub(feed, "generator", "osce-search")
    for hit in data["hits"]:
        link = base_url.rstrip("/") + hit["url"]
        entry = sub(feed, "entry")
        sub(entry, "id", link)
        sub(entry, "title", hit.get("title") or "(untitled)")
        sub(entry, "updated", _stamp(hit.get("date")))
        sub(entry, "link", rel="alternate", href=link, type="text/html")
        if hit.get("origin"):
            sub(entry, "link", rel="related", href=hit["origin"], type="text/html")
        for name in hit.get("fields_of_work", []):
            sub(entry, "category", term=name)
        summary = " … ".join(plain(f) for f in hit["highlight"].get("body", []))
        meta = " · ".join(x for x in (hit.get("place"), hit.get("source")) if x)
        sub(entry, "summary", " — ".join(x for x in (meta, summary) if x), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)

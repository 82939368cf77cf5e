"""Search results as files: this page as CSV, every match as CSV/JSON Lines/RIS/BibTeX, Atom.

The whole-set exports stream (`core.export` walks a point-in-time): constant memory whatever the
number of matches, at most `OSCE_EXPORT_MAX` rows, and a file cut there (or broken by an expired
point-in-time) says so in its last line and in the `X-Export-*` headers.
"""

from __future__ import annotations

import csv
import html
import io
from datetime import UTC, datetime
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from flask import Response, current_app, request, stream_with_context, url_for

from core import export
from core.export import cell as _cell
from webui.es import alias, get_es
from webui.highlight import MARK_RE
from webui.params import BadParameter, SearchParams

#: This page's CSV columns: the whole-set export's defaults.
CSV_COLUMNS = export.DEFAULT_FIELDS
ATOM_NS = "http://www.w3.org/2005/Atom"


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
        sources = ", ".join(hit.get("sources") or ([hit["source"]] if hit.get("source") else []))
        meta = " · ".join(x for x in (hit.get("place"), sources) if x)
        sub(entry, "summary", " — ".join(x for x in (meta, summary) if x), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def export_max() -> int:
    """The operator's row limit (OSCE_EXPORT_MAX), read from the app's config."""
    return int(current_app.config.get("OSCE_EXPORT_MAX", export.DEFAULT_EXPORT_MAX))


def build_export(params: SearchParams) -> tuple[dict, list]:
    """The search's query with every filter applied, and its order: what a walk needs."""
    from webui.interpret import search_body

    _, body = search_body(params)
    where = {"bool": {"must": [body["query"]], "filter": [body["post_filter"]]}}
    return where, [s for s in body["sort"] if s != export.TIEBREAK]


def whole_set(params: SearchParams, fmt: str) -> Response:
    """Every match of the search as one streamed file (`fmt` one of core.export.FORMATS)."""
    try:
        fields = export.fields_for(fmt, export.parse_fields(request.args.get("fields")))
    except ValueError as exc:
        raise BadParameter(f"'fields': {exc}") from None
    where, sort = build_export(params)
    walk = export.Walk(
        get_es(),
        alias(),
        where,
        sort,
        export.source_fields(fields),
        limit=export_max(),
        batch_size=int(current_app.config.get("OSCE_EXPORT_BATCH", export.BATCH_SIZE)),
    ).open()  # errors here (bad query, cluster down) are ordinary 400/503 answers
    writer = export.WRITERS[fmt](fields)
    body = export.stream(walk, writer, base_url=request.host_url)
    resp = Response(stream_with_context(body), content_type=export.MEDIA_TYPES[fmt])
    # A response never iterated (client gone before the first byte) still frees the PIT.
    resp.call_on_close(walk.close)
    resp.headers["Content-Disposition"] = f'attachment; filename="{export.filename(params.q, fmt)}"'
    resp.headers["X-Export-Total"] = str(walk.total)
    resp.headers["X-Export-Rows"] = str(walk.expected)
    resp.headers["X-Export-Truncated"] = "true" if walk.truncated else "false"
    if walk.truncated:
        resp.headers["X-Export-Limit"] = str(walk.limit)
    return resp


def whole_set_links(params: SearchParams) -> dict:
    """The search page's "all N results" links (every format) and the row limit."""
    qs = urlencode(params.to_args(page=1, size=10))
    tail = f"?{qs}" if qs else ""
    links = [
        ("CSV", url_for("api.search_csv") + (f"{tail}&all=1" if tail else "?all=1")),
        ("JSON Lines", url_for("api.search_jsonl") + tail),
        ("RIS", url_for("api.search_ris") + tail),
        ("BibTeX", url_for("api.search_bib") + tail),
    ]
    return {"links": links, "limit": export_max()}

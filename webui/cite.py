""" "Cite" on each release page: BibTeX, RIS and CSL-JSON downloads, and their JSON twin.

The formatting is core.citation's (pure functions); this module only fetches the release and
answers with the right media type and file name.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from elasticsearch import NotFoundError
from flask import Blueprint, Response, abort, jsonify, url_for

from core import citation
from core.export import web_url
from webui.es import alias, get_es

bp = Blueprint("cite", __name__)

_ID_RE = re.compile(r"^[0-9a-f]{20}$")
_FIELDS = ["title", "date", "place", "place_display", "source", "sources", "origin"]
FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def reference(doc_id: str) -> citation.Reference:
    """The release's reference (404 when there is no such release), accessed today."""
    if not _ID_RE.match(doc_id):
        abort(404, description="There is no release at this address.")
    try:
        doc = get_es().get(index=alias(), id=doc_id, source_includes=_FIELDS)
    except NotFoundError:
        abort(404, description="There is no release at this address.")
    src = doc["_source"]
    rec = {
        "id": doc_id,
        "title": src.get("title"),
        "date": src.get("date"),
        "place": src.get("place_display") or src.get("place"),
        "source": src.get("source"),
        "sources": src.get("sources"),
        "origin": web_url(src.get("origin")),
    }
    page = url_for("views.release", doc_id=doc_id, _external=True)
    return citation.Reference.from_record(rec, page, datetime.now(UTC).date())


def links(doc_id: str) -> dict[str, str]:
    """The download links the release page offers (and the twin lists)."""
    return {
        "bibtex": url_for("cite.download", doc_id=doc_id, fmt="bib"),
        "ris": url_for("cite.download", doc_id=doc_id, fmt="ris"),
        "csl_json": url_for("cite.download", doc_id=doc_id, fmt="json"),
    }


@bp.get("/release/<doc_id>/cite.<fmt>")
def download(doc_id: str, fmt: str):
    if fmt not in FORMATS:
        abort(404, description="Citations come as cite.bib, cite.ris or cite.json (CSL-JSON).")
    ref = reference(doc_id)
    if fmt == "bib":
        text = citation.bibtex(ref)
    elif fmt == "ris":
        text = citation.ris(ref)
    else:
        text = json.dumps([citation.csl_json(ref)], ensure_ascii=False, indent=2) + "\n"
    media, ext = FORMATS[fmt]
    resp = Response(text, content_type=media)
    resp.headers["Content-Disposition"] = f'attachment; filename="osce-{doc_id}.{ext}"'
    return resp


@bp.get("/api/release/<doc_id>/cite")
def twin(doc_id: str):
    """All three formats in one JSON answer (`csl_json` is a CSL-JSON array of one item)."""
    ref = reference(doc_id)
    return jsonify(
        {
            "id": doc_id,
            "bibtex": citation.bibtex(ref),
            "ris": citation.ris(ref),
            "csl_json": [citation.csl_json(ref)],
            "links": links(doc_id),
        }
    )

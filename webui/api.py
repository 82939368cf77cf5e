"""The JSON API (DESIGN.md §4): thin views over service and params, plus the exports.

`/api/search` pages with a signed `next` cursor past the 10,000-hit window; `.csv?all=1`,
`.jsonl`, `.ris` and `.bib` stream every match (webui.exports).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, request, url_for

from webui import cursor, exports, service
from webui.params import parse_query, parse_search

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    params = parse_search(request.args)
    token = request.args.get("cursor")
    if token:
        return jsonify(cursor.page(params, cursor.decode(token, params)))
    return jsonify(service.search(params))


_TRUE = ("1", "true", "yes", "on")


@bp.get("/search.csv")
def search_csv():
    """The same search as /api/search, one CSV row per hit; `all=1`: every match, streamed."""
    params = parse_search(request.args)
    if (request.args.get("all") or "").lower() in _TRUE:
        return exports.whole_set(params, "csv")
    data = service.search(params)
    resp = Response(exports.to_csv(data, request.host_url), mimetype="text/csv")
    resp.headers["Content-Disposition"] = 'attachment; filename="osce-search.csv"'
    return resp


@bp.get("/search.jsonl")
def search_jsonl():
    """Every match as JSON Lines, one release per line (pandas: read_json(lines=True))."""
    return exports.whole_set(parse_search(request.args), "jsonl")


@bp.get("/search.ris")
def search_ris():
    """Every match as RIS records, for reference managers (Zotero, EndNote)."""
    return exports.whole_set(parse_search(request.args), "ris")


@bp.get("/search.bib")
def search_bib():
    """Every match as BibTeX entries."""
    return exports.whole_set(parse_search(request.args), "bibtex")


@bp.get("/search.atom")
def search_atom():
    """The same search as an Atom feed, always newest first, so a saved query can be followed."""
    params = replace(parse_search(request.args), sort="newest")
    data = service.search(params)
    qs = urlencode(params.to_args(page=1))
    title = f"OSCE press releases: {params.q}" if params.q else "OSCE press releases"
    body = exports.to_atom(
        data,
        title=title,
        self_url=request.url,
        page_url=url_for("views.index", _external=True) + (f"?{qs}" if qs else ""),
        base_url=request.host_url,
    )
    return Response(body, mimetype="application/atom+xml")


@bp.get("/suggest")
def suggest():
    return jsonify(
        {"q": request.args.get("q", ""), "suggestions": service.suggest(request.args.get("q", ""))}
    )


@bp.get("/release/<doc_id>")
def release(doc_id: str):
    data = service.release(doc_id, parse_query(request.args))
    if data is None:
        abort(404, description="no release with this id")
    data["related"] = service.related(doc_id, data)
    return jsonify(data)

"""The JSON API (DESIGN.md §4): thin views over service and params, plus CSV and Atom exports."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, request, url_for

from webui import exports, service
from webui.params import parse_query, parse_search

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    return jsonify(service.search(parse_search(request.args)))


@bp.get("/search.csv")
def search_csv():
    """The same search as /api/search, one CSV row per hit."""
    data = service.search(parse_search(request.args))
    resp = Response(exports.to_csv(data, request.host_url), mimetype="text/csv")
    resp.headers["Content-Disposition"] = 'attachment; filename="osce-search.csv"'
    return resp


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

"""HTML pages, rendered from the same data as their JSON twins."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request

from webui import service
from webui.facets import FACETS
from webui.params import parse_search

bp = Blueprint("views", __name__)


@bp.get("/")
def index():
    params = parse_search(request.args)
    data = service.search(params)
    return render_template("search.html", params=params, data=data, facets=FACETS)


@bp.get("/release/<doc_id>")
def release(doc_id: str):
    q = request.args.get("q", "")[:256]
    data = service.release(doc_id, q)
    if data is None:
        abort(404, description="There is no release at this address.")
    return render_template("release.html", doc=data, q=q, related=service.related(doc_id))


@bp.get("/healthz")
def healthz():
    ok, status = service.health()
    return jsonify({"status": "ok" if ok else "unavailable", "elasticsearch": status}), (
        200 if ok else 503
    )

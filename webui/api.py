"""The JSON API (DESIGN.md §4): thin views over service and params."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request

from webui import service
from webui.params import parse_search

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    return jsonify(service.search(parse_search(request.args)))


@bp.get("/suggest")
def suggest():
    return jsonify(
        {"q": request.args.get("q", ""), "suggestions": service.suggest(request.args.get("q", ""))}
    )


@bp.get("/release/<doc_id>")
def release(doc_id: str):
    data = service.release(doc_id, request.args.get("q", "")[:256])
    if data is None:
        abort(404, description="no release with this id")
    data["related"] = service.related(doc_id)
    return jsonify(data)

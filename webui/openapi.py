"""`GET /api/openapi.json`: the JSON API described as OpenAPI 3.1 (DESIGN.md §4).

The description is written here by hand, next to nothing else, so it reads as documentation; only
operations the running app actually routes are served, and a test checks that every `/api/` route
is described (docs coverage, as in Datasette). Schemathesis fuzzes the API from this file.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify

from core import schema
from webui.facets import FACETS
from webui.params import MAX_QUERY_CHARS, MAX_SIZE, MAX_WINDOW, SORTS

bp = Blueprint("openapi", __name__, url_prefix="/api")

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
}
_ERRORS = {
    "400": {
        "description": "A parameter is invalid; the message says which and why.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "429": {
        "description": "Too many requests from this client (see Retry-After).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "503": {
        "description": "Elasticsearch is unreachable, overloaded or timed out (see Retry-After).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
}


def _param(name: str, schema: dict, description: str, **extra: Any) -> dict:
    return {"name": name, "in": "query", "schema": schema, "description": description, **extra}


SEARCH_PARAMS = [
    _param(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_CHARS},
        f"Words to find (plain text, not query syntax; at most {MAX_QUERY_CHARS} characters). "
        "Empty lists everything, newest first.",
    ),
    _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_WINDOW}, "Page, from 1."),
    _param("size", {"type": "integer", "minimum": 1, "maximum": MAX_SIZE}, "Hits per page."),
    _param("sort", {"type": "string", "enum": list(SORTS)}, "Order of the hits."),
    _param(
        "recency",
        {"type": "string", "enum": ["on", "off"]},
        "Relevance order's small tie-break towards recent releases (default on).",
    ),
    _param("from", {"type": "string", "format": "date"}, "Earliest date, YYYY-MM-DD."),
    _param("to", {"type": "string", "format": "date"}, "Latest date, YYYY-MM-DD."),
    *[
        _param(
            f.key,
            {"type": "array", "items": {"type": "string", "maxLength": MAX_QUERY_CHARS}},
            f"{f.label} filter; repeat for several values (any of them matches).",
            style="form",
            explode=True,
        )
        for f in FACETS
    ],
]

_HIT = {
    "type": "object",
    "required": ["id", "title", "url", "highlight"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": ["string", "null"]},
        "date": {"type": ["string", "null"]},
        "place": {"type": ["string", "null"]},
        "source": {"type": ["string", "null"]},
        "fields_of_work": {"type": "array", "items": {"type": "string"}},
        "countries": {"type": "array", "items": {"type": "string"}},
        "url": {"type": "string"},
        "score": {"type": ["number", "null"]},
        "highlight": {
            "type": "object",
            "description": "HTML-escaped fragments with <mark> tags only.",
            "properties": {
                "title": {"type": "array", "items": {"type": "string"}},
                "body": {"type": "array", "items": {"type": "string"}},
            },
        },
    },
}
_FACET_VALUE = {
    "type": "object",
    "required": ["value", "count", "selected"],
    "properties": {
        "value": {"type": "string"},
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
    },
}
_SEARCH = {
    "type": "object",
    "required": [
        "total",
        "took_ms",
        "page",
        "size",
        "hits",
        "facets",
        "suggestion",
        "partial",
    ],  # fmt: skip
    "properties": {
        "total": {"type": "integer"},
        "took_ms": {"type": ["integer", "null"]},
        "page": {"type": "integer"},
        "size": {"type": "integer"},
        "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
        "facets": {
            "type": "object",
            "properties": {
                f.key: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                for f in FACETS
            },
        },
        "suggestion": {"type": ["string", "null"]},
        "partial": {
            "type": "boolean",
            "description": "True when some shards failed or timed out: hits and counts are "
            "then approximate.",
        },
        "partial_reason": {"type": ["string", "null"], "description": "Why, when partial."},
    },
}


def _get(summary: str, params: list[dict], content: dict, **more: Any) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {"200": {"description": "OK", "content": content}, **_ERRORS, **more},
        }
    }


#: Every /api/ operation of DESIGN.md §4, keyed by OpenAPI path.
PATHS: dict[str, dict] = {
    "/api/search": _get(
        "Search releases, with facets and highlights",
        SEARCH_PARAMS,
        {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}},
    ),
    "/api/search.csv": _get(
        "The same search as CSV, one row per hit", SEARCH_PARAMS, {"text/csv": {}}
    ),
    "/api/search.atom": _get(
        "The same search as an Atom feed of the newest matches",
        SEARCH_PARAMS,
        {"application/atom+xml": {}},
    ),
    "/api/suggest": _get(
        "Title completions for what has been typed",
        [_param("q", {"type": "string"}, "The prefix typed so far.")],
        {"application/json": {"schema": {"type": "object"}}},
    ),
    "/api/release/{doc_id}": _get(
        "One release as JSON, with related releases",
        [
            {
                "name": "doc_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
                "description": f"Release id ({schema.ID_CHARS} hex digits).",
            },
            _param(
                "q",
                {"type": "string", "maxLength": MAX_QUERY_CHARS},
                "Words to highlight in the full text.",
            ),
        ],
        {"application/json": {"schema": {"type": "object"}}},
        **{
            "404": {
                "description": "No release with this id.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    ),
    "/api/openapi.json": _get(
        "This description", [], {"application/json": {"schema": {"type": "object"}}}
    ),
}


def flask_rule(path: str) -> str:
    """`/api/release/{doc_id}` -> `/api/release/<doc_id>` (how Flask spells the same route)."""
    return path.replace("{", "<").replace("}", ">")


def spec(routes: set[str] | None = None) -> dict:
    """The OpenAPI document, limited to the given Flask routes when known."""
    paths = {p: v for p, v in PATHS.items() if routes is None or flask_rule(p) in routes}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "osce-search API",
            "version": "1",
            "description": "Full-text search over OSCE press releases. Read-only; "
            "rate-limited per client (429 with Retry-After).",
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": _ERROR,
                "Hit": _HIT,
                "FacetValue": _FACET_VALUE,
                "SearchResult": _SEARCH,
            }
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    routes = {r.rule for r in current_app.url_map.iter_rules()}
    return jsonify(spec(routes))

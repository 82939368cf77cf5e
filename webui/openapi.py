"""`GET /api/openapi.json`: the JSON API described as OpenAPI 3.1 (DESIGN.md §4).

The description is written here by hand, next to nothing else, so it reads as documentation; only
operations the running app actually routes are served, and a test checks that every `/api/` route
is described (docs coverage, as in Datasette). Schemathesis fuzzes the API from this file.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify

from core import export, schema
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
        f"What to find, at most {MAX_QUERY_CHARS} characters; empty lists everything, newest "
        "first. Words combine with AND (one or two all, half of three or more); "
        '`"exact phrase"` (in order, no synonyms or typo tolerance); `-word` and `-"phrase"` '
        "leave out; `OR` between words or `( )` groups; `prefix*`; `title:` and `body:` "
        "restrict where words match; `source:` `country:` `place:` `type:` `field:` (quoted "
        'values allowed: `source:"Mission to Serbia"`) are the facet filters; a year (`2017`), '
        "a range (`2015-2017`, `2015..2017`), `since 2020`, `before 2010`, `in 2019` restrict "
        "dates when the rest finds releases then (else favour them). Broken syntax is read as "
        "words, never an error. The answer's `understood` says what was taken from q. See /help.",
    ),
    _param(
        "years",
        {"type": "string", "enum": ["query", "all"]},
        "`all`: years typed in q only favour their releases, never restrict (default query).",
    ),
    _param(
        "correct",
        {"type": "string", "enum": ["on", "off"]},
        "`off`: run q as typed, never a spelling correction (the correction is then offered "
        "as `suggestion`).",
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

CURSOR_PARAM = _param(
    "cursor",
    {"type": "string", "maxLength": 4096},
    "The `next` value of the previous page: the page after it (`page` is then ignored). Send "
    "it with the same q, filters, dates and sort, or it is refused (400); a cursor unused for "
    "5 minutes has expired (410). Cursors reach past the 10,000-hit window.",
)
FIELDS_PARAM = _param(
    "fields",
    {"type": "string", "pattern": f"^({'|'.join(export.FIELDS)})(,({'|'.join(export.FIELDS)}))*$"},
    "Comma-separated columns, in order, from: "
    + ", ".join(export.FIELDS)
    + f" (default: {', '.join(export.DEFAULT_FIELDS)}; `body` is the full text).",
)
ALL_PARAM = _param(
    "all",
    {"type": "string", "enum": ["0", "1"]},
    "1: every match (streamed, at most OSCE_EXPORT_MAX rows) instead of this page.",
)
_EXPORT_HEADERS = {
    "Content-Disposition": {
        "description": "attachment; a file name made from the query",
        "schema": {"type": "string"},
    },
    "X-Export-Total": {"description": "Matching releases", "schema": {"type": "integer"}},
    "X-Export-Rows": {"description": "Rows this file will hold", "schema": {"type": "integer"}},
    "X-Export-Truncated": {
        "description": "true when OSCE_EXPORT_MAX cut the file (its last line says so too)",
        "schema": {"type": "string", "enum": ["true", "false"]},
    },
}

#: /api/trends: repeatable `q` (one series each, 1 to 5), `measure`, and the search's filters.
TREND_PARAMS = [
    _param(
        "q",
        {
            "type": "array",
            "items": {"type": "string", "maxLength": MAX_QUERY_CHARS},
            "minItems": 1,
            "maxItems": 5,
        },
        "One series per value (query syntax as in /api/search); 1 to 5 of them.",
        style="form",
        explode=True,
        required=True,
    ),
    _param(
        "measure",
        {"type": "string", "enum": ["count", "share"]},
        "Releases per year (count) or the share of that year's releases (share).",
    ),
    *[
        p
        for p in SEARCH_PARAMS
        if p["name"] in ("from", "to") or p["name"] in {f.key for f in FACETS}
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
        "sources": {"type": "array", "items": {"type": "string"}},
        "closed_sources": {"type": "array", "items": {"type": "string"}},
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
        "suggestion": {
            "type": ["string", "null"],
            "description": "Did you mean: a correction offered, not run (with correct=off).",
        },
        "corrected": {
            "type": ["string", "null"],
            "description": "The query actually run when it differs from q: a spelling "
            "correction, or q with a clause dropped when nothing matched all of it.",
        },
        "understood": {
            "type": ["object", "null"],
            "description": "What the parser took from q (null for an empty q).",
            "properties": {
                "words": {"type": "array", "items": {"type": "string"}},
                "phrases": {"type": "array", "items": {"type": "string"}},
                "excluded": {"type": "array", "items": {"type": "string"}},
                "any_of": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": "string"}},
                },
                "prefixes": {"type": "array", "items": {"type": "string"}},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                "filters": {
                    "type": "object",
                    "description": "Facet prefixes, as the facet values they stand for.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                "dates": {
                    "type": ["object", "null"],
                    "properties": {
                        "text": {"type": "string"},
                        "from": {"type": ["string", "null"]},
                        "to": {"type": ["string", "null"]},
                        "applied": {"type": "string", "enum": ["filter", "boost"]},
                    },
                },
                "correction": {"type": ["string", "null"], "enum": ["spelling", "relaxed", None]},
                "dropped": {"type": "array", "items": {"type": "string"}},
            },
        },
        "next": {
            "type": ["string", "null"],
            "description": "Opaque cursor for the page after this one (pass it as `cursor`); "
            "null on the last page.",
        },
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


def _export(summary: str, media: str) -> dict:
    op = _get(
        summary + "; at most OSCE_EXPORT_MAX rows (a cut file ends with a line saying so)",
        [*SEARCH_PARAMS, FIELDS_PARAM],
        {media: {}},
    )
    op["get"]["responses"]["200"]["headers"] = _EXPORT_HEADERS
    return op


#: Every /api/ operation of DESIGN.md §4, keyed by OpenAPI path.
PATHS: dict[str, dict] = {
    "/api/search": _get(
        "Search releases, with facets and highlights; `next` pages on past 10,000 hits",
        [*SEARCH_PARAMS, CURSOR_PARAM],
        {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}},
        **{
            "410": {
                "description": "The cursor's point-in-time expired: start the search again.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    ),
    "/api/search.csv": _get(
        "The same search as CSV, one row per hit; all=1: every match, streamed",
        [*SEARCH_PARAMS, ALL_PARAM, FIELDS_PARAM],
        {"text/csv": {}},
    ),
    "/api/search.jsonl": _export(
        "Every match as JSON Lines (one release per line), streamed", "application/jsonl"
    ),
    "/api/search.ris": _export(
        "Every match as RIS records (reference managers)", "application/x-research-info-systems"
    ),
    "/api/search.bib": _export("Every match as BibTeX entries", "application/x-bibtex"),
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
    "/api/release/{doc_id}/cite": _get(
        "How to cite one release: BibTeX, RIS and CSL-JSON (with download links)",
        [
            {
                "name": "doc_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "pattern": "^[0-9a-f]{20}$"},
                "description": "Release id (20 hex digits).",
            }
        ],
        {"application/json": {"schema": {"type": "object"}}},
        **{
            "404": {
                "description": "No release with this id.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
    ),
    "/api/trends": _get(
        "Releases per year for up to five queries (series), with the search's filters",
        TREND_PARAMS,
        {"application/json": {"schema": {"type": "object"}}},
    ),
    "/api/trends.csv": _get(
        "The same trends as CSV: series, year, count, year_total, share",
        TREND_PARAMS,
        {"text/csv": {}},
    ),
    "/api/country/{name}": _get(
        "One participating State: releases per year, top sources, fields, places, latest",
        [
            {
                "name": "name",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1, "maxLength": 100},
                "description": "Canonical name of a participating State (e.g. North Macedonia).",
            }
        ],
        {"application/json": {"schema": {"type": "object"}}},
        **{
            "404": {
                "description": "Not a participating State.",
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

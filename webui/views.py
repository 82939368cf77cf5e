"""HTML pages, rendered from the same data as their JSON twins."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, jsonify, render_template, request, url_for

from webui import exports, page, service
from webui import map as statemap
from webui.params import SORTS, parse_query, parse_search

bp = Blueprint("views", __name__)


@bp.get("/")
def index():
    params, data = service.search_with_state(parse_search(request.args))
    qs = urlencode(params.to_args())
    return render_template(
        "search.html",
        params=params,
        data=data,
        groups=page.facet_groups(params, data),
        chips=page.chips(params),
        clear_all=page.clear_all_href(params),
        pager=page.pager(params, data["total"]),
        chart=page.year_chart(params, data["histogram"]),
        map=statemap.for_search(params, data),
        over_time=url_for("explore.trends_page")
        + "?"
        + urlencode(params.to_args(page=1, sort=None)),
        hidden=page.hidden_state,
        href=page.href,
        edges=page.snippet_edges,
        sorts=SORTS,
        twin=url_for("api.search") + (f"?{qs}" if qs else ""),
        csv=url_for("api.search_csv") + (f"?{qs}" if qs else ""),
        atom=url_for("api.search_atom") + (f"?{qs}" if qs else ""),
        whole=exports.whole_set_links(params),
    )


@bp.get("/release/<doc_id>")
def release(doc_id: str):
    q = parse_query(request.args)
    data = service.release(doc_id, q)
    if data is None:
        abort(404, description="There is no release at this address.")
    twin = url_for("api.release", doc_id=doc_id, **({"q": q} if q else {}))
    return render_template(
        "release.html", doc=data, q=q, related=service.related(doc_id, data), twin=twin
    )


@bp.get("/healthz")
def healthz():
    """Liveness: the process answers. No Elasticsearch call (see webui/readiness.py)."""
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    """Readiness: cluster reachable, alias present, mapping version expected, index age."""
    ok, checks = service.readiness()
    resp = jsonify({"status": "ready" if ok else "not ready", "checks": checks})
    resp.status_code = 200 if ok else 503
    if not ok:
        resp.headers["Retry-After"] = "5"
    return resp

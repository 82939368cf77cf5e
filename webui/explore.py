"""Trends over time and the per-country pages: HTML views and their JSON (and CSV) twins."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, url_for

from webui import charts, country, page, trends
from webui import map as statemap
from webui.es import alias, get_es

bp = Blueprint("explore", __name__)


def _trends_data(params: trends.TrendParams) -> dict:
    if not params.series:
        return trends.trends_json({}, params)
    resp = get_es().search(index=alias(), body=trends.build_trends(params))
    return trends.trends_json(resp.body, params)


def _qs(pairs: list[tuple[str, str]]) -> str:
    return f"?{urlencode(pairs)}" if pairs else ""


@bp.get("/trends")
def trends_page():
    params = trends.parse_trends(request.args, strict=False)
    data = _trends_data(params)
    qs = _qs(params.to_args())
    slots = [*params.series, *[""] * (trends.MAX_SERIES - len(params.series))]
    return render_template(
        "trends.html",
        params=params,
        data=data,
        chart=charts.line_chart(data),
        slots=slots,
        chips=trends.filter_chips(params),
        hidden=[(k, v) for k, v in params.to_args(series=[], measure="count")],
        measure_href={
            m: url_for("explore.trends_page") + _qs(params.to_args(measure=m))
            for m in trends.MEASURES
        },
        twin=url_for("explore.trends_api") + qs,
        csv=url_for("explore.trends_csv") + qs,
    )


@bp.get("/api/trends")
def trends_api():
    return jsonify(_trends_data(trends.parse_trends(request.args, strict=True)))


@bp.get("/api/trends.csv")
def trends_csv():
    """The points of the chart, one row per series and year."""
    data = _trends_data(trends.parse_trends(request.args, strict=True))
    resp = Response(trends.to_csv(data), mimetype="text/csv")
    resp.headers["Content-Disposition"] = 'attachment; filename="osce-trends.csv"'
    return resp


def _country(name: str) -> tuple[str, dict]:
    canonical = statemap.canonical_state(name)
    if canonical is None:
        abort(404, description=f"“{name[:80]}” is not one of the 57 OSCE participating States.")
    resp = get_es().search(index=alias(), body=country.build_country(canonical))
    return canonical, country.country_json(resp.body, canonical)


@bp.get("/country/<name>")
def country_page(name: str):
    canonical, data = _country(name)
    if canonical != name:
        return redirect(url_for("explore.country_page", name=canonical), code=301)
    params = country.country_params(canonical)
    histogram = [{"year": y["year"], "count": y["count"]} for y in data["years"]]
    return render_template(
        "country.html",
        data=data,
        chart=page.year_chart(params, histogram),
        twin=url_for("explore.country_api", name=canonical),
    )


@bp.get("/api/country/<name>")
def country_api(name: str):
    return jsonify(_country(name)[1])

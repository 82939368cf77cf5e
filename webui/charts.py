"""Line charts drawn server-side as SVG: pure geometry from the trends JSON, no I/O.

Like the search page's year histogram, every mark is a link (a point opens the search for that
series and year), shapes carry a `<title>`, and colours and dashes are CSS classes (`series-N`),
so the chart works without JavaScript and under a CSP that allows no inline style.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 280
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 16, 12, 28
#: At most this many year labels on the x axis.
MAX_X_LABELS = 10


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: str
    value: float
    href: str
    label: str


@dataclass(frozen=True)
class Line:
    index: int
    name: str
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    summary: str


def _value_label(value: float, share: bool) -> str:
    return f"{value:.1%}" if share else f"{int(value):,}"


def _nice_top(top: float, share: bool) -> float:
    """A round upper bound for the y axis: 1, 2 or 5 times a power of ten."""
    if top <= 0:
        return 0.01 if share else 1
    power = 10 ** math.floor(math.log10(top))
    return next(f * power for f in (1, 2, 5, 10) if top <= f * power * (1 + 1e-9))


def line_chart(data: dict) -> LineChart | None:
    """The trends JSON as lines of points; None when there is no year to draw."""
    share = data["measure"] == "share"
    years = [y["year"] for y in data["years"]]
    if not years or not data["series"]:
        return None
    left, top, right, bottom = PAD_LEFT, PAD_TOP, WIDTH - PAD_RIGHT, HEIGHT - PAD_BOTTOM
    values = [p["share" if share else "count"] for s in data["series"] for p in s["points"]]
    y_top = _nice_top(max(values, default=0), share)
    step = (right - left) / max(1, len(years) - 1)
    totals = {y["year"]: y["total"] for y in data["years"]}

    def x_of(i: int) -> float:
        return round(left + (i * step if len(years) > 1 else (right - left) / 2), 1)

    def y_of(v: float) -> float:
        return round(bottom - (bottom - top) * v / y_top, 1)

    lines = []
    for n, s in enumerate(data["series"]):
        points = []
        for i, p in enumerate(s["points"]):
            value = p["share"] if share else p["count"]
            label = (
                f"“{s['q']}”, {p['year']}: {p['count']:,} release{'' if p['count'] == 1 else 's'}"
                f" ({p['share']:.1%} of {totals[p['year']]:,})"
            )
            points.append(Point(x_of(i), y_of(value), p["year"], value, p["search"], label))
        lines.append(Line(n, s["q"], points))
    every = max(1, -(-len(years) // MAX_X_LABELS))
    x_ticks = [Tick(x_of(i), y) for i, y in enumerate(years) if i % every == 0]
    if len(years) > 1 and (len(years) - 1) % every:
        x_ticks.append(Tick(x_of(len(years) - 1), years[-1]))
    fractions = (0, 0.5, 1) if share or y_top % 2 == 0 else (0, 1)
    y_ticks = [Tick(y_of(y_top * f), _value_label(y_top * f, share)) for f in fractions]
    measure = "share of each year's releases" if share else "releases per year"
    summary = (
        f"Line chart of {measure}, {years[0]} to {years[-1]}, for "
        + "; ".join(f"“{s['q']}” ({s['total']:,} in all)" for s in data["series"])
        + ". Each point links to the search for that query and year; the table below holds the"
        " same numbers."
    )
    return LineChart(WIDTH, HEIGHT, lines, x_ticks, y_ticks, (left, top, right, bottom), summary)

"""The map facet: a choropleth of the participating States, drawn server-side as SVG links.

Pure functions over the geometry `make map-data` commits (static/map/participating-states.json)
and the `country` facet's counts, so the map and the checkbox list can never disagree: each State
links to the same toggle URL as its checkbox. Shades are CSS classes (the CSP allows no inline
style), and the State names in the file are the gazetteer's canonical names.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from webui import page
from webui.params import SearchParams

MAP_FILE = Path(__file__).parent / "static" / "map" / "participating-states.json"
#: Shade classes `shade-1` .. `shade-5` (0 = no matching release).
SHADES = 5
#: Radius of the dot that stands for a State too small to see (Andorra, Monaco, Malta...).
DOT_RADIUS = 4.5
#: States listed in the ranked list that replaces the map on a phone.
RANKED = 12


@lru_cache(maxsize=1)
def geometry() -> dict:
    """The committed geometry, read once per process."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def state_names() -> list[str]:
    """The 57 participating States, by their canonical names."""
    return sorted(geometry()["states"])


def canonical_state(name: str) -> str | None:
    """The canonical name for `name` (any case), or None if it is not a participating State."""
    folded = name.strip().casefold()
    return next((n for n in geometry()["states"] if n.casefold() == folded), None)


def shade_bounds(top: int) -> list[int]:
    """Upper bounds of the shade classes for counts 1..top, in geometric steps (few releases
    about most States, many about a few: equal steps would leave most of the map one colour)."""
    if top <= 0:
        return []
    return sorted({max(1, math.ceil(top ** (i / SHADES))) for i in range(1, SHADES + 1)})


def shade(count: int, bounds: list[int]) -> int:
    if count <= 0:
        return 0
    return next(i for i, bound in enumerate(bounds, start=1) if count <= bound)


def releases(count: int) -> str:
    return f"{count:,} release{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Shape:
    name: str
    d: str
    dot: tuple[float, float] | None
    count: int
    shade: int
    href: str | None  # None: no release to filter to, so not a link
    selected: bool
    label: str


@dataclass(frozen=True)
class LegendStep:
    shade: int
    label: str


@dataclass(frozen=True)
class Panel:
    name: str
    x: float
    y: float
    width: float
    height: float
    land: str
    inset: bool


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    panels: list[Panel]
    partners: list[tuple[str, str, str]]  # (name, panel, path)
    shapes: dict[str, list[Shape]]  # by panel, dots last so they sit on top
    legend: list[LegendStep]
    ranked: list[Shape]
    summary: str
    dot_radius: float = DOT_RADIUS


def _legend(bounds: list[int]) -> list[LegendStep]:
    steps = [LegendStep(0, "none")]
    low = 1
    for i, high in enumerate(bounds, start=1):
        steps.append(LegendStep(i, f"{low:,}" if low == high else f"{low:,}–{high:,}"))
        low = high + 1
    return steps


def choropleth(counts: dict[str, int], selected: set[str], toggle: Callable[[str], str]) -> MapView:
    """The map for one search: `counts` from the country facet, `toggle(name)` its URL builder."""
    geo = geometry()
    top = max((counts.get(n, 0) for n in geo["states"]), default=0)
    bounds = shade_bounds(top)
    shapes: dict[str, list[Shape]] = {p["name"]: [] for p in geo["panels"]}
    for name in sorted(geo["states"], key=lambda n: ("dot" in geo["states"][n], n)):
        state = geo["states"][name]
        count = counts.get(name, 0)
        chosen = name in selected
        label = f"{name}: {releases(count)}" + (", selected (choose to remove)" if chosen else "")
        shapes[state["panel"]].append(
            Shape(
                name=name,
                d=state["d"],
                dot=tuple(state["dot"]) if "dot" in state else None,
                count=count,
                shade=shade(count, bounds),
                href=toggle(name) if count or chosen else None,
                selected=chosen,
                label=label,
            )
        )
    land = {entry["panel"]: entry["d"] for entry in geo["land"]}
    panels = [
        Panel(p["name"], p["x"], p["y"], p["width"], p["height"], land.get(p["name"], ""), i > 0)
        for i, p in enumerate(geo["panels"])
    ]
    partners = [
        (name, panel, d)
        for name, by_panel in geo["partners"].items()
        for panel, d in by_panel.items()
    ]
    every = [s for panel in shapes.values() for s in panel]
    ranked = sorted((s for s in every if s.count or s.selected), key=lambda s: (-s.count, s.name))
    with_any = sum(1 for s in every if s.count)
    summary = (
        f"Map of the {len(every)} participating States shaded by matching releases: "
        f"{with_any} with at least one, most about one State: {top:,}. "
        "Choose a State to filter the results to it."
    )
    return MapView(
        width=geo["width"],
        height=geo["height"],
        panels=panels,
        partners=partners,
        shapes=shapes,
        legend=_legend(bounds),
        ranked=ranked[:RANKED],
        summary=summary,
    )


def for_search(params: SearchParams, data: dict) -> MapView | None:
    """The search page's map: the `country` facet's counts and toggle links, or None when
    nothing matches and no State is chosen (an all-grey map says nothing)."""
    chosen = set(params.filters.get("country", []))
    if not data["total"] and not chosen:
        return None
    counts = {v["value"]: v["count"] for v in data["facets"].get("country", [])}
    return choropleth(counts, chosen, lambda name: page.toggle_href(params, "country", name))

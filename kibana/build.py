"""Writes kibana/osce-releases.ndjson: the saved objects for exploring the index in Kibana.

The NDJSON is what Kibana imports (`python -m indexer kibana-import`), but Lens states and
dashboard panels are JSON inside JSON strings and unreadable by hand; this script is the
reviewable source. Run it (`make kibana-objects`) after changing it; a test checks the committed
file is up to date. Objects use the Kibana 8.x export format, which Kibana 9 migrates on import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "osce-releases.ndjson"

#: The alias (core.schema.ALIAS); `kibana-import --alias` rewrites it on the way.
ALIAS = "osce-releases"
DATA_VIEW_ID = "osce-releases"
SEARCH_ID = "osce-releases-discover"
DASHBOARD_ID = "osce-releases-overview"
#: Releases go back to the OSCE's founding (1995) and its CSCE predecessor; open wide.
TIME_FROM, TIME_TO = "now-40y", "now"

CORE_MIGRATION = "8.8.0"
#: Versions of the 8.x export format each type is written in (Kibana migrates from there).
TYPE_MIGRATION = {
    "index-pattern": "8.0.0",
    "search": "8.0.0",
    "lens": "8.9.0",
    "dashboard": "8.9.0",
}

#: Display names for fields, shown in Discover, Lens and filters.
FIELD_LABELS = {
    "title": "Title",
    "place_display": "Place",
    "places": "Place (each city)",
    "source": "Source (first)",
    "sources": "Sources",
    "closed_sources": "Closed offices",
    "fields_of_work": "Fields of work",
    "countries": "Participating States",
    "date": "Date",
    "year": "Year",
    "type": "Type",
}

LAYER = "layer1"
COUNT = {
    "label": "Releases",
    "customLabel": True,
    "dataType": "number",
    "operationType": "count",
    "isBucketed": False,
    "scale": "ratio",
    "sourceField": "___records___",
    "params": {"emptyAsNull": True},
}


def saved_object(kind: str, obj_id: str, attributes: dict, references: list[dict]) -> dict:
    """One line of the NDJSON, in the shape Kibana's export API writes."""
    return {
        "attributes": attributes,
        "coreMigrationVersion": CORE_MIGRATION,
        "id": obj_id,
        "managed": False,
        "references": references,
        "type": kind,
        "typeMigrationVersion": TYPE_MIGRATION[kind],
    }


def data_view() -> dict:
    """The data view on the alias, with `date` as its time field."""
    attrs = {
        "title": ALIAS,
        "name": "OSCE press releases",
        "timeFieldName": "date",
        "allowNoIndex": False,
        "fieldAttrs": json.dumps({f: {"customLabel": label} for f, label in FIELD_LABELS.items()}),
        "fieldFormatMap": "{}",
        "runtimeFieldMap": "{}",
        "sourceFilters": "[]",
        "fields": "[]",
    }
    return saved_object("index-pattern", DATA_VIEW_ID, attrs, [])


def discover_search() -> dict:
    """A saved Discover search: newest releases first, with title, place, source, fields of work."""
    source = {
        "query": {"query": "", "language": "kuery"},
        "filter": [],
        "highlightAll": True,
        "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
    }
    attrs = {
        "title": "OSCE releases: title, place, source, fields of work",
        "description": "Every release, newest first. Filter by place, field of work or State.",
        "columns": ["title", "place_display", "sources", "fields_of_work"],
        "sort": [["date", "desc"]],
        "grid": {},
        "hideChart": False,
        "isTextBasedQuery": False,
        "timeRestore": True,
        "timeRange": {"from": TIME_FROM, "to": TIME_TO},
        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)},
    }
    refs = [
        {
            "id": DATA_VIEW_ID,
            "name": "kibanaSavedObjectMeta.searchSourceJSON.index",
            "type": "index-pattern",
        }
    ]
    return saved_object("search", SEARCH_ID, attrs, refs)


def terms_column(field: str, label: str, size: int) -> dict:
    """A Lens `terms` bucket: the top `size` values of a keyword field by number of releases."""
    return {
        "label": label,
        "customLabel": True,
        "dataType": "string",
        "operationType": "terms",
        "sourceField": field,
        "isBucketed": True,
        "scale": "ordinal",
        "params": {
            "size": size,
            "orderBy": {"type": "column", "columnId": "count"},
            "orderDirection": "desc",
            "otherBucket": False,
            "missingBucket": False,
            "parentFormat": {"id": "terms"},
        },
    }


def year_column() -> dict:
    """A Lens yearly `date_histogram` on the release date."""
    return {
        "label": "Year",
        "customLabel": True,
        "dataType": "date",
        "operationType": "date_histogram",
        "sourceField": "date",
        "isBucketed": True,
        "scale": "interval",
        "params": {"interval": "y", "includeEmptyRows": True, "dropPartials": False},
    }


def lens_bar(obj_id: str, title: str, description: str, bucket: dict, horizontal: bool) -> dict:
    """A Lens bar chart: one bucket column (x) against the number of releases (y)."""
    series = "bar_horizontal" if horizontal else "bar"
    state = {
        "datasourceStates": {
            "formBased": {
                "layers": {
                    LAYER: {
                        "columnOrder": ["bucket", "count"],
                        "columns": {"bucket": bucket, "count": COUNT},
                        "incompleteColumns": {},
                        "sampling": 1,
                    }
                }
            }
        },
        "filters": [],
        "query": {"query": "", "language": "kuery"},
        "internalReferences": [],
        "adHocDataViews": {},
        "visualization": {
            "legend": {"isVisible": False, "position": "right"},
            "valueLabels": "show" if horizontal else "hide",
            "preferredSeriesType": series,
            "layers": [
                {
                    "layerId": LAYER,
                    "layerType": "data",
                    "seriesType": series,
                    "xAccessor": "bucket",
                    "accessors": ["count"],
                }
            ],
        },
    }
    attrs = {
        "title": title,
        "description": description,
        "visualizationType": "lnsXY",
        "state": state,
    }
    refs = [
        {
            "id": DATA_VIEW_ID,
            "name": f"indexpattern-datasource-layer-{LAYER}",
            "type": "index-pattern",
        }
    ]
    return saved_object("lens", obj_id, attrs, refs)


def visualisations() -> list[dict]:
    """Releases per year, top places, top sources, top fields of work, top participating States."""
    return [
        lens_bar(
            "osce-releases-per-year",
            "Releases per year",
            "Number of press releases published each year.",
            year_column(),
            horizontal=False,
        ),
        lens_bar(
            "osce-top-places",
            "Top places",
            "Places releases were issued from (datelines), by number of releases.",
            terms_column("places", "Place", 15),
            horizontal=True,
        ),
        lens_bar(
            "osce-top-sources",
            "Top sources",
            "Offices and institutions releases come from; a shared release counts for each.",
            terms_column("sources", "Source", 15),
            horizontal=True,
        ),
        lens_bar(
            "osce-top-fields-of-work",
            "Top fields of work",
            "The OSCE fields of work releases are filed under.",
            terms_column("fields_of_work", "Field of work", 15),
            horizontal=True,
        ),
        lens_bar(
            "osce-top-countries",
            "Top participating States",
            "Participating States named in a release's title or body.",
            terms_column("countries", "Participating State", 20),
            horizontal=True,
        ),
    ]


def dashboard(visuals: list[dict], search: dict) -> dict:
    """The overview dashboard: the four charts above the saved Discover search."""
    layout = [  # (object, x, y, w, h) on Kibana's 48-column grid
        (visuals[0], 0, 0, 48, 12),
        (visuals[1], 0, 12, 12, 16),
        (visuals[2], 12, 12, 12, 16),
        (visuals[3], 24, 12, 12, 16),
        (visuals[4], 36, 12, 12, 16),
        (search, 0, 28, 48, 20),
    ]
    panels, refs = [], []
    for n, (obj, x, y, w, h) in enumerate(layout, start=1):
        index = f"panel{n}"
        panels.append(
            {
                "version": "8.9.0",
                "type": obj["type"],
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                "panelIndex": index,
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        refs.append({"id": obj["id"], "name": f"{index}:panel_{index}", "type": obj["type"]})
    options = {
        "useMargins": True,
        "syncColors": False,
        "syncCursor": True,
        "syncTooltips": False,
        "hidePanelTitles": False,
    }
    attrs = {
        "title": "OSCE press releases: overview",
        "description": "Releases per year, top places, fields of work and participating States, "
        "and the releases themselves. Click a bar to filter every panel.",
        "panelsJSON": json.dumps(panels),
        "optionsJSON": json.dumps(options),
        "timeRestore": True,
        "timeFrom": TIME_FROM,
        "timeTo": TIME_TO,
        "refreshInterval": {"pause": True, "value": 60000},
        "version": 1,
        "kibanaSavedObjectMeta": {
            "searchSourceJSON": json.dumps(
                {"query": {"query": "", "language": "kuery"}, "filter": []}
            )
        },
    }
    return saved_object("dashboard", DASHBOARD_ID, attrs, refs)


def build() -> list[dict[str, Any]]:
    """Every object, referenced ones before the objects that reference them."""
    search = discover_search()
    visuals = visualisations()
    return [data_view(), search, *visuals, dashboard(visuals, search)]


def render(objects: list[dict]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n" for o in objects)


if __name__ == "__main__":
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(HERE.parent)} ({len(build())} objects)")

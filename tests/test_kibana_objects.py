"""The Kibana saved objects: valid NDJSON, every reference resolves, every field is in our mapping.

No Kibana needed: these read kibana/osce-releases.ndjson and compare it with indexer.schema.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from core import schema
from indexer import kibana

ROOT = Path(__file__).resolve().parent.parent
NDJSON = ROOT / "kibana" / "osce-releases.ndjson"
KNOWN_TYPES = {"index-pattern", "search", "lens", "visualization", "dashboard"}
#: Field types Kibana can aggregate on (terms, histograms); `text` cannot.
AGGREGATABLE = {"keyword", "date", "short", "integer", "long", "float", "double", "boolean"}


def mapped_fields(properties: dict, prefix: str = "") -> dict[str, str]:
    """Every field path in the mapping (multi-fields included) with its type."""
    out = {}
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        out[path] = spec.get("type", "object")
        for sub, sub_spec in spec.get("fields", {}).items():
            out[f"{path}.{sub}"] = sub_spec["type"]
        if "properties" in spec:
            out.update(mapped_fields(spec["properties"], f"{path}."))
    return out


FIELDS = mapped_fields(schema.MAPPING["properties"])


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return NDJSON.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def objects(lines) -> list[dict]:
    return [json.loads(line) for line in lines]


def by_type(objects: list[dict], kind: str) -> list[dict]:
    return [o for o in objects if o["type"] == kind]


def test_every_line_is_a_saved_object(lines):
    assert lines, "no saved objects"
    seen = set()
    for number, line in enumerate(lines, start=1):
        obj = json.loads(line)  # raises on a line that is not JSON
        assert isinstance(obj, dict), f"line {number} is not an object"
        assert obj["type"] in KNOWN_TYPES, f"line {number}: unknown type {obj['type']!r}"
        assert obj["id"] and isinstance(obj["id"], str)
        assert isinstance(obj["attributes"], dict) and obj["attributes"].get("title")
        assert isinstance(obj["references"], list)
        assert obj.get("typeMigrationVersion"), "Kibana needs the version to migrate from"
        assert (obj["type"], obj["id"]) not in seen, f"duplicate {obj['type']} {obj['id']}"
        seen.add((obj["type"], obj["id"]))


def test_the_objects_the_issue_asks_for(objects):
    assert len(by_type(objects, "index-pattern")) == 1
    assert len(by_type(objects, "search")) == 1
    assert len(by_type(objects, "dashboard")) == 1
    titles = {o["attributes"]["title"] for o in by_type(objects, "lens")}
    assert titles == {
        "Releases per year",
        "Top places",
        "Top sources",
        "Top fields of work",
        "Top participating States",
    }


def test_every_reference_resolves(objects):
    ids = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in ids, f"{obj['id']} -> missing {ref}"


def test_dashboard_panels_match_its_references(objects):
    ids = {(o["type"], o["id"]) for o in objects}
    (dash,) = by_type(objects, "dashboard")
    panels = json.loads(dash["attributes"]["panelsJSON"])
    refs = {r["name"]: r for r in dash["references"]}
    assert len(panels) == len(refs) == 6
    for panel in panels:
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        assert (ref["type"], ref["id"]) in ids
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"] and grid["x"] >= 0 and grid["x"] + grid["w"] <= 48
    shown = {r["type"] for r in refs.values()}
    assert shown == {"lens", "search"}, "the dashboard holds every chart and the saved search"
    assert json.loads(dash["attributes"]["optionsJSON"])["useMargins"] is True
    assert dash["attributes"]["timeRestore"] is True


def test_data_view_is_on_the_alias_with_date_as_time_field(objects):
    (view,) = by_type(objects, "index-pattern")
    attrs = view["attributes"]
    assert attrs["title"] == schema.ALIAS
    assert attrs["timeFieldName"] == "date" and FIELDS["date"] == "date"
    for name in json.loads(attrs["fieldAttrs"]):
        assert name in FIELDS, f"data view labels unknown field {name}"


def test_every_visualisation_uses_the_data_view_and_mapped_fields(objects):
    (view,) = by_type(objects, "index-pattern")
    for lens in by_type(objects, "lens"):
        state = lens["attributes"]["state"]
        layers = state["datasourceStates"]["formBased"]["layers"]
        refs = {r["name"]: r for r in lens["references"]}
        vis_layers = state["visualization"]["layers"]
        assert {v["layerId"] for v in vis_layers} == set(layers)
        for layer_id, layer in layers.items():
            ref = refs[f"indexpattern-datasource-layer-{layer_id}"]
            assert (ref["type"], ref["id"]) == ("index-pattern", view["id"])
            assert set(layer["columnOrder"]) == set(layer["columns"])
            for column in layer["columns"].values():
                field = column["sourceField"]
                if field == "___records___":  # Lens's name for "count of documents"
                    continue
                assert field in FIELDS, f"{lens['id']}: {field} is not in the mapping"
                assert FIELDS[field] in AGGREGATABLE, f"{lens['id']}: {field} can't be aggregated"
        for vis in vis_layers:
            columns = layers[vis["layerId"]]["columns"]
            assert vis["xAccessor"] in columns
            assert all(a in columns for a in vis["accessors"])


def test_saved_search_columns_and_sort_are_mapped(objects):
    (search,) = by_type(objects, "search")
    attrs = search["attributes"]
    source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
    assert source["indexRefName"] in {r["name"] for r in search["references"]}
    for field in attrs["columns"]:
        assert field in FIELDS, f"column {field} is not in the mapping"
    assert attrs["columns"] == ["title", "place_display", "sources", "fields_of_work"]
    for field, order in attrs["sort"]:
        assert field in FIELDS and order in {"asc", "desc"}


def test_committed_ndjson_is_what_build_py_writes():
    spec = importlib.util.spec_from_file_location("kibana_build", ROOT / "kibana" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.ALIAS == "osce-releases"
    assert build.render(build.build()) == NDJSON.read_text(encoding="utf-8"), (
        "kibana/osce-releases.ndjson is stale: run `make kibana-objects`"
    )


def test_load_ndjson_points_the_data_view_at_another_alias():
    payload = kibana.load_ndjson(NDJSON, alias="other-alias")
    objs = [json.loads(line) for line in payload.decode().splitlines()]
    assert [o["attributes"]["title"] for o in objs if o["type"] == "index-pattern"] == [
        "other-alias"
    ]
    assert len(objs) == len(NDJSON.read_text().splitlines())


def test_load_ndjson_rejects_a_broken_file(tmp_path):
    bad = tmp_path / "bad.ndjson"
    bad.write_text('{"type": "index-pattern"}\n{not json\n')
    with pytest.raises(kibana.KibanaImportError, match="bad.ndjson:2"):
        kibana.load_ndjson(bad)
    empty = tmp_path / "empty.ndjson"
    empty.write_text("\n")
    with pytest.raises(kibana.KibanaImportError, match="no saved objects"):
        kibana.load_ndjson(empty)


def lens_aggregation(column: dict) -> dict:
    """The Elasticsearch aggregation a Lens bucket column asks for (terms or yearly histogram)."""
    if column["operationType"] == "terms":
        return {"terms": {"field": column["sourceField"], "size": column["params"]["size"]}}
    assert column["operationType"] == "date_histogram" and column["params"]["interval"] == "y"
    return {"date_histogram": {"field": column["sourceField"], "calendar_interval": "year"}}


def test_charts_and_data_view_work_on_the_real_index(es, seeded_alias, objects):
    """Kibana reads fields through field_caps: they must be aggregatable on the real alias, and
    each chart's aggregation must return buckets for the seed releases."""
    (view,) = by_type(objects, "index-pattern")
    (search,) = by_type(objects, "search")
    buckets = {}
    for lens in by_type(objects, "lens"):
        (layer,) = lens["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values()
        buckets[lens["id"]] = lens_aggregation(layer["columns"]["bucket"])
    fields = {a[next(iter(a))]["field"] for a in buckets.values()} | {
        view["attributes"]["timeFieldName"]
    }
    caps = es.field_caps(
        index=seeded_alias, fields=sorted(fields | set(search["attributes"]["columns"]))
    )
    for name in fields:
        (cap,) = caps["fields"][name].values()
        assert cap["aggregatable"], f"{name} is not aggregatable on the real index"
    assert caps["fields"]["date"]["date"]["searchable"]
    for name in search["attributes"]["columns"]:
        assert name in caps["fields"], f"Discover column {name} is not on the real index"
    resp = es.search(index=seeded_alias, size=0, aggs=buckets)
    for lens_id in buckets:
        assert resp["aggregations"][lens_id]["buckets"], f"{lens_id} draws nothing for the seeds"

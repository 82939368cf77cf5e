"""The analysis plugin and our analyzers on the real node: build, install, _analyze, mapping."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from elasticsearch import BadRequestError, Elasticsearch

from core import schema
from core.release import Release
from esnode import plugin
from esnode.config import ES_VERSION
from indexer import aliases

ALLOWED_DESCRIPTOR_KEYS = {
    "name",
    "description",
    "version",
    "elasticsearch.version",
    "java.version",
}


@pytest.fixture(scope="module", autouse=True)
def plugin_loaded(es: Elasticsearch) -> None:
    """Every test here needs the plugin: say so plainly when the cluster (ES_URL) lacks it."""
    if not plugin.loaded(es.nodes.info(metric="plugins").body):
        pytest.fail(f"the cluster lacks the {plugin.PLUGIN_NAME} plugin: install {plugin.ZIP_PATH}")


@pytest.fixture(scope="module")
def analysis_index(es: Elasticsearch, make_alias) -> str:
    """An index with our settings and mapping (and a few releases for the keyword fields)."""
    alias = make_alias("osce-analysis")
    release = Release(
        path="sao-tome.txt",
        title="Visit to São Tomé",
        date="2020-01-02",
        place="SÃO TOMÉ",
        body=["A visit."],
    )
    aliases.reindex(es, [release], alias)
    return alias


def tokens(es: Elasticsearch, index: str, analyzer: str, text: str) -> list[str]:
    resp = es.indices.analyze(index=index, analyzer=analyzer, text=text)
    return [t["token"] for t in resp["tokens"]]


def test_zip_is_flat_and_described_at_its_stable_path() -> None:
    zip_path = plugin.build()
    assert zip_path == plugin.PLUGIN_DIR / "target" / f"osce-analysis-{ES_VERSION}.zip"
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        assert names == {
            f"osce-analysis-{ES_VERSION}.jar",
            "stable-plugin-descriptor.properties",
            "named_components.json",
        }
        props = dict(
            line.split("=", 1)
            for line in zf.read("stable-plugin-descriptor.properties").decode().splitlines()
            if line and not line.startswith("#")
        )
        components = json.loads(zf.read("named_components.json"))
        jar = zf.read(f"osce-analysis-{ES_VERSION}.jar")
    assert set(props) == ALLOWED_DESCRIPTOR_KEYS
    assert props["elasticsearch.version"] == ES_VERSION and props["name"] == "osce-analysis"
    filters = components["org.elasticsearch.plugin.analysis.TokenFilterFactory"]
    tokenizers = components["org.elasticsearch.plugin.analysis.TokenizerFactory"]
    assert set(filters) == set(plugin.FILTERS) and set(tokenizers) == set(plugin.TOKENIZERS)
    # Every named class is in the jar, and nothing of Elasticsearch or Lucene is bundled.
    with zipfile.ZipFile(io.BytesIO(jar)) as jf:
        classes = set(jf.namelist())
    for cls in [*filters.values(), *tokenizers.values()]:
        assert cls.replace(".", "/") + ".class" in classes
    assert not [c for c in classes if c.startswith(("org/apache/", "org/elasticsearch/"))]


def test_build_is_cached() -> None:
    first = plugin.build()
    mtime = first.stat().st_mtime_ns
    assert plugin.build() == first and first.stat().st_mtime_ns == mtime


def test_source_hash_follows_sources(tmp_path, monkeypatch) -> None:
    before = plugin.source_hash()
    fake = tmp_path / "analysis-plugin"
    (fake / "src").mkdir(parents=True)
    (fake / "pom.xml").write_text("<project/>")
    monkeypatch.setattr(plugin, "PLUGIN_DIR", fake)
    changed = plugin.source_hash()
    (fake / "src" / "A.java").write_text("class A {}")
    assert len({before, changed, plugin.source_hash()}) == 3


def test_node_runs_the_current_plugin(es: Elasticsearch) -> None:
    info = es.nodes.info(metric="plugins").body
    assert plugin.loaded(info)
    versions = {p["version"] for n in info["nodes"].values() for p in n["plugins"]}
    assert versions == {ES_VERSION}


def test_done_when_analyze(es: Elasticsearch, analysis_index: str) -> None:
    text = "Đorđević's Elections"
    assert tokens(es, analysis_index, schema.INDEX_ANALYZER, text) == ["dordevic", "election"]
    assert tokens(es, analysis_index, schema.SEARCH_ANALYZER, text) == ["dordevic", "election"]
    assert tokens(es, analysis_index, schema.EXACT_ANALYZER, text) == ["dordevic", "elections"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Łukasz Nowak", ["lukasz", "nowak"]),
        ("Søren Østergaard", ["soren", "ostergaard"]),
        ("Friedrich Strauß", ["friedrich", "strauss"]),
        ("Ayşe Kılıç", ["ayse", "kilic"]),
        ("Women’s observers", ["women", "observer"]),
    ],
)
def test_folding_possessive_stemming(es, analysis_index, text, expected) -> None:
    assert tokens(es, analysis_index, schema.INDEX_ANALYZER, text) == expected


def test_synonyms_apply_at_search_time_only(es: Elasticsearch, analysis_index: str) -> None:
    searched = tokens(es, analysis_index, schema.SEARCH_ANALYZER, "ODIHR observers")
    assert {"odihr", "office", "democratic", "institution", "observer"} <= set(searched)
    assert tokens(es, analysis_index, schema.INDEX_ANALYZER, "ODIHR") == ["odihr"]
    cio = tokens(es, analysis_index, schema.SEARCH_ANALYZER, "CiO")
    assert {"cio", "chairperson", "in", "office"} <= set(cio)


def test_synonym_filter_is_refused_in_an_index_analyzer(es: Elasticsearch) -> None:
    settings = schema.index_settings()
    mapping = {"properties": {"t": {"type": "text", "analyzer": schema.SEARCH_ANALYZER}}}
    with pytest.raises(BadRequestError):
        es.indices.create(
            index="osce-test-synonyms-at-index-time", settings=settings, mappings=mapping
        )


def test_synonyms_file_is_valid_rules() -> None:
    rules = schema.load_synonyms()
    assert len(rules) >= 20
    assert all(("," in r or "=>" in r) and not r.startswith("#") for r in rules)
    text = " ".join(rules)
    for acronym in ("odihr", "hcnm", "rfom", "cio", "smm", "pc", "oceea", "fsc", "pa"):
        assert f"{acronym}," in text


def test_folded_keyword_subfield_and_lowercase_normalizer(es: Elasticsearch, analysis_index):
    folded = es.search(index=analysis_index, query={"match": {"place_display.folded": "sao tome"}})
    assert folded["hits"]["total"]["value"] == 1
    assert folded["hits"]["hits"][0]["_source"]["place_display"] == "São Tomé"
    norm = es.search(index=analysis_index, query={"term": {"place_display.norm": "são tomé"}})
    assert norm["hits"]["total"]["value"] == 1


def test_mapping_version_is_recorded(es: Elasticsearch, analysis_index: str) -> None:
    mapping = es.indices.get_mapping(index=analysis_index).body
    meta = next(iter(mapping.values()))["mappings"]["_meta"]
    assert meta["mapping_version"] == schema.MAPPING_VERSION >= 2


def test_loaded_reads_nodes_plugins() -> None:
    node = {"plugins": [{"name": plugin.PLUGIN_NAME, "version": ES_VERSION}]}
    assert plugin.loaded({"nodes": {"a": node}})
    assert not plugin.loaded({"nodes": {"a": node, "b": {"plugins": []}}})
    assert not plugin.loaded({}) and not plugin.loaded({"nodes": {}})

"""Semantic and hybrid search: the pinned model offline, vectors at index time and their cache,
the three modes in the API, and keyword search surviving a missing model."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from elasticsearch import Elasticsearch

from core.release import Release
from core.semantic import model
from core.semantic.model import MODEL, Embedder, ModelUnavailable, shared_embedder
from indexer import aliases
from indexer.__main__ import main
from indexer.bulk import Report, parse_all, with_vectors
from indexer.embeddings import EmbeddingConfig
from tests.conftest import ROOT, SEEDS
from webui import fusion
from webui.querylang import parse


def _r(slug: str, title: str, date: str, country: str, body: list[str]) -> Release:
    return Release(
        path=f"semantic/{slug}.txt",
        type="Press release",
        title=title,
        date=date,
        place="VIENNA",
        source="Chairmanship",
        fields_of_work=["Conflict prevention and resolution"],
        countries=[country],
        body=body,
    )


#: The paraphrase target, worded unlike the query below, and releases on other subjects.
CEASEFIRE = _r(
    "ceasefire",
    "Chairperson welcomes agreement on cessation of hostilities along the border",
    "2022-09-20",
    "Kyrgyzstan",
    [
        "The Chairperson-in-Office welcomed the agreement reached by the two governments on a "
        "complete cessation of hostilities and the withdrawal of troops from the frontier.",
    ],
)
WRITTEN = [
    CEASEFIRE,
    _r(
        "youth",
        "Youth action plan adopted for schools",
        "2022-03-01",
        "Austria",
        ["Young people will take part in civic education projects in schools and universities."],
    ),
    _r(
        "media",
        "Representative concerned about a new broadcasting law",
        "2021-06-01",
        "Serbia",
        ["The draft law would give the regulator wide powers over television licences."],
    ),
]
#: No word of it is in the corpus: keyword search cannot find the release; meaning can.
PARAPHRASE = "stop the armed fighting"


@pytest.fixture(scope="module")
def vector_alias(es: Elasticsearch, make_alias) -> str:
    """Seeds and the releases above, with vectors (cached for the session)."""
    alias = make_alias("osce-semantic")
    items = with_vectors([*parse_all([SEEDS]), *WRITTEN], EmbeddingConfig.default())
    report = aliases.reindex(es, items, alias)
    assert report.embedded + report.embeddings_cached == report.indexed
    return alias


@pytest.fixture()
def vclient(es_url: str, vector_alias: str):
    from webui import create_app

    app = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": vector_alias})
    return app.test_client()


def _titles(client, **args) -> tuple[dict, list[str]]:
    resp = client.get("/api/search", query_string=args)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    data = resp.get_json()
    return data, [h["title"] for h in data["hits"]]


# -- the model ------------------------------------------------------------------------------


def test_model_loads_from_the_package_without_network() -> None:
    """A fresh interpreter with every socket refused and hub access off still embeds."""
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from core.semantic.model import Embedder, MODEL, installed_version, model_file\n"
        "e = Embedder(threads=1)\n"
        "v = e.embed(['OSCE observers'])\n"
        "print(v.shape[1], installed_version(), model_file().name)\n"
    )
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(ROOT)})
    env.pop(model.MODEL_PATH_ENV, None)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(MODEL.dims), MODEL.version, "model.onnx"]


def test_embedding_is_deterministic_and_normalised() -> None:
    embedder = shared_embedder()
    texts = ["Election observation mission", "The sides agreed to resume negotiations."]
    first, again = embedder.embed(texts), embedder.embed(texts)
    assert np.array_equal(first, again)
    alone = embedder.embed([texts[1]])[0]
    assert np.allclose(alone, first[1], atol=1e-5)  # batching and padding change nothing
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, MODEL.dims)


def test_altered_or_missing_model_is_refused(tmp_path: Path, monkeypatch) -> None:
    cut = tmp_path / "model.onnx"
    cut.write_bytes(model.model_file().read_bytes()[:1000])
    monkeypatch.setenv(model.MODEL_PATH_ENV, str(cut))
    with pytest.raises(ModelUnavailable, match="sha256"):
        Embedder()
    monkeypatch.setenv(model.MODEL_PATH_ENV, str(tmp_path / "absent.onnx"))
    with pytest.raises(ModelUnavailable, match="not found"):
        Embedder()


# -- index time -----------------------------------------------------------------------------


def test_vectors_are_cached_by_content(tmp_path: Path) -> None:
    config = EmbeddingConfig(cache=str(tmp_path / "cache.sqlite"))
    releases = list(parse_all([SEEDS]))
    first = list(with_vectors(releases, config))
    assert [p.embedded for p in first] == ["computed"] * 3
    second = list(with_vectors(releases, config))
    assert [p.embedded for p in second] == ["cached"] * 3
    assert [json.loads(p.source)["embedding"] for p in first] == [
        json.loads(p.source)["embedding"] for p in second
    ]
    assert len(json.loads(first[0].source)["embedding"]) == MODEL.dims


def test_cli_embeddings_on_off_and_from_live(es: Elasticsearch, es_url, make_alias, capsys) -> None:
    alias = make_alias("osce-semantic-cli")
    common = ("--es-url", es_url, "--alias", alias, "--workers", "1")
    assert main(["reindex", str(SEEDS), *common, "--embeddings", "off"]) == 0
    has = {"exists": {"field": "embedding"}}
    assert es.count(index=alias, query=has)["count"] == 0

    assert main(["reindex", str(SEEDS), *common, "--embeddings", "on"]) == 0
    assert es.count(index=alias, query=has)["count"] == 3
    capsys.readouterr()
    # Vectors are not kept in _source: --from-live gets them back from the cache, not the model.
    assert main(["reindex", "--from-live", *common[:4], "--embeddings", "on"]) == 0
    out = capsys.readouterr().out
    assert "vectors: 0 embedded, 3 from the cache" in out
    assert es.count(index=alias, query=has)["count"] == 3


def test_incremental_index_embeds_only_what_changed(
    es: Elasticsearch, es_url, make_alias, tmp_path: Path, capsys
) -> None:
    """`index DIR` (incremental): unchanged files are not parsed, so not embedded; a file whose
    bytes changed but whose release did not takes its vector from the cache."""
    import shutil

    crawl = tmp_path / "crawl"
    shutil.copytree(SEEDS, crawl)
    alias = make_alias("osce-semantic-inc")
    common = ("--es-url", es_url, "--alias", alias, "--workers", "1", "--embeddings", "on")
    assert main(["index", str(crawl), *common]) == 0
    capsys.readouterr()
    assert main(["index", str(crawl), *common]) == 0
    out = capsys.readouterr().out
    assert "0 new, 0 changed, 3 unchanged" in out and "vectors:" not in out
    first = sorted(crawl.rglob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b"\n\n")  # new bytes, the same release
    assert main(["index", str(crawl), *common]) == 0
    out = capsys.readouterr().out
    assert "1 changed" in out and "vectors: 0 embedded, 1 from the cache" in out
    assert es.count(index=alias, query={"exists": {"field": "embedding"}})["count"] == 3


def test_report_counts_cache_hits() -> None:
    report = Report(embedded=1, embeddings_cached=3)
    assert report.to_json()["embedding_cache_hit_rate"] == 0.75
    assert Report().to_json()["embedding_cache_hit_rate"] is None


# -- search modes ---------------------------------------------------------------------------


def test_paraphrase_found_by_meaning_not_by_words(vclient) -> None:
    data, keyword = _titles(vclient, q=PARAPHRASE, mode="keyword")
    # Widened to any word, keyword search finds it at last, below releases on other things.
    assert data["mode"] == "keyword" and CEASEFIRE.title not in keyword[:3]
    for mode in ("semantic", "hybrid"):
        data, titles = _titles(vclient, q=PARAPHRASE, mode=mode)
        assert data["mode"] == mode and data["mode_note"] is None
        assert CEASEFIRE.title in titles[:2], (mode, titles)


def test_nonsense_lists_no_neighbours_in_hybrid_mode(vclient) -> None:
    """The kNN side always has k nearest; hybrid counts only those close enough to mean it."""
    keyword, _ = _titles(vclient, q="xqzvb blorf", mode="keyword")
    hybrid, titles = _titles(vclient, q="xqzvb blorf", mode="hybrid")
    assert keyword["total"] == 0 and hybrid["mode"] == "hybrid"
    assert hybrid["total"] == 0 and titles == [], titles[:3]
    semantic, titles = _titles(vclient, q="xqzvb blorf", mode="semantic")
    assert semantic["total"] > 0, "semantic mode lists the nearest, however far"


def test_default_mode_follows_the_index(vclient, client) -> None:
    data, _ = _titles(vclient, q="ceasefire")
    assert data["mode"] == "hybrid"
    # The session's seeded alias was built without vectors: keyword, said plainly when asked.
    data, _ = _titles(client, q="ceasefire")
    assert data["mode"] == "keyword" and data["mode_note"] is None
    data, _ = _titles(client, q="ceasefire", mode="semantic")
    assert data["mode"] == "keyword" and "no vectors" in data["mode_note"]


def test_bad_mode_is_a_400(vclient) -> None:
    resp = vclient.get("/api/search?q=peace&mode=psychic")
    assert resp.status_code == 400 and "mode" in resp.get_json()["error"]


def test_exact_looking_queries_run_as_keyword(vclient) -> None:
    exact = ('"Minsk Group"', "title:ceasefire", "OSCE", "Ann Linde", "truce OR peace", "war 2017")
    for q in exact:
        assert fusion.exact_looking(parse(q)), q
        keyword, _ = _titles(vclient, q=q, mode="keyword")
        hybrid, _ = _titles(vclient, q=q)
        assert hybrid["mode"] == "keyword" and hybrid["mode_note"]
        assert [h["id"] for h in hybrid["hits"]] == [h["id"] for h in keyword["hits"]]
    for q in ("peace negotiations in the region", "border -youth", "source:odihr elections"):
        assert not fusion.exact_looking(parse(q)), q
    assert fusion.semantic_text(parse('talks -youth "armed fighting" title:x 2017')) == (
        "talks armed fighting"
    )


def test_exclusions_filter_the_knn_side(vclient) -> None:
    """The query language's restrictions hold in every mode: `-word` removes releases from the
    kNN side too."""
    for mode in ("semantic", "hybrid"):
        data, titles = _titles(vclient, q=f"{PARAPHRASE} -hostilities", mode=mode)
        assert data["mode"] == mode and titles and CEASEFIRE.title not in titles
        data, titles = _titles(vclient, q="youth -schools", mode=mode)
        assert "Youth action plan adopted for schools" not in titles


def test_filters_facets_sorting_and_paging_in_every_mode(vclient) -> None:
    for mode in ("semantic", "hybrid"):
        data, _ = _titles(vclient, q=PARAPHRASE, mode=mode, country="Kyrgyzstan")
        assert data["hits"] and all("Kyrgyzstan" in h["countries"] for h in data["hits"])
        counts = {v["value"]: v["count"] for v in data["facets"]["country"]}
        assert counts["Kyrgyzstan"] == data["total"]
        data, _ = _titles(vclient, q=PARAPHRASE, mode=mode, sort="newest")
        dates = [h["date"] for h in data["hits"]]
        assert dates == sorted(dates, reverse=True)
        data, _ = _titles(vclient, q=PARAPHRASE, mode=mode, size=2)
        page2, _ = _titles(vclient, q=PARAPHRASE, mode=mode, size=2, page=2)
        first_ids = {h["id"] for h in data["hits"]}
        assert page2["hits"] and not first_ids & {h["id"] for h in page2["hits"]}
        assert page2["total"] == data["total"]
        # Semantic mode lists every release as a neighbour; hybrid only those close enough.
        everything = len(WRITTEN) + 3
        assert (
            data["total"] == everything if mode == "semantic" else 2 < data["total"] <= everything
        )
        data, _ = _titles(vclient, q=PARAPHRASE, mode=mode, to="2021-12-31")
        assert all(h["date"] <= "2021-12-31" for h in data["hits"])
        csv = vclient.get("/api/search.csv", query_string={"q": PARAPHRASE, "mode": mode})
        assert csv.status_code == 200 and CEASEFIRE.title in csv.get_data(as_text=True)


def test_related_releases_use_vectors(vclient) -> None:
    data, _ = _titles(vclient, q="cessation of hostilities", mode="keyword")
    target = data["hits"][0]["id"]
    related = vclient.get(f"/api/release/{target}").get_json()["related"]
    assert related and target not in {r["id"] for r in related}


def test_missing_model_degrades_to_keyword(es_url, vector_alias, monkeypatch, caplog) -> None:
    from webui import create_app

    monkeypatch.setenv(model.MODEL_PATH_ENV, "/nonexistent/model.onnx")
    monkeypatch.setattr(model, "_shared", {})  # no embedder loaded before this test
    app = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": vector_alias})
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger="webui.vectors"):
        for mode in ("hybrid", "semantic", None):
            args = {"q": PARAPHRASE, **({"mode": mode} if mode else {})}
            resp = client.get("/api/search", query_string=args)
            assert resp.status_code == 200
            assert resp.get_json()["mode"] == "keyword"
            assert "unavailable" in resp.get_json()["mode_note"]
        page = client.get("/", query_string={"q": PARAPHRASE, "mode": "semantic"})
        assert page.status_code == 200 and b"unavailable" in page.data
    warnings = [r for r in caplog.records if "semantic search unavailable" in r.getMessage()]
    assert len(warnings) == 1  # logged once, not on every search


def test_page_has_a_mode_switch_and_more_like_this(vclient) -> None:
    page = vclient.get("/", query_string={"q": PARAPHRASE, "mode": "semantic"}).get_data(True)
    assert 'data-mode="semantic" title=' in page and 'aria-current="true" class="on"' in page
    assert "mode=keyword" in page and "More like this" in page


def test_knn_side_obeys_the_keyword_query_restrictions() -> None:
    keyword = {
        "function_score": {
            "query": {
                "bool": {
                    "must": [{"match": {"body": "ceasefire"}}],
                    "filter": [{"term": {"countries": "Georgia"}}],
                    "must_not": [{"match": {"body": "youth"}}],
                }
            }
        }
    }
    assert fusion.query_restrictions(keyword) == [
        {"term": {"countries": "Georgia"}},
        {"bool": {"must_not": [{"match": {"body": "youth"}}]}},
    ]
    assert fusion.query_restrictions({"match_all": {}}) == []


def test_rrf_fuses_by_rank() -> None:
    fused = fusion.rrf([["a", "b", "c"], ["c", "a", "d"]])
    assert [doc for doc, _ in fused] == ["a", "c", "b", "d"]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)

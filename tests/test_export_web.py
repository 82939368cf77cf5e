"""Whole-set exports, the API cursor and "Cite" against the real node and the web corpus.

Small batches (OSCE_EXPORT_BATCH=3) make a 16-release corpus walk through many point-in-time
pages; the 25,000-release scale test is tests/test_export_scale.py.
"""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import jsonschema
import pytest
import rispy
from itsdangerous import URLSafeSerializer

from core.schema import doc_id
from indexer import aliases
from tests.test_citation import CSL_SCHEMA
from tests.web_corpus import build_alias, releases

SECRET = "test-secret"
CORPUS = releases()
BATCH = 3


def make_client(es_url: str, alias: str, **config):
    from webui import create_app

    base = {
        "TESTING": True,
        "ES_URL": es_url,
        "OSCE_ALIAS": alias,
        "OSCE_RATE_LIMIT": "off",
        "SECRET_KEY": SECRET,
        "OSCE_EXPORT_BATCH": BATCH,
    }
    return create_app({**base, **config}).test_client()


@pytest.fixture(scope="module")
def alias(es, make_alias) -> str:
    return build_alias(es, make_alias)


@pytest.fixture(scope="module")
def api(es_url: str, alias: str):
    return make_client(es_url, alias)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_all_streams_every_match_with_a_file_name(api) -> None:
    resp = api.get("/api/search.csv?all=1&q=election")
    assert resp.status_code == 200 and resp.is_streamed
    total = api.get("/api/search?q=election").get_json()["total"]
    rows = csv_rows(resp.get_data(as_text=True))
    assert len(rows) == total == int(resp.headers["X-Export-Total"]) > BATCH
    assert len({r["id"] for r in rows}) == total
    assert resp.headers["X-Export-Truncated"] == "false"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="osce-search-election.csv"'
    assert resp.mimetype == "text/csv" and rows[0]["url"].startswith("http://localhost/release/")


def test_csv_without_all_is_still_this_page(api) -> None:
    rows = csv_rows(api.get("/api/search.csv?size=2").get_data(as_text=True))
    assert len(rows) == 2


def test_jsonl_carries_the_fields_asked_for_including_body(api) -> None:
    resp = api.get("/api/search.jsonl?fields=id,title,body&sort=oldest")
    lines = [json.loads(line) for line in resp.get_data(as_text=True).splitlines()]
    assert len(lines) == len(CORPUS) == len({x["id"] for x in lines})
    assert all(list(x) == ["id", "title", "body"] for x in lines)
    bodies = {doc_id(r): r.body_text for r in CORPUS}
    assert all(x["body"] == bodies[x["id"]] for x in lines)
    assert resp.headers["Content-Disposition"].endswith('filename="osce-search-all.jsonl"')


def test_filters_apply_to_the_whole_set(api) -> None:
    lines = api.get("/api/search.jsonl?source=ODIHR&fields=id,source").get_data(as_text=True)
    got = [json.loads(line) for line in lines.splitlines()]
    assert len(got) == sum(r.source == "ODIHR" for r in CORPUS) > BATCH
    assert {x["source"] for x in got} == {"ODIHR"}


def test_unknown_field_is_a_400(api) -> None:
    resp = api.get("/api/search.jsonl?fields=id,secret")
    assert resp.status_code == 400 and "secret" in resp.get_json()["error"]


def test_ris_and_bibtex_exports_parse_with_the_right_fields(api) -> None:
    total = api.get("/api/search?q=election").get_json()["total"]
    entries = rispy.loads(api.get("/api/search.ris?q=election").get_data(as_text=True))
    assert len(entries) == total
    assert all(e["type_of_reference"] == "PRESS" and e["publisher"] == "OSCE" for e in entries)
    assert all(e["authors"] and e["title"] and e["urls"] for e in entries)
    lib = bibtexparser.parse_string(api.get("/api/search.bib?q=election").get_data(as_text=True))
    assert not lib.failed_blocks and len(lib.entries) == total
    assert len({e.key for e in lib.entries}) == total
    assert all({"author", "title", "publisher", "url"} <= set(e.fields_dict) for e in lib.entries)


def test_export_max_cuts_with_a_clear_last_line_and_headers(es_url: str, alias: str) -> None:
    small = make_client(es_url, alias, OSCE_EXPORT_MAX=5)
    resp = small.get("/api/search.csv?all=1")
    assert resp.headers["X-Export-Truncated"] == "true"
    assert resp.headers["X-Export-Rows"] == resp.headers["X-Export-Limit"] == "5"
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert len(rows) == 1 + 5 + 1
    assert rows[-1][0].startswith(f"# export cut at 5 of {len(CORPUS)} matching releases")
    lines = small.get("/api/search.jsonl").get_data(as_text=True).splitlines()
    assert len(lines) == 6 and json.loads(lines[-1])["_export"]["reason"] == "cut"
    assert small.get("/api/search.bib").get_data(as_text=True).rstrip().endswith("}")
    assert "@comment{osce-search: export cut" in small.get("/api/search.bib").get_data(as_text=True)


def test_an_export_counts_as_one_request(es_url: str, alias: str) -> None:
    limited = make_client(es_url, alias, OSCE_RATE_LIMIT="2/minute")
    lines = limited.get("/api/search.jsonl").get_data(as_text=True).splitlines()
    assert len(lines) == len(CORPUS)  # many point-in-time pages, one request
    assert limited.get("/api/search?size=1").status_code == 200
    assert limited.get("/api/search?size=1").status_code == 429


def test_the_page_offers_this_page_and_all_results(api) -> None:
    html = api.get("/?q=election").get_data(as_text=True)
    total = api.get("/api/search?q=election").get_json()["total"]
    assert "Export this page" in html and f"All {total} results" in html
    for path in ("/api/search.csv?q=election&amp;all=1", "/api/search.jsonl?q=election"):
        assert path in html
    assert "/api/search.ris?q=election" in html and "/api/search.bib?q=election" in html


# -- the cursor -------------------------------------------------------------------------------


def walk(api, qs: str) -> tuple[list[str], list[dict]]:
    page = api.get(f"/api/search?{qs}").get_json()
    ids, pages = [h["id"] for h in page["hits"]], [page]
    while page["next"]:
        resp = api.get(f"/api/search?{qs}&cursor={page['next']}")
        assert resp.status_code == 200, resp.get_json()
        page = resp.get_json()
        ids += [h["id"] for h in page["hits"]]
        pages.append(page)
    return ids, pages


@pytest.mark.parametrize("qs", ["size=3", "size=2&q=election&sort=newest", "size=4&q=OSCE"])
def test_the_cursor_walks_every_hit_once(api, qs: str) -> None:
    ids, pages = walk(api, qs)
    assert len(ids) == len(set(ids)) == pages[0]["total"]
    assert pages[-1]["next"] is None and len(pages) > 1


def test_a_tampered_cursor_is_a_400(api) -> None:
    token = api.get("/api/search?size=2").get_json()["next"]
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "x" + token, "junk"):
        resp = api.get(f"/api/search?size=2&cursor={bad}")
        assert resp.status_code == 400 and "cursor" in resp.get_json()["error"]


def test_a_forged_cursor_signed_with_another_key_is_a_400(api) -> None:
    forged = URLSafeSerializer("guess", salt="osce-search.cursor").dumps({"v": 1})
    assert api.get(f"/api/search?cursor={forged}").status_code == 400


def test_a_cursor_sent_with_another_search_is_a_400(api) -> None:
    token = api.get("/api/search?q=election&size=1").get_json()["next"]
    resp = api.get(f"/api/search?q=media&size=1&cursor={token}")
    assert resp.status_code == 400 and "another search" in resp.get_json()["error"]
    # The page size may change between pages: it is not part of the search.
    assert api.get(f"/api/search?q=election&size=3&cursor={token}").status_code == 200


def test_without_a_secret_every_worker_accepts_the_others_cursors(es_url: str, alias: str):
    """No OSCE_SECRET_KEY: the key comes from the cluster, so two workers agree on it."""
    one, two = (make_client(es_url, alias, SECRET_KEY=None) for _ in range(2))
    token = one.get("/api/search?size=2").get_json()["next"]
    nxt = two.get(f"/api/search?size=2&cursor={token}").get_json()["next"]
    assert one.get(f"/api/search?size=2&cursor={nxt}").status_code == 200
    assert api_with_secret(es_url, alias).get(f"/api/search?cursor={token}").status_code == 400


def api_with_secret(es_url: str, alias: str):
    return make_client(es_url, alias, SECRET_KEY="another")


def test_an_expired_cursor_is_a_410(api, es) -> None:
    first = api.get("/api/search?size=2").get_json()
    second = api.get(f"/api/search?size=2&cursor={first['next']}").get_json()
    pit = URLSafeSerializer(SECRET, salt="osce-search.cursor").loads(second["next"])["p"]
    es.close_point_in_time(id=pit)
    resp = api.get(f"/api/search?size=2&cursor={second['next']}")
    assert resp.status_code == 410 and "start the search again" in resp.get_json()["error"]


# -- an alias swapped under a running export ----------------------------------------------------


def _stream(client, path: str):
    resp = client.get(path, buffered=False)
    return resp, iter(resp.response)


def _open_contexts(es) -> int:
    stats = es.nodes.stats(metric="indices", index_metric="search")
    return sum(n["indices"]["search"]["open_contexts"] for n in stats["nodes"].values())


@pytest.mark.parametrize("read_first", [True, False])
def test_a_client_leaving_mid_export_frees_the_point_in_time(api, es, read_first: bool) -> None:
    before = _open_contexts(es)
    resp, chunks = _stream(api, "/api/search.csv?all=1")
    assert _open_contexts(es) == before + 1  # opened before the first byte
    if read_first:
        next(chunks)
        next(chunks)
    resp.close()  # what the server does when the client disconnects
    assert _open_contexts(es) == before


@pytest.mark.parametrize("keep", [1, 0])
def test_a_reindex_mid_export_neither_duplicates_nor_drops(es, es_url, make_alias, keep) -> None:
    alias = make_alias("osce-swap")
    aliases.reindex(es, CORPUS, alias)
    client = make_client(es_url, alias)
    resp, chunks = _stream(client, "/api/search.jsonl?fields=id,title")
    head = next(chunks)  # the first batch is fetched; the rest comes through the PIT
    aliases.reindex(es, CORPUS[:4], alias, keep=keep)  # the alias now holds 4 releases
    text = (head if isinstance(head, str) else head.decode()) + "".join(
        c if isinstance(c, str) else c.decode() for c in chunks
    )
    resp.close()
    lines = [json.loads(line) for line in text.splitlines()]
    ids = [x["id"] for x in lines if "id" in x]
    assert len(ids) == len(set(ids))
    if keep:  # the old index is kept for rollback: the PIT reads all of it
        assert len(ids) == len(CORPUS) and "_export" not in lines[-1]
    else:  # the old index was deleted under the PIT: the file says it broke
        assert lines[-1]["_export"]["reason"] == "error"
        assert "point-in-time" in lines[-1]["_export"]["message"]
        assert len(ids) < len(CORPUS)
    assert client.get("/api/search").get_json()["total"] == 4


# -- "Cite" ---------------------------------------------------------------------------------------


def test_release_page_offers_cite_links_that_parse(api) -> None:
    hit = api.get("/api/search?q=Georgia election").get_json()["hits"][0]
    html = api.get(hit["url"]).get_data(as_text=True)
    for fmt in ("bib", "ris", "json"):
        assert f"{hit['url']}/cite.{fmt}" in html
    bib = api.get(f"{hit['url']}/cite.bib")
    assert bib.headers["Content-Disposition"] == f'attachment; filename="osce-{hit["id"]}.bib"'
    (entry,) = bibtexparser.parse_string(bib.get_data(as_text=True)).entries
    assert entry.fields_dict["author"].value == "{" + hit["source"] + "}"
    assert entry.fields_dict["url"].value == hit["origin"]
    (ris_entry,) = rispy.loads(api.get(f"{hit['url']}/cite.ris").get_data(as_text=True))
    assert ris_entry["title"] == hit["title"] and ris_entry["place_published"] == hit["place"]
    items = json.loads(api.get(f"{hit['url']}/cite.json").get_data(as_text=True))
    jsonschema.validate(items, CSL_SCHEMA)
    assert items[0]["issued"]["date-parts"][0] == [int(p) for p in hit["date"].split("-")]
    twin = api.get(f"/api/release/{hit['id']}/cite").get_json()
    assert twin["csl_json"] == items and twin["ris"].startswith("TY  - PRESS")
    assert set(twin["links"]) == {"bibtex", "ris", "csl_json"}


def test_a_release_without_an_original_cites_its_page(api) -> None:
    hit = next(h for h in api.get("/api/search?size=100").get_json()["hits"] if not h.get("origin"))
    (entry,) = rispy.loads(api.get(f"{hit['url']}/cite.ris").get_data(as_text=True))
    assert entry["urls"] == ["http://localhost" + hit["url"]]


@pytest.mark.parametrize(
    "path",
    ["/release/0123456789abcdef0123/cite.bib", "/release/nope/cite.ris", "/api/release/x/cite"],
)
def test_cite_for_an_unknown_release_is_a_404(api, path: str) -> None:
    assert api.get(path).status_code == 404


def test_cite_in_an_unknown_format_is_a_404(api) -> None:
    hit = api.get("/api/search?size=1").get_json()["hits"][0]
    assert api.get(f"{hit['url']}/cite.docx").status_code == 404


# -- the command line -------------------------------------------------------------------------


def test_cli_writes_the_same_set_as_the_api(api, es_url: str, alias: str, tmp_path, capsys):
    from indexer.__main__ import main

    out = tmp_path / "election.csv"
    args = ["export", "--es-url", es_url, "--alias", alias, "--q", "election", "-o", str(out)]
    assert main(args) == 0
    rows = csv_rows(out.read_text(encoding="utf-8"))
    web = csv_rows(api.get("/api/search.csv?all=1&q=election").get_data(as_text=True))
    assert [r["id"] for r in rows] == [r["id"] for r in web] and rows
    assert f"{len(rows)} rows to {out}" in capsys.readouterr().err


def test_cli_jsonl_to_stdout_with_filters_fields_and_limit(es_url: str, alias: str, capsys):
    from indexer.__main__ import main

    args = ["export", "--es-url", es_url, "--alias", alias, "--format", "jsonl"]
    args += ["--source", "ODIHR", "--fields", "id,source,body", "--limit", "2", "--no-progress"]
    assert main(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [set(x) for x in lines[:2]] == [{"id", "source", "body"}] * 2
    assert lines[-1]["_export"]["reason"] == "cut" and len(lines) == 3


@pytest.mark.parametrize(
    "bad", [["--fields", "nope"], ["--from", "2020-13-01"], ["--limit", "0"], ["--year", "x"]]
)
def test_cli_refuses_bad_options(es_url: str, alias: str, bad: list[str], capsys) -> None:
    from indexer.__main__ import main

    assert main(["export", "--es-url", es_url, "--alias", alias, *bad]) == 1
    assert capsys.readouterr().err.startswith("error:")


def test_cli_bibtex_parses(es_url: str, alias: str, capsys) -> None:
    from indexer.__main__ import main

    assert main(["export", "--es-url", es_url, "--alias", alias, "--format", "bibtex"]) == 0
    lib = bibtexparser.parse_string(capsys.readouterr().out)
    assert len(lib.entries) == len(CORPUS) and not lib.failed_blocks

"""25,000 synthetic releases exported whole: CSV and JSON Lines, and the cursor past hit 10,000.

The index is built once for the module, straight from generated records (no text parsing): the
synthetic generator's metadata and paragraphs become Release records, bulk-loaded by the same
reindex path as production. Memory is not asserted here: bench/export_bench.py measures it.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from elasticsearch import helpers

from indexer import aliases, schema, synth
from indexer.release import Release

N = 25_000
pytestmark = pytest.mark.slow


def synthetic_documents(n: int, seed: int = 19):
    """(id, source) for synthetic releases 0..n-1: generated records, no files, no parsing.

    Bodies are cut to one short paragraph: analysing full bodies (shingles, offsets) is what
    makes indexing slow, and an export test needs rows, not prose.
    """
    for i in range(n):
        made = synth.make_release(seed, i)
        release = Release(
            path=f"synth/{made.name}",
            type=made.type,
            title=made.title,
            date=made.date,
            place=made.place,
            source=made.source,
            fields_of_work=made.fields_of_work,
            body=[made.text.rsplit("\n", 1)[-1][:300]],
        )
        doc = schema.to_document(release)
        yield {"_id": doc["content_hash"][:20], "_source": doc}


def build_index(es, alias: str, n: int) -> int:
    """The fastest honest path: one loading index (no refresh, no replicas), bulk, swap."""
    name = aliases.new_index_name(alias)
    aliases.create_index(es, name, loading=True)
    for ok, item in helpers.streaming_bulk(
        es, synthetic_documents(n), index=name, chunk_size=2500, raise_on_error=False
    ):
        assert ok, item
    es.indices.put_settings(index=name, settings={"refresh_interval": None})
    es.indices.refresh(index=name)
    aliases.swap(es, alias, name)
    return es.count(index=alias)["count"]


@pytest.fixture(scope="module")
def big(es, es_url: str, make_alias):
    alias = make_alias("osce-export25k")
    # Ids are content hashes: 25,000 distinct synthetic releases make 25,000 documents.
    assert build_index(es, alias, N) == N
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": alias, "OSCE_RATE_LIMIT": "off"}
    )
    return app.test_client()


def test_csv_exports_every_row_once(big) -> None:
    resp = big.get("/api/search.csv?all=1&sort=oldest")
    assert (
        resp.headers["X-Export-Total"] == str(N) and resp.headers["X-Export-Truncated"] == "false"
    )
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert len(rows) == N == len({r["id"] for r in rows})
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)


def test_jsonl_exports_every_line_once(big) -> None:
    text = big.get("/api/search.jsonl?fields=id,date").get_data(as_text=True)
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == N == len({x["id"] for x in lines})
    assert all("_export" not in x for x in lines)


def test_the_cursor_walks_past_hit_10000(big) -> None:
    page = big.get("/api/search?size=100&sort=newest").get_json()
    seen = [h["id"] for h in page["hits"]]
    while len(seen) <= 10_100:
        resp = big.get(f"/api/search?size=100&sort=newest&cursor={page['next']}")
        assert resp.status_code == 200, resp.get_json()
        page = resp.get_json()
        seen += [h["id"] for h in page["hits"]]
    assert len(seen) == len(set(seen)) > 10_000
    assert page["total"] == N and page["next"]
    # Past the window, `page` is refused: only the cursor gets there.
    assert big.get("/api/search?size=100&page=102").status_code == 400

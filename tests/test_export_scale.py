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

from devtools import synth
from tests.apps import app_on

N = 25_000
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def big(es, es_url: str, make_alias):
    alias = make_alias("osce-export25k")
    # Ids are content hashes: 25,000 distinct synthetic releases make 25,000 documents.
    assert synth.load_index(es, alias, N, seed=19) == N

    app = app_on(es_url, alias)
    return app.test_client()


def test_csv_exports_every_row_once(big) -> None:
    resp = big.get("/api/search.csv?all=1&sort=oldest")
    assert (
        resp.headers["X-Export-Total"] == str(N) and resp.headers["X-Export-Truncated"] == "false"
    )
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert len(rows) == N == len({r["id"] for r in rows})
    # Oldest first; the generator leaves a few releases undated, and those come last.
    dates = [r["date"] for r in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [""] * (len(dates) - len(dated))


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
    # The last page the window allows holds the same hits the cursor walked to (one past it:
    # tests/reliability/test_edges.py).
    last = big.get("/api/search?size=100&page=100&sort=newest").get_json()
    assert len(last["hits"]) == 100 and last["total"] == N
    assert [h["id"] for h in last["hits"]] == seen[9_900:10_000]

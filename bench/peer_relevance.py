"""The SQLite FTS5 peer on the judged collection of eval/: nDCG@10 and friends beside ours.

python bench/peer_relevance.py   # writes bench/results/relevance-peer.json
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ir_measures  # noqa: E402

from bench import peer_sqlite  # noqa: E402
from core import schema  # noqa: E402
from eval.collection import load_queries, load_releases, release_key  # noqa: E402
from eval.evaluate import DEPTH, score  # noqa: E402

OUT = ROOT / "bench" / "results" / "relevance-peer.json"


def evaluate_peer() -> dict:
    releases = load_releases()
    queries = load_queries()
    key_of = {schema.doc_id(r): release_key(r.path) for r in releases}
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "peer.db"
        peer_sqlite.build(db, releases)
        conn = sqlite3.connect(db)
        run = []
        for query in queries:
            for rank, doc_id in enumerate(peer_sqlite.ranked_ids(conn, query.text, DEPTH)):
                run.append(ir_measures.ScoredDoc(query.id, key_of[doc_id], DEPTH - rank))
        conn.close()
    return score(run, queries)


def main() -> None:
    peer = evaluate_peer()
    ours = json.loads((ROOT / "bench" / "results" / "relevance.json").read_text())
    result = {
        "peer": "SQLite FTS5 (porter unicode61 remove_diacritics 2, bm25 title 3 / body 1, "
        "all words required, as Datasette's search)",
        "mean": peer["mean"],
        "per_query": peer.get("per_query"),
        "ours_mean": ours["systems"]["ours"]["mean"],
        "baseline_mean": ours["systems"]["baseline"]["mean"],
    }
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: result[k] for k in ("mean", "ours_mean", "baseline_mean")}, indent=1))


if __name__ == "__main__":
    main()

"""The SQLite FTS5 peer on the judged collection of eval/: nDCG@10 and friends beside ours.

python bench/peer_relevance.py   # writes bench/results/relevance-peer.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval import peer  # noqa: E402
from eval.collection import load_queries, load_releases  # noqa: E402
from eval.evaluate import DEPTH, score  # noqa: E402

OUT = ROOT / "bench" / "results" / "relevance-peer.json"


def evaluate_peer() -> dict:
    releases = load_releases()
    queries = load_queries()
    return score(peer.run(releases, queries, DEPTH), queries)


def main() -> None:
    scored = evaluate_peer()
    ours = json.loads((ROOT / "bench" / "results" / "relevance.json").read_text())
    result = {
        "peer": peer.DESCRIPTION,
        "mean": scored["mean"],
        "per_query": scored.get("per_query"),
        "ours_mean": ours["systems"]["ours"]["mean"],
        "baseline_mean": ours["systems"]["baseline"]["mean"],
    }
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: result[k] for k in ("mean", "ours_mean", "baseline_mean")}, indent=1))


if __name__ == "__main__":
    main()

"""`python -m eval`: score the baseline and our ranking, write bench/results/relevance.json.

Both judged collections: eval/ (baseline vs ours) and eval/archive/ (baseline, ours and the
SQLite FTS5 peer, per kind and per dev/heldout split, under the `archive` key).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from elasticsearch import Elasticsearch

from esnode import discover_url
from eval.collection import SPLITS
from eval.evaluate import MEASURES, evaluate_all

RESULTS = Path(__file__).resolve().parent.parent / "bench" / "results" / "relevance.json"


def table(result: dict) -> str:
    """The means side by side, as printed after a run."""
    names = list(MEASURES)
    rows = [f"{'system':10}" + "".join(f"{n:>12}" for n in names)]
    for name, system in result["systems"].items():
        rows.append(f"{name:10}" + "".join(f"{system['mean'][n]:>12.4f}" for n in names))
    rows.append(f"{'delta':10}" + "".join(f"{result['delta'][n]:>+12.4f}" for n in names))
    return "\n".join(rows)


def kind_table(result: dict, measure: str = "nDCG@10") -> str:
    """One measure per kind and split for every system of a collection with kinds."""
    systems = list(result["systems"])
    head = f"{'kind':12}" + "".join(f"{f'{n}/{s}':>17}" for n in systems for s in SPLITS)
    rows = [f"{measure} per kind (dev / heldout)", head]
    kinds = next(iter(result["systems"].values()))["by_kind"]
    for kind in [*kinds, "ALL"]:
        cells = []
        for name in systems:
            system = result["systems"][name]
            for split in SPLITS:
                means = (
                    system["by_split"][split] if kind == "ALL" else system["by_kind"][kind][split]
                )
                cells.append(f"{means[measure]:>17.4f}")
        rows.append(f"{kind:12}" + "".join(cells))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("--es-url", default=None, help="cluster (default: ES_URL or local node)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    es = Elasticsearch(args.es_url or discover_url(), request_timeout=60)
    try:
        result = evaluate_all(es)
    except Exception as exc:  # an unusable cluster or collection: say so, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(table(result))
    archive = result["archive"]
    print(
        f"\narchive ({archive['collection']['releases']} releases, "
        f"{archive['collection']['queries']} queries):"
    )
    print(table(archive))
    print(kind_table(archive))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

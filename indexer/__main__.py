"""`python -m indexer parse|index|reindex`: the write side's command line (DESIGN.md §3)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exc

from indexer import aliases, schema
from indexer.bulk import parse_all
from indexer.extract import iter_files, parse_file


def es_client(url: str | None) -> Elasticsearch:
    from esnode import discover_url

    return Elasticsearch(
        [u.strip() for u in (url or discover_url()).split(",") if u.strip()],
        api_key=os.environ.get("ES_API_KEY") or None,  # the write key in a secured cluster
        request_timeout=60,
        retry_on_timeout=True,
        max_retries=3,
    )


def cmd_parse(args: argparse.Namespace) -> int:
    out = sys.stdout
    for path in iter_files(args.paths):
        release = parse_file(path)
        doc_id = schema.doc_id(release) if release.valid else None
        out.write(json.dumps(release.to_parse_json(doc_id), ensure_ascii=False) + "\n")
        if not release.valid:
            logging.warning("invalid %s: %s", path, release.error)
    return 0


def _write_side(args: argparse.Namespace) -> int:
    es = es_client(args.es_url)
    alias = args.alias
    try:
        es.cluster.health(wait_for_status="yellow", timeout="30s")
        if args.command == "reindex":
            report = aliases.reindex(es, parse_all(args.paths), alias, keep=args.keep)
        else:
            report = aliases.upsert(es, parse_all(args.paths), alias)
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        print(f"error: Elasticsearch is not usable: {exc}", file=sys.stderr)
        return 2
    except aliases.ReindexError as exc:
        print(f"error: reindex failed, alias unchanged: {exc}", file=sys.stderr)
        return 3
    for skip in report.skipped:
        print(f"skipped {skip['path']}: {skip['reason']}", file=sys.stderr)
    print(report.summary())
    if args.report:
        with open(args.report, "w") as fh:
            json.dump(report.to_json(), fh, indent=2)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="extract releases from files; JSON Lines on stdout")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_parse)
    for name, text in (
        ("index", "upsert files into the live alias"),
        ("reindex", "build a new index and swap the alias atomically"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("paths", nargs="+")
        p.add_argument("--es-url", default=os.environ.get("ES_URL"))
        p.add_argument("--alias", default=schema.ALIAS)
        p.add_argument("--report", help="write a JSON report to this file")
        if name == "reindex":
            p.add_argument("--keep", type=int, default=1, help="old indices kept for rollback")
        p.set_defaults(func=_write_side)
    from indexer import kibana

    kibana.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

"""`python -m indexer export`: every match of a search into a file (CSV, JSON Lines, RIS, BibTeX).

The same search as the web UI's (its parameter checks and query builders), walked by
core.export through a point-in-time, so the file equals `/api/search.csv?all=1` and friends.
Exit codes: 0 written (a file cut at --limit says so in its last line), 1 bad options,
2 Elasticsearch unusable, 3 the walk broke part-way (the file ends with an error line).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exc
from werkzeug.datastructures import MultiDict

from core import export
from core.settings import Settings

#: Facet filters on the command line: option -> the API's parameter.
FILTER_OPTIONS = {
    "fields_of_work": "--fields-of-work",
    "source": "--source",
    "place": "--place",
    "country": "--country",
    "type": "--type",
    "year": "--year",
}


EXIT_USAGE, EXIT_UNUSABLE, EXIT_FAILED = 1, 2, 3


def add_parser(
    sub: argparse._SubParsersAction,
    settings: Settings,
    common: Callable[[argparse.ArgumentParser, Settings], None],
    connect: Callable[[argparse.Namespace], Elasticsearch],
) -> None:
    """Register `export` on the indexer's command line (`common` adds --es-url/--alias)."""
    p = sub.add_parser(
        "export",
        help="write every match of a search as CSV, JSON Lines, RIS or BibTeX",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common(p, settings)
    p.add_argument("--q", default="", help="the search, as typed in the search box")
    p.add_argument("--format", choices=export.FORMATS, default="csv")
    p.add_argument(
        "--fields",
        help=f"comma-separated columns from {', '.join(export.FIELDS)} "
        f"(default: {','.join(export.DEFAULT_FIELDS)})",
    )
    p.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="earliest date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="latest date")
    for key, option in FILTER_OPTIONS.items():
        p.add_argument(option, dest=f"f_{key}", action="append", default=[], metavar="VALUE",
                       help=f"{key} filter (repeat: any of them)")  # fmt: skip
    p.add_argument(
        "--limit",
        type=int,
        default=settings.export_max,
        help=f"most rows to write (default: OSCE_EXPORT_MAX, here {settings.export_max:,})",
    )
    p.add_argument("--base-url", default="", help="the web UI's address, for the url column")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: when stderr is a terminal)",
    )
    p.set_defaults(func=cmd_export, connect=connect)


def _search_args(args: argparse.Namespace) -> MultiDict:
    pairs = [("q", args.q), ("sort", args.sort)]
    pairs += [(k, v) for k, v in (("from", args.date_from), ("to", args.date_to)) if v]
    for key in FILTER_OPTIONS:
        pairs += [(key, v) for v in getattr(args, f"f_{key}")]
    return MultiDict(pairs)


@contextlib.contextmanager
def _progress(total: int, enabled: bool) -> Iterator:
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    size = shutil.get_terminal_size((100, 24))
    with tqdm(total=total, unit="row", ncols=size.columns, file=sys.stderr) as bar:
        yield bar.update


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out


def cmd_export(args: argparse.Namespace) -> int:
    from webui.exports import build_export
    from webui.params import BadParameter, parse_search

    try:
        params = parse_search(_search_args(args))
        fields = export.fields_for(args.format, export.parse_fields(args.fields))
        limit = args.limit
        if limit < 1:
            raise ValueError("--limit must be a positive number of rows")
    except (BadParameter, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    where, sort = build_export(params)
    try:
        es = args.connect(args)
        walk = export.Walk(es, args.alias, where, sort, export.source_fields(fields), limit).open()
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        print(f"error: Elasticsearch is not usable: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    writer = export.WRITERS[args.format](fields)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    with _output(args.output) as out, _progress(walk.expected, show) as update:
        for chunk in export.stream(walk, writer, args.base_url, progress=update):
            out.write(chunk)
    where_to = args.output or "standard output"
    if walk.error:
        print(f"error: {walk.error} ({where_to} ends with an error line)", file=sys.stderr)
        return EXIT_FAILED
    cut = f", cut at --limit {limit} of {walk.total}" if walk.truncated else ""
    print(f"{walk.rows} rows to {where_to}{cut}", file=sys.stderr)
    return 0

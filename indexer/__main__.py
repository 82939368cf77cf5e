"""`python -m indexer parse|index|reindex|rollback|status|export|snapshot|snapshots|restore`.

Exit codes: 0 done (files that hold no release are skipped, not errors); 1 neither PATH nor
--from-live given; 2 Elasticsearch (or its snapshot repository) is not usable; 3 the
index/reindex/rollback/snapshot/restore failed and the alias was left as it was; 4 another writer
holds the alias's lock.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exc

from core import schema
from core.settings import DEFAULT_DOC_CACHE, DEFAULT_SNAPSHOT_REPO, Settings, node_urls
from indexer import aliases, embeddings, runlog, snapshots
from indexer.bulk import (
    BULK_THREADS,
    Progress,
    Report,
    default_workers,
    prepare_paths,
    with_vectors,
)
from indexer.extract import iter_files, iter_releases
from indexer.lock import LockHeld, LockLost

EXIT_OK, EXIT_USAGE, EXIT_UNUSABLE, EXIT_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4


def es_client(url: str | None, settings: Settings | None = None) -> Elasticsearch:
    """A client for url (else the settings' ES_URL, else the running local node)."""
    settings = settings or Settings.from_env()
    url = url or settings.es_url
    if not url:
        from esnode import discover_url  # a development convenience: the node `make es-start` ran

        url = discover_url()
    return Elasticsearch(
        node_urls(url),
        api_key=settings.es_api_key,  # the write key in a secured cluster
        request_timeout=120,
        retry_on_timeout=True,
        max_retries=3,
    )


def cmd_parse(args: argparse.Namespace) -> int:
    out = sys.stdout
    for release in iter_releases(args.paths):
        doc_id = schema.doc_id(release) if release.valid else None
        out.write(json.dumps(release.to_parse_json(doc_id), ensure_ascii=False) + "\n")
        if not release.valid:
            logging.warning("invalid %s: %s", release.path, release.error)
    return EXIT_OK


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Progress | None]:
    """tqdm on a terminal (files, docs/s, ETA); nothing otherwise (the summary line follows)."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    started = time.monotonic()
    docs = 0
    # A pty without a size (script, some CI runners) makes tqdm print nothing: give it one.
    size = shutil.get_terminal_size((100, 24))
    with tqdm(
        total=total, unit="file", ncols=size.columns, nrows=size.lines, file=sys.stderr
    ) as bar:

        def update(files: int, indexed: int) -> None:
            nonlocal docs
            docs += indexed
            if files:
                bar.update(files)
                if bar.n % 200 == 0:
                    rate = docs / max(time.monotonic() - started, 1e-9)
                    bar.set_postfix_str(f"{docs} docs, {rate:.0f} docs/s", refresh=False)

        yield update
        rate = docs / max(time.monotonic() - started, 1e-9)
        bar.set_postfix_str(f"{docs} docs, {rate:.0f} docs/s")


def _write_report(path: str | None, data: dict) -> None:
    if path:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _connect(args: argparse.Namespace) -> Elasticsearch:
    es = es_client(args.es_url, args.settings)
    es.cluster.health(wait_for_status="yellow", timeout="30s")
    return es


def _embedding(args: argparse.Namespace) -> embeddings.EmbeddingConfig | None:
    """The vectors' settings, or None (`--embeddings off`, or a model that will not load)."""
    if args.embeddings == "off" or args.dry_run:
        return None
    problem = embeddings.check_model()
    if problem:
        print(
            f"warning: {problem}; indexing without vectors (keyword search only)", file=sys.stderr
        )
        return None
    return embeddings.EmbeddingConfig.default()


def _doc_cache(args: argparse.Namespace) -> str | None:
    """The document cache's folder, or None (`--doc-cache off`, or a dry run: it writes nothing)."""
    if args.doc_cache == "off" or args.dry_run:
        return None
    return args.settings.doc_cache or str(DEFAULT_DOC_CACHE)


def cmd_write(args: argparse.Namespace) -> int:
    """`index` and `reindex` (and their `--dry-run`)."""
    from_live = getattr(args, "from_live", False)
    if bool(args.paths) == from_live:
        print(f"error: {args.command} needs PATH... or --from-live (not both)", file=sys.stderr)
        return EXIT_USAGE
    files = iter_files(args.paths)
    report = Report(alias=args.alias)
    changes = None
    try:
        es = _connect(args)
        embedding = _embedding(args)
        if from_live:
            if not aliases.alias_indices(es, args.alias):
                raise aliases.ReindexError(f"{args.alias} does not exist; nothing to rebuild from")
            # Stored vectors are not in `_source`: the cache gives them back without the model.
            items = with_vectors(aliases.live_documents(es, args.alias), embedding)
            total = es.count(index=args.alias)["count"]
        else:
            items = prepare_paths(
                files, args.workers, embedding=embedding, doc_cache_dir=_doc_cache(args)
            )
            total = len(files)
        if args.dry_run:
            args.run = None  # nothing written: not a run to record
            result = aliases.plan(es, items, args.alias, args.command)
            _print_plan(result)
            _write_report(args.report, result)
            return EXIT_OK
        show = args.progress if args.progress is not None else sys.stderr.isatty()
        with progress_bar(total, show) as progress:
            if args.command == "index" and not args.force:
                from indexer import incremental

                _report, changes = incremental.run(
                    es,
                    [str(p) for p in args.paths],
                    args.alias,
                    workers=args.workers,
                    threads=args.threads,
                    progress=progress,
                    report=report,
                    prune=args.prune,
                    embedding=embedding,
                    doc_cache_dir=_doc_cache(args),
                )
            elif args.command == "reindex":
                recorder = None
                if not from_live:
                    from indexer.incremental import ManifestRecorder

                    items = recorder = ManifestRecorder(items)
                aliases.reindex(
                    es,
                    items,
                    args.alias,
                    keep=args.keep,
                    threads=args.threads,
                    progress=progress,
                    min_ratio=args.min_ratio,
                    sources=[str(p) for p in args.paths] or [f"{args.alias} (--from-live)"],
                    report=report,
                )
                if recorder is not None:
                    recorder.write(es, args.alias, report)
            else:
                aliases.upsert(
                    es, items, args.alias, threads=args.threads, progress=progress, report=report
                )
    except LockHeld as exc:
        return _fail(args, report, EXIT_LOCKED, f"error: {exc}")
    except aliases.ReindexError as exc:
        return _fail(
            args, report, EXIT_FAILED, f"error: {args.command} failed, alias unchanged: {exc}"
        )
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        return _fail(args, report, EXIT_UNUSABLE, f"error: Elasticsearch is not usable: {exc}")
    except KeyboardInterrupt:
        kept = ", alias unchanged" if args.command == "reindex" else ""
        return _fail(args, report, 130, f"interrupted: {args.command} stopped{kept}")
    for skip in report.skipped:
        print(f"skipped {skip['path']}: {skip['reason']}", file=sys.stderr)
    for failed in report.failed:
        print(f"rejected {failed['path']} ({failed['id']}): {failed['reason']}", file=sys.stderr)
    print(report.summary())
    extra = {}
    if changes is not None:
        print(changes.summary())
        extra["incremental"] = changes.to_json()
    _write_report(args.report, {"ok": True, "command": args.command, **report.to_json(), **extra})
    args.run = _run_of(report)
    return EXIT_OK


def _run_of(report: Report, error: str | None = None) -> dict:
    return {
        "docs": report.indexed,
        "failures": len(report.failed),
        "skipped": len(report.skipped),
        "duplicates": report.duplicates,
        "error": error,
    }


def _fail(args: argparse.Namespace, report: Report, code: int, message: str) -> int:
    print(message, file=sys.stderr)
    args.run = _run_of(report, message)
    data = {"ok": False, "command": args.command, "error": message, **report.to_json()}
    _write_report(getattr(args, "report", None), data)
    return code


def _print_plan(plan: dict) -> None:
    where = "a new index behind" if plan["mode"] == "reindex" else "the live index of"
    removed = f", {plan['removed']} removed" if "removed" in plan else ""
    for skip in plan["skipped"]:
        print(f"would skip {skip['path']}: {skip['reason']}", file=sys.stderr)
    print(
        f"dry run: would index {plan['would_index']} documents into {where} {plan['alias']} "
        f"({plan['new']} new, {plan['unchanged']} unchanged{removed}; "
        f"{plan['duplicates']} duplicates, {len(plan['skipped'])} skipped); "
        f"{plan['live_index'] or 'no index'} holds {plan['live_docs']} now, "
        f"{plan['docs_after']} after"
    )


def cmd_rollback(args: argparse.Namespace) -> int:
    try:
        es = _connect(args)
        if args.dry_run:
            args.run = None
            info = aliases.status(es, args.alias)
            target = (info["rollback_to"] or [None])[0]
            print(f"dry run: would move {args.alias} from {info['index']} to {target}")
            return EXIT_OK
        old, new = aliases.rollback(es, args.alias, keep_current=args.keep_current)
    except LockHeld as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except aliases.ReindexError as exc:
        print(f"error: rollback failed, alias unchanged: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        print(f"error: Elasticsearch is not usable: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"{args.alias}: rolled back from {old} to {new}")
    args.run = {"docs": es.count(index=args.alias)["count"], "index": new}
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    try:
        es = _connect(args)
        info = aliases.status(es, args.alias)
        info.update(runlog.last_runs(es, args.alias))
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        print(f"error: Elasticsearch is not usable: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.json:
        print(json.dumps(info, indent=2))
        return EXIT_OK
    last = info["last_reindex"] or {}
    version = info["mapping_version"]
    stale = (
        f" (code has v{info['code_mapping_version']}: reindex)"
        if (version is not None and version != info["code_mapping_version"])
        else ""
    )
    lines = [
        f"alias:           {info['alias']}",
        f"index:           {info['index'] or '(none: run reindex)'}",
        f"documents:       {info['docs']}",
        f"mapping version: {version}{stale}",
        "last reindex:    "
        + (
            f"{last['finished_at']} on {last.get('host')}: {last['indexed']} indexed, "
            f"{last['duplicates']} duplicates, {last['skipped']} skipped, "
            f"{last['seconds']}s ({last['docs_per_s']} docs/s)"
            if last
            else "(none recorded)"
        ),
        f"rollback to:     {', '.join(info['rollback_to']) or '(nothing kept)'}",
    ]
    if info["restored"]:
        rs = info["restored"]
        lines.append(f"restored:        {rs['at']} from {rs['snapshot']} ({rs['docs']} docs)")
    if info["last_index"]:
        li = info["last_index"]
        lines.append(f"last index:      {li['at']}: {li['indexed']} upserted")
    if info["lock"]:
        lk = info["lock"]
        state = "stale" if lk["stale"] else "held"
        lines.append(
            f"lock:            {state} by {lk['operation']} on {lk['host']} pid {lk['pid']}"
        )
    if info["last_run"]:
        run = info["last_run"]
        outcome = "ok" if run.get("ok") else f"failed (exit {run.get('exit')})"
        lines.append(
            f"last run:        {run['command']} {outcome} at {run.get('finished_at')}: "
            f"{run.get('docs')} docs, {run.get('failures', 0)} failures, {run.get('seconds')}s"
        )
    print("\n".join(lines))
    return EXIT_OK


def _snapshot_errors(args: argparse.Namespace, action) -> int:
    """Run a snapshot command, mapping its failures to the exit codes and one clear line."""
    try:
        return action(_connect(args))
    except LockHeld as exc:
        message, code = f"error: {exc}", EXIT_LOCKED
    except snapshots.RepositoryError as exc:
        message, code = f"error: {exc}", EXIT_UNUSABLE
    except (snapshots.SnapshotError, LockLost, aliases.ReindexError) as exc:
        message, code = f"error: {args.command} failed, alias unchanged: {exc}", EXIT_FAILED
    except (es_exc.ConnectionError, es_exc.TransportError, es_exc.ApiError) as exc:
        message, code = f"error: Elasticsearch is not usable: {exc}", EXIT_UNUSABLE
    print(message, file=sys.stderr)
    args.run = {"error": message}
    return code


def _size(size: int | None) -> str:
    if size is None:
        return "?"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return "?"


def cmd_snapshot(args: argparse.Namespace) -> int:
    def run(es: Elasticsearch) -> int:
        backup = snapshots.snapshot(
            es, args.alias, args.repo, keep=args.keep, wait_lock=args.wait_lock
        )
        args.run = {"docs": backup.docs, "failures": 0, "snapshot": backup.name}
        print(backup.name)
        return EXIT_OK

    return _snapshot_errors(args, run)


def cmd_snapshots(args: argparse.Namespace) -> int:
    def run(es: Elasticsearch) -> int:
        backups = snapshots.list_backups(es, args.alias, args.repo)
        if args.keep is not None:
            for name in snapshots.prune(es, args.alias, args.repo, args.keep):
                print(f"deleted {name}", file=sys.stderr)
            backups = snapshots.list_backups(es, args.alias, args.repo)
        if args.json:
            print(json.dumps([b.to_json() for b in backups], indent=2))
            return EXIT_OK
        if not backups:
            print(f"no snapshots of {args.alias} in {args.repo}", file=sys.stderr)
        for b in backups:
            print(f"{b.name}  {b.started_at}  {b.docs} docs  {_size(b.size_bytes)}  {b.state}")
        return EXIT_OK

    return _snapshot_errors(args, run)


def cmd_restore(args: argparse.Namespace) -> int:
    def run(es: Elasticsearch) -> int:
        done = snapshots.restore(
            es, args.alias, args.repo, args.name, keep=args.keep, wait_lock=args.wait_lock
        )
        for warning in done.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        args.run = {"docs": done.docs, "failures": 0, "snapshot": done.backup.name}
        left = ", ".join(done.replaced) or "nothing"
        print(
            f"{args.alias}: restored {done.backup.name} into {done.index} ({done.docs} docs); "
            f"previous: {left} (kept for rollback)"
        )
        return EXIT_OK

    return _snapshot_errors(args, run)


def _common(p: argparse.ArgumentParser, settings: Settings) -> None:
    p.add_argument("--es-url", default=settings.es_url, help="default: $ES_URL or local")
    p.add_argument(
        "--alias", default=settings.alias, help=f"default: $OSCE_ALIAS or {schema.ALIAS}"
    )


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indexer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="extract releases from files; JSON Lines on stdout")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_parse)
    for name, text in (
        ("index", "upsert files into the live alias"),
        ("reindex", "build a new index and swap the alias atomically"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("paths", nargs="+" if name == "index" else "*", metavar="PATH")
        _common(p, settings)
        p.add_argument(
            "--dry-run", action="store_true", help="show what would change; write nothing"
        )
        p.add_argument("--report", help="write a JSON report to this file")
        p.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="parser processes (default: one per core; with the native extractor they "
            "parse only the files it does not take, and start only if there are some)",
        )
        p.add_argument("--threads", type=int, default=BULK_THREADS, help="concurrent bulk requests")
        p.add_argument(
            "--embeddings",
            choices=("on", "off"),
            default=settings.embeddings,
            help="vectors for semantic and hybrid search (default on, or $OSCE_EMBEDDINGS); "
            "cached by content in $OSCE_EMBEDDING_CACHE or ~/.cache/osce-search (`off` there: "
            "no cache)",
        )
        p.add_argument(
            "--doc-cache",
            choices=("on", "off"),
            default="on" if settings.doc_cache else "off",
            help="take the documents of files unchanged since a run of the same extractor code "
            "from a cache instead of parsing them again (default on; $OSCE_DOC_CACHE names its "
            "folder, or `off`; default .cache/documents in the clone)",
        )
        p.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="progress bar (default: when stderr is a terminal)",
        )
        if name == "index":
            p.add_argument(
                "--prune",
                action="store_true",
                help="delete releases whose files disappeared from PATH (default: report them)",
            )
            p.add_argument(
                "--force",
                action="store_true",
                help="parse and upsert every file, ignoring the manifest of files already indexed",
            )
        if name == "reindex":
            p.add_argument("--keep", type=int, default=1, help="old indices kept for rollback")
            p.add_argument(
                "--from-live",
                action="store_true",
                help="rebuild from the live index's documents instead of files (after an "
                "analyzer or mapping change; nothing is parsed again)",
            )
            p.add_argument(
                "--min-ratio",
                type=float,
                default=0.0,
                help="refuse to swap when the new index would hold fewer than this fraction of "
                "the live documents, e.g. 0.5 for a crawl that may have broken (default: off)",
            )
        p.set_defaults(func=cmd_write)
    p = sub.add_parser("rollback", help="point the alias back at the previous index")
    _common(p, settings)
    p.add_argument("--dry-run", action="store_true", help="show what would change")
    p.add_argument("--keep-current", action="store_true", help="keep the index rolled back from")
    p.set_defaults(func=cmd_rollback)
    p = sub.add_parser("status", help="alias, index, documents, mapping version, last reindex")
    _common(p, settings)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_status)
    _snapshot_parsers(sub, settings)
    from indexer import export_cli, kibana

    kibana.add_parser(sub, settings)
    parser.set_defaults(settings=settings)
    export_cli.add_parser(sub, settings, _common, _connect)
    return parser


def _snapshot_parsers(sub, settings: Settings) -> None:
    repo_help = f"snapshot repository (default: $OSCE_SNAPSHOT_REPO or {DEFAULT_SNAPSHOT_REPO})"
    wait_help = "seconds to wait for a running writer to release the lock (default: 0)"
    p = sub.add_parser("snapshot", help="back up the live index (waits, prints its name)")
    _common(p, settings)
    p.add_argument("--repo", default=settings.snapshot_repo, help=repo_help)
    p.add_argument("--keep", type=int, help="then delete all but the newest N backups")
    p.add_argument("--wait-lock", type=float, default=0.0, help=wait_help)
    p.set_defaults(func=cmd_snapshot)
    p = sub.add_parser("snapshots", help="list backups: name, date, docs, size, state")
    _common(p, settings)
    p.add_argument("--repo", default=settings.snapshot_repo, help=repo_help)
    p.add_argument("--keep", type=int, help="delete all but the newest N backups first")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_snapshots)
    p = sub.add_parser("restore", help="restore a backup (latest by default), swap the alias")
    p.add_argument("name", nargs="?", help="snapshot name (default: the latest successful one)")
    _common(p, settings)
    p.add_argument("--repo", default=settings.snapshot_repo, help=repo_help)
    p.add_argument("--keep", type=int, default=1, help="old indices kept for rollback")
    p.add_argument("--wait-lock", type=float, default=0.0, help=wait_help)
    p.set_defaults(func=cmd_restore)


#: Commands that write; their outcome is stored (runlog) and shown by `status`.
RECORDED = {"index", "reindex", "rollback", "snapshot", "restore"}


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    """The command line; settings are read from the environment once, here, unless given."""
    settings = settings or Settings.from_env()
    runlog.configure_logging(settings.log_format)
    args = build_parser(settings).parse_args(argv)
    started, started_at = time.monotonic(), runlog.now()
    args.run = {}
    code = args.func(args)
    if args.command in RECORDED and args.run is not None:
        run = {
            "command": args.command,
            "alias": args.alias,
            "ok": code == EXIT_OK,
            "exit": code,
            "started_at": started_at,
            "finished_at": runlog.now(),
            "seconds": round(time.monotonic() - started, 2),
            "docs": None,
            "failures": 0 if code == EXIT_OK else None,
            **args.run,
        }
        if code != EXIT_UNUSABLE or args.command in ("snapshot", "restore"):
            _record(args, run)
    return code


def _record(args: argparse.Namespace, run: dict) -> None:
    try:
        es = es_client(args.es_url, args.settings).options(request_timeout=10, max_retries=0)
        runlog.record(es, args.alias, run)
    except Exception as exc:  # noqa: BLE001 - a cluster that is down cannot hold the record
        logging.getLogger(__name__).warning("run not recorded: %s", exc)


if __name__ == "__main__":
    sys.exit(main())

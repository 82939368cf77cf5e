"""Stream releases into an index with the bulk helper: retries on 429, every failure reported."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from elasticsearch import Elasticsearch, helpers

from indexer import schema
from indexer.extract import iter_files, parse_file
from indexer.release import Release

log = logging.getLogger(__name__)


@dataclass
class Report:
    """What a load did: the numbers an operator and `--report FILE` see."""

    index: str = ""
    alias: str = ""
    files: int = 0
    indexed: int = 0
    duplicates: int = 0
    skipped: list[dict] = field(default_factory=list)  # {"path", "reason"}
    failed: list[dict] = field(default_factory=list)  # {"id", "path", "reason"}
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 1)}

    def summary(self) -> str:
        return (
            f"{self.indexed} indexed, {self.duplicates} duplicates collapsed, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed, from {self.files} files "
            f"in {self.seconds:.2f}s ({self.docs_per_s:.0f} docs/s) into {self.index}"
        )


def parse_all(paths: Iterable[str | Path]) -> Iterator[Release]:
    for path in iter_files(list(paths)):
        yield parse_file(path)


def actions(releases: Iterable[Release], index: str, report: Report) -> Iterator[dict]:
    """Bulk actions for valid, not-yet-seen releases; invalid ones are logged as skipped."""
    seen: set[str] = set()
    for release in releases:
        report.files += 1
        if not release.valid:
            log.warning("skip %s: %s", release.path, release.error)
            report.skipped.append({"path": release.path, "reason": release.error})
            continue
        doc_id = schema.doc_id(release)
        if doc_id in seen:
            report.duplicates += 1
            continue
        seen.add(doc_id)
        yield {"_index": index, "_id": doc_id, "_source": schema.to_document(release)}


def load(
    es: Elasticsearch,
    releases: Iterable[Release],
    index: str,
    report: Report,
    chunk_size: int = 500,
) -> Report:
    """Bulk-load releases into index, filling report; raises only when the cluster is unusable."""
    started = time.monotonic()
    report.index = index
    for ok, item in helpers.streaming_bulk(
        es,
        actions(releases, index, report),
        chunk_size=chunk_size,
        max_retries=6,
        initial_backoff=1,
        max_backoff=30,
        raise_on_error=False,
        raise_on_exception=False,
    ):
        if ok:
            report.indexed += 1
        else:
            info = next(iter(item.values()))
            report.failed.append({"id": info.get("_id"), "reason": str(info.get("error"))[:500]})
    report.seconds = time.monotonic() - started
    return report

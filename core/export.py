"""Whole result sets: walk every match with a point-in-time and `search_after`, write rows out.

Shared by the web exports (`/api/search.csv?all=1`, `.jsonl`, `.ris`, `.bib`) and the command
line (`python -m indexer export`): the caller builds the query (the web side's builders), this
module walks it in constant memory and formats rows. Never `from` past the 10,000-hit window; the
point-in-time holds the index it was opened on, so an alias swap mid-export neither duplicates nor
drops rows, and an expired or deleted one ends the file with a clear error line.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from elasticsearch import ApiError, Elasticsearch, TransportError

from core import citation
from core.settings import DEFAULT_EXPORT_MAX

#: Hits fetched per request while walking: big batches, few round trips, bounded memory.
BATCH_SIZE = 1000
#: How long the point-in-time lives between two batches (renewed by every request).
KEEP_ALIVE = "2m"
#: Sort tie-break after every order: unique per document, so `search_after` never skips or
#: repeats a hit even without a point-in-time (a point-in-time adds `_shard_doc` by itself).
TIEBREAK = {"content_hash": {"order": "asc"}}
#: The page of a release in the web UI (joined to the site's address in rows).
RELEASE_PATH = "/release/{id}"

#: Columns a row may carry (`fields=`); `body` is the full text, left out unless asked for.
FIELDS = (
    "id",
    "title",
    "date",
    "place",
    "source",
    "sources",
    "fields_of_work",
    "countries",
    "type",
    "url",
    "origin",
    "score",
    "body",
)
#: What a CSV or JSON Lines export holds when `fields=` is not given (the CSV export's columns):
#: every column but the type and the full text, in the same order.
DEFAULT_FIELDS = tuple(f for f in FIELDS if f not in ("type", "body"))
#: What a citation needs, fetched for RIS and BibTeX whatever `fields=` says.
CITATION_FIELDS = ("id", "title", "date", "place", "source", "sources", "url", "origin")
#: Which `_source` fields each column reads.
_SOURCE_OF = {
    "title": ["title"],
    "date": ["date"],
    "place": ["place_display", "place"],
    "source": ["source"],
    "sources": ["sources"],
    "fields_of_work": ["fields_of_work"],
    "countries": ["countries"],
    "type": ["type"],
    "origin": ["origin"],
    "body": ["body"],
}
FORMATS = ("csv", "jsonl", "ris", "bibtex")
EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "ris": "ris", "bibtex": "bib"}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "bibtex": "application/x-bibtex; charset=utf-8",
}
#: A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection);
#: the full-width forms too, which some spreadsheets fold to ASCII.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


class ExportError(RuntimeError):
    """The walk cannot go on (point-in-time expired, index deleted, cluster gone)."""


def parse_fields(raw: str | None, default: tuple[str, ...] = DEFAULT_FIELDS) -> tuple[str, ...]:
    """`fields=title,date,body` -> the columns in that order; unknown names are a ValueError."""
    if raw is None or not raw.strip():
        return default
    names = [n.strip() for n in raw.split(",") if n.strip()]
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}: choose from {', '.join(FIELDS)}")
    return tuple(dict.fromkeys(names))


def source_fields(fields: Iterable[str]) -> list[str]:
    """The `_source` includes a walk needs for these columns (never `body` unless asked)."""
    out: list[str] = []
    for name in fields:
        out.extend(f for f in _SOURCE_OF.get(name, []) if f not in out)
    return out


def filename(q: str, fmt: str) -> str:
    """`osce-search-<words>.<ext>`: a safe ASCII name made from the query (`all` when empty)."""
    folded = unicodedata.normalize("NFKD", q).encode("ascii", "ignore").decode().lower()
    slug = _SLUG_RE.sub("-", folded).strip("-")[:60].rstrip("-") or "all"
    return f"osce-search-{slug}.{EXTENSIONS[fmt]}"


def web_url(value: object) -> str | None:
    """An http(s) address, or None: a `javascript:` origin must never become a link."""
    if isinstance(value, str) and value.lower().startswith(("https://", "http://")):
        return value
    return None


def row(hit: dict, base_url: str = "") -> dict:
    """One hit as an export row (every column; the writer picks the ones asked for)."""
    src = hit.get("_source", {})
    return {
        "id": hit["_id"],
        "title": src.get("title"),
        "date": src.get("date"),
        "place": src.get("place_display") or src.get("place"),
        "source": src.get("source"),
        "sources": src.get("sources") or ([src["source"]] if src.get("source") else []),
        "fields_of_work": src.get("fields_of_work", []),
        "countries": src.get("countries", []),
        "type": src.get("type"),
        "url": base_url.rstrip("/") + RELEASE_PATH.format(id=hit["_id"]),
        "origin": web_url(src.get("origin")),
        "score": hit.get("_score"),
        "body": src.get("body"),
    }


def cell(value: object) -> str:
    """A CSV cell; text a spreadsheet would run as a formula is defused with a leading quote."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass
class Walk:
    """Every hit of one query, in order, through a point-in-time; `close()` frees it.

    `open()` runs the first request (so a bad query fails before anything is sent) and learns
    the total; iterating yields hits up to `limit`, raising ExportError if the walk breaks.
    """

    es: Elasticsearch
    index: str
    query: dict
    sort: list
    source: list[str]
    limit: int = DEFAULT_EXPORT_MAX
    batch_size: int = BATCH_SIZE
    keep_alive: str = KEEP_ALIVE
    pit: str | None = None
    total: int = 0
    rows: int = 0
    error: str | None = None  # why the walk broke, once it has
    _first: list[dict] | None = None

    def open(self) -> Walk:
        self.pit = self.es.open_point_in_time(index=self.index, keep_alive=self.keep_alive)["id"]
        try:
            resp = self._search(None, track_total=True)
        except BaseException:
            self.close()
            raise
        self.total = resp["hits"]["total"]["value"]
        self._first = resp["hits"]["hits"]
        return self

    @property
    def expected(self) -> int:
        """Rows this walk will write if nothing breaks."""
        return min(self.total, self.limit)

    @property
    def truncated(self) -> bool:
        return self.total > self.limit

    def _search(self, after: list | None, track_total: bool = False) -> dict:
        size = max(0, min(self.batch_size, self.limit - self.rows))
        body: dict = {
            "query": self.query,
            "sort": [*self.sort, TIEBREAK],
            "size": size,
            "_source": self.source or False,
            "pit": {"id": self.pit, "keep_alive": self.keep_alive},
            "track_total_hits": track_total,
        }
        if after is not None:
            body["search_after"] = after
        resp = self.es.search(body=body).body
        self.pit = resp.get("pit_id", self.pit)
        shards = resp.get("_shards", {})
        if shards.get("failed"):
            reasons = [f.get("reason", {}).get("type", "?") for f in shards.get("failures", [])]
            raise ExportError(f"{shards['failed']} shard(s) failed ({', '.join(reasons)})")
        return resp

    def __iter__(self) -> Iterator[dict]:
        if self._first is None:
            raise RuntimeError("Walk.open() first")
        hits, self._first = self._first, []
        while hits:
            for hit in hits:
                if self.rows >= self.limit:
                    return
                self.rows += 1
                yield hit
            if self.rows >= self.limit or len(hits) < self.batch_size:
                return
            try:
                hits = self._search(hits[-1]["sort"])["hits"]["hits"]
            except ApiError as exc:  # 404 (context gone) or 503 (every shard of it gone)
                raise ExportError(
                    "the search's point-in-time expired or the index it read was deleted (was "
                    f"the alias rebuilt?); Elasticsearch answered {exc.status_code} {exc.message}"
                ) from exc
            except TransportError as exc:
                raise ExportError(f"Elasticsearch became unreachable: {exc}") from exc

    def close(self) -> None:
        """Free the point-in-time (idempotent; a PIT already gone is no error)."""
        pit, self.pit = self.pit, None
        if pit:
            # A PIT already gone is no error: it expires by itself anyway.
            with contextlib.suppress(Exception):
                self.es.close_point_in_time(id=pit)


# -- writers: one per format; each turns rows into text and says how a file is cut or broken


class Writer:
    """A format: `head()`, `record(row)`, `cut(message)` and `fail(message)` as text."""

    fields: tuple[str, ...]

    def __init__(self, fields: tuple[str, ...], accessed: date | None = None) -> None:
        self.fields = fields
        self.accessed = accessed or date.today()

    def head(self) -> str:
        return ""

    def record(self, r: dict) -> str:
        raise NotImplementedError

    def cut(self, message: str) -> str:
        raise NotImplementedError

    def fail(self, message: str) -> str:
        return self.cut(message)


class CsvWriter(Writer):
    """RFC 4180 (CRLF), one row per release, lists joined with '; ', cells defused."""

    def __init__(self, fields: tuple[str, ...], accessed: date | None = None) -> None:
        super().__init__(fields, accessed)
        self._buf = io.StringIO()
        self._csv = csv.writer(self._buf, lineterminator="\r\n")

    def _line(self, cells: list[str]) -> str:
        self._buf.seek(0)
        self._buf.truncate()
        self._csv.writerow(cells)
        return self._buf.getvalue()

    def head(self) -> str:
        return self._line(list(self.fields))

    def record(self, r: dict) -> str:
        return self._line([cell(r.get(f)) for f in self.fields])

    def cut(self, message: str) -> str:
        return self._line([f"# {message}"] + [""] * (len(self.fields) - 1))


class JsonLinesWriter(Writer):
    """One JSON object per line; an incomplete file ends with one `{"_export": …}` line."""

    def record(self, r: dict) -> str:
        return json.dumps({f: r.get(f) for f in self.fields}, ensure_ascii=False) + "\n"

    def cut(self, message: str) -> str:
        return json.dumps({"_export": {"complete": False, "reason": "cut", "message": message}}) + (
            "\n"
        )

    def fail(self, message: str) -> str:
        return json.dumps(
            {"_export": {"complete": False, "reason": "error", "message": message}}
        ) + ("\n")


class RisWriter(Writer):
    """RIS records; a cut or broken file ends with a `#` line (reference managers skip it)."""

    def record(self, r: dict) -> str:
        return citation.ris(citation.Reference.from_record(r, r.get("url"), self.accessed)) + "\n"

    def cut(self, message: str) -> str:
        return f"# osce-search: {message}\n"


class BibtexWriter(Writer):
    """BibTeX `@misc` entries; a cut or broken file ends with an `@comment`."""

    def record(self, r: dict) -> str:
        ref = citation.Reference.from_record(r, r.get("url"), self.accessed)
        return citation.bibtex(ref) + "\n"

    def cut(self, message: str) -> str:
        return "@comment{osce-search: " + message.replace("{", "(").replace("}", ")") + "}\n"


WRITERS: dict[str, type[Writer]] = {
    "csv": CsvWriter,
    "jsonl": JsonLinesWriter,
    "ris": RisWriter,
    "bibtex": BibtexWriter,
}


def fields_for(fmt: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """RIS and BibTeX always carry what a citation needs."""
    if fmt in ("ris", "bibtex"):
        return tuple(dict.fromkeys((*CITATION_FIELDS, *fields)))
    return fields


def cut_message(walk: Walk, setting: str = "OSCE_EXPORT_MAX") -> str:
    return (
        f"export cut at {walk.limit} of {walk.total} matching releases ({setting}={walk.limit}); "
        "narrow the search, or page through it with the API cursor"
    )


def stream(
    walk: Walk,
    writer: Writer,
    base_url: str = "",
    chunk_rows: int = 200,
    progress: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """The export's text in chunks of rows; closes the walk however the stream ends.

    A walk cut at its limit ends with the writer's cut line, a broken one with its error line:
    a file is never silently short.
    """
    try:
        yield writer.head()
        parts: list[str] = []
        try:
            for hit in walk:
                parts.append(writer.record(row(hit, base_url)))
                if len(parts) >= chunk_rows:
                    yield "".join(parts)
                    if progress:
                        progress(len(parts))
                    parts = []
        except ExportError as exc:
            yield "".join(parts)
            walk.error = f"export failed after {walk.rows} rows: {exc}"
            yield writer.fail(walk.error)
            return
        yield "".join(parts)
        if progress and parts:
            progress(len(parts))
        if walk.truncated:
            yield writer.cut(cut_message(walk))
    finally:
        walk.close()

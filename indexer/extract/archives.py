"""Crawl output as archives: WARC (`.warc`, `.warc.gz`), `.zip`, `.tar`, `.tar.gz` of pages.

Members are streamed one at a time (never unpacked to disk), each named `ARCHIVE!member` (a WARC
record by its target URL). A member that cannot be read (a truncated WARC record, a zip member
with a bad CRC or a broken deflate stream) comes back as a `Member` with an `error`, so a run
reports it by name and goes on; an archive that cannot be opened at all is one such member.
WARC files give HTML responses only (requests, metadata, images and redirects are not pages);
the record's URL becomes the release's `origin` and its `WARC-Date` the crawl time.
"""

from __future__ import annotations

import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Suffixes read as archives (lower case, longest first).
ARCHIVE_SUFFIXES = (".warc.gz", ".tar.gz", ".tgz", ".warc", ".zip", ".tar")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Member:
    """One page inside an archive: its bytes, or why they could not be read."""

    path: str  # ARCHIVE!member
    data: bytes | None
    origin: str | None = None
    crawled_at: str | None = None
    error: str | None = None


def is_archive(path: str | Path) -> bool:
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def iter_members(path: str | Path, max_bytes: int) -> Iterator[Member]:
    """Every page member of an archive, in archive order; unreadable ones carry an error."""
    name = str(path).lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from _warc(path, max_bytes)
    elif name.endswith(".zip"):
        yield from _zip(path, max_bytes)
    else:
        yield from _tar(path, max_bytes)


def _skipped_name(member: str) -> bool:
    base = member.rstrip("/").rsplit("/", 1)[-1]
    return not base or base.startswith(".") or member.startswith("__MACOSX/")


def _warc(path: str | Path, max_bytes: int) -> Iterator[Member]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    url = None
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.format != "warc":  # warcio also reads ARC lines, and garbage as ARC
                    yield Member(f"{path}", None, error="not a WARC file (no WARC/1.x record)")
                    return
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or "(no URL)"
                where = f"{path}!{url}"
                http = record.http_headers
                ctype = (http.get_header("Content-Type") or "") if http else ""
                if ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
                    continue
                if http and not (http.get_statuscode() or "").startswith("2"):
                    continue  # redirects and errors are not pages
                date = record.rec_headers.get_header("WARC-Date")
                try:
                    data = record.content_stream().read(max_bytes + 1)
                except (OSError, EOFError, zlib.error, ValueError) as exc:
                    yield Member(where, None, url, date, f"unreadable WARC record: {exc}")
                    return
                # A record cut short: the stream ended before its declared length.
                if getattr(record.raw_stream, "limit", 0) > 0 and len(data) <= max_bytes:
                    yield Member(where, None, url, date, "truncated WARC record")
                    return
                yield Member(where, data, url, date)
    except ArchiveLoadFailed as exc:
        after = f" after {url}" if url else ""
        yield Member(f"{path}", None, error=f"unreadable WARC{after}: {exc}")
    except (OSError, EOFError, zlib.error) as exc:
        yield Member(f"{path}", None, error=f"cannot read WARC: {exc}")


def _zip(path: str | Path, max_bytes: int) -> Iterator[Member]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        yield Member(f"{path}", None, error=f"not a readable zip archive: {exc}")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or _skipped_name(info.filename):
                continue
            where = f"{path}!{info.filename}"
            if info.file_size > max_bytes:
                yield Member(where, None, error=f"member too large ({info.file_size} bytes)")
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(max_bytes + 1)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
                yield Member(where, None, error=f"corrupt zip member: {exc}")
                continue
            yield Member(where, data)


def _tar(path: str | Path, max_bytes: int) -> Iterator[Member]:
    where = f"{path}"
    try:
        # `r|*`: a stream, read front to back, never seeking (works on .tar and .tar.gz).
        with open(path, "rb") as fh, tarfile.open(fileobj=fh, mode="r|*") as archive:
            for info in archive:
                if not info.isfile() or _skipped_name(info.name):
                    continue
                where = f"{path}!{info.name}"
                if info.size > max_bytes:
                    yield Member(where, None, error=f"member too large ({info.size} bytes)")
                    continue
                member = archive.extractfile(info)
                data = member.read() if member else b""
                if len(data) < info.size:
                    yield Member(where, None, error="truncated tar member")
                    return
                yield Member(where, data)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Member(where, None, error=f"unreadable tar archive: {exc}")

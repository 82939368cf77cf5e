"""Bytes from a crawl to a Release: decode, recognise the format, extract, find countries."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from core.release import Release
from indexer.extract.archives import Member, is_archive, iter_members
from indexer.extract.encoding import NotText, decode
from indexer.extract.text_dump import parse_text
from indexer.gazetteer import find_countries, place_parts

#: Larger files are not press releases (a 20,000-word release is ~150 KB).
MAX_BYTES = 20 * 1024 * 1024


_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|h1|meta|p)\b", re.I)


def looks_like_html(text: str) -> bool:
    """An HTML page starts with markup; a text dump whose title holds `<script>` does not."""
    head = text.lstrip()[:4096]
    while head.startswith(("<?xml", "<!--")):
        end = head.find("?>" if head.startswith("<?") else "-->")
        if end < 0:
            return False
        head = head[end + 3 - (head.startswith("<?")) :].lstrip()
    return bool(_HTML_START.match(head))


def parse_bytes(data: bytes, path: str) -> Release:
    """Extract a release from raw bytes; never raises for bad input, returns an invalid Release."""
    if not data.strip():
        return Release.invalid(path, "empty file")
    if len(data) > MAX_BYTES:
        return Release.invalid(path, f"file too large ({len(data)} bytes > {MAX_BYTES})")
    try:
        text = decode(data)
    except NotText as exc:
        return Release.invalid(path, str(exc))
    if looks_like_html(text):
        from indexer.extract.html_page import parse_html

        release = parse_html(text, path)
    else:
        release = parse_text(text, path)
    if release.valid:
        countries = find_countries(release.title or "", release.body_text)
        # The dateline is the release's own text: its cities name States too (`TIRANA /
        # BRUSSELS`, `OSH, Kyrgyzstan`); a metadata Place field does not.
        countries += [s for s in place_parts(release.dateline_place)[1] if s not in countries]
        release.countries = countries
        release.places = place_parts(release.place)[0]
    return release


def read_head(path: str | Path) -> bytes:
    """A file's bytes, at most MAX_BYTES + 1 (enough to tell it is too large).

    One read sized by the file's length: `read(MAX_BYTES + 1)` on a file object allocates
    20 MB for every 5 KB release. Raises OSError as `open` does.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        want = size + 1 if 0 < size <= MAX_BYTES else MAX_BYTES + 1
        parts: list[bytes] = []
        total = 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(want, MAX_BYTES + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def parse_file(path: str | Path) -> Release:
    """Read and extract one file; unreadable files become invalid Releases with the OS error."""
    try:
        data = read_head(path)
    except OSError as exc:
        return Release.invalid(str(path), f"cannot read file: {exc.strerror or exc}")
    return parse_bytes(data, str(path))


def parse_member(member: Member) -> Release:
    """Extract a release from an archive member; an unreadable member is an invalid release."""
    if member.error is not None or member.data is None:
        return Release.invalid(member.path, member.error or "unreadable member")
    release = parse_bytes(member.data, member.path)
    if member.origin:
        release.origin = member.origin  # the crawled URL wins over a canonical link
    release.crawled_at = member.crawled_at
    return release


def iter_units(paths: list[str | Path]) -> Iterator[str | Member]:
    """Loose files (as paths) and archive members (read one at a time), in input order."""
    for path in file_paths(paths):
        if is_archive(path):
            yield from iter_members(path, MAX_BYTES)
        else:
            yield path


def parse_unit(unit: str | Member) -> Release:
    return parse_member(unit) if isinstance(unit, Member) else parse_file(unit)


def iter_releases(paths: list[str | Path]) -> Iterator[Release]:
    """Every release in files, folders and archives, parsed in this process."""
    for unit in iter_units(paths):
        yield parse_unit(unit)


def iter_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into a sorted list of regular files."""
    return [Path(p) for p in file_paths(paths)]


def file_paths(paths: list[str | Path]) -> list[str]:
    """`iter_files` as strings: a directory of 100,000 releases is listed in a fraction of the
    time `rglob` and sorting Path objects take (3.4 s of the parent's CPU)."""
    files: list[str] = []
    for raw in paths:
        top = str(Path(raw))
        if os.path.isdir(top):
            # Path order is the order of the paths' parts.
            files.extend(sorted(_walk(top), key=lambda f: f.split(os.sep)))
        else:
            files.append(top)
    return files


def _walk(top: str) -> Iterator[str]:
    """Regular files (symlinks to files too) under top, not named `.*`, as `rglob` finds
    them: hidden folders are searched, symlinked folders and unreadable ones are not."""
    try:
        with os.scandir(top) as it:
            entries = list(it)
    except PermissionError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                yield from _walk(entry.path)
        elif not entry.name.startswith(".") and entry.is_file():
            yield entry.path

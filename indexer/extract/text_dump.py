"""The osce.org text dump: navigation lists, type, title, `- Label:` metadata, body paragraphs."""

from __future__ import annotations

import re

from indexer.extract.dateline import DATELINE_RE, parse_date, split_dateline
from indexer.release import Release

LABELS = {
    "date": "date",
    "place": "place",
    "source": "source",
    "fields of work": "fields_of_work",
    "field of work": "fields_of_work",
}
_LABEL_RE = re.compile(r"^-\s*(date|place|source|fields? of work)\s*:\s*(.*)$", re.IGNORECASE)
_ITEM_RE = re.compile(r"^-(?:\s+(.*))?$")


def _is_nav_item(line: str) -> bool:
    return line.startswith("-")


def _find_header(lines: list[str]) -> int | None:
    """Index of the first metadata label line; the title and type stand just before it."""
    for i, line in enumerate(lines):
        if _LABEL_RE.match(line):
            return i
    return None


def _find_dateline(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if not _is_nav_item(line) and DATELINE_RE.match(line):
            return i
    return None


def _read_metadata(lines: list[str], start: int) -> tuple[dict[str, list[str]], int]:
    """Read `- Label:` blocks from start; return values per label and the first body line."""
    meta: dict[str, list[str]] = {}
    current: str | None = None
    i = start
    while i < len(lines):
        line = lines[i]
        if label := _LABEL_RE.match(line):
            current = LABELS[label[1].lower()]
            meta.setdefault(current, [])
            if label[2].strip():
                meta[current].append(label[2].strip())
        elif (item := _ITEM_RE.match(line)) and current is not None:
            if item[1] and item[1].strip():
                meta[current].append(item[1].strip())
        else:
            break
        i += 1
    return meta, i


def _title_and_type(lines: list[str], header: int) -> tuple[str | None, str | None]:
    before = [line for line in lines[:header] if line.strip()]
    if not before or _is_nav_item(before[-1]):
        return None, None
    title = before[-1].strip()
    kind = before[-2].strip() if len(before) > 1 and not _is_nav_item(before[-2]) else None
    return title, kind


def parse_text(text: str, path: str) -> Release:
    """Extract one release from a text dump; an invalid Release when it holds none."""
    lines = [line.rstrip() for line in text.split("\n")]
    if not any(line.strip() for line in lines):
        return Release.invalid(path, "empty file")
    header = _find_header(lines)
    if header is not None:
        meta, body_start = _read_metadata(lines, header)
    else:
        dateline = _find_dateline(lines)
        if dateline is None:
            return Release.invalid(
                path, "no release found: no metadata block and no dateline (navigation only?)"
            )
        meta, body_start = {}, dateline
        header = dateline
    title, kind = _title_and_type(lines, header)
    if not title:
        return Release.invalid(path, "no title before the release's metadata")
    paragraphs = [line.strip() for line in lines[body_start:] if line.strip()]
    place_dl, date_dl = None, None
    if paragraphs:
        place_dl, date_dl, rest = split_dateline(paragraphs[0])
        if rest:
            paragraphs[0] = rest
        else:
            paragraphs.pop(0)
    if not paragraphs:
        return Release.invalid(path, "release has a title but no body text")
    date_value = next(iter(meta.get("date", [])), None)
    release = Release(
        path=path,
        type=kind,
        title=title,
        date=(parse_date(date_value) if date_value else None) or date_dl,
        place=next(iter(meta.get("place", [])), None) or place_dl,
        source=next(iter(meta.get("source", [])), None),
        fields_of_work=meta.get("fields_of_work", []),
        body=paragraphs,
        format="text",
    )
    return release

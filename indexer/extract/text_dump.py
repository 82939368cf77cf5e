"""The osce.org text dump: navigation lists, type, title, `- Label:` metadata, body paragraphs.

A dump is the page's text with lists flattened to `- item` lines: first the site navigation
(headings after a lone `-`, entries as `- entry`), then the release's type and title, its
`- Date:`/`- Place:`/`- Source:`/`- Fields of work:` block, then the body. The navigation changes
between crawls (entries added, renamed, countries renamed), so nothing here counts its lines: the
release is anchored on the metadata labels, else on the dateline, else on where the lists end.
"""

from __future__ import annotations

import re

from core.release import Release
from indexer.extract import dateline, labels
from indexer.extract.dateline import match_dateline, parse_date, strip_dateline
from indexer.extract.labels import fields_of, normalise_type, sources_of

#: The older labels (Date, Place, Source, Fields of work) and the current newsroom's
#: (Publishing date, Content type, Where we are, What we do).
LABELS = {
    "date": "date",
    "publishing date": "date",
    "place": "place",
    "source": "source",
    "sources": "source",
    "where we are": "source",
    "fields of work": "fields_of_work",
    "field of work": "fields_of_work",
    "what we do": "fields_of_work",
    "content type": "type",
}
_LABEL_RE = re.compile(
    r"^-\s*(" + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True)) + r")\s*:\s*(.*)$",
    re.IGNORECASE,
)
#: One name in a comma-separated list of sources: capitalised, a few words.
_NAME_LIST = re.compile(r"^[A-Z][^.;:]{0,150}(?:, [A-Z(][^.;:]{0,150})+$")
_ITEM_RE = re.compile(r"^-(?:\s+(.*))?$")
_ONLY_DASHES = re.compile(r"^[-\u2013\u2014\s]*$")

#: Publication types osce.org prints above a title.
KNOWN_TYPES = {
    "press release",
    "news",
    "news and features",
    "news item",
    "feature",
    "feature story",
    "story",
    "statement",
    "speech",
    "op-ed",
    "opinion",
    "interview",
    "media advisory",
    "announcement",
    "report",
}


def clean_line(line: str) -> str:
    """Collapse runs of whitespace (tabs, no-break spaces) to one space and trim.

    Most lines are clean already: a printable line holds no whitespace but U+0020 (every other
    whitespace character is a control or a separator), so with no double, leading or trailing
    space it is returned as is, without splitting a 400-character paragraph into words.
    """
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def _cleaned_from(raw: list[str], first: int) -> list[str]:
    """The lines `_title_and_type` and `_read_metadata` read when the metadata starts at
    `first`, cleaned (`clean_line`): all from `first` on, and before it back to the third
    non-empty line (the title, the type and the line that tells whether the type is
    navigation). The ~130 navigation lines further up are never read, so never cleaned."""
    lines = raw[:first] + [clean_line(line) for line in raw[first:]]
    seen = 0
    i = first - 1
    while i >= 0 and seen < 3:
        line = lines[i] = clean_line(lines[i])
        seen += bool(line)
        i -= 1
    return lines


def _first_label(text: str) -> int | None:
    """Index of the first `- Label:` line, found from the colons (every label line has one)
    rather than by testing every line; the same line `_locate`'s first loop finds."""
    pos = text.find(":")
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = clean_line(text[start:end])
        if line.startswith("-") and _LABEL_RE.match(line):
            return text.count("\n", 0, start)
        pos = text.find(":", end)
    return None


def _is_lone_dash(line: str) -> bool:
    return line == "-"


def _is_nav(lines: list[str], i: int) -> bool:
    """A navigation line: a `- entry`, a lone `-`, or a heading right after a lone `-`."""
    line = lines[i]
    if line.startswith("-"):
        return True
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j >= 0 and _is_lone_dash(lines[j])


def _looks_like_type(line: str) -> bool:
    """A publication type: a known one, or a short label (no digits, no closing full stop)."""
    if line.casefold() in KNOWN_TYPES:
        return True
    return (
        len(line) <= 40
        and len(line.split()) <= 4
        and not line.endswith((".", ":", "!", "?"))
        and not any(ch.isdigit() for ch in line)
    )


def _title_and_type(lines: list[str], end: int) -> tuple[str | None, str | None]:
    """Title and type: the last one or two non-navigation lines before `end`."""
    found: list[int] = []
    i = end - 1
    while i >= 0 and len(found) < 2:
        if lines[i]:
            if _is_nav(lines, i):
                break
            found.append(i)
        i -= 1
    if not found:
        return None, None
    title = lines[found[0]]
    kind = lines[found[1]] if len(found) > 1 and _looks_like_type(lines[found[1]]) else None
    return title, kind


def _read_metadata(lines: list[str], start: int) -> tuple[dict[str, list[str]], int]:
    """Read `- Label:` blocks from start; return values per label and the first body line."""
    meta: dict[str, list[str]] = {}
    current: str | None = None
    i = start
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if label := _LABEL_RE.match(line):
            current = LABELS[label[1].lower()]
            meta.setdefault(current, [])
            if label[2].strip():
                meta[current].append(label[2].strip())
        elif (item := _ITEM_RE.match(line)) and current is not None:
            value = (item[1] or "").strip()
            names = current == "source" and len(value) <= 600 and _NAME_LIST.match(value)
            if (len(value) > 120 and not names) or (
                value.endswith((".", ";", ":")) and len(value.split()) > 5
            ):
                break  # a sentence, not a field value: the body starts with a list
            if value and value not in meta[current]:
                meta[current].append(value)
        else:
            break
        i += 1
    return meta, i


def _nav_end(lines: list[str]) -> int:
    """Index of the first line after the leading navigation lists (0 when there are none)."""
    end = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        if not _is_nav(lines, i):
            break
        end = i + 1
    return end


def _locate(lines: list[str]) -> tuple[dict[str, list[str]], int, int] | str:
    """(metadata, end of the title region, first body line), or the reason there is no release."""
    for i, line in enumerate(lines):
        if line.startswith("-") and _LABEL_RE.match(line):  # the test first: ~100 lines a file
            meta, body_start = _read_metadata(lines, i)
            return meta, i, body_start
    for i, line in enumerate(lines):
        if line and not _is_nav(lines, i) and match_dateline(line):
            return {}, i, i
    start = _nav_end(lines)
    rest = [i for i in range(start, len(lines)) if lines[i]]
    if not rest:
        return "no release found: the file holds only navigation lists"
    first = lines[rest[0]]
    typed = first.casefold() in KNOWN_TYPES
    if (start or typed) and len(rest) >= 2 + typed:
        # Navigation, then [type,] title, then the body: no labels and no dateline.
        return {}, rest[typed] + 1, rest[typed] + 1
    return "no release found: no metadata block, no dateline and no title after navigation"


def parse_text(text: str, path: str) -> Release:
    """Extract one release from a text dump; an invalid Release when it holds none."""
    if not text.strip():  # every line empty once cleaned
        return Release.invalid(path, "empty file")
    raw = text.split("\n")
    first = _first_label(text)
    if first is not None:  # the usual dump: labels after the navigation
        lines = _cleaned_from(raw, first)
        meta, body_start = _read_metadata(lines, first)
        header = first
    else:
        lines = [" ".join(line.split()) for line in raw]  # clean_line, inlined
        located = _locate(lines)
        if isinstance(located, str):
            return Release.invalid(path, located)
        meta, header, body_start = located
    title, kind = _title_and_type(lines, header)
    if not title:
        return Release.invalid(path, "no title before the release's metadata")
    body_lines = lines[body_start:]
    if "-" in body_lines:
        # A lone `-` opens a list heading: the page's footer menus, never release text.
        body_lines = body_lines[: body_lines.index("-")]
    paragraphs = [line for line in body_lines if line and not _ONLY_DASHES.match(line)]
    date_value = next(iter(meta.get("date", [])), None)
    meta_date = parse_date(date_value) if date_value else None
    place_dl, date_dl, paragraphs = strip_dateline(paragraphs, meta_date)
    if not paragraphs:
        return Release.invalid(path, "release has a title but no body text")
    sources, closed = sources_of(meta.get("source", []))
    return Release(
        path=path,
        type=normalise_type(next(iter(meta.get("type", [])), None) or kind),
        title=title,
        date=meta_date or date_dl,
        place=next(iter(meta.get("place", [])), None) or place_dl,
        dateline_place=place_dl,
        source=sources[0] if sources else None,
        sources=sources,
        closed_sources=closed,
        fields_of_work=fields_of(meta.get("fields_of_work", [])),
        body=paragraphs,
        format="text",
    )


def native_tables() -> dict:
    """Everything osce_native's TextDump is built from: this module's labels, types and
    patterns, and those of `dateline` and `labels`, in one dict (their keys do not collide)."""

    def pattern(regex: re.Pattern[str]) -> tuple[str, int]:
        return regex.pattern, int(regex.flags & (re.IGNORECASE | re.VERBOSE))

    return {
        **dateline.native_tables(),
        **labels.native_tables(),
        "labels": dict(LABELS),
        "known_types": sorted(KNOWN_TYPES),
        "label_re": pattern(_LABEL_RE),
        "name_list_re": pattern(_NAME_LIST),
        "item_re": pattern(_ITEM_RE),
        "only_dashes_re": pattern(_ONLY_DASHES),
    }

"""Datelines (`BAKU, 19 June 2017 – `) and the date formats of `- Date:` values."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

#: Dashes that end a dateline: en dash, em dash, minus, hyphen(s), figure/horizontal bars.
_DASH = r"(?:[\u2013\u2014\u2012\u2015\u2212]|-{1,2})"
#: The year is optional (`WARSAW/VIENNA, 30 June – `): it is then taken from the metadata date.
_DAY_MONTH_YEAR = (
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\.?(?:,?\s+(?P<year>\d{{4}}))?"
)
_MONTH_DAY_YEAR = rf"(?P<month2>{_MONTH_RE})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"

#: `PLACE, 19 June 2017 – ` or `19 June 2017 - ` at the start of the first paragraph. The place
#: may hold commas and slashes (`WASHINGTON, D.C.`, `VIENNA/WARSAW`,
#: `KHARKOV/STANYTSIA LUHANSKA, Ukraine`) but no digits or dashes that end a dateline; it starts
#: with a capital letter.
DATELINE_RE = re.compile(
    rf"""^\s*
    (?:(?P<place>[A-Z\u00c0-\u024f\u0400-\u04ff][^\n\d\u2013\u2014]{{0,60}}?)\s*,\s*)?
    (?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})
    \s*{_DASH}(?!\d)\s*""",
    re.VERBOSE,
)
#: `TIRANA / BRUSSELS / GENEVA – 6 October 2020. `: a place in capitals, a dash, then the date
#: closed by a full stop, a colon or another dash.
PLACE_FIRST_RE = re.compile(
    rf"""^\s*
    (?P<place>[A-Z\u00c0-\u00de\u0400-\u042f][A-Z\u00c0-\u00de\u0400-\u042f\s/.'-]{{1,80}}?)
    \s*{_DASH}\s*
    (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})
    \s*(?:[.:]|{_DASH})(?!\d)\s*""",
    re.VERBOSE,
)
#: Month names are matched case-insensitively without making the whole pattern so (the place
#: must start with a capital letter).
DATELINE_RE, PLACE_FIRST_RE = (
    re.compile(p.pattern.replace(_MONTH_RE, "(?i:" + _MONTH_RE + ")"), re.VERBOSE)
    for p in (DATELINE_RE, PLACE_FIRST_RE)
)


def match_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the start of text, in either shape; a year-less one needs a place."""
    match = DATELINE_RE.match(text)
    if match and not (match["year"] or match["year2"]) and not match["place"]:
        match = None
    return match or PLACE_FIRST_RE.match(text)


_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DMY_RE = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})\.?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.I)
_MDY_RE = re.compile(rf"^{_WEEKDAY}({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", re.I)
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_DOTTED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """ISO date for the formats osce.org uses, None for anything else (never a guess).

    `05/01/2021` is None: it is 5 January in Europe and 1 May in Drupal's default format.
    """
    value = " ".join(value.split()).strip(" .")
    if m := _ISO_RE.match(value):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_RE.match(value):
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := _MDY_RE.match(value):
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := _DOTTED_RE.match(value):
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    if m := _SLASHED_RE.match(value):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    return None


_TRAILING_WEEKDAY = re.compile(
    r"(?:^|,\s*)(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE
)


def split_dateline(
    paragraph: str, known_date: str | None = None
) -> tuple[str | None, str | None, str]:
    """Return (place, iso date, rest of paragraph); (None, None, paragraph) without a dateline.

    A dateline without a year takes the year of known_date (the metadata date); without one
    its date is None, but the dateline still comes off the body.
    """
    match = match_dateline(paragraph)
    if not match:
        return None, None, paragraph
    groups = match.groupdict()
    if groups.get("day"):
        day, month, year = groups["day"], groups["month"], groups["year"]
    else:
        day, month, year = groups["day2"], groups["month2"], groups["year2"]
    if year is None:
        iso = _iso(int(known_date[:4]), MONTHS[month.lower()], int(day)) if known_date else None
    else:
        iso = _iso(int(year), MONTHS[month.lower()], int(day))
        if iso is None:
            return None, None, paragraph
    place = " ".join(match["place"].split()) if match["place"] else None
    if place:
        # `VIENNA, Monday, 5 May 2020 –`: the weekday belongs to the date, not the place.
        place = _TRAILING_WEEKDAY.sub("", place) or None
    return place or None, iso, paragraph[match.end() :].lstrip()


def strip_dateline(
    paragraphs: list[str], known_date: str | None = None
) -> tuple[str | None, str | None, list[str]]:
    """Take the dateline off the first paragraph (dropping it when nothing else is left there)."""
    if not paragraphs:
        return None, None, paragraphs
    place, iso, rest = split_dateline(paragraphs[0], known_date)
    return place, iso, ([rest] if rest else []) + paragraphs[1:]


def _pattern(regex: re.Pattern[str]) -> tuple[str, int]:
    """A compiled pattern's source and its IGNORECASE/VERBOSE flags, for the Rust port."""
    return regex.pattern, int(regex.flags & (re.IGNORECASE | re.VERBOSE))


def native_tables() -> dict:
    """The month names and the patterns, for osce_native's port of this module."""
    return {
        "months": dict(MONTHS),
        "dateline_re": _pattern(DATELINE_RE),
        "place_first_re": _pattern(PLACE_FIRST_RE),
        "dmy_re": _pattern(_DMY_RE),
        "mdy_re": _pattern(_MDY_RE),
        "iso_re": _pattern(_ISO_RE),
        "dotted_re": _pattern(_DOTTED_RE),
        "slashed_re": _pattern(_SLASHED_RE),
        "trailing_weekday_re": _pattern(_TRAILING_WEEKDAY),
    }

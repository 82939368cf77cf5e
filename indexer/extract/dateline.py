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

#: `PLACE, 19 June 2017 – ` or `19 June 2017 - ` at the start of the first paragraph.
DATELINE_RE = re.compile(
    rf"""^\s*
    (?:(?P<place>[^\n,–—]{{1,60}}?)\s*,\s*)?
    (?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\.?\s+(?P<year>\d{{4}})
    \s*(?:[–—]|-{{1,2}})\s*""",
    re.IGNORECASE | re.VERBOSE,
)

_DMY_RE = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_MDY_RE = re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", re.IGNORECASE)
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DOTTED_RE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """ISO date for the formats osce.org uses, None for anything else (never a guess)."""
    value = value.strip()
    if m := _ISO_RE.match(value):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_RE.match(value):
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := _MDY_RE.match(value):
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := _DOTTED_RE.match(value):
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    return None


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Return (place, iso date, rest of paragraph); (None, None, paragraph) without a dateline."""
    match = DATELINE_RE.match(paragraph)
    if not match:
        return None, None, paragraph
    iso = _iso(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    if iso is None:
        return None, None, paragraph
    place = match["place"].strip() if match["place"] else None
    return place or None, iso, paragraph[match.end() :].lstrip()

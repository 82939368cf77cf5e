"""A release as a reference: BibTeX, RIS and CSL-JSON, so Zotero, EndNote and LaTeX import it.

Pure functions of one `Reference` (no I/O, no Flask): the release page's "Cite" links and the
whole-set RIS/BibTeX exports share them. The author is the issuing office (every source when a
release names several), the publisher the OSCE.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

PUBLISHER = "OSCE"
#: RIS has a type for press releases; CSL has none, so CSL says `report` with this genre.
GENRE = "Press release"
RIS_TYPE = "PRESS"
CSL_TYPE = "report"

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))
_SPACE_RE = re.compile(r"\s+")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Reference:
    """What a citation needs from a release; `url` is the original's, else the release page."""

    id: str
    title: str | None
    date: str | None = None  # ISO YYYY-MM-DD
    place: str | None = None
    sources: list[str] = field(default_factory=list)
    url: str | None = None
    accessed: str | None = None  # ISO YYYY-MM-DD, the day the reference was made

    @classmethod
    def from_record(
        cls, rec: dict, page_url: str | None, accessed: date | None = None
    ) -> Reference:
        """From a release or export row (`source`, or a `sources` list); origin beats the page."""
        sources = rec.get("sources") or ([rec["source"]] if rec.get("source") else [])
        return cls(
            id=rec["id"],
            title=rec.get("title"),
            date=rec.get("date"),
            place=rec.get("place"),
            sources=list(dict.fromkeys(sources)),
            url=rec.get("origin") or page_url,
            accessed=(accessed or date.today()).isoformat(),
        )

    @property
    def authors(self) -> list[str]:
        return self.sources or [PUBLISHER]


def _line(text: str | None) -> str:
    """One line of text: reference formats are line-based, so newlines and tabs become spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return _SPACE_RE.sub(" ", text).strip()


def _bibtex_text(text: str | None) -> str:
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group()], _line(text))


def _bibtex_url(url: str) -> str:
    """URLs keep their characters (the `url` package reads them verbatim) but not braces."""
    return _line(url).replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_key(ref: Reference) -> str:
    year = (ref.date or "")[:4] or "nd"
    return f"osce{year}-{ref.id}"


def bibtex(ref: Reference) -> str:
    """One `@misc` entry: corporate authors in double braces (never split into given/family)."""
    fields: list[tuple[str, str]] = [
        ("author", " and ".join("{" + _bibtex_text(a) + "}" for a in ref.authors)),
        ("title", "{" + _bibtex_text(ref.title or "Untitled press release") + "}"),
    ]
    if ref.date:
        y, m, _ = ref.date.split("-")
        fields += [("year", y), ("month", _MONTHS[int(m) - 1]), ("date", ref.date)]
    if ref.place:
        fields.append(("address", _bibtex_text(ref.place)))
    fields += [("publisher", PUBLISHER), ("organization", PUBLISHER), ("type", GENRE)]
    fields.append(("howpublished", GENRE))
    if ref.url:
        fields.append(("url", _bibtex_url(ref.url)))
    if ref.accessed:
        fields.append(("urldate", ref.accessed))
        fields.append(("note", f"Accessed {ref.accessed}"))
    body = ",\n".join(
        f"  {name} = {value}" if name in ("month",) else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{bibtex_key(ref)},\n{body}\n}}\n"


def ris(ref: Reference) -> str:
    """One RIS record (`TY  - PRESS` … `ER  - `), CRLF-free, one tag per line."""
    lines = [("TY", RIS_TYPE)]
    lines += [("AU", _line(a)) for a in ref.authors]
    lines.append(("TI", _line(ref.title) or "Untitled press release"))
    if ref.date:
        lines += [("PY", ref.date[:4]), ("DA", ref.date.replace("-", "/"))]
    if ref.place:
        lines.append(("CY", _line(ref.place)))
    lines += [("PB", PUBLISHER), ("M3", GENRE)]
    if ref.url:
        lines.append(("UR", _line(ref.url)))
    if ref.accessed:
        lines.append(("Y2", ref.accessed.replace("-", "/")))
    lines += [("ID", ref.id), ("ER", "")]
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def _date_parts(day: str) -> dict:
    return {"date-parts": [[int(p) for p in day.split("-")]]}


def csl_json(ref: Reference) -> dict:
    """One CSL-JSON item (an array of these is a CSL-JSON document, tests/data/csl schema)."""
    item: dict = {
        "id": ref.id,
        "type": CSL_TYPE,
        "genre": GENRE,
        "title": _line(ref.title) or "Untitled press release",
        "author": [{"literal": _line(a)} for a in ref.authors],
        "publisher": PUBLISHER,
    }
    if ref.date:
        item["issued"] = _date_parts(ref.date)
    if ref.place:
        item["publisher-place"] = _line(ref.place)
    if ref.url:
        item["URL"] = _line(ref.url)
    if ref.accessed:
        item["accessed"] = _date_parts(ref.accessed)
    return item

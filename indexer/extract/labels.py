"""Metadata values as the newsroom prints them: several sources on one line, closed offices,
content types in any case or number, fields of work joined by commas.

osce.org lists a release's sources ("Where we are", "Source") joined by `, `, and office names
can hold commas themselves ("Co-Chairs of the OSCE Minsk Group (France, Russian Federation, ...)",
"OSCE Office in Osh, Kyrgyzstan"). So a comma splits only where the next piece starts a new name:
outside parentheses, before a capital letter, and not before a participating State or a word
that continues a name. Closed offices are printed `OSCE Office in Yerevan (closed)`: the mark is
taken off the name (so a facet counts the office once, before and after it closed) and the office
is listed in `closed_sources`.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CLOSED = re.compile(r"\s*[(\[]\s*(?:closed|now closed|former)\s*[)\]]\s*$", re.IGNORECASE)
#: Words that continue a name after a comma rather than start a new one.
_CONTINUES = re.compile(r"^(?:and|or|now|formerly|incl\.?|including|based|in|of|the)\b")


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    from indexer.gazetteer import STATES

    names = {"Kosovo"}
    for canonical, (variants, _capitals) in STATES.items():
        names.update((canonical, *variants))
    return frozenset(n.casefold() for n in names)


def _split_commas(value: str) -> list[str]:
    """Split on commas that sit outside parentheses."""
    if "(" not in value and ")" not in value and "[" not in value and "]" not in value:
        return [" ".join(p.split()) for p in value.split(",")]  # the common case, at C speed
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            pieces.append(value[start:i])
            start = i + 1
    pieces.append(value[start:])
    return [" ".join(p.split()) for p in pieces]


def split_names(value: str) -> list[str]:
    """`A, B (closed), C` -> [`A`, `B (closed)`, `C`], keeping commas that belong to one name."""
    out: list[str] = []
    for piece in _split_commas(value):
        if not piece:
            continue
        bare = _CLOSED.sub("", piece)
        starts_new = piece[0].isupper() or piece[0].isdigit()
        if out and (not starts_new or _CONTINUES.match(piece) or bare.casefold() in _state_names()):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def sources_of(values: list[str]) -> tuple[list[str], list[str]]:
    """(sources in file order without the closed mark, the ones marked closed)."""
    sources: list[str] = []
    closed: list[str] = []
    for value in values:
        for name in split_names(value):
            bare = _CLOSED.sub("", name).strip()
            if not bare:
                continue
            if bare not in sources:
                sources.append(bare)
            if bare != name and bare not in closed:
                closed.append(bare)
    return sources, closed


def fields_of(values: list[str]) -> list[str]:
    """Fields of work, one per item or several joined by commas (`Elections, Human rights`)."""
    out: list[str] = []
    for value in values:
        for name in split_names(value):
            if name and name not in out:
                out.append(name)
    return out


#: Content types the newsroom uses, in their display form; keys are casefolded singulars.
CONTENT_TYPES = {
    "press release": "Press release",
    "news release": "Press release",
    "news": "News",
    "news item": "News",
    "news and announcement": "News and announcement",
    "news and features": "News and features",
    "feature": "Feature",
    "feature story": "Feature",
    "story": "Story",
    "statement": "Statement",
    "press statement": "Statement",
    "speech": "Speech",
    "spot report": "Spot report",
    "daily report": "Daily report",
    "weekly report": "Weekly report",
    "thematic report": "Thematic report",
    "report": "Report",
    "op-ed": "Op-ed",
    "opinion": "Opinion",
    "interview": "Interview",
    "media advisory": "Media advisory",
    "announcement": "Announcement",
    "video": "Video",
    "photo story": "Photo story",
}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "news")):
        return word[:-1]
    return word


def normalise_type(value: str | None) -> str | None:
    """`PRESS RELEASES`, `press release`, `Press Release` -> `Press release`.

    Unknown types keep their words with the first letter capitalised and the rest as written
    in lower case, so the type facet groups spellings of one type and shows the real mix.
    """
    if not value:
        return None
    text = " ".join(value.split()).strip(" :.")
    if not text:
        return None
    key = text.casefold()
    if key in CONTENT_TYPES:
        return CONTENT_TYPES[key]
    words = key.split()
    single = " ".join([*words[:-1], _singular(words[-1])])
    if single in CONTENT_TYPES:
        return CONTENT_TYPES[single]
    if (text.isupper() or text.islower()) and single:  # "S" is no plural of ""
        return single[0].upper() + single[1:]
    return text


def native_tables() -> dict:
    """The State names, content types and patterns, for osce_native's port of this module."""
    return {
        "state_names": sorted(_state_names()),
        "content_types": dict(CONTENT_TYPES),
        "closed_re": (_CLOSED.pattern, int(_CLOSED.flags & (re.IGNORECASE | re.VERBOSE))),
        "continues_re": (_CONTINUES.pattern, int(_CONTINUES.flags & (re.IGNORECASE | re.VERBOSE))),
    }

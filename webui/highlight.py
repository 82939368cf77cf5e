"""Highlight fragments made safe: HTML-escaped text with <mark> tags and nothing else."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

#: The only markup a highlight fragment keeps: Elasticsearch's pre/post tags (query.HIGHLIGHT).
MARK_TAGS = ("<mark>", "</mark>")
MARK_RE = re.compile(r"</?mark>")
_SPLIT_RE = re.compile(f"({MARK_RE.pattern})")


def safe_fragment(fragment: str) -> str:
    """Re-escape an Elasticsearch fragment (encoder html) keeping only our <mark> tags."""
    out = []
    for part in _SPLIT_RE.split(fragment):
        if part in MARK_TAGS:
            out.append(part)
        else:
            out.append(str(escape(html.unescape(part))))
    text = "".join(out)
    # Balance tags a cut fragment may have left open.
    if text.count(MARK_TAGS[0]) > text.count(MARK_TAGS[1]):
        text += MARK_TAGS[1]
    return text


def as_markup(fragment: str) -> Markup:
    """For templates: a fragment that already went through safe_fragment."""
    return Markup(safe_fragment(fragment))

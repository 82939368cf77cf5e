"""Highlight fragments made safe: HTML-escaped text with <mark> tags and nothing else."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_MARK_RE = re.compile(r"(</?mark>)")


def safe_fragment(fragment: str) -> str:
    """Re-escape an Elasticsearch fragment (encoder html) keeping only our <mark> tags."""
    out = []
    for part in _MARK_RE.split(fragment):
        if part in ("<mark>", "</mark>"):
            out.append(part)
        else:
            out.append(str(escape(html.unescape(part))))
    text = "".join(out)
    # Balance tags a cut fragment may have left open.
    if text.count("<mark>") > text.count("</mark>"):
        text += "</mark>"
    return text


def as_markup(fragment: str) -> Markup:
    """For templates: a fragment that already went through safe_fragment."""
    return Markup(safe_fragment(fragment))

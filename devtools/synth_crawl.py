"""A synthetic crawl folder: valid text dumps and HTML pages mixed with every kind of damage.

Used by the robustness test (1,000 files through `python -m indexer parse`) and the parse
benchmark (10,000 files). Deterministic for a seed, so a failure can be replayed. Each file's
kind is recorded, so a caller can check that damaged files come back invalid with a reason.
"""

from __future__ import annotations

import codecs
import html
import random
from dataclasses import dataclass
from pathlib import Path

_STATES = [
    "Albania",
    "Armenia",
    "Azerbaijan",
    "Bosnia and Herzegovina",
    "Georgia",
    "Kazakhstan",
    "Kyrgyzstan",
    "Moldova",
    "Montenegro",
    "North Macedonia",
    "Serbia",
    "Tajikistan",
    "Turkmenistan",
    "Ukraine",
    "Uzbekistan",
]
_PLACES = ["VIENNA", "WARSAW", "THE HAGUE", "SKOPJE", "TBILISI", "BISHKEK", "KYIV", "SARAJEVO"]
_SOURCES = [
    "OSCE Secretariat",
    "Office for Democratic Institutions and Human Rights",
    "High Commissioner on National Minorities",
    "Representative on Freedom of the Media",
    "OSCE Chairpersonship",
]
_FIELDS = [
    "Elections",
    "Border management",
    "Media freedom and development",
    "Gender equality",
    "Rule of law",
    "Policing",
    "Youth",
]
_SUBJECTS = ["The Mission", "Experts", "The Office", "Local officials", "Participants", "Trainers"]
_VERBS = ["discussed", "reviewed", "presented", "supported", "examined", "welcomed"]
_OBJECTS = [
    "a draft law on public assembly",
    "the safety of journalists",
    "community policing practices",
    "the registration of voters",
    "cross-border co-operation",
    "access to justice for women",
]
_MONTHS = "January February March April May June July August September October November December"
_NAV = [
    "-",
    "Our work",
    "-",
    "Fields of work",
    *(f"- {f}" for f in _FIELDS),
    "-",
    "Participating States",
    *(f"- {s}" for s in _STATES),
    "- Czech Republic",
    "- Türkiye",
    "-",
    "Structures and institutions",
    "- Secretariat",
    "- About us",
]

#: kind -> whether files of that kind must come back valid (None: either, but never a crash).
KINDS: dict[str, bool | None] = {
    "text": True,
    "text_crlf_bom": True,
    "text_cp1252": True,
    "html": True,
    "empty": False,
    "nav_only": False,
    "binary": False,
    "pdf": False,
    "truncated": None,
    "html_truncated": None,
}
_WEIGHTS = {
    "text": 60,
    "text_crlf_bom": 6,
    "text_cp1252": 4,
    "html": 12,
    "empty": 3,
    "nav_only": 3,
    "binary": 3,
    "pdf": 2,
    "truncated": 5,
    "html_truncated": 2,
}


@dataclass
class SynthFile:
    path: Path
    kind: str


def _release(rng: random.Random) -> dict:
    paragraphs = []
    for _ in range(rng.randint(3, 8)):
        sentences = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"in {rng.choice(_STATES)} with {rng.randint(5, 400)} participants."
            for _ in range(rng.randint(2, 5))
        ]
        paragraphs.append(" ".join(sentences) + " “We will continue,” a speaker said – firmly.")
    year, month, day = rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return {
        "title": f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
        f"in {rng.choice(_STATES)} (no. {rng.randint(1, 10**6)})",
        "when": f"{day} {_MONTHS.split()[month - 1]} {year}",
        "place": rng.choice(_PLACES),
        "source": rng.choice(_SOURCES),
        "fields": rng.sample(_FIELDS, rng.randint(1, 3)),
        "body": paragraphs,
        "iso": f"{year}-{month:02d}-{day:02d}",
    }


def render_text(rel: dict) -> str:
    lines = [*_NAV, "Press release", rel["title"], "- Date:", "- Place:", f"- {rel['place']}"]
    lines += ["- Source:", f"- {rel['source']}", "- Fields of work:"]
    lines += [f"- {f}" for f in rel["fields"]]
    body = list(rel["body"])
    body[0] = f"{rel['place']}, {rel['when']} – {body[0]}"
    return "\n".join(lines + body) + "\n"


def _menu() -> str:
    """A site menu the size of osce.org's (~40 KB): most of a real page's markup."""
    items = [*_FIELDS, *_STATES, *_SOURCES, *_SUBJECTS, *_OBJECTS] * 6
    links = "".join(
        f'<li class="menu-item"><a href="/m/{i}" class="menu-link" data-id="{i}">'
        f"<span>{html.escape(s)}</span></a></li>"
        for i, s in enumerate(items)
    )
    return f'<ul class="menu">{links}</ul>'


_MENU = _menu()


def render_html(rel: dict) -> str:
    esc = html.escape
    fields = "".join(f"<dd>{esc(f)}</dd>" for f in rel["fields"])
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in rel["body"])
    nav = _MENU
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(rel["title"])} | OSCE</title>
<script>var x = "<p>not text</p>";</script></head>
<body><header><a href="/">OSCE</a></header><nav><ul>{nav}</ul></nav>
<main><article class="node node--type-press-release">
<h1>{esc(rel["title"])}</h1>
<dl><dt>Date:</dt><dd><time datetime="{rel["iso"]}T12:00:00Z">{rel["when"]}</time></dd>
<dt>Place:</dt><dd>{esc(rel["place"])}</dd><dt>Source:</dt><dd>{esc(rel["source"])}</dd>
<dt>Fields of work:</dt>{fields}</dl>
<div class="field--name-body">
<p><strong>{rel["place"]}, {rel["when"]}</strong> – {paras[3:]}
</div></article></main>
<aside><p>Related: another story</p></aside><footer>{nav}<p>OSCE, Vienna</p></footer>
</body></html>
"""


def _bytes_for(kind: str, rng: random.Random) -> bytes:
    rel = _release(rng)
    if kind == "text":
        return render_text(rel).encode()
    if kind == "text_crlf_bom":
        return codecs.BOM_UTF8 + render_text(rel).replace("\n", "\r\n").encode()
    if kind == "text_cp1252":
        return render_text(rel).replace("Türkiye", "Turkey").encode("cp1252", errors="replace")
    if kind == "html":
        return render_html(rel).encode()
    if kind == "empty":
        return rng.choice([b"", b"\n", b"  \r\n\t "])
    if kind == "nav_only":
        return ("\n".join(_NAV[: rng.randint(5, len(_NAV))]) + "\n").encode()
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(rng.randint(64, 4096)))
    if kind == "pdf":
        return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(1024))
    if kind == "truncated":
        data = render_text(rel).encode()
        return data[: rng.randint(1, len(data) - 1)]
    if kind == "html_truncated":
        data = render_html(rel).encode()
        return data[: rng.randint(1, len(data) - 1)]
    raise ValueError(kind)


def write_crawl(folder: Path, count: int, seed: int = 4) -> list[SynthFile]:
    """Write `count` files into folder (created) and return each one's path and kind."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    kinds = rng.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()), k=count)
    out = []
    for i, kind in enumerate(kinds):
        suffix = {"html": ".html", "html_truncated": ".html", "pdf": ".pdf"}.get(kind, ".txt")
        path = folder / f"{i:05d}_{kind}{suffix}"
        path.write_bytes(_bytes_for(kind, rng))
        out.append(SynthFile(path, kind))
    return out

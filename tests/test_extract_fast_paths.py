"""Issue 18's fast paths give what the plain algorithms give: the text dump's label search and
partial cleaning, the gazetteer's automaton, the squeezed content hash, the file listing and
the sized read. Each is checked against the straightforward version on the fixtures, synthetic
dumps and hostile spacing."""

from __future__ import annotations

import hashlib
import os
import random
import unicodedata
from pathlib import Path

import pytest

from core import schema
from core.release import Release
from devtools import synth
from indexer import gazetteer
from indexer.extract import MAX_BYTES, iter_files, parse_file, read_head, text_dump
from indexer.extract.encoding import NotText, decode

CASES = Path(__file__).parent / "fixtures" / "cases"
#: Whitespace str.split() knows that a clean line never holds.
ODD_SPACES = ["\t", "\u00a0", "  ", "\u2003", "\x0b", "\u3000 "]


def _texts() -> list[str]:
    """Fixture files that decode, synthetic dumps, and the dumps with odd spacing put in."""
    texts = []
    for path in sorted(CASES.iterdir()):
        if path.name.endswith(".json"):
            continue
        try:
            texts.append(decode(path.read_bytes()))
        except NotText:
            continue
    rng = random.Random(18)
    made = [synth.make_release(3, i).text for i in range(60)]
    for text in made[:30]:
        lines = text.split("\n")
        for _ in range(12):
            i = rng.randrange(len(lines))
            pad = rng.choice(ODD_SPACES)
            lines[i] = rng.choice([pad + lines[i], lines[i] + pad, lines[i].replace(" ", pad, 1)])
        texts.append("\n".join(lines))
    return texts + made


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_text_dump_fast_path_equals_full_cleaning(texts, monkeypatch) -> None:
    fast = [text_dump.parse_text(t, "x") for t in texts]
    monkeypatch.setattr(text_dump, "_first_label", lambda text: None)  # the full path
    slow = [text_dump.parse_text(t, "x") for t in texts]
    assert fast == slow
    assert sum(r.valid for r in fast) >= 60


def test_clean_line_equals_split_and_join() -> None:
    lines = ["", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u2028b", "\u3000"]
    assert [text_dump.clean_line(x) for x in lines] == [" ".join(x.split()) for x in lines]


def test_gazetteer_automaton_equals_regex_scan(texts, monkeypatch) -> None:
    releases = [parse_file(p) for p in sorted(CASES.iterdir()) if not p.name.endswith(".json")]
    pairs = [(r.title or "", r.body_text) for r in releases if r.valid]
    pairs += [(t[:200], t) for t in texts]
    pairs += [("KYIV / Sofia Petrova", "The Kosovo Albanian leaders met Armenian President in US")]
    fast = [gazetteer.find_countries(*p, demonyms=d) for p in pairs for d in (True, False)]
    monkeypatch.setattr(
        gazetteer, "_finditer", lambda pattern, text, starts: pattern.finditer(text)
    )
    slow = [gazetteer.find_countries(*p, demonyms=d) for p in pairs for d in (True, False)]
    assert fast == slow
    assert sum(map(bool, fast)) > 50


def _reference_hash(release: Release) -> str:
    def norm(text: str) -> str:
        text = unicodedata.normalize("NFKC", text)
        for old, new in schema._TYPOGRAPHY:
            text = text.replace(old, new)
        return " ".join(text.split()).casefold()

    key = "\x1f".join([norm(release.title or ""), release.date or "", norm(release.body_text)])
    return hashlib.sha256(key.encode()).hexdigest()


@pytest.mark.parametrize(
    "body",
    [
        ["Plain words.", "Two paragraphs."],
        ["Tabs\tand  double spaces ", " leading"],
        ["No\u00a0break and \ufb01 ligature", "diaeresis \u00a8 alone"],
        ["“Quotes” – dashes — and ’apostrophes’"],
        [""],
    ],
)
def test_document_hash_and_word_count_equal_the_plain_formulas(body) -> None:
    release = Release(path="x", title="A  title\u00a0", date="2024-01-02", body=body)
    doc = schema.to_document(release)
    assert doc["content_hash"] == _reference_hash(release) == schema.content_hash(release)
    assert doc["body_words"] == max(1, len(release.body_text.split()))


def test_file_listing_matches_rglob(tmp_path) -> None:
    for rel in ["a/b.txt", "a-b/c.txt", "a.b/x", "a/.hidden", ".dir/y.txt", "A/z", "a/b/c/d"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    os.symlink(tmp_path / "a", tmp_path / "link-to-dir")
    os.symlink(tmp_path / "a/b.txt", tmp_path / "link-to-file")
    os.symlink(tmp_path / "missing", tmp_path / "broken")
    expected = sorted(f for f in tmp_path.rglob("*") if f.is_file() and not f.name.startswith("."))
    assert iter_files([tmp_path]) == expected
    assert iter_files([tmp_path / "a/b.txt", tmp_path]) == [tmp_path / "a/b.txt", *expected]


def test_read_head_stops_past_the_limit(tmp_path) -> None:
    small, huge = tmp_path / "small", tmp_path / "huge"
    small.write_bytes(b"abc")
    with open(huge, "wb") as fh:
        fh.truncate(MAX_BYTES + 4096)  # sparse: no 20 MB written
    assert read_head(small) == b"abc"
    assert len(read_head(huge)) == MAX_BYTES + 1
    for unreadable in (tmp_path / "missing", tmp_path):  # a folder: IsADirectoryError
        with pytest.raises(OSError):
            read_head(unreadable)

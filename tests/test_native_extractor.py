"""The Rust extractor (indexer.native) against the Python one: the same document, byte for byte,
for every file it takes; None for every file it must leave to Python.

Inputs: the fixture cases and seeds, 1,500 synthetic releases, and byte-level variants of them
(CRLF, BOM, legacy encodings, mojibake, markup, invisible characters, binary signatures, cuts).
"""

from __future__ import annotations

import os
import random
import unicodedata
from pathlib import Path

import pytest

from core import schema
from devtools import synth
from indexer import native
from indexer.bulk import prepare_release
from indexer.extract import parse_bytes

if os.environ.get("OSCE_NATIVE", "").lower() == "off":
    pytest.skip("OSCE_NATIVE=off: the native extractor is switched off", allow_module_level=True)
from indexer import osce_native  # noqa: E402 - a missing build fails here, as it should

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-12-02T10:00:00+00:00"


@pytest.fixture(scope="module")
def extractor():
    return osce_native.Extractor(native.tables())


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> list[tuple[str, bytes]]:
    out = tmp_path_factory.mktemp("synth")
    synth.write_corpus(out, 1500, seed=7)
    return [(str(p), p.read_bytes()) for p in sorted(out.rglob("*.txt"))]


def python_side(data: bytes, path: str, monkeypatch) -> tuple[str | None, bytes | None]:
    monkeypatch.setattr(schema, "indexed_at", lambda: AT)
    prepared = prepare_release(parse_bytes(data, path))
    return prepared.doc_id, prepared.source


def agree(extractor, data: bytes, path: str, monkeypatch) -> bool:
    """Whether the native side took the file; when it did, its answer is Python's."""
    fast = extractor.prepare(data, path, AT)
    if fast is None:
        return False
    assert fast == python_side(data, path, monkeypatch), path
    return True


def variants(data: bytes, rng: random.Random) -> list[bytes]:
    """Byte-level changes a crawl brings: some the native side takes, most it must refuse."""
    text = data.decode("utf-8")
    lines = text.split("\n")
    cut = rng.randrange(len(lines))
    return [
        text.upper().encode(),
        "\n".join(lines[:cut]).encode(),
        "\n".join(lines[cut:]).encode(),
        "\n".join(line + "  " for line in lines).encode(),
        "\n".join("\t" + line for line in lines).encode(),
        text.replace("\n", "\n\n").encode(),
        text.replace(" ", "\u00a0", 3).encode(),
        text.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + data,
        text.encode("cp1252", errors="replace"),
        text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),
        ("<html><body><pre>" + text + "</pre></body></html>").encode(),
        text.replace(" the ", " the\u200b ", 2).encode(),
        text.replace("e", "e\u0301", 2).encode(),
        b"%PDF-1.4\n" + data,
        data + b"\x00",
        data[: len(data) // 2],
    ]


def test_every_synthetic_release_is_taken_and_agrees(extractor, synthetic, monkeypatch) -> None:
    taken = sum(agree(extractor, data, path, monkeypatch) for path, data in synthetic)
    assert taken >= 0.98 * len(synthetic), f"only {taken} of {len(synthetic)} taken"


def test_fixtures_and_seeds_agree_where_taken(extractor, monkeypatch) -> None:
    files = [
        p for p in (ROOT / "tests" / "fixtures" / "cases").iterdir() if ".expected" not in p.name
    ]
    files += sorted((ROOT / "seeds").iterdir())
    taken = sum(agree(extractor, p.read_bytes(), str(p), monkeypatch) for p in files)
    assert taken >= 10, f"only {taken} of {len(files)} fixture files taken"


def test_byte_level_variants_agree_or_are_refused(extractor, synthetic, monkeypatch) -> None:
    rng = random.Random(5)
    taken = refused = 0
    for path, data in synthetic[:150]:
        for variant in variants(data, rng):
            if agree(extractor, variant, path, monkeypatch):
                taken += 1
            else:
                refused += 1
    assert taken > 300 and refused > 900, (taken, refused)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" \n\t\n",
        b"\xef\xbb\xbf- Date: 5 May 2020\n",
        "T\u00c3\u00bcrkiye and the OSCE".encode(),  # mojibake: Python repairs it
        b"<!doctype html><title>x</title>",
        b"RIFF" + b"x" * 100,
        b"caf\xe9 au lait",  # Windows-1252
        "Stra\u00dfe".encode(),  # casefolds to "strasse"
    ],
)
def test_what_python_must_decide_is_refused(extractor, data: bytes) -> None:
    assert extractor.prepare(data, "x.txt", AT) is None


def test_str_methods_are_cpythons_on_every_supported_character() -> None:
    chars = [chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000]
    supported = [c for c in chars if osce_native.supported(c)]
    assert len(supported) > 400
    rng = random.Random(3)
    samples = supported + ["".join(rng.choices(supported, k=12)) for _ in range(3000)]
    for s in samples:
        words = [ch.isalnum() or ch == "_" for ch in s]
        expected = (s.isupper(), s.islower(), s.lower(), s.upper(), s.title(), s.isprintable())
        assert osce_native.str_methods(s) == (*expected, s.split(), words), repr(s)
        assert s.casefold() == s.lower() and unicodedata.normalize("NFC", s) == s


def test_hashes_are_pythons(synthetic) -> None:
    from indexer.bulk import unit_hash

    odd = ["No\u00a0break \u2026 \u0132sselmeer \u2013 \u201cquoted\u201d", "  A \n\n b\t"]
    for path, data in synthetic[:50]:
        assert osce_native.unit_hash(data) == unit_hash(data)
        text = data.decode() + odd[len(path) % 2]
        assert osce_native.content_hash(path, "2020-01-01", text) == schema._hash(
            path, "2020-01-01", text
        )


def test_switched_off_it_takes_nothing(monkeypatch, synthetic) -> None:
    monkeypatch.setenv("OSCE_NATIVE", "off")
    native.extractor.cache_clear()
    try:
        path, data = synthetic[0]
        assert native.prepare(data, path) is None
    finally:
        monkeypatch.delenv("OSCE_NATIVE")
        native.extractor.cache_clear()
    assert native.prepare(*reversed(synthetic[0])) is not None


def test_batched_reads_are_read_head_and_unit_hash(tmp_path, synthetic) -> None:
    from indexer.bulk import unit_hash
    from indexer.extract import MAX_BYTES, read_head

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.txt").write_bytes(b"x" * 1000)
    (tmp_path / "folder").mkdir()
    paths = [p for p, _ in synthetic[:40]] + [str(tmp_path / n) for n in ("empty.txt", "cut.txt")]
    unreadable = [str(tmp_path / "folder"), str(tmp_path / "missing.txt"), "caf\udce9.txt"]
    got = osce_native.read_many(paths + unreadable, MAX_BYTES)
    assert got[len(paths) :] == [None] * len(unreadable)
    for path, item in zip(paths, got, strict=False):
        data = read_head(path)
        assert item == (data, unit_hash(data)), path
    # The limit: one byte more than it, so that the parser can tell the file is too large.
    assert osce_native.read_many([str(tmp_path / "cut.txt")], 99)[0][0] == b"x" * 100


def test_a_batch_is_prepared_as_each_file_alone(extractor, synthetic) -> None:
    refused = [(b"<html><body>no</body></html>", "a.html"), (b"\xef\xbb\xbfBOM", "b.txt")]
    items = synthetic[:60] + refused + [(synthetic[0][1], "caf\udce9.txt")]
    batch = [(data, path) for path, data in items[:60]] + items[60:]
    got = extractor.prepare_many(batch, AT)
    assert got == [extractor.prepare(data, path, AT) for data, path in batch[:62]] + [None]
    assert sum(item is not None for item in got) == 60

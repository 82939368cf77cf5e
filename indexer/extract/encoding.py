"""Bytes to text: BOMs, UTF-8 (whole, truncated or mixed), legacy encodings, refusing binary.

The rule is *never silently wrong*: UTF-8 is taken when the bytes are UTF-8; a legacy single-byte
encoding is taken from an HTML declaration or from charset-normalizer, and only when every
plausible reading agrees (or the Western default, Windows-1252, is among the best and the choice
is logged); otherwise the file is refused with a reason.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)


class NotText(ValueError):
    """The bytes are not a text document (binary, or undecodable)."""


#: File signatures of the binary formats a crawl brings back instead of a page.
MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)

#: Legacy encodings a crawl of osce.org can plausibly hold (Western, Central European, Cyrillic).
LEGACY = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r"]
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}

#: A well-formed UTF-8 multi-byte sequence: its presence means the file *is* UTF-8.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Characters that carry no text: zero-width space, soft hyphen, stray BOM, word joiner.
_INVISIBLE_CHARS = "\u200b\u00ad\ufeff\u2060"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
#: Control bytes that never occur in text (tab, newlines, form feed and ESC excepted).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode one stray byte in a UTF-8 file as Windows-1252 (a pasted quote or dash)."""
    bad = error.object[error.start : error.start + 1]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", bad.decode("latin_1")), (
        error.start + 1
    )


codecs.register_error("osce_cp1252_fallback", _cp1252_byte)


def sniff_binary(data: bytes) -> str | None:
    """A reason when the bytes are a known binary format or full of control bytes, else None."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return f"binary content ({name}), not a text release"
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary content (NUL bytes), not a text release"
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > 0.02:
        return "binary content (control bytes), not a text release"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: every other byte NUL over ASCII text."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    evens, odds = sample[0::2], sample[1::2]
    for zeros, enc in ((odds, "utf-16-le"), (evens, "utf-16-be")):
        if zeros.count(0) / len(zeros) > 0.9:
            try:
                return data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, mapped as browsers do (latin-1 means cp1252)."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


_USUAL = set("“”‘’„«»–—…€£°§•·\u00a0")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")


def _plausible(text: str) -> float:
    """Share of non-ASCII characters that are letters or usual punctuation, less Cyrillic
    letters glued to Latin ones ("Tьrkiye" is Western text read as Cyrillic)."""
    rare = _NON_ASCII.findall(text)
    if not rare:
        return 1.0
    good = sum(ch.isalpha() or ch in _USUAL for ch in rare) - len(_MIXED_SCRIPT.findall(text))
    return max(0, good) / len(rare)


def _legacy(data: bytes) -> tuple[str, str]:
    """Decode a non-UTF-8 file; raise NotText when the readings disagree and none is safe."""
    declared = _declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    results = from_bytes(data, cp_isolation=LEGACY)
    best = results.best()
    if best is None:
        raise NotText("undecodable bytes: not UTF-8 and no plausible legacy encoding")
    if best.chaos > 0.25:
        raise NotText(f"undecodable bytes: best reading ({best.encoding}) is garbled")
    tied = [r for r in results if r.chaos <= best.chaos + 0.01]
    top = max(_plausible(str(r)) for r in tied)
    tied = [r for r in tied if _plausible(str(r)) >= top - 0.01]
    readings = {str(r) for r in tied}
    if len(readings) == 1:
        # Every equally good reading gives the same text: name the Western one when it is there.
        names = {name for r in tied for name in r.could_be_from_charset}
        return str(best), "cp1252" if "cp1252" in names else best.encoding
    western = [r for r in tied if _WESTERN & set(r.could_be_from_charset)]
    if western:
        chosen = western[0]
        log.warning(
            "ambiguous encoding (%s); chose %s",
            ", ".join(sorted({r.encoding for r in tied})),
            chosen.encoding,
        )
        return str(chosen), chosen.encoding
    raise NotText(
        "ambiguous encoding: " + ", ".join(sorted({r.encoding for r in tied})) + " read differently"
    )


def _utf8(data: bytes) -> tuple[str, str]:
    """UTF-8, tolerating a multi-byte character cut at the end and stray Windows-1252 bytes."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8 (truncated)"
        if _UTF8_MULTI.search(data):
            bad = len(re.findall(rb"[\x80-\xff]", data)) - sum(
                len(m) for m in _UTF8_MULTI.findall(data)
            )
            log.info("%d stray non-UTF-8 bytes read as Windows-1252", bad)
            return data.decode("utf-8", errors="osce_cp1252_fallback"), "utf-8 (mixed)"
        raise


#: Mojibake: UTF-8 that was read as Windows-1252 and saved again ("TÃ¼rkiye", "â€“").
_CONT_CHARS = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONT = "[" + re.escape(_CONT_CHARS) + "]"
_MOJIBAKE = re.compile(
    rf"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)
#: A cheap first test: mojibake always holds one of these lead characters.
_MOJIBAKE_LEADS = tuple(map(chr, range(0xC2, 0xF5)))
#: The leads in UTF-8 (U+00C2-U+00F4 are C3 82-C3 B4), and the invisible characters.
_MOJIBAKE_LEAD_BYTES = re.compile(rb"\xc3[\x82-\xb4]")
_INVISIBLE_BYTES = tuple(ch.encode() for ch in _INVISIBLE_CHARS)
_TO_BYTE = {ch: bytes([b]) for b in range(0x80, 0x100) for ch in [bytes([b]).decode("latin_1")]}
_TO_BYTE.update({c: bytes([0x80 + i]) for i, c in enumerate(_CONT_CHARS[:32]) if ord(c) > 0xFF})


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 runs; a run is replaced only when it decodes as strict UTF-8."""

    def fix(match: re.Match[str]) -> str:
        raw = b"".join(_TO_BYTE.get(ch, b"?") for ch in match[0])
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return match[0]

    return _MOJIBAKE.sub(fix, text)


def decode_with_name(data: bytes) -> tuple[str, str]:
    """Decode a crawled file; return (text, encoding used). Raise NotText for binary."""
    if data.startswith(codecs.BOM_UTF8):
        text, name = _utf8(data[len(codecs.BOM_UTF8) :])
        name = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, name = data.decode("utf-32", errors="replace"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, name = data[: len(data) // 2 * 2].decode("utf-16", errors="replace"), "utf-16"
    else:
        reason = sniff_binary(data)
        if reason:
            text16 = _utf16_without_bom(data) if "NUL" in reason else None
            if text16 is None:
                raise NotText(reason)
            text, name = text16, "utf-16"
        else:
            try:
                text, name = _utf8(data)
            except UnicodeDecodeError:
                text, name = _legacy(data)
    if not text.isascii():
        if name == "utf-8":  # text is data decoded strictly: test the bytes, at memchr speed
            leads = _MOJIBAKE_LEAD_BYTES.search(data) is not None
            invisible = any(seq in data for seq in _INVISIBLE_BYTES)
        else:  # `in` tests: re scans wide strings slowly
            leads = any(ch in text for ch in _MOJIBAKE_LEADS)
            invisible = any(ch in text for ch in _INVISIBLE_CHARS)
        if leads and _MOJIBAKE.search(text):
            text = repair_mojibake(text)
        if invisible:
            text = _INVISIBLE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), name


def decode(data: bytes) -> str:
    """Decode a crawled file to text with normalised newlines and NFC; raise NotText for binary."""
    return decode_with_name(data)[0]

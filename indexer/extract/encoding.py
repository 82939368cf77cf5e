"""Bytes to text: BOMs, UTF-8, legacy single-byte encodings, and refusing binary."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes


class NotText(ValueError):
    """The bytes are not a text document (binary, or undecodable)."""


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode(data: bytes) -> str:
    """Decode a crawled file to text with normalised newlines and NFC; raise NotText for binary."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data):
            raise NotText("binary content (control bytes), not a text release")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            best = from_bytes(data).best()
            if best is None:
                raise NotText(f"undecodable bytes ({exc.reason})") from exc
            text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)

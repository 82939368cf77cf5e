"""The Rust text-dump extractor (native/, built by `make native`), where it is built.

`prepare(data, path)` (`prepare_many` for a batch) gives a text dump's document id and `_bulk`
source exactly as `indexer.extract.parse_bytes` + `core.schema.to_document` + `bulk.serialise`
do, at a fraction of the CPU, or None for every file it does not take (HTML, legacy encodings,
BOMs, characters outside `osce_native.supported`, files holding no release): those are parsed
in Python, which also words every refusal. The tables it matches with are this package's own,
passed in once.
`OSCE_NATIVE=off` (or a missing build) keeps every file in Python.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from core import schema
from core.settings import Settings
from indexer import gazetteer
from indexer.extract import MAX_BYTES, encoding, text_dump

log = logging.getLogger(__name__)

try:
    from indexer import osce_native
except ImportError:  # not built: no cargo on this machine, or `make native` not run
    osce_native = None


def tables() -> dict:
    """Everything the Rust side matches with, from the Python modules that define it."""
    return {
        "magic": [magic for magic, _name in encoding.MAGIC],
        "max_bytes": MAX_BYTES,
        "mojibake": encoding._MOJIBAKE.pattern,
        "text_dump": text_dump.native_tables(),
        "gazetteer": gazetteer.native_tables(),
    }


def enabled() -> bool:
    """Whether the native extractor is built and not switched off by `OSCE_NATIVE=off` (read
    here, in each parser process, as the environment the indexer was started with)."""
    return osce_native is not None and Settings.from_env().native


@lru_cache(maxsize=1)
def extractor():
    """The process's native extractor, or None (not built, switched off, or refused its
    tables: then logged once, and Python parses everything)."""
    if not enabled():
        return None
    try:
        return osce_native.Extractor(tables())
    except Exception:  # noqa: BLE001 - a native build that cannot start must not stop a reindex
        log.exception("native extractor unusable; parsing in Python")
        return None


def prepare(data: bytes, path: str) -> tuple[str, bytes] | None:
    """(document id, source) for a text dump the native extractor takes, else None."""
    native = extractor()
    if native is None:
        return None
    try:
        return native.prepare(data, path, schema.indexed_at())
    except (UnicodeEncodeError, TypeError, ValueError):  # a path with surrogates, say
        return None
    except RuntimeError:  # a bug on the Rust side (a panic, caught there): Python parses it
        log.exception("native extractor failed on %s; parsed in Python", path)
        return None


def read_many(paths: list[str]) -> list[tuple[bytes, str] | None] | None:
    """`(bytes, bulk.unit_hash)` per path as `extract.read_head` reads them, None for a file
    that cannot be read (Python reads it again and words the error); None when not built."""
    if extractor() is None:
        return None
    return osce_native.read_many(paths, MAX_BYTES)


def prepare_many(items: list[tuple[bytes, str]]) -> list[tuple[str, bytes] | None]:
    """`prepare` over a batch of (data, path) pairs in one call (the GIL released for it)."""
    native = extractor()
    if native is None:
        return [None] * len(items)
    try:
        return native.prepare_many(items, schema.indexed_at())
    except RuntimeError:  # a panic on one file: each alone, so that only it goes to Python
        return [prepare(data, path) for data, path in items]

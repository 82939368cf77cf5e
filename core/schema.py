"""What is indexed and how: alias, settings, analyzers, mapping, and Release -> document.

Shared by the write side (indexer/) and the read side (webui/): the mapping sits beside the
function that builds the documents it describes, and every fact about the index (id length, hit
window, versioned index names) is written here once.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from core.release import Release
from core.semantic.model import MODEL

#: The default alias (core.settings reads OSCE_ALIAS); concrete indices are `<alias>-<digits>`.
ALIAS = "osce-releases"
#: Bumped whenever the mapping or analysis changes, stored in the index's `_meta`.
MAPPING_VERSION = 4

#: Document ids: the content hash's first ID_CHARS hex digits (80 bits).
ID_CHARS = 20
ID_PATTERN = f"^[0-9a-f]{{{ID_CHARS}}}$"
#: Elasticsearch's `index.max_result_window`: paging stops at this many hits.
MAX_RESULT_WINDOW = 10_000

#: Analyzer names the query side uses (via this module: nothing else crosses packages).
INDEX_ANALYZER, SEARCH_ANALYZER, EXACT_ANALYZER = "osce_index", "osce_search", "osce_exact"
#: The filters below come from the project's analysis plugin (analysis-plugin/, `osce_` names).
_FOLD = ["lowercase", "osce_possessive", "osce_folding"]
SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.txt"


def load_synonyms(path: Path = SYNONYMS_FILE) -> list[str]:
    """Solr-format rules from the repo's data file, comments and blank lines dropped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


ANALYSIS = {
    "filter": {
        # Search time only: synonym edits need no reindex and graphs are never indexed.
        "osce_synonyms": {"type": "osce_synonym_graph", "synonyms": load_synonyms()},
        "osce_shingle": {
            "type": "shingle",
            "min_shingle_size": 2,
            "max_shingle_size": 2,
            "output_unigrams": False,
        },
    },
    "analyzer": {
        # Folded, possessive-free, KStemmed: `Đorđević's Elections` -> dordevic, election.
        INDEX_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*_FOLD, "osce_stemmer"],
        },
        # The same plus OSCE synonyms before the stemmer (rules are parsed unstemmed).
        SEARCH_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*_FOLD, "osce_synonyms", "osce_stemmer"],
        },
        # Unstemmed, for `title.exact`: the words as written outrank their stems.
        EXACT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": _FOLD},
        # Adjacent word pairs: multi-word names (`Lukasz Nowak`) score as units.
        "osce_shingles": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*_FOLD, "osce_shingle"],
        },
        "osce_suggest": {"type": "custom", "tokenizer": "standard", "filter": _FOLD},
        # A whole keyword, lowercased and folded: accent-blind matching on facet values.
        "osce_keyword_folded": {
            "type": "custom",
            "tokenizer": "osce_keyword",
            "filter": ["lowercase", "osce_folding"],
        },
    },
    "normalizer": {
        # Elasticsearch 9.5 refuses stable-API filters in normalizers (its wrapper is not a
        # NormalizingTokenFilterFactory), so folding lives in the `.folded` analyzer instead.
        "osce_keyword": {"type": "custom", "filter": ["lowercase"]},
    },
}

#: Keyword facets also get `.norm` (case-blind, aggregatable) and `.folded` (case- and
#: accent-blind: a match on `place_display.folded` for "sao tome" finds `São Tomé`).
_NORM = {
    "norm": {"type": "keyword", "normalizer": "osce_keyword", "ignore_above": 512},
    "folded": {"type": "text", "analyzer": "osce_keyword_folded", "norms": False},
}
_TEXT = {"analyzer": INDEX_ANALYZER, "search_analyzer": SEARCH_ANALYZER}
_SHINGLES = {"type": "text", "analyzer": "osce_shingles"}

MAPPING = {
    "dynamic": "strict",
    "_meta": {"mapping_version": MAPPING_VERSION},
    "properties": {
        "title": {
            "type": "text",
            **_TEXT,
            "index_options": "offsets",
            "fields": {
                "exact": {"type": "text", "analyzer": EXACT_ANALYZER},
                "shingles": _SHINGLES,
                "suggest": {"type": "completion", "analyzer": "osce_suggest"},
                "sort": {"type": "keyword", "ignore_above": 512},
            },
        },
        "body": {
            "type": "text",
            **_TEXT,
            "index_options": "offsets",
            "similarity": "osce_body",
            "fields": {
                "shingles": {**_SHINGLES, "similarity": "osce_body"},
                # The words as written, for did-you-mean and `prefix*` (no positions needed).
                "exact": {
                    "type": "text",
                    "analyzer": EXACT_ANALYZER,
                    "index_options": "docs",
                    "norms": False,
                },
            },
        },
        "body_words": {"type": "integer"},
        "type": {"type": "keyword"},
        "source": {"type": "keyword", "fields": _NORM},
        # Every source in file order (`source` is the first); closed offices carry their name
        # without " (closed)" here and are listed in `closed_sources`.
        "sources": {"type": "keyword", "fields": _NORM},
        "closed_sources": {"type": "keyword"},
        # `.text`: the release's own topic labels, searchable like its words.
        "fields_of_work": {
            "type": "keyword",
            "fields": {**_NORM, "text": {"type": "text", **_TEXT}},
        },
        "place": {"type": "keyword"},
        "place_display": {"type": "keyword", "fields": _NORM},
        "places": {"type": "keyword", "fields": _NORM},
        "countries": {"type": "keyword", "fields": _NORM},
        "date": {"type": "date", "format": "strict_date"},
        "year": {"type": "short"},
        "path": {"type": "keyword", "index": False},
        "origin": {"type": "keyword", "index": False},
        "format": {"type": "keyword"},
        "content_hash": {"type": "keyword"},
        "indexed_at": {"type": "date"},
        "crawled_at": {"type": "date"},
        # Title and lead as a vector (core/semantic/, indexer/embeddings.py); absent with
        # `--embeddings off`. int8_hnsw: a quarter of float32's memory, recall measured in bench/.
        "embedding": {
            "type": "dense_vector",
            "dims": MODEL.dims,
            "similarity": "cosine",
            "index_options": {"type": "int8_hnsw"},
        },
    },
}


#: Press releases are short and similar in length; BM25's default b=0.75 over-penalises the
#: fuller statement (Singhal, Buckley & Mitra 1996, pivoted length normalisation).
SIMILARITY = {"osce_body": {"type": "BM25", "k1": 1.2, "b": 0.3}}


#: One replica wherever a second node can hold it (`make es-cluster`), none on one node.
AUTO_EXPAND_REPLICAS = "0-1"


def index_settings() -> dict:
    """Settings for a new concrete index (one shard: the corpus is small per node)."""
    return {
        "number_of_shards": 1,
        "auto_expand_replicas": AUTO_EXPAND_REPLICAS,
        "analysis": ANALYSIS,
        "similarity": SIMILARITY,
        "max_result_window": MAX_RESULT_WINDOW,
    }


def is_versioned(alias: str, index: str) -> bool:
    """`<alias>-<digits>`: one of ours (not the lock index, not another alias's)."""
    return index.startswith(f"{alias}-") and index[len(alias) + 1 :].isdigit()


#: Typographic variants a crawl may or may not have kept; str.replace runs at C speed, where
#: str.translate with a dict table costs ~30 µs per release.
def fold(text: str) -> str:
    """Lowercase without diacritics ("Türkiye", "TURKIYE", "turkiye" alike), as the mapping's
    `exact` and `.norm` fields hold words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TYPOGRAPHY = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def _squeeze(text: str) -> str:
    """`" ".join(text.split())`, without the split when the text is clean already (no
    whitespace but single spaces between words and the newlines between paragraphs)."""
    flat = text.replace("\n", " ") if "\n" in text else text
    if flat.isprintable() and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat  # a printable string holds no whitespace but U+0020
    return " ".join(text.split())


def _normalise(text: str, squeezed: str | None = None) -> str:
    """NFKC, plain quotes and dashes, one space between words, casefolded. `squeezed` is
    `_squeeze(text)` when the caller has it: reused when NFKC leaves the text as it is."""
    normal = unicodedata.normalize("NFKC", text or "")
    if squeezed is None or normal is not text:
        squeezed = _squeeze(normal)
    # The replacements leave whitespace alone, so they commute with squeezing.
    for old, new in _TYPOGRAPHY:
        if old in squeezed:
            squeezed = squeezed.replace(old, new)
    return squeezed.casefold()


def _hash(title: str, date: str, body: str, squeezed_body: str | None = None) -> str:
    key = "\x1f".join([_normalise(title), date, _normalise(body, squeezed_body)])
    return hashlib.sha256(key.encode()).hexdigest()


def content_hash(release: Release) -> str:
    """Stable hash of what a release says, whatever file format it came in."""
    return _hash(release.title or "", release.date or "", release.body_text)


def doc_id(release: Release) -> str:
    """The document id: the first ID_CHARS hex digits of the content hash."""
    return content_hash(release)[:ID_CHARS]


def place_display(place: str | None) -> str | None:
    """`BAKU` -> `Baku`, `NEW YORK` -> `New York`; mixed-case places stay as written."""
    if not place:
        return None
    place = re.sub(r"\s+", " ", place).strip()
    return place.title() if place.isupper() else place


def indexed_at(cache: list = [0, ""]) -> str:  # noqa: B006 - the cache, on purpose
    """Now in ISO form to the second, formatted once a second rather than once a document."""
    now = int(time.time())
    if now != cache[0]:
        cache[:] = [now, datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")]
    return cache[1]


def to_document(release: Release) -> dict:
    """The Elasticsearch source for a valid release."""
    body = release.body_text
    squeezed = _squeeze(body)  # its words: counted here, hashed below
    return {
        "title": release.title,
        "body": body,
        "type": release.type,
        "source": release.source,
        "sources": release.all_sources,
        "closed_sources": release.closed_sources,
        "fields_of_work": release.fields_of_work,
        "place": release.place,
        "place_display": place_display(release.place),
        # The extractor names the cities (indexer.gazetteer); a release built by hand has one.
        "places": release.places or ([place_display(release.place)] if release.place else []),
        "countries": release.countries,
        "date": release.date,
        "year": int(release.date[:4]) if release.date else None,
        "path": release.path,
        "origin": release.origin,
        "format": release.format,
        "body_words": max(1, squeezed.count(" ") + 1 if squeezed else 0),
        "content_hash": _hash(release.title or "", release.date or "", body, squeezed),
        "indexed_at": indexed_at(),
        "crawled_at": release.crawled_at,
    }

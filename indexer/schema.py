"""What is indexed and how: alias, settings, analyzers, mapping, and Release -> document.

The web side reads field names and the alias from here; nothing else crosses between the two.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import UTC, datetime

from indexer.release import Release

ALIAS = os.environ.get("OSCE_ALIAS", "osce-releases")
#: Bumped whenever the mapping or analysis changes, stored in the index's `_meta`.
MAPPING_VERSION = 1

#: Fields the web UI searches, and their facet fields.
TITLE, BODY = "title", "body"
FACET_FIELDS = {
    "fields_of_work": "fields_of_work",
    "source": "source",
    "place": "place_display",
    "country": "countries",
    "type": "type",
    "year": "year",
}

ANALYSIS = {
    "analyzer": {
        "osce_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase"],
        },
        "osce_exact": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase"],
        },
    },
    "normalizer": {
        "osce_keyword": {"type": "custom", "filter": ["lowercase"]},
    },
}

MAPPING = {
    "dynamic": "strict",
    "_meta": {"mapping_version": MAPPING_VERSION},
    "properties": {
        "title": {
            "type": "text",
            "analyzer": "osce_text",
            "index_options": "offsets",
            "fields": {
                "exact": {"type": "text", "analyzer": "osce_exact"},
                "suggest": {"type": "completion", "analyzer": "simple"},
                "sort": {"type": "keyword", "ignore_above": 512},
            },
        },
        "body": {
            "type": "text",
            "analyzer": "osce_text",
            "index_options": "offsets",
            "similarity": "osce_body",
        },
        "body_words": {"type": "integer"},
        "type": {"type": "keyword"},
        "source": {"type": "keyword"},
        "fields_of_work": {"type": "keyword"},
        "place": {"type": "keyword"},
        "place_display": {"type": "keyword"},
        "countries": {"type": "keyword"},
        "date": {"type": "date", "format": "strict_date"},
        "year": {"type": "short"},
        "path": {"type": "keyword", "index": False},
        "origin": {"type": "keyword", "index": False},
        "format": {"type": "keyword"},
        "content_hash": {"type": "keyword"},
        "indexed_at": {"type": "date"},
    },
}


#: Press releases are short and similar in length; BM25's default b=0.75 over-penalises the
#: fuller statement (Singhal, Buckley & Mitra 1996, pivoted length normalisation).
SIMILARITY = {"osce_body": {"type": "BM25", "k1": 1.2, "b": 0.3}}


def index_settings(replicas: int = 0) -> dict:
    """Settings for a new concrete index (one shard: the corpus is small per node)."""
    return {
        "number_of_shards": 1,
        "number_of_replicas": replicas,
        # One replica wherever a second node can hold it (`make es-cluster`), none on one node.
        "auto_expand_replicas": "0-1",
        "analysis": ANALYSIS,
        "similarity": SIMILARITY,
        "max_result_window": 10000,
    }


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(
        str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    )
    return re.sub(r"\s+", " ", text).strip().casefold()


def content_hash(release: Release) -> str:
    """Stable hash of what a release says, whatever file format it came in."""
    key = "\x1f".join(
        [_normalise(release.title or ""), release.date or "", _normalise(release.body_text)]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def doc_id(release: Release) -> str:
    """The document id: the first 20 hex digits of the content hash (80 bits)."""
    return content_hash(release)[:20]


def place_display(place: str | None) -> str | None:
    """`BAKU` -> `Baku`, `NEW YORK` -> `New York`; mixed-case places stay as written."""
    if not place:
        return None
    place = re.sub(r"\s+", " ", place).strip()
    return place.title() if place.isupper() else place


def to_document(release: Release) -> dict:
    """The Elasticsearch source for a valid release."""
    return {
        "title": release.title,
        "body": release.body_text,
        "type": release.type,
        "source": release.source,
        "fields_of_work": release.fields_of_work,
        "place": release.place,
        "place_display": place_display(release.place),
        "countries": release.countries,
        "date": release.date,
        "year": int(release.date[:4]) if release.date else None,
        "path": release.path,
        "origin": release.origin,
        "format": release.format,
        "body_words": max(1, len(release.body_text.split())),
        "content_hash": content_hash(release),
        "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }

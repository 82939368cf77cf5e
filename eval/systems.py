"""The two rankings compared: (a) vanilla `standard` analysis + plain multi_match, (b) ours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core import schema
from webui.query import text_query

BASELINE_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
BASELINE_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "title": {"type": "text", "analyzer": "standard"},
        "body": {"type": "text", "analyzer": "standard"},
        "path": {"type": "keyword"},
    },
}


def baseline_query(q: str) -> dict:
    """What a first attempt looks like: every field, default BM25, nothing else."""
    return {"multi_match": {"query": q, "fields": ["title", "body"]}}


def baseline_document(doc: dict) -> dict:
    return {"title": doc["title"], "body": doc["body"], "path": doc["path"]}


@dataclass(frozen=True)
class System:
    """How one system indexes documents and turns a query string into a query."""

    name: str
    description: str
    settings: dict
    mapping: dict
    document: Callable[[dict], dict]
    query: Callable[[str], dict]


BASELINE = System(
    name="baseline",
    description="standard analyzer on title and body, multi_match (best_fields), BM25 defaults",
    settings=BASELINE_SETTINGS,
    mapping=BASELINE_MAPPING,
    document=baseline_document,
    query=baseline_query,
)

OURS = System(
    name="ours",
    description=(
        "osce analysis plugin (folding, possessive, KStem, search-time OSCE synonyms), "
        f"mapping v{schema.MAPPING_VERSION}, webui.query.text_query (boosts, phrases, shingles, "
        "typo tolerance, length prior, recency tie-break)"
    ),
    settings=schema.index_settings(),
    mapping=schema.MAPPING,
    document=lambda doc: doc,
    query=text_query,
)

SYSTEMS = (BASELINE, OURS)

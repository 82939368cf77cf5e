"""The two rankings compared: (a) vanilla `standard` analysis + plain multi_match, (b) ours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from elasticsearch import Elasticsearch

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
    #: When set, the whole search instead of one query: (es, index, q, size) -> ranked ids.
    search: Callable[[Elasticsearch, str, str, int], list[str]] | None = None


def _node_url(es: Elasticsearch) -> str:
    return str(es.transport.node_pool.get().base_url)


@cache
def _app(url: str, index: str):
    from webui import create_app

    return create_app(
        {"TESTING": True, "ES_URL": url, "OSCE_ALIAS": index, "OSCE_RATE_LIMIT": "off"}
    )


def language_search(es: Elasticsearch, index: str, q: str, size: int) -> list[str]:
    """The search as the web UI runs it (webui.interpret): the query language, typed years,
    facet prefixes, spelling correction and relaxation; the ids of the hits in order."""
    from webui import interpret
    from webui.params import SearchParams

    app = _app(_node_url(es), index)
    with app.test_request_context():
        _, data = interpret.run(SearchParams(q=q, size=size))
    return [hit["id"] for hit in data["hits"]]


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
        f"mapping v{schema.MAPPING_VERSION}, the web UI's search (webui.interpret: the query "
        "language, typed years, facet prefixes, spelling correction, relaxation) over "
        "webui.query's relevance (boosts, phrases, shingles, typo tolerance, length prior, "
        "recency tie-break)"
    ),
    settings=schema.index_settings(),
    mapping=schema.MAPPING,
    document=lambda doc: doc,
    query=text_query,
    search=language_search,
)
#: Our ranking before the query language (plain words only): for before/after reports.
PLAIN = System(
    name="plain",
    description="webui.query.text_query on q as plain words (the ranking before issue 13)",
    settings=schema.index_settings(),
    mapping=schema.MAPPING,
    document=lambda doc: doc,
    query=text_query,
)

SYSTEMS = (BASELINE, OURS)

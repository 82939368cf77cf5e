"""The secured profile: the indexer's API key writes `osce-releases*`; the web UI's only reads."""

from __future__ import annotations

import uuid

import pytest
from elasticsearch import AuthenticationException, AuthorizationException, Elasticsearch

from indexer import aliases
from tests.reliability import corpus
from tests.reliability.summary import record


@pytest.fixture(scope="module")
def secured(secure_node):
    url, _, keys = secure_node
    indexer = Elasticsearch(url, api_key=keys["indexer"], request_timeout=60)
    web = Elasticsearch(url, api_key=keys["web"], request_timeout=30)
    alias = f"osce-releases-lp{uuid.uuid4().hex[:8]}"
    report = aliases.reindex(indexer, [corpus.release(i, "secure") for i in range(50)], alias)
    assert report.indexed == 50
    yield url, keys, indexer, web, alias
    indexer.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


def test_web_key_reads_through_the_web_ui(secured, web_app) -> None:
    url, keys, _, _, alias = secured
    client = web_app(url, alias, ES_API_KEY=keys["web"]).test_client()
    data = client.get("/api/search?q=security").get_json()
    assert data["total"] > 0
    release = client.get(data["hits"][0]["url"])
    assert release.status_code == 200
    assert client.get("/healthz").status_code == 200


def test_web_key_cannot_write_or_delete(secured) -> None:
    _, _, indexer, web, alias = secured
    index = aliases.alias_indices(indexer, alias)[0]
    doc_id = web.search(index=alias, size=1)["hits"]["hits"][0]["_id"]
    # (_delete_by_query / _update_by_query live in the reindex module, absent from this node.)
    attempts = {
        "index a document": lambda: web.index(index=index, document={"title": "x"}),
        "overwrite a document": lambda: web.index(index=index, id=doc_id, document={"title": "x"}),
        "update a document": lambda: web.update(index=index, id=doc_id, doc={"title": "x"}),
        "delete a document": lambda: web.delete(index=index, id=doc_id),
        "bulk write": lambda: _bulk_errors(web, index),
        "delete the index": lambda: web.indices.delete(index=index),
        "create an index": lambda: web.indices.create(index=f"{alias}-99999999999999999999"),
        "move the alias": lambda: web.indices.update_aliases(
            actions=[{"remove": {"index": index, "alias": alias}}]
        ),
        "change settings": lambda: web.indices.put_settings(
            index=index, settings={"number_of_replicas": 0}
        ),
        "change the mapping": lambda: web.indices.put_mapping(index=index, meta={"x": 1}),
        "close the index": lambda: web.indices.close(index=index),
        "write elsewhere": lambda: web.index(index="other-index", document={"a": 1}),
        "create an API key": lambda: web.security.create_api_key(name="escalate"),
        "change cluster settings": lambda: web.cluster.put_settings(
            persistent={"cluster.routing.allocation.enable": "none"}
        ),
    }
    allowed = []
    for what, attempt in attempts.items():
        try:
            attempt()
        except AuthorizationException:
            continue
        allowed.append(what)
    count = indexer.count(index=alias)["count"]
    record("least_privilege", attempted=len(attempts), allowed=len(allowed))
    assert allowed == [], f"the read-only key could: {allowed}"
    assert count == 50


def _bulk_errors(es: Elasticsearch, index: str) -> None:
    """A bulk call answers 200 with per-item errors: raise like a refused single write."""
    resp = es.bulk(operations=[{"index": {"_index": index}}, {"title": "x"}])
    errors = [next(iter(i.values())) for i in resp["items"]]
    if all(e.get("status") == 403 for e in errors):
        raise AuthorizationException(message="bulk refused", meta=resp.meta, body=resp.body)


def test_indexer_key_is_confined_to_its_indices(secured) -> None:
    _, _, indexer, _, _ = secured
    with pytest.raises(AuthorizationException):
        indexer.indices.create(index="not-osce-releases")
    with pytest.raises(AuthorizationException):
        indexer.security.create_api_key(name="escalate")


def test_no_credentials_no_data(secured) -> None:
    url, _, _, _, alias = secured
    anonymous = Elasticsearch(url, request_timeout=10)
    assert anonymous.cluster.health()["status"] in ("green", "yellow")  # the probe's only right
    with pytest.raises((AuthorizationException, AuthenticationException)):
        anonymous.search(index=alias)
    bad = Elasticsearch(url, api_key="bm90OmFrZXk=", request_timeout=10)
    with pytest.raises(AuthenticationException):
        bad.search(index=alias)

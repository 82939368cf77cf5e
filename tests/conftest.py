"""Session fixtures: one real Elasticsearch node for the whole run, a seeded test alias, the app."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from hypothesis import settings as hypothesis_settings

from esnode import Node, ensure_node
from indexer import aliases
from indexer.bulk import parse_all

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Property tests draw the same examples on every run (a failure in CI is a failure here) and keep
# no example database in the worktree; HYPOTHESIS_PROFILE=explore draws fresh ones each run.
hypothesis_settings.register_profile("osce", derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("explore", database=None, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "osce"))


@pytest.fixture(scope="session", autouse=True)
def embedding_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Vectors only where a test asks for them (the CLI's default is on; embedding costs ~30 ms
    a release here), and the embedding cache in a temporary folder shared by the session."""
    cache = tmp_path_factory.mktemp("embedding-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("OSCE_EMBEDDINGS", "off")
    mp.setenv("OSCE_EMBEDDING_CACHE", str(cache))
    yield cache
    mp.undo()


@pytest.fixture(scope="session", autouse=True)
def doc_cache_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI's document cache (on by default, in the clone's .cache/) in a temporary folder."""
    cache = tmp_path_factory.mktemp("doc-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("OSCE_DOC_CACHE", str(cache))
    yield cache
    mp.undo()


@pytest.fixture(scope="session")
def es_url() -> str:
    """A real cluster: ES_URL, or the running local node, or one started (and stopped) here."""
    url, started = ensure_node()
    yield url
    if started:
        Node().stop()


@pytest.fixture(scope="session")
def es(es_url: str) -> Elasticsearch:
    client = Elasticsearch(es_url, request_timeout=60)
    yield client
    client.close()


@pytest.fixture(scope="session")
def make_alias(es: Elasticsearch):
    """Factory for throwaway aliases (and their indices), removed at the end of the session."""
    made: list[str] = []

    def make(prefix: str = "osce-test") -> str:
        alias = f"{prefix}-{uuid.uuid4().hex[:8]}"
        made.append(alias)
        return alias

    yield make
    for alias in made:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture(scope="session")
def seeded_alias(es: Elasticsearch, make_alias) -> str:
    """An alias holding the three seed releases."""
    alias = make_alias()
    aliases.reindex(es, parse_all([SEEDS]), alias)
    return alias


@pytest.fixture()
def app(es_url: str, seeded_alias: str):
    from webui import create_app

    return create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": seeded_alias})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """A real redis-server for the shared rate limit, started (and stopped) here."""
    from tests.redis_server import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis"))
    url = server.start()
    yield url
    server.stop()

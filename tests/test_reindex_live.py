"""Zero downtime: searches through the web API never fail while the alias is rebuilt, and a
reindex that fails half-way leaves the alias on the old index with every document."""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from werkzeug.serving import make_server

from devtools import synth
from indexer import aliases, lock
from indexer.bulk import Prepared, Report, prepare_all
from tests.conftest import SEEDS

#: Queries an operator's users might be typing during a rebuild ("" lists everything).
QUERIES = ["", "OSCE", "election observation", "Minsk Group", "media freedom", "Kyrgyzstan"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """A small live corpus (seeds + 500) and a bigger one (3,000) to rebuild from."""
    small = tmp_path_factory.mktemp("small")
    big = tmp_path_factory.mktemp("big")
    synth.write_corpus(small, 500, seed=1)
    synth.write_corpus(big, 3000, seed=2)
    return small, big


@pytest.fixture(scope="module")
def small_docs(corpus) -> list[Prepared]:
    return list(prepare_all([SEEDS, corpus[0]], workers=1))


@pytest.fixture()
def live_alias(es: Elasticsearch, make_alias, small_docs) -> str:
    alias = make_alias("osce-live")
    aliases.reindex(es, small_docs, alias)
    assert es.count(index=alias)["count"] == 503
    return alias


class Searcher(threading.Thread):
    """Searches the web API over real HTTP, back to back, recording every answer."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.results: list[tuple[str, int, int]] = []  # (q, status, total)
        self.errors: list[str] = []

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            q = QUERIES[i % len(QUERIES)]
            i += 1
            url = f"{self.base}/api/search?q={urllib.request.quote(q)}"
            try:
                with urllib.request.urlopen(url, timeout=30) as resp:
                    data = json.load(resp)
                    self.results.append((q, resp.status, data["total"]))
            except Exception as exc:  # noqa: BLE001 - every failure is the test's finding
                self.errors.append(f"{q!r}: {exc}")

    def totals(self, q: str) -> set[int]:
        return {total for query, _, total in self.results if query == q}


@pytest.fixture()
def web(es_url: str, live_alias: str, monkeypatch) -> Iterator[str]:
    """The real web app on a loopback port, searching the live alias."""
    from webui import create_app

    monkeypatch.setenv("OSCE_RATE_LIMIT", "off")
    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": live_alias, "OSCE_RATE_LIMIT": "off"}
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture()
def searchers(web: str) -> Iterator[list[Searcher]]:
    started = [Searcher(web) for _ in range(2)]
    for searcher in started:
        searcher.start()
    yield started
    for searcher in started:
        searcher.stop.set()
        searcher.join(timeout=30)


def _stop(searchers: list[Searcher]) -> list[tuple[str, int, int]]:
    for searcher in searchers:
        searcher.stop.set()
        searcher.join(timeout=30)
    errors = [e for s in searchers for e in s.errors]
    assert errors == [], f"{len(errors)} searches failed, first: {errors[:3]}"
    return [r for s in searchers for r in s.results]


def test_searches_never_fail_during_reindex(es, live_alias, corpus, searchers) -> None:
    before = aliases.alias_indices(es, live_alias)
    report = aliases.reindex(es, prepare_all([SEEDS, corpus[1]], workers=2), live_alias)
    results = _stop(searchers)

    assert report.indexed == 3003 and not report.failed
    assert len(results) >= 20, "the searches did not overlap the reindex"
    assert all(status == 200 and total > 0 for _, status, total in results)
    # The stream saw the old index (503 releases) and, after the swap, the new one (3,003).
    listed = {total for s in searchers for total in s.totals("")}
    assert listed <= {503, 3003} and 503 in listed
    after = aliases.alias_indices(es, live_alias)
    assert after != before and es.count(index=live_alias)["count"] == 3003
    # The old index is kept (keep=1) for rollback, but no longer searched.
    assert es.indices.exists(index=before[0])


def _failing_half_way(items: Iterator[Prepared], after: int) -> Iterator[Prepared]:
    for i, item in enumerate(items):
        if i == after:
            raise RuntimeError("extractor crashed half-way")
        yield item


def _assert_untouched(es: Elasticsearch, alias: str, before: list[str]) -> None:
    assert aliases.alias_indices(es, alias) == before
    assert es.count(index=alias)["count"] == 503
    assert list(aliases.versioned_indices(es, alias)) == before, "half-built index left behind"


def test_reindex_failing_half_way_keeps_the_old_index(es, live_alias, corpus, searchers) -> None:
    before = aliases.alias_indices(es, live_alias)
    items = _failing_half_way(prepare_all([corpus[1]], workers=2), after=1500)
    with pytest.raises(RuntimeError, match="half-way"):
        aliases.reindex(es, items, live_alias)
    results = _stop(searchers)

    assert results and all(status == 200 and total > 0 for _, status, total in results)
    assert {total for q, _, total in results if q == ""} == {503}
    _assert_untouched(es, live_alias, before)
    assert lock.holder(es, live_alias) is None, "the lock was not released"


def test_rejected_documents_fail_the_reindex(es, live_alias, corpus) -> None:
    before = aliases.alias_indices(es, live_alias)
    good = list(islice(prepare_all([corpus[1]], workers=1), 1000))
    bad = Prepared("bad.txt", "bad-doc", b'{"title": "x", "date": "not a date"}', None)
    many = [p._replace(doc_id=f"{p.doc_id}-{k}") for k in range(10) for p in good]
    report = Report()
    with pytest.raises(aliases.ReindexError, match="1 documents were rejected, first bad.txt"):
        aliases.reindex(es, [*many[:500], bad, *many[500:]], live_alias, report=report)
    _assert_untouched(es, live_alias, before)
    assert report.indexed < 5000, "the reindex went on loading after the first rejection"


def test_a_much_smaller_index_is_not_swapped_in(es, live_alias) -> None:
    before = aliases.alias_indices(es, live_alias)
    with pytest.raises(aliases.ReindexError, match="fewer than 50% of the live 503"):
        aliases.reindex(es, prepare_all([SEEDS], workers=1), live_alias, min_ratio=0.5)
    _assert_untouched(es, live_alias, before)


def test_an_empty_index_is_never_swapped_in(es, live_alias, tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    before = aliases.alias_indices(es, live_alias)
    with pytest.raises(aliases.ReindexError, match="empty index"):
        aliases.reindex(es, prepare_all([tmp_path], workers=1), live_alias)
    _assert_untouched(es, live_alias, before)


def test_losing_the_lock_mid_reindex_keeps_the_old_index(es, live_alias, corpus) -> None:
    """A writer whose lease was taken over must not swap the alias."""
    before = aliases.alias_indices(es, live_alias)

    def steal(items: Iterator[Prepared]) -> Iterator[Prepared]:
        for i, item in enumerate(items):
            if i == 100:  # another writer declares our lease stale and takes the lock
                es.index(
                    index=lock.lock_index(live_alias),
                    id=lock.DOC_ID,
                    document={"owner": "thief", "operation": "reindex", "expires_at": 1},
                )
            yield item

    with pytest.raises(aliases.ReindexError, match="taken over"):
        aliases.reindex(es, steal(islice(prepare_all([corpus[1]]), 400)), live_alias)
    _assert_untouched(es, live_alias, before)
    assert lock.holder(es, live_alias)["owner"] == "thief"

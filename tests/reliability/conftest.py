"""Fixtures for the reliability suite: the 3-node cluster and single-purpose nodes it starts.

Every server started here is stopped here, at the end of the module that needed it (so the extra
JVMs do not outlive their test); one already running (e.g. `make es-cluster`) is reused and left
running.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from esnode.cluster import Cluster
from tests.apps import app_on
from tests.reliability import summary

_STARTED = datetime.now(UTC).isoformat(timespec="seconds")


def pytest_terminal_summary(terminalreporter) -> None:
    """The table the issue asks for, after any run that measured something here."""
    data = summary.load()
    fresh = {k: v for k, v in data.items() if v.get("at", "") >= _STARTED}
    if not fresh:
        return
    for key, value in data.items():
        if key not in fresh:
            value["stale"] = True
    terminalreporter.write_sep("=", f"reliability summary ({summary.RESULTS})")
    terminalreporter.write_line(summary.table(data))


@pytest.fixture(scope="module")
def cluster() -> Cluster:
    """A green 3-node cluster on loopback (esnode.cluster)."""
    cluster = Cluster()
    already = [m.name for m in cluster.members if m.url()]
    cluster.start()
    yield cluster
    if len(already) < cluster.size:
        cluster.stop()


@pytest.fixture()
def web_app():
    """Factory for a web app on a given cluster and alias, rate limit off unless asked."""

    def make(es_url: str, alias: str, **config: object):
        return app_on(es_url, alias, **config)

    return make


#: Thread pools squeezed to one thread and a one-slot queue: any burst is rejected (429).
SQUEEZED = {
    "thread_pool.write.size": 1,
    "thread_pool.write.queue_size": 1,
    "thread_pool.search.size": 1,
    "thread_pool.search.queue_size": 1,
}


@pytest.fixture(scope="module")
def squeezed_node():
    """A single node of its own (small heap) whose write and search queues overflow at once."""
    from esnode.cluster import Member

    node = Member(name="squeezed", extra_settings=dict(SQUEEZED), ports=range(9290, 9300))
    was_running = node.url() is not None
    url = node.start()
    yield node, url
    if not was_running:
        node.stop()


@pytest.fixture(scope="module")
def secure_node():
    """The secured profile (esnode.secure): URL, the elastic password and the two API keys."""
    from esnode.secure import SecureNode

    node = SecureNode()
    was_running = node.url() is not None
    url = node.start()
    yield url, node.password(), node.api_keys(url)
    if not was_running:
        node.stop()

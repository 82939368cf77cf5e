"""A throwaway filesystem snapshot repository under the test node's `path.repo`."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch


def repo_root(es: Elasticsearch) -> Path:
    """The node's `path.repo`: every fs repository must live below it."""
    nodes = es.nodes.info(metric="settings", filter_path="nodes.*.settings.path.repo").body
    roots = [n["settings"]["path"]["repo"] for n in nodes.get("nodes", {}).values()]
    if not roots:
        pytest.fail("the test node has no path.repo: esnode must set it (restart the node)")
    root = roots[0]
    return Path(root[0] if isinstance(root, list) else root)


@contextmanager
def scratch_repository(es: Elasticsearch, prefix: str) -> Iterator[tuple[str, Path]]:
    """A repository of the caller's own, registered, then unregistered and removed afterwards."""
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    location = repo_root(es) / "tests" / name
    es.snapshot.create_repository(
        name=name, repository={"type": "fs", "settings": {"location": str(location)}}
    )
    try:
        yield name, location
    finally:
        es.snapshot.delete_repository(name=name)
        shutil.rmtree(location, ignore_errors=True)

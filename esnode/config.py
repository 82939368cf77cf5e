"""Where the node lives and which versions it uses: the one place they are pinned."""

from __future__ import annotations

import os
from pathlib import Path

#: Newest 9.x whose integ-test zip resolves on Maven Central (checked 2026-11-23).
ES_VERSION = "9.5.3"
ES_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2"

REPO_ROOT = Path(__file__).resolve().parent.parent
#: Unpacked node, data and logs: git-ignored, inside the clone.
CACHE_DIR = Path(os.environ.get("OSCE_CACHE_DIR", REPO_ROOT / ".cache"))
#: Downloads shared by every clone on the machine (Maven's ~/.m2 is used first).
DOWNLOAD_DIR = Path(os.environ.get("OSCE_DOWNLOAD_DIR", Path.home() / ".cache" / "osce-search"))

ES_USER = os.environ.get("OSCE_ES_USER", "osce-es")
HEAP = os.environ.get("OSCE_ES_HEAP", "1g")
DEFAULT_PORT = 9200
MIN_JAVA = 21
#: The filesystem snapshot repository the local node registers (`python -m indexer snapshot`).
SNAPSHOT_REPO = "osce-backups"

"""The environment, read once into one typed object that create_app and the CLIs are given.

Nothing else reads os.environ for the application's settings (esnode keeps its own dev-node
configuration in esnode/config.py: it is a development tool, not part of what is deployed), but
for the embedding model's two file locations, OSCE_EMBEDDING_MODEL and OSCE_EMBEDDING_CACHE,
which core/semantic reads where it needs them (also in the indexer's parser processes).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from core.schema import ALIAS

#: Where a cluster is looked for when ES_URL is unset (the local node's first port).
DEFAULT_ES_URL = "http://127.0.0.1:9200"
DEFAULT_RATE_LIMIT = "120/minute"
DEFAULT_KIBANA_URL = "http://127.0.0.1:5601"
#: The filesystem snapshot repository the local node registers (esnode.config has the same name).
DEFAULT_SNAPSHOT_REPO = "osce-backups"
#: Most rows one whole-set export writes: large enough for the whole collection.
DEFAULT_EXPORT_MAX = 100_000
#: The indexer's cache of parsed documents: in the clone's `.cache/` (as the local node's files
#: are), not the user's: it is only valid for this clone's extractor code.
DEFAULT_DOC_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "documents"


#: Values of an on/off switch (OSCE_SEMANTIC) that mean off.
OFF_WORDS = ("off", "0", "false", "no")


def switched_on(value: object, default: bool = True) -> bool:
    """An on/off switch as the environment or a test's config gives it (a bool, or a word)."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() not in OFF_WORDS


def parse_export_max(raw: str | None) -> int:
    """OSCE_EXPORT_MAX: the most rows one export writes (a positive whole number)."""
    if raw is None or not raw.strip():
        return DEFAULT_EXPORT_MAX
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"OSCE_EXPORT_MAX={raw!r} is not a positive number of rows")
    return value


def node_urls(url: str) -> list[str]:
    """A comma-separated ES_URL names several nodes: the client skips a lost one."""
    return [u.strip() for u in url.split(",") if u.strip()]


@dataclass(frozen=True)
class Settings:
    """Every setting the indexer and the web UI take from the environment (DESIGN.md §3, §4)."""

    es_url: str | None = None  # ES_URL; None: the local node (the indexer asks esnode)
    es_api_key: str | None = None  # ES_API_KEY: read-only for the web UI, write for the indexer
    alias: str = ALIAS  # OSCE_ALIAS
    es_timeout: float = 10.0  # OSCE_ES_TIMEOUT, seconds per web request
    rate_limit: str = DEFAULT_RATE_LIMIT  # OSCE_RATE_LIMIT, flask-limiter syntax or `off`
    kibana_url: str = DEFAULT_KIBANA_URL  # KIBANA_URL
    kibana_username: str | None = None  # KIBANA_USERNAME
    kibana_password: str | None = None  # KIBANA_PASSWORD
    # Operations (issue 15); the web modules validate theirs at create_app and fail when bad.
    snapshot_repo: str = DEFAULT_SNAPSHOT_REPO  # OSCE_SNAPSHOT_REPO: a repository registered
    rate_limit_storage: str = "memory://"  # OSCE_RATE_LIMIT_STORAGE: redis://... to share
    proxy_count: str = "0"  # OSCE_PROXY_COUNT: proxies whose X-Forwarded-For is trusted
    metrics: str = "private"  # OSCE_METRICS: who may read /metrics (private, on, off, CIDRs)
    log_format: str = "text"  # OSCE_LOG_FORMAT: text or json (one JSON line per request/run)
    search_timeout: str | None = None  # OSCE_SEARCH_TIMEOUT: shard time limit, e.g. 5s
    max_index_age: str | None = None  # OSCE_MAX_INDEX_AGE: /readyz fails past it, e.g. 7d
    export_max: int = DEFAULT_EXPORT_MAX  # OSCE_EXPORT_MAX, rows per whole-set export
    secret_key: str | None = None  # OSCE_SECRET_KEY, signs API cursors (random when unset)
    semantic: bool = True  # OSCE_SEMANTIC: `off` keeps the web UI in keyword mode, no model
    embeddings: str = "on"  # OSCE_EMBEDDINGS: the indexer's `--embeddings` default (on | off)
    doc_cache: str | None = str(DEFAULT_DOC_CACHE)  # OSCE_DOC_CACHE: a folder, or `off` (None)
    native: bool = True  # OSCE_NATIVE: `off` parses every file in Python (indexer.native)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the environment (or `env`); empty values count as unset."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        timeout = get("OSCE_ES_TIMEOUT")
        try:
            es_timeout = float(timeout) if timeout else cls.es_timeout
        except ValueError:
            raise ValueError(f"OSCE_ES_TIMEOUT={timeout!r} is not a number of seconds") from None
        rate = env.get("OSCE_RATE_LIMIT")
        embeddings = (get("OSCE_EMBEDDINGS") or "on").lower()
        if embeddings not in ("on", "off"):
            raise ValueError(f"OSCE_EMBEDDINGS={embeddings!r} must be on or off")
        doc_cache = get("OSCE_DOC_CACHE") or str(DEFAULT_DOC_CACHE)
        return cls(
            es_url=(get("ES_URL") or "").rstrip("/") or None,
            es_api_key=get("ES_API_KEY"),
            alias=get("OSCE_ALIAS") or ALIAS,
            es_timeout=es_timeout,
            # Set but empty means off (as `off` does): only an unset variable takes the default.
            rate_limit=DEFAULT_RATE_LIMIT if rate is None else rate.strip(),
            kibana_url=get("KIBANA_URL") or DEFAULT_KIBANA_URL,
            kibana_username=get("KIBANA_USERNAME"),
            kibana_password=env.get("KIBANA_PASSWORD"),
            snapshot_repo=get("OSCE_SNAPSHOT_REPO") or DEFAULT_SNAPSHOT_REPO,
            rate_limit_storage=get("OSCE_RATE_LIMIT_STORAGE") or "memory://",
            proxy_count=get("OSCE_PROXY_COUNT") or "0",
            metrics=get("OSCE_METRICS") or "private",
            log_format=(get("OSCE_LOG_FORMAT") or "text").lower(),
            search_timeout=get("OSCE_SEARCH_TIMEOUT"),
            max_index_age=get("OSCE_MAX_INDEX_AGE"),
            export_max=parse_export_max(env.get("OSCE_EXPORT_MAX")),
            secret_key=get("OSCE_SECRET_KEY"),
            semantic=switched_on(get("OSCE_SEMANTIC")),
            embeddings=embeddings,
            doc_cache=None if doc_cache.lower() in OFF_WORDS else doc_cache,
            native=switched_on(get("OSCE_NATIVE")),
        )

    @property
    def es_nodes(self) -> list[str]:
        """The cluster's node URLs; the local default when ES_URL is unset."""
        return node_urls(self.es_url or DEFAULT_ES_URL)

    def flask_config(self) -> dict[str, object]:
        """The web UI's Flask config keys (a test's `create_app(config)` overrides them)."""
        return {
            "ES_URL": self.es_url,
            "ES_API_KEY": self.es_api_key,
            "OSCE_ALIAS": self.alias,
            "ES_TIMEOUT": self.es_timeout,
            "OSCE_RATE_LIMIT": self.rate_limit,
            "OSCE_RATE_LIMIT_STORAGE": self.rate_limit_storage,
            "OSCE_PROXY_COUNT": self.proxy_count,
            "OSCE_METRICS": self.metrics,
            "OSCE_LOG_FORMAT": self.log_format,
            "OSCE_SEARCH_TIMEOUT": self.search_timeout,
            "OSCE_MAX_INDEX_AGE": self.max_index_age,
            "OSCE_EXPORT_MAX": self.export_max,
            "SECRET_KEY": self.secret_key,
            "OSCE_SEMANTIC": self.semantic,
        }

"""The secured profile: one local node with x-pack security on and two least-privilege API keys.

`make es-start ES_SECURE=1` runs `python -m esnode.secure start`. The `elastic` superuser's
password is generated once (bootstrap password in the node's keystore) and kept, with the API
keys, in `<node dir>/secrets.json` (mode 600). The keys:

- **indexer**: may do anything to the `osce-releases*` indices and aliases, nothing else;
- **web**: may only read them (search, get, view their metadata) and read cluster health.

Clients take a key from `ES_API_KEY` (the indexer CLI and the web UI both read it). HTTP stays
plain (TLS optional, off here: the node listens on loopback only). Unauthenticated callers may read
cluster health and nothing else, so the lifecycle tooling can probe the node without a secret.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch

from esnode import plugin
from esnode.cluster import HEAP, Member
from esnode.java import find_java_home

log = logging.getLogger(__name__)

INDEX_PATTERN = "osce-releases*"
ROLES = {
    "indexer": {
        "cluster": ["monitor"],
        "indices": [{"names": [INDEX_PATTERN], "privileges": ["all"]}],
    },
    "web": {
        "cluster": ["cluster:monitor/health"],
        "indices": [{"names": [INDEX_PATTERN], "privileges": ["read", "view_index_metadata"]}],
    },
}
#: File-realm role for anonymous callers: the health endpoint only.
ANONYMOUS_ROLE = "osce_health_probe"
SETTINGS = {
    "xpack.security.enabled": True,
    "xpack.security.http.ssl.enabled": False,
    "xpack.security.transport.ssl.enabled": False,
    "xpack.security.authc.api_key.enabled": True,
    "xpack.security.authc.anonymous.username": "anonymous_probe",
    "xpack.security.authc.anonymous.roles": ANONYMOUS_ROLE,
    "xpack.security.authc.anonymous.authz_exception": True,
}


class SecureNode(Member):
    """A single node (small heap) with security on; its secrets live beside its data."""

    heap: str = HEAP

    def __init__(self, name: str = "secure", **kwargs) -> None:
        super().__init__(name=name, extra_settings=dict(SETTINGS), **kwargs)
        self.secrets_file = self.dir / "secrets.json"

    # -- secrets -------------------------------------------------------------------------
    def secrets(self) -> dict:
        try:
            return json.loads(self.secrets_file.read_text())
        except (OSError, ValueError):
            return {}

    def _save(self, data: dict) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.secrets_file.write_text(json.dumps(data, indent=2))
        self.secrets_file.chmod(0o600)

    def password(self) -> str:
        data = self.secrets()
        if "elastic_password" not in data:
            data["elastic_password"] = secrets.token_urlsafe(24)
            self._save(data)
        return data["elastic_password"]

    # -- configuration -------------------------------------------------------------------
    def start(self, timeout: float = 180.0) -> str:
        """Install the security index's analysis components first (esnode.plugin)."""
        if not self.url():
            plugin.install(self.install(), find_java_home(), plugin.SECURITY_PLUGIN_NAME)
        return super().start(timeout=timeout)

    def _write_config(self, home: Path, port: int) -> Path:
        conf = super()._write_config(home, port)
        roles = f'{ANONYMOUS_ROLE}:\n  cluster: ["cluster:monitor/health"]\n'
        (conf / "roles.yml").write_text(roles)
        env = {
            **os.environ,
            "ES_JAVA_HOME": str(find_java_home()),
            "ES_PATH_CONF": str(conf),
        }
        keystore = str(home / "bin" / "elasticsearch-keystore")
        if not (conf / "elasticsearch.keystore").exists():
            subprocess.run([keystore, "create"], env=env, check=True, capture_output=True)
        subprocess.run(
            [keystore, "add", "--force", "--stdin", "bootstrap.password"],
            input=self.password(),
            text=True,
            env=env,
            check=True,
            capture_output=True,
        )
        return conf

    # -- API keys ------------------------------------------------------------------------
    def admin(self, url: str) -> Elasticsearch:
        return Elasticsearch(url, basic_auth=("elastic", self.password()), request_timeout=30)

    def api_keys(self, url: str) -> dict[str, str]:
        """The indexer and web keys (encoded, for `ES_API_KEY`), created once and reused."""
        data = self.secrets()
        keys = data.get("api_keys", {})
        if set(keys) == set(ROLES) and all(_valid(url, k) for k in keys.values()):
            return keys
        admin = self.admin(url)
        keys = {}
        for name, role in ROLES.items():
            keys[name] = _create_key(admin, name, role)
        data["api_keys"] = keys
        self._save(data)
        return keys


def _create_key(admin: Elasticsearch, name: str, role: dict, timeout: float = 60.0) -> str:
    """Create one API key, waiting while the `.security` index it lives in is being created."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            resp = admin.security.create_api_key(
                name=f"osce-{name}", role_descriptors={f"osce_{name}": role}
            )
            return resp["encoded"]
        except ApiError as exc:
            if exc.status_code != 503 or time.monotonic() > deadline:
                raise
            time.sleep(1)


def _valid(url: str, key: str) -> bool:
    try:
        Elasticsearch(url, api_key=key, request_timeout=10).security.authenticate()
    except Exception:  # any failure means: make a new key
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esnode.secure", description=__doc__)
    parser.add_argument("command", choices=["start", "stop", "status", "key"])
    parser.add_argument("which", nargs="?", choices=sorted(ROLES), help="for `key`")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    node = SecureNode()
    if args.command == "stop":
        print("stopped" if node.stop() else "not running")
        return 0
    if args.command == "status":
        info = node.status()
        print(json.dumps(info, indent=2))
        return 0 if info["running"] else 1
    try:
        url = node.start()
        keys = node.api_keys(url)
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.command == "key":
        if not args.which:
            parser.error("key needs `indexer` or `web`")
        print(keys[args.which])
        return 0
    print(
        f"secured node (x-pack security on); API keys in {node.secrets_file}\n"
        "  indexer: export ES_API_KEY=$(python -m esnode.secure key indexer)\n"
        "  web UI:  export ES_API_KEY=$(python -m esnode.secure key web)",
        file=sys.stderr,
    )
    print(f"ES_URL={url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

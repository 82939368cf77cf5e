"""Start, stop and inspect the local single-node cluster; idempotent, loopback only."""

from __future__ import annotations

import json
import logging
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path
from typing import ClassVar

from esnode import fetch, plugin
from esnode.config import (
    CACHE_DIR,
    DEFAULT_PORT,
    ES_USER,
    ES_VERSION,
    HEAP,
    REPO_ROOT,
    SNAPSHOT_REPO,
)
from esnode.java import describe, find_java_home

log = logging.getLogger(__name__)

#: Starts tried when the HTTP port found free is bound by another process first.
PORT_ATTEMPTS = 3
_PORT_TAKEN = "BindHttpException"


def _world_traversable(path: Path) -> bool:
    """True when another user can reach path (every parent has the others-x bit)."""
    for part in [path, *path.parents]:
        if part.exists() and not part.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def _base_dir() -> Path:
    base = CACHE_DIR / "es"
    if os.geteuid() == 0 and not _world_traversable(CACHE_DIR.parent):
        # A clone under /root cannot be read by the node's user: keep the node beside it.
        digest = sha1(str(REPO_ROOT).encode()).hexdigest()[:10]
        base = Path("/var/tmp/osce-search") / digest
    return base


def http_json(url: str, timeout: float = 5.0) -> dict | None:
    """GET url and decode JSON; None when nothing (or not Elasticsearch) answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return json.loads(resp.read().decode())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def http_put_json(url: str, body: dict, timeout: float = 30.0) -> dict | None:
    """PUT a JSON body; the decoded answer, or None when the call fails."""
    data = json.dumps(body).encode()
    req = urllib.request.Request(
        url, data=data, method="PUT", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode())
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("PUT %s failed: %s", url, exc)
        return None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Node:
    """One local node: its files under `base`, its state in `base/state.json`."""

    name: str = "node"
    base: Path | None = None
    port: int | None = None
    extra_settings: dict | None = None
    #: Nodes of one cluster share a snapshot location; separate clusters must not.
    repo_group: str | None = None
    #: Where a free HTTP port is looked for when `port` is not fixed (default: 9200 up).
    ports: range | None = None

    #: Extra JVM flags for the node and for the launcher that starts it (class-level).
    jvm_options: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        self.base = self.base or _base_dir()
        self.dir = self.base / self.name
        self.state_file = self.dir / "state.json"
        self.pid_file = self.dir / "es.pid"
        #: `path.repo`: every filesystem snapshot repository must live below it.
        self.repo_root = self.base / "backups"
        self.repo_dir = self.repo_root / (self.repo_group or self.name) / SNAPSHOT_REPO

    # -- state ---------------------------------------------------------------------------
    def state(self) -> dict | None:
        try:
            return json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return None

    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def url(self) -> str | None:
        """URL of this node when it is running and answering, else None."""
        state = self.state()
        pid = self.pid()
        if not state or not pid or not _pid_alive(pid):
            return None
        if http_json(state["url"] + "/_cluster/health") is None:
            return None
        return state["url"]

    # -- lifecycle -----------------------------------------------------------------------
    def install(self) -> Path:
        """Fetch and unpack the distribution (cached) and return its home."""
        home = fetch.unpack(fetch.fetch_zip(), self.base)
        return home

    def has_plugin(self, url: str) -> bool:
        """True when the node at url runs the analysis plugin built from the present sources."""
        home = Path((self.state() or {}).get("home") or self.base / f"elasticsearch-{ES_VERSION}")
        return plugin.is_current(home) and plugin.loaded(http_json(url + "/_nodes/plugins") or {})

    def repo_configured(self, url: str) -> bool:
        """False when the running node was started without `path.repo` (before snapshots
        existed): it must restart to register the repository. Unreadable settings: True."""
        found = http_json(url + "/_nodes/_local/settings?filter_path=nodes.*.settings.path")
        if not found or "nodes" not in found:
            return True
        paths = [n.get("settings", {}).get("path", {}) for n in found["nodes"].values()]
        return all(p.get("repo") for p in paths)

    def register_repo(self, url: str) -> bool:
        """Register (idempotently) the filesystem repository `osce-backups` at repo_dir."""
        body = {"type": "fs", "settings": {"location": str(self.repo_dir)}}
        done = http_put_json(f"{url}/_snapshot/{SNAPSHOT_REPO}", body)
        return bool(done and done.get("acknowledged"))

    def is_current(self, url: str) -> bool:
        return self.has_plugin(url) and self.repo_configured(url)

    def _choose_port(self) -> int:
        if self.port:
            return self.port
        for port in self.ports or range(DEFAULT_PORT, DEFAULT_PORT + 100):
            if _port_free(port):
                return port
        raise RuntimeError(f"no free HTTP port in {self.ports}")

    def _write_config(self, home: Path, port: int) -> Path:
        conf = self.dir / "config"
        if conf.exists():
            shutil.rmtree(conf)
        shutil.copytree(home / "config", conf)
        settings = {
            "cluster.name": f"osce-search-{self.name}",
            "node.name": self.name,
            "discovery.type": "single-node",
            "network.host": "127.0.0.1",
            "http.port": port,
            "path.data": str(self.dir / "data"),
            "path.logs": str(self.dir / "logs"),
            "path.repo": [str(self.repo_root)],
            "xpack.security.enabled": False,
            "xpack.ml.enabled": False,
            # Development machines can run with little free disk: never go read-only.
            "cluster.routing.allocation.disk.threshold_enabled": False,
            "action.destructive_requires_name": False,
            **(self.extra_settings or {}),
        }
        lines = [f"{key}: {json.dumps(value)}" for key, value in settings.items()]
        (conf / "elasticsearch.yml").write_text("\n".join(lines) + "\n")
        heap = f"-Xms{HEAP}\n-Xmx{HEAP}\n"
        (conf / "jvm.options.d").mkdir(exist_ok=True)
        (conf / "jvm.options.d" / "heap.options").write_text(heap)
        if self.jvm_options:
            (conf / "jvm.options.d" / "extra.options").write_text(
                "\n".join(self.jvm_options) + "\n"
            )
        return conf

    def _as_user(self) -> list[str]:
        if os.geteuid() != 0:
            return []
        try:
            pwd.getpwnam(ES_USER)
        except KeyError:
            subprocess.run(
                [
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    ES_USER,
                ],
                check=True,
            )
        return ["runuser", "-u", ES_USER, "--"]

    def start(self, timeout: float = 180.0) -> str:
        """Start the node unless it already runs; return its URL."""
        running = self.url()
        if running:
            if self.is_current(running):
                self.after_start(running)
                return running
            log.warning(
                "node at %s lacks the current analysis plugin or path.repo: restarting it", running
            )
            self.stop()
        home = self.install()
        java_home = find_java_home()
        plugin.install(home, java_home)
        self.dir.mkdir(parents=True, exist_ok=True)
        for sub in ("data", "logs"):
            (self.dir / sub).mkdir(exist_ok=True)
        self.repo_dir.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, PORT_ATTEMPTS + 1):
            port = self._choose_port()
            result, out_path = self._launch(home, java_home, port)
            if result.returncode == 0:
                break
            startup = out_path.read_text(errors="replace")
            # A port found free can be taken by another clone's node before this JVM binds it.
            if self.port is None and attempt < PORT_ATTEMPTS and _PORT_TAKEN in startup:
                log.warning("port %d was taken while the node started: choosing another", port)
                continue
            raise RuntimeError(
                f"elasticsearch failed to start; see {out_path}:\n" + startup[-3000:]
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            health = http_json(url + "/_cluster/health?wait_for_status=yellow&timeout=5s", 10)
            if health and health.get("status") in ("yellow", "green"):
                self.after_start(url)
                return url
            pid = self.pid()
            if pid and not _pid_alive(pid):
                break
            time.sleep(1)
        raise RuntimeError(f"elasticsearch did not become healthy at {url}; see {self.dir}/logs")

    def _launch(
        self, home: Path, java_home: Path, port: int
    ) -> tuple[subprocess.CompletedProcess, Path]:
        """Write the config for port and run `elasticsearch -d` (which returns once the node
        has started or failed); the state file records the URL either way."""
        conf = self._write_config(home, port)
        self.pid_file.unlink(missing_ok=True)
        prefix = self._as_user()
        if prefix:
            subprocess.run(
                ["chown", "-R", ES_USER, str(self.dir), str(home), str(self.repo_root)],
                check=True,
            )
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.dir),
            "ES_JAVA_HOME": str(java_home),
            "ES_PATH_CONF": str(conf),
            "ES_TMPDIR": str(self.dir / "tmp"),
            "LANG": "C.UTF-8",
        }
        if self.jvm_options:
            env["CLI_JAVA_OPTS"] = " ".join(self.jvm_options)
        (self.dir / "tmp").mkdir(exist_ok=True)
        if prefix:
            subprocess.run(["chown", ES_USER, str(self.dir / "tmp")], check=True)
        cmd = [
            *prefix,
            "env",
            *[f"{k}={v}" for k, v in env.items()],
            str(home / "bin" / "elasticsearch"),
            "-d",
            "-p",
            str(self.pid_file),
        ]
        out_path = self.dir / "startup.log"
        with open(out_path, "w") as out:
            result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        state = {
            "url": f"http://127.0.0.1:{port}",
            "port": port,
            "version": ES_VERSION,
            "java_home": str(java_home),
            "java": describe(java_home),
            "home": str(home),
        }
        self.state_file.write_text(json.dumps(state, indent=2))
        return result, out_path

    def after_start(self, url: str) -> None:
        """A single node registers its snapshot repository at once (a cluster member waits
        for its cluster: see esnode.cluster)."""
        if not self.register_repo(url):
            log.warning("could not register the snapshot repository %s at %s", SNAPSHOT_REPO, url)

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the node if it runs; True when a process was stopped."""
        pid = self.pid()
        if not pid or not _pid_alive(pid):
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _pid_alive(pid):
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _pid_alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def status(self) -> dict:
        url = self.url()
        state = self.state() or {}
        info: dict = {
            "running": bool(url),
            "url": url,
            "pid": self.pid() if url else None,
            "version": ES_VERSION,
            "java": state.get("java"),
            "dir": str(self.dir),
            "plugin_zip": str(plugin.ZIP_PATH),
        }
        if url:
            info["health"] = (http_json(url + "/_cluster/health") or {}).get("status")
            info["plugin_current"] = self.has_plugin(url)
        return info


def discover_url() -> str:
    """ES_URL when set, else the running local node, else the default port."""
    env = os.environ.get("ES_URL")
    if env:
        return env.rstrip("/")
    return Node().url() or f"http://127.0.0.1:{DEFAULT_PORT}"


def ensure_node() -> tuple[str, bool]:
    """URL of a usable cluster and whether we started it (so the caller must stop it)."""
    env = os.environ.get("ES_URL")
    if env:
        return env.rstrip("/"), False
    node = Node()
    running = node.url()
    if running and node.is_current(running):
        node.after_start(running)
        return running, False
    return node.start(), running is None

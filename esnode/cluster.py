"""Three local nodes forming one cluster on loopback: the setting for fault tests.

Each member is an `esnode.node.Node` (same distribution, JDK, plugin and non-root user as the
single dev node), with its own name, ports and data directory and a smaller heap, so three fit on a
small machine. The ports are chosen once and kept in `cluster.json`, so a killed member restarts
where the others expect it.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from esnode.node import Node, _base_dir, _pid_alive, _port_free, http_json

log = logging.getLogger(__name__)

SIZE = 3
HEAP = os.environ.get("OSCE_CLUSTER_HEAP", "512m")
HTTP_PORTS = range(9250, 9300)
TRANSPORT_PORTS = range(9350, 9400)


class Member(Node):
    """A cluster member: a Node whose config joins the others instead of forming alone."""

    heap: str = HEAP
    #: Members are short-lived (tests, a dev cluster): the client compiler only halves the CPU
    #: a start costs on 2 cores (server JVM 25.7 -> 12.2 CPU-s, launcher 6.0 -> 4.0 CPU-s).
    jvm_options = ("-XX:TieredStopAtLevel=1",)

    def after_start(self, url: str) -> None:
        """Members register the shared repository once the cluster has formed (Cluster.start)."""

    def _write_config(self, home: Path, port: int) -> Path:
        conf = super()._write_config(home, port)
        (conf / "jvm.options.d" / "heap.options").write_text(f"-Xms{self.heap}\n-Xmx{self.heap}\n")
        return conf

    def formed_before(self) -> bool:
        """True once this member has joined a cluster (its data dir holds cluster state)."""
        return (self.dir / "data" / "_state").exists()


def _free_ports(candidates: range, count: int, taken: set[int]) -> list[int]:
    ports = [p for p in candidates if p not in taken and _port_free(p)][:count]
    if len(ports) < count:
        raise RuntimeError(f"not enough free ports in {candidates}")
    return ports


@dataclass
class Cluster:
    """`osce-search-cluster`: members c1..cN beside the dev node (sharing its unpacked
    distribution and plugin), HTTP on 9250+ and transport on 9350+ by default."""

    size: int = SIZE
    base: Path | None = None
    members: list[Member] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.base = self.base or _base_dir()
        self.base.mkdir(parents=True, exist_ok=True)
        self.state_file = self.base / "cluster.json"
        layout = self._layout()
        names = [f"c{i + 1}" for i in range(self.size)]
        seeds = [f"127.0.0.1:{layout[n]['transport']}" for n in names]
        for name in names:
            settings = {
                "cluster.name": "osce-search-cluster",
                "discovery.type": "multi-node",
                "discovery.seed_hosts": seeds,
                "transport.port": layout[name]["transport"],
                # Fail over fast: a lost member's shards are promoted/reallocated at once.
                "cluster.routing.allocation.node_concurrent_recoveries": 4,
            }
            member = Member(
                name=name, base=self.base, port=layout[name]["http"], repo_group="cluster"
            )
            if not member.formed_before():
                settings["cluster.initial_master_nodes"] = names
            member.extra_settings = settings
            self.members.append(member)

    def _layout(self) -> dict[str, dict[str, int]]:
        """Ports per member: reused from cluster.json, chosen (free) the first time, and chosen
        again when none of our members runs and another process (say a second clone's cluster)
        now holds one of them; members find each other through the new seed list."""
        try:
            layout = json.loads(self.state_file.read_text())
            if len(layout) == self.size and (
                self._any_member_alive(layout)
                or all(_port_free(p) for ports in layout.values() for p in ports.values())
            ):
                return layout
            if len(layout) == self.size:
                log.warning(
                    "ports in %s are taken by another process: choosing new ones", self.state_file
                )
        except (OSError, ValueError):
            pass
        http = _free_ports(HTTP_PORTS, self.size, set())
        transport = _free_ports(TRANSPORT_PORTS, self.size, set(http))
        layout = {
            f"c{i + 1}": {"http": http[i], "transport": transport[i]} for i in range(self.size)
        }
        self.state_file.write_text(json.dumps(layout, indent=2))
        return layout

    def _any_member_alive(self, layout: dict[str, dict[str, int]]) -> bool:
        for name in layout:
            pid = Member(name=name, base=self.base, repo_group="cluster").pid()
            if pid and _pid_alive(pid):
                return True
        return False

    # -- lifecycle -----------------------------------------------------------------------
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{m.port}" for m in self.members]

    def member(self, name: str) -> Member:
        return next(m for m in self.members if m.name == name)

    def start(self, timeout: float = 300.0) -> list[str]:
        """Start every member not running (they wait for each other), then wait for the quorum."""
        errors: list[BaseException] = []
        self._provision()

        def run(member: Member) -> None:
            try:
                member.start(timeout=timeout)
            except BaseException as exc:  # reported below, with the member's name
                errors.append(RuntimeError(f"{member.name}: {exc}"))

        # Members block until a master is elected, which needs a majority: start them together.
        threads = [threading.Thread(target=run, args=(m,)) for m in self.members]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise RuntimeError("; ".join(str(e) for e in errors))
        self.wait_for(status="green", nodes=self.size, timeout=timeout)
        # One location for every member (they share this machine's filesystem).
        if not self.members[0].register_repo(self.urls()[0]):
            log.warning("could not register the snapshot repository on the cluster")
        return self.urls()

    def _provision(self) -> None:
        """Unpack (and, where the project has one, install the analysis plugin) once, so the
        members started in parallel below do not race on the shared distribution."""
        home = self.members[0].install()
        try:
            from esnode import plugin  # type: ignore[attr-defined]
        except ImportError:
            return
        from esnode.java import find_java_home

        plugin.install(home, find_java_home())

    def restart(self, name: str, timeout: float = 300.0) -> str:
        """Bring one member back (after a kill) into the running cluster."""
        member = self.member(name)
        member.extra_settings = {
            k: v
            for k, v in (member.extra_settings or {}).items()
            if k != "cluster.initial_master_nodes"
        }
        return member.start(timeout=timeout)

    def kill(self, name: str) -> int:
        """SIGKILL one member by its pid, as a crash would; returns the pid."""
        member = self.member(name)
        pid = member.pid()
        if not pid or not _pid_alive(pid):
            raise RuntimeError(f"{name} is not running")
        os.kill(pid, signal.SIGKILL)
        while _pid_alive(pid):
            time.sleep(0.05)
        return pid

    def stop(self) -> int:
        """Stop every member; returns how many were running."""
        return sum(1 for m in self.members if m.stop())

    def health(self) -> dict | None:
        for url in self.urls():
            health = http_json(url + "/_cluster/health", timeout=5)
            if health:
                return health
        return None

    def wait_for(
        self, status: str = "green", nodes: int | None = None, timeout: float = 180.0
    ) -> dict:
        """Block until the cluster reports status (and node count), or raise."""
        nodes = nodes or self.size
        query = f"wait_for_status={status}&wait_for_nodes={nodes}&timeout=10s"
        deadline = time.monotonic() + timeout
        health: dict | None = None
        while time.monotonic() < deadline:
            for url in self.urls():
                health = http_json(f"{url}/_cluster/health?{query}", timeout=15)
                if health and not health.get("timed_out") and health.get("status"):
                    return health
            time.sleep(1)
        raise RuntimeError(f"cluster not {status} with {nodes} nodes after {timeout}s: {health}")

    def status(self) -> dict:
        return {
            "members": [
                {"name": m.name, "url": m.url(), "pid": m.pid() if m.url() else None}
                for m in self.members
            ],
            "health": self.health(),
        }


def main(argv: list[str] | None = None) -> int:
    """`python -m esnode.cluster start|stop|status` (make es-cluster / es-cluster-stop)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m esnode.cluster", description=main.__doc__)
    parser.add_argument("command", choices=["start", "stop", "status"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    cluster = Cluster()
    if args.command == "start":
        try:
            urls = cluster.start()
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{cluster.size} nodes, health {cluster.health()['status']}", file=sys.stderr)
        print(f"ES_URL={','.join(urls)}")
        return 0
    if args.command == "stop":
        print(f"stopped {cluster.stop()} node(s)")
        return 0
    print(json.dumps(cluster.status(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

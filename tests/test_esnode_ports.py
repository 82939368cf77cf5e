"""The cluster's ports are kept across restarts, and chosen again when another process took them."""

from __future__ import annotations

import json
import socket

from esnode.cluster import Cluster


def test_cluster_ports_are_reused_while_free_and_rechosen_once_taken(tmp_path) -> None:
    first = Cluster(size=3, base=tmp_path)
    layout = json.loads(first.state_file.read_text())
    assert Cluster(size=3, base=tmp_path).urls() == first.urls(), "free ports are kept"

    taken = layout["c2"]["http"]
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", taken))
        squatter.listen()
        again = Cluster(size=3, base=tmp_path)
        chosen = json.loads(again.state_file.read_text())
    ports = [p for member in chosen.values() for p in member.values()]
    assert taken not in ports, "a port another process holds is not handed to a member"
    assert len(set(ports)) == 6
    seeds = again.members[0].extra_settings["discovery.seed_hosts"]
    assert seeds == [f"127.0.0.1:{chosen[n]['transport']}" for n in ("c1", "c2", "c3")]


def test_a_node_whose_port_is_taken_while_it_starts_chooses_another(tmp_path, monkeypatch) -> None:
    """Another clone's node can bind the port found free before this JVM does (seen: two nodes
    picked 9201 together). The launch is replaced by one that fails as Elasticsearch does while
    a socket holds the port; the node must start again on the next free port, and only when
    its port was not fixed."""
    import subprocess

    import pytest

    from esnode import node as node_mod

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        held = squatter.getsockname()[1]
        free = iter([True])  # the first look says free: the squatter came after it
        monkeypatch.setattr(
            node_mod, "_port_free", lambda port: next(free, False) if port == held else True
        )
        tried: list[int] = []

        def launch(self, home, java_home, port):
            tried.append(port)
            log = self.dir / "startup.log"
            failed = port == held
            log.write_text("BindHttpException: Failed to bind to 127.0.0.1" if failed else "ok")
            return subprocess.CompletedProcess([], 1 if failed else 0), log

        monkeypatch.setattr(node_mod.Node, "_launch", launch)
        monkeypatch.setattr(node_mod.Node, "install", lambda self: tmp_path)
        monkeypatch.setattr(node_mod, "find_java_home", lambda: tmp_path)
        monkeypatch.setattr(node_mod.plugin, "install", lambda *a, **k: False)
        monkeypatch.setattr(node_mod, "http_json", lambda url, timeout=5.0: {"status": "green"})
        monkeypatch.setattr(node_mod.Node, "after_start", lambda self, url: None)

        scanned = node_mod.Node(name="n", base=tmp_path, ports=range(held, held + 3))
        assert scanned.start() == f"http://127.0.0.1:{held + 1}"
        assert tried == [held, held + 1]

        tried.clear()
        fixed = node_mod.Node(name="f", base=tmp_path, port=held)
        with pytest.raises(RuntimeError, match="failed to start"):
            fixed.start()
        assert tried == [held], "a fixed port (a cluster member's) is not silently changed"

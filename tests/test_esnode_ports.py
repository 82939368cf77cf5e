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

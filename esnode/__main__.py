"""`python -m esnode start|stop|status|url|plugin`: the local node and its analysis plugin."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from esnode import plugin
from esnode.node import Node, discover_url, http_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esnode", description=__doc__)
    parser.add_argument("command", choices=["start", "stop", "status", "url", "plugin"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if os.environ.get("ES_URL") and args.command in ("start", "url"):
        print(
            f"ES_URL={os.environ['ES_URL']}  (from the environment; nothing started)",
            file=sys.stderr,
        )
        print(f"ES_URL={os.environ['ES_URL']}")
        nodes = http_json(os.environ["ES_URL"].rstrip("/") + "/_nodes/plugins")
        if nodes and not plugin.loaded(nodes):
            print(
                f"warning: that cluster lacks the {plugin.PLUGIN_NAME} analysis plugin; "
                f"install {plugin.ZIP_PATH} on every node and restart them",
                file=sys.stderr,
            )
        return 0
    if args.command == "plugin":
        try:
            print(plugin.build())
        except plugin.PluginError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        return 0
    node = Node()
    if args.command == "start":
        try:
            url = node.start()
        except RuntimeError as exc:  # PluginError included
            print(f"error: {exc}", file=sys.stderr)
            return 1
        state = node.state() or {}
        print(f"Elasticsearch {state.get('version')} on {state.get('java')}", file=sys.stderr)
        print(f"ES_URL={url}")
        return 0
    if args.command == "stop":
        print("stopped" if node.stop() else "not running")
        return 0
    if args.command == "url":
        print(f"ES_URL={discover_url()}")
        return 0
    info = node.status()
    print(json.dumps(info, indent=2))
    return 0 if info["running"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""A local Elasticsearch node for development and tests, provisioned without Docker.

The node comes from Maven Central's integ-test zip, runs on a JDK found on the machine, as a
non-root user when we are root, bound to loopback only.
"""

from esnode.config import ES_VERSION
from esnode.node import Node, discover_url, ensure_node

__all__ = ["ES_VERSION", "Node", "discover_url", "ensure_node"]

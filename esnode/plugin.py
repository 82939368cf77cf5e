"""The project's plugins: build them with Maven (one build, cached) and install them into a node.

`analysis-plugin/` is one Maven project with two zips at stable paths in `target/`:
`osce-analysis-<ES_VERSION>.zip`, the analysis components every index uses (also what
docker-compose installs into the official image), and `osce-security-analysis-<ES_VERSION>.zip`,
the three components x-pack security's own `.security` index needs (`uax_url_email`,
`pattern_capture`, `unique`; the integ-test zip lacks `analysis-common`), installed only by the
secured profile (esnode.secure). Maven fetches its few dependencies from Maven Central into ~/.m2;
a build is skipped while the sources and the version are unchanged.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from esnode.config import ES_VERSION, REPO_ROOT
from esnode.java import find_java_home

log = logging.getLogger(__name__)

PLUGIN_NAME = "osce-analysis"
SECURITY_PLUGIN_NAME = "osce-security-analysis"
PLUGIN_DIR = REPO_ROOT / "analysis-plugin"
TARGET_DIR = PLUGIN_DIR / "target"
ZIP_PATH = TARGET_DIR / f"{PLUGIN_NAME}-{ES_VERSION}.zip"
SECURITY_ZIP_PATH = TARGET_DIR / f"{SECURITY_PLUGIN_NAME}-{ES_VERSION}.zip"
#: Filters the plugin provides; an index using them needs the plugin loaded.
FILTERS = ("osce_folding", "osce_stemmer", "osce_possessive", "osce_synonym_graph")
TOKENIZERS = ("osce_keyword",)


class PluginError(RuntimeError):
    """The plugin could not be built or installed."""


def source_hash() -> str:
    """Digest of everything the zip is built from (pom, sources, resources) and the ES version."""
    digest = hashlib.sha256(ES_VERSION.encode())
    files = [PLUGIN_DIR / "pom.xml", *sorted((PLUGIN_DIR / "src").rglob("*"))]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(PLUGIN_DIR)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _stamp() -> Path:
    return TARGET_DIR / ".source-hash"


def _maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise PluginError("Maven (mvn) is needed to build analysis-plugin/ and was not found")
    return mvn


def build(force: bool = False) -> Path:
    """Return the analysis plugin's zip (the security one beside it), running `mvn package` only
    when the sources changed."""
    wanted = source_hash()
    stamp = _stamp()
    built = ZIP_PATH.is_file() and SECURITY_ZIP_PATH.is_file()
    if not force and built and stamp.is_file() and stamp.read_text() == wanted:
        return ZIP_PATH
    log.info("building the analysis plugin with Maven (%s)", ZIP_PATH.relative_to(REPO_ROOT))
    env = {**os.environ, "JAVA_HOME": str(find_java_home())}
    cmd = [_maven(), "-B", "-q", f"-Des.version={ES_VERSION}", "clean", "package"]
    result = subprocess.run(cmd, cwd=PLUGIN_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not (ZIP_PATH.is_file() and SECURITY_ZIP_PATH.is_file()):
        output = (result.stdout + result.stderr)[-4000:]
        raise PluginError(f"mvn package failed in {PLUGIN_DIR}:\n{output}")
    stamp.write_text(wanted)
    return ZIP_PATH


def _marker(home: Path, name: str) -> Path:
    # Beside the Elasticsearch home, not in plugins/: the node reads every file in there.
    return home.parent / f"{name}.installed"


def installed_hash(home: Path, name: str = PLUGIN_NAME) -> str | None:
    """The source hash of the plugin build installed into home, or None."""
    marker = _marker(home, name)
    if not (home / "plugins" / name).is_dir() or not marker.is_file():
        return None
    return marker.read_text().strip()


def is_current(home: Path) -> bool:
    """True when home holds the plugin built from the present sources."""
    return installed_hash(home) == source_hash()


def install(home: Path, java_home: Path, name: str = PLUGIN_NAME) -> bool:
    """Build (cached) and install plugin `name` into a stopped node's home; True when it changed."""
    build()
    wanted = source_hash()
    if installed_hash(home, name) == wanted:
        return False
    install_zip(home, java_home, name, TARGET_DIR / f"{name}-{ES_VERSION}.zip")
    _marker(home, name).write_text(wanted)
    return True


def install_zip(home: Path, java_home: Path, name: str, zip_path: Path) -> None:
    """Replace plugin `name` in a stopped node's home with zip_path (elasticsearch-plugin CLI)."""
    cli = home / "bin" / "elasticsearch-plugin"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ES_JAVA_HOME": str(java_home),
        "ES_PATH_CONF": str(home / "config"),
        "LANG": "C.UTF-8",
    }
    if (home / "plugins" / name).exists():
        subprocess.run([cli, "remove", name], env=env, capture_output=True, text=True)
        shutil.rmtree(home / "plugins" / name, ignore_errors=True)
    log.info("installing %s into %s", zip_path.name, home)
    result = subprocess.run(
        [cli, "install", "--batch", zip_path.resolve().as_uri()],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise PluginError(f"installing {name} failed:\n{result.stdout}{result.stderr}")


def loaded(nodes_plugins: dict) -> bool:
    """True when every node in a `GET _nodes/plugins` answer has the plugin loaded."""
    nodes = (nodes_plugins or {}).get("nodes") or {}
    return bool(nodes) and all(
        any(p.get("name") == PLUGIN_NAME for p in node.get("plugins", []))
        for node in nodes.values()
    )

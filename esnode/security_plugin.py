"""The three analysis components x-pack security's own index needs, which this distribution lacks.

The integ-test zip has no `analysis-common` module, and the `.security` index (where API keys and
native users live) declares an `email` analyzer built from `uax_url_email`, `pattern_capture` and
`unique`: without them no API key can be created. This stable-API plugin provides exactly those
three, from Lucene's own classes (`esnode/security_analysis/`), compiled with javac against the
node's `lib/` (provided jars, never bundled). Built once per source change, cached under
`.cache/`, installed into the node's home before the secured node starts.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
import zipfile
from pathlib import Path

from esnode.config import CACHE_DIR, ES_VERSION, MIN_JAVA
from esnode.plugin import install_zip

NAME = "osce-security-analysis"
SOURCES = Path(__file__).resolve().parent / "security_analysis"


def _hash() -> str:
    digest = hashlib.sha256(ES_VERSION.encode())
    for path in sorted(SOURCES.rglob("*")):
        if path.is_file() and path.suffix in (".java", ".json"):
            digest.update(str(path.relative_to(SOURCES)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build(home: Path, java_home: Path) -> Path:
    """The plugin zip for the present sources (compiled only when they changed)."""
    target = CACHE_DIR / f"{NAME}-{ES_VERSION}-{_hash()}.zip"
    if target.is_file():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        classes = Path(tmp) / "classes"
        javac = [
            str(java_home / "bin" / "javac"),
            "--release",
            str(MIN_JAVA),
            "-cp",
            str(home / "lib" / "*"),
            "-d",
            str(classes),
            *map(str, sorted(SOURCES.rglob("*.java"))),
        ]
        subprocess.run(javac, check=True, capture_output=True, text=True)
        jar = Path(tmp) / f"{NAME}.jar"
        with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as zf:
            for cls in sorted(classes.rglob("*.class")):
                zf.write(cls, cls.relative_to(classes).as_posix())
        descriptor = "\n".join(
            [
                "name=" + NAME,
                "description=uax_url_email, pattern_capture and unique for the security index",
                "version=" + ES_VERSION,
                "elasticsearch.version=" + ES_VERSION,
                f"java.version={MIN_JAVA}",
            ]
        )
        partial = target.with_suffix(".part")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(jar, jar.name)
            zf.writestr("stable-plugin-descriptor.properties", descriptor + "\n")
            zf.write(SOURCES / "named_components.json", "named_components.json")
        partial.rename(target)
    return target


def install(home: Path, java_home: Path) -> bool:
    """Install the plugin into home (a stopped node's distribution); True when it changed."""
    marker = home.parent / f"{NAME}.installed"
    wanted = _hash()
    if (home / "plugins" / NAME).is_dir() and marker.is_file() and marker.read_text() == wanted:
        return False
    install_zip(home, java_home, NAME, build(home, java_home))
    marker.write_text(wanted)
    return True

"""Fetch the Elasticsearch integ-test zip (Maven first, cached outside the clone) and unpack it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from esnode.config import DOWNLOAD_DIR, ES_ARTIFACT, ES_VERSION, MAVEN_CENTRAL

log = logging.getLogger(__name__)

_REL_PATH = (
    f"org/elasticsearch/distribution/integ-test-zip/elasticsearch/{ES_VERSION}/"
    f"elasticsearch-{ES_VERSION}.zip"
)


def _m2_path() -> Path:
    return Path.home() / ".m2" / "repository" / _REL_PATH


def _usable(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return any(name.endswith("/bin/elasticsearch") for name in zf.namelist())
    except zipfile.BadZipFile:
        return False


def fetch_zip() -> Path:
    """Return a local path to the distribution zip, downloading it once per machine."""
    for candidate in (_m2_path(), DOWNLOAD_DIR / f"elasticsearch-{ES_VERSION}.zip"):
        if _usable(candidate):
            return candidate
    if shutil.which("mvn"):
        log.info("fetching %s with Maven", ES_ARTIFACT)
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [
                "mvn",
                "-q",
                "-B",
                "dependency:copy",
                f"-Dartifact={ES_ARTIFACT}",
                f"-DoutputDirectory={tmp}",
            ]
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode == 0 and _usable(_m2_path()):
                return _m2_path()
            log.warning("maven could not fetch the zip: %s", result.stdout[-2000:])
    target = DOWNLOAD_DIR / f"elasticsearch-{ES_VERSION}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    url = f"{MAVEN_CENTRAL}/{_REL_PATH}"
    log.info("downloading %s", url)
    partial = target.with_suffix(".part")
    with urllib.request.urlopen(url, timeout=120) as resp, open(partial, "wb") as out:
        shutil.copyfileobj(resp, out, 1 << 20)
    partial.rename(target)
    if not _usable(target):
        raise RuntimeError(f"downloaded {url} but it is not a valid zip")
    return target


def unpack(zip_path: Path, dest: Path) -> Path:
    """Unpack the zip into dest (keeping exec bits) and return the Elasticsearch home."""
    home = dest / f"elasticsearch-{ES_VERSION}"
    marker = home / ".unpacked"
    if marker.exists():
        return home
    if home.exists():
        shutil.rmtree(home)
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            extracted = Path(zf.extract(info, dest))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                extracted.chmod(mode)
    marker.touch()
    return home

"""The package boundaries (import-linter contracts in pyproject.toml) hold and catch a breach.

`make lint` runs lint-imports on the tree; here it runs once more on a copy of core/ and webui/
with one forbidden import added, to prove the contract is not vacuous.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from webui import params, query

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """core/ and webui/ as they are, indexer/ and esnode/ as empty packages, the real contracts."""
    if not LINT_IMPORTS.exists():
        pytest.fail("lint-imports is missing: `make install` installs import-linter")
    tree = tmp_path_factory.mktemp("layering")
    ignore = shutil.ignore_patterns("__pycache__", "static", "templates", "data")
    for package in ("core", "webui"):
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    for package in ("indexer", "esnode"):
        (tree / package).mkdir()
        (tree / package / "__init__.py").write_text('"""Stand-in."""\n')
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_contracts_hold_on_the_tree(tree: Path) -> None:
    done = _lint(tree)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout and "0 broken" in done.stdout


@pytest.mark.parametrize("forbidden", ["indexer", "esnode"])
def test_contract_fails_when_webui_imports_the_write_side(tree: Path, forbidden: str) -> None:
    bad = tree / "webui" / "bad_import.py"
    bad.write_text(f'"""A breach."""\n\nimport {forbidden}  # noqa: F401\n')
    try:
        done = _lint(tree)
    finally:
        bad.unlink()
    assert done.returncode != 0, done.stdout
    assert "webui imports nothing from indexer or esnode BROKEN" in done.stdout
    assert f"webui.bad_import -> {forbidden}" in done.stdout


def test_every_sort_name_has_its_clause() -> None:
    """params.SORTS (validation, OpenAPI, the page's menu) and query.SORTS name the same sorts."""
    assert list(params.SORTS) == list(query.SORTS)

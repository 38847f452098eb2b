"""`properdocs build` and `mkdocs build` give the same site from the same mkdocs.yml.

The only file allowed to differ is the engine's own search script (search/main.js), which looks
up engine-specific element ids: the theme does not use it. Its search page runs the theme's own
script on the index both engines write alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EPOCH, ROOT, tree_digest

ENGINE_FILES = {"search/main.js"}
"""The engines' own search scripts: not loaded by any page of the theme."""


def _build(engine: str, site: Path) -> Path:
    proc = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-d", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, **EPOCH})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("engines")
    return {engine: _build(engine, folder / engine) for engine in ("mkdocs", "properdocs")}


def test_both_engines_write_the_same_site(sites: dict[str, Path]) -> None:
    mkdocs, properdocs = (tree_digest(sites[e]) for e in ("mkdocs", "properdocs"))
    assert mkdocs.keys() == properdocs.keys()
    assert len(mkdocs) > 100 and "samenvatting/samenvatting-regio.pdf" in mkdocs
    differ = {path for path in mkdocs if mkdocs[path] != properdocs[path]}
    assert differ == ENGINE_FILES, sorted(differ)


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_no_page_loads_the_engines_own_search_script(sites: dict[str, Path], engine: str) -> None:
    pages = sorted(sites[engine].rglob("*.html"))
    assert pages
    for page in pages:
        assert "search/main.js" not in page.read_text(encoding="utf-8"), page

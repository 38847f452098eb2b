"""`properdocs build` and `mkdocs build` give the same site from the same mkdocs.yml.

The only files allowed to differ are the search page and the engine's search script: each
engine's search/main.js looks up its own element ids (mkdocs-search-* or properdocs-search-*),
so the theme's search.html names the ids of the engine that builds it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EPOCH, ROOT, tree_digest

ENGINE_FILES = {"search.html", "search/main.js"}
"""The files that name the engine's search ids; the same once those ids are made equal."""


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


def test_both_engines_write_the_same_pages(sites: dict[str, Path]) -> None:
    mkdocs, properdocs = (tree_digest(sites[e]) for e in ("mkdocs", "properdocs"))
    assert mkdocs.keys() == properdocs.keys()
    assert len(mkdocs) > 100 and "samenvatting/samenvatting-regio.pdf" in mkdocs
    differ = {path for path in mkdocs if mkdocs[path] != properdocs[path]}
    assert differ <= ENGINE_FILES, sorted(differ - ENGINE_FILES)
    for path in ENGINE_FILES:
        same = (sites["properdocs"] / path).read_text(encoding="utf-8").replace(
            "properdocs-search", "mkdocs-search")
        assert same == (sites["mkdocs"] / path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_the_search_page_has_the_ids_its_engine_looks_for(sites: dict[str, Path],
                                                          engine: str) -> None:
    script = (sites[engine] / "search/main.js").read_text(encoding="utf-8")
    wanted = set(re.findall(r"getElementById\(['\"]([\w-]+)['\"]\)", script))
    assert wanted == {f"{engine}-search-query", f"{engine}-search-results"}
    page = (sites[engine] / "search.html").read_text(encoding="utf-8")
    for element_id in wanted:
        assert f'id="{element_id}"' in page

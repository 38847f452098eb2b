"""Search finds the plan: the index holds what each page shows (goals, actions, indicators,
generated pages), split into sections with readable text, and the theme's search script finds
what a resident expects with lunr's own index and Dutch stemming (run in Node on the built site).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ivpgen.search import page_documents
from tests.conftest import EPOCH, ROOT, copy_plan

WORKER = ROOT / "templates" / "assets" / "zoeken-werker.js"
HARNESS = ROOT / "tests" / "search_harness.js"


def index_docs(site: Path) -> list[dict[str, str]]:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["lang"] == ["nl"]
    docs: list[dict[str, str]] = data["docs"]
    return docs


def run_search(site: Path, *queries: str) -> dict[str, list[dict[str, Any]]]:
    """The search worker's answers, from the site's own lunr files and index."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js is missing (scripts/system-packages test installs it)")
        pytest.skip("Node.js is not installed")
    out = subprocess.run([node, str(HARNESS), str(site), str(WORKER), *queries],
                         capture_output=True, text=True, check=True, timeout=60)
    answers: dict[str, list[dict[str, Any]]] = json.loads(out.stdout)
    return answers


def pages_found(results: list[dict[str, Any]]) -> list[str]:
    return [r["location"].split("#")[0] for r in results]


@pytest.fixture(scope="module")
def answers(example: Path) -> dict[str, list[dict[str, Any]]]:
    return run_search(example, "jeugd", "inbraak", "Bibob", "Halt", "inbraken", "xyzzyq")


def test_jeugd_finds_the_youth_priority_first(answers: dict[str, list[dict[str, Any]]]) -> None:
    found = answers["jeugd"]
    assert found[0]["page"] == "Jeugdoverlast en -criminaliteit"
    assert found[0]["location"].startswith("thema/jeugd/")
    # 'jeugd' also finds the compound words: Meldingen van jeugdoverlast on the figures page.
    assert "cijfers/" in pages_found(found)


def test_inbraak_finds_the_burglary_figures(answers: dict[str, list[dict[str, Any]]]) -> None:
    for query in ("inbraak", "inbraken"):
        locations = [r["location"] for r in answers[query]]
        assert "cijfers/woninginbraken/" in locations, (query, locations)


def test_bibob_finds_ondermijning(answers: dict[str, list[dict[str, Any]]]) -> None:
    found = answers["Bibob"]
    pages = [r["page"] for r in found]
    assert "Ondermijning" in pages and "Voortgang 2024" in pages
    ondermijning = next(r for r in found if r["page"] == "Ondermijning")
    # The best section is an action, linked by its anchor, with the word marked in the snippet.
    assert ondermijning["location"].startswith("thema/ondermijning/#")
    assert [p["text"] for p in ondermijning["snippet"] if p.get("mark")] == ["Bibob"]


def test_halt_finds_partner_figures_and_priority(answers: dict[str, list[dict[str, Any]]]) -> None:
    locations = [r["location"] for r in answers["Halt"]]
    assert "partners/#halt" in locations and "cijfers/halt-verwijzingen/" in locations
    assert "thema/jeugd/" in pages_found(answers["Halt"])
    assert answers["xyzzyq"] == []


def test_one_result_per_page_with_a_readable_snippet(answers: dict[str, list[dict[str, Any]]]) -> None:
    for results in answers.values():
        pages = pages_found(results)
        assert len(pages) == len(set(pages))
        for result in results:
            text = "".join(part["text"] for part in result["snippet"])
            assert 0 < len(text) <= 210 and "  " not in text


def test_index_holds_what_the_pages_show(example: Path) -> None:
    docs = {doc["location"]: doc for doc in index_docs(example)}
    action = docs["thema/jeugd/#jeugd-halt-sneller"]
    assert action["title"] == "Snellere Halt-afdoening"
    assert action["page"] == "Jeugdoverlast en -criminaliteit"
    # dt/dd pairs and list items read as sentences, not run-together table text
    assert "Trekker: Halt. Met: Halt en Politie" in action["text"]
    assert "Klaar als: Elke jongere heeft binnen 30 dagen" in action["text"]
    goal = docs["thema/jeugd/#doel-jeugd-halt-baarn"]
    assert goal["title"].startswith("Minder jongeren in Baarn komen in aanraking met Halt.")
    assert "Halt-verwijzingen, Baarn. Nulmeting: 12,1* (2022)." in goal["text"]
    assert "Richting: lager is beter." in docs["cijfers/woninginbraken/"]["text"]
    assert docs["begrippen/"]["page"] == "Begrippen"
    # Charts, menus and their data tables are not searched; bare numbers are left out.
    assert all("<svg" not in d["text"] and "Bekijk de cijfers als tabel" not in d["text"]
               for d in docs.values())
    assert "Op deze pagina" not in {d["title"] for d in docs.values()}


def test_every_page_is_indexed(example: Path) -> None:
    docs = index_docs(example)
    pages = {doc["location"].split("#")[0] for doc in docs}
    built = {p.parent.relative_to(example).as_posix() + "/" for p in example.rglob("index.html")
             if "<main" in p.read_text(encoding="utf-8")}
    assert {"" if page == "./" else page for page in built} == pages
    size = (example / "search" / "search_index.json").stat().st_size
    assert size < 6_000 * len(pages), f"search index grew to {size} bytes for {len(pages)} pages"


def test_sections_take_the_nearest_anchor() -> None:
    html = ('<header><h1>Menu</h1></header><main id="inhoud"><h1>Titel</h1><p>Inleiding.</p>'
            '<nav><h2 id="toc">Op deze pagina</h2></nav>'
            '<section><h2 id="a">Eerste</h2><p>Over de acties.</p><h2 id="leeg">Leeg</h2>'
            '<ul><li id="x"><h3>Een actie</h3><dl><dt>Trekker'
            '</dt><dd>Halt</dd></dl></li></ul><h3>Zonder anker</h3><p>Tekst &amp; meer</p>'
            '<table><tr><th>Jaar</th><td>Soest</td></tr><tr><th>2024</th><td>5,5*</td></tr>'
            '</table></section><svg><text>12</text></svg><p class="visually-hidden">verborgen</p>'
            '</main><footer>voet</footer>')
    docs = page_documents("p/", "Reserve", html)
    assert [(d["location"], d["title"]) for d in docs] == [
        ("p/", "Titel"), ("p/#a", "Eerste"), ("p/#x", "Een actie")]
    assert docs[0]["text"] == "Inleiding." and docs[1]["text"] == "Over de acties."
    assert docs[2]["text"] == "Trekker: Halt. Zonder anker. Tekst & meer. Jaar; Soest."
    assert "Menu" not in json.dumps(docs) and "voet" not in json.dumps(docs)


def test_generated_pages_are_indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page ivpgen generates (not in content/) is searchable like any other."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ivpgen import pipeline
    from ivpgen.pages import PageSpec

    plan = copy_plan(ROOT / "tests" / "fixtures" / "mini", tmp_path / "plan")
    config = plan / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "plugins:\n", "plugins:\n  - search:\n      lang: nl\n"), encoding="utf-8")
    original = pipeline.site_pages

    def with_generated(loaded: Any, ctx: Any) -> dict[str, PageSpec]:
        pages = original(loaded, ctx)
        pages["gebied/proefwijk.md"] = PageSpec("main.html", "Proefwijk Zuid", generated=True)
        return pages

    monkeypatch.setattr(pipeline, "site_pages", with_generated)
    for key, value in EPOCH.items():
        monkeypatch.setenv(key, value)
    build(load_config(str(plan / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    docs = index_docs(tmp_path / "site")
    assert {"location": "gebied/proefwijk/", "title": "Proefwijk Zuid", "page": "Proefwijk Zuid",
            "text": ""} in docs

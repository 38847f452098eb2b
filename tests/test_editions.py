"""The English edition of the example (mkdocs.en.yml): built from the same content/ with every
UI text in English, linked both ways with the Dutch edition, and published next to it.

The both-ways string test: no Dutch UI string in the English HTML, charts, data files or PDF
text, and no English UI string in the Dutch edition (see tests/ui_strings.py for what counts).
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

import pypdf
import pytest

from ivpgen.charts.cache import chart_key
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.variants import variants_of
from ivpgen.check import load_and_check
from ivpgen.editions import Edition, kept_folders
from ivpgen.i18n import load_locale
from ivpgen.style import Style
from ivpgen.views import SiteView
from tests.conftest import EPOCH, MINI, ROOT, WIJKEN, copy_plan, run_ivpgen, warnings_in
from tests.test_search import pages_found, run_search
from tests.ui_strings import content_corpus, normal, phrases, shown, site_texts

ENGLISH = ROOT / "mkdocs.en.yml"


@pytest.fixture(scope="session")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's English edition built once with `ivpgen build --strict`."""
    site = tmp_path_factory.mktemp("english") / "site"
    result = run_ivpgen("build", "--strict", "-f", ENGLISH.name, "-d", str(site), cwd=ROOT,
                        env=EPOCH)
    assert result.code == 0, result.output
    assert not warnings_in(result.output), result.output
    return site


@pytest.fixture(scope="module")
def texts(example: Path, english: Path) -> dict[str, dict[str, str]]:
    return {"nl": site_texts(example), "en": site_texts(english)}


@pytest.fixture(scope="module")
def corpus() -> str:
    return content_corpus(ROOT)


def test_the_english_edition_speaks_english(english: Path) -> None:
    home = (english / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home
    assert "How are things going?" in home and "Printed summary" in home
    assert re.search(r"\d+ of \d+ actions completed", home)
    theme = (english / "thema" / "jeugd" / "index.html").read_text(encoding="utf-8")
    assert "Safety theme" in theme and "young people and safety" in theme.lower()
    assert re.search(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) 20\d\d\b", theme), "dates as 5 March 2024"
    programme = (english / "uitvoering" / "2024" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"€\s?\d{1,3}(,\d{3})+", programme), "money as € 35,000"


def test_plan_content_stays_as_written_and_is_marked_dutch(english: Path) -> None:
    theme = (english / "thema" / "jeugd" / "index.html").read_text(encoding="utf-8")
    assert '<h1 class="with-icon" lang="nl">' in theme
    why = theme.split('<h2 id="waarom">', 1)[1]
    assert why.split("</h2>", 1)[1].lstrip().startswith('<div lang="nl"><p>De meeste jongeren')
    assert '<p class="wrap">The plan&#39;s own texts are in Dutch' in theme
    # A chart placed inside the Dutch text says its English words in English again.
    assert re.search(r'<figure class="chart[^"]*" id="grafiek-[^"]+" lang="en">', theme)


def test_the_dutch_edition_is_unchanged_by_the_english_one(example: Path) -> None:
    theme = (example / "thema" / "jeugd" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in theme
    assert ' lang="nl"' not in theme.split("<html", 1)[1].split(">", 1)[1], \
        "the Dutch edition marks nothing as Dutch: it is all Dutch"
    assert "eigen teksten van het plan" not in theme


def test_each_page_links_to_itself_in_the_other_edition(example: Path, english: Path) -> None:
    """Both editions published as site/ and site/en/: every edition link and hreflang
    alternate points at a page that exists, in the other edition, in its language."""
    roots = {"nl": example, "en": english}
    placed = {"nl": Path("site"), "en": Path("site/en")}
    checked = 0
    for code, site in roots.items():
        for page in sorted(site.rglob("index.html")):
            html = page.read_text(encoding="utf-8")
            here = placed[code] / page.parent.relative_to(site)
            links = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html)
            visible = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)">', html)
            assert {lang for lang, _ in links} == {"nl", "en"}, page
            assert [(hreflang, lang) for _, hreflang, lang in visible] == \
                [(other, other) for other in roots if other != code], page
            for lang, href in [*links, *((lang, href) for href, lang, _ in visible)]:
                target = Path(posixpath.normpath(here / href))
                site_of = roots[lang] / target.relative_to(placed[lang]) / "index.html"
                assert site_of.is_file(), f"{page}: {href} ({lang}) is not a page"
                assert f'<html lang="{lang}">' in site_of.read_text(encoding="utf-8")
                checked += 1
    assert checked > 150


def test_an_edition_is_reached_from_any_page_and_from_outside() -> None:
    dutch = Edition("nl", "Nederlands", "../")
    assert dutch.href("") == "../"
    assert dutch.href("thema/jeugd/") == "../../../thema/jeugd/"
    assert dutch.href("search.html") == "../search.html"
    assert dutch.alternate("thema/jeugd/", "https://example.org/ivp/en") == \
        "https://example.org/ivp/thema/jeugd/"
    assert dutch.alternate("thema/jeugd/", None) == "../../../thema/jeugd/"
    english = Edition("en", "English", "en/")
    assert english.href("thema/jeugd/") == "../../en/thema/jeugd/" and english.inside
    elsewhere = Edition("en", "English", "https://example.org/en/")
    assert elsewhere.href("thema/jeugd/") == "https://example.org/en/thema/jeugd/"
    assert not elsewhere.inside and not dutch.inside
    assert list(kept_folders([Edition("nl", "Nederlands", ""), english, elsewhere])) == ["en"]


def test_no_dutch_ui_text_in_the_english_edition(texts: dict[str, dict[str, str]],
                                                 corpus: str) -> None:
    dutch = phrases("nl", "en", corpus)
    assert len(dutch.checked) > 400, "too few Dutch phrases can be checked to mean anything"
    found = shown(texts["en"], dutch.checked)
    assert not found, f"Dutch UI text in the English edition: {found}"


def test_no_english_ui_text_in_the_dutch_edition(texts: dict[str, dict[str, str]],
                                                 corpus: str) -> None:
    english = phrases("en", "nl", corpus)
    assert len(english.checked) > 400
    found = shown(texts["nl"], english.checked)
    assert not found, f"English UI text in the Dutch edition: {found}"


def test_the_string_check_sees_the_ui_text_of_each_edition(texts: dict[str, dict[str, str]],
                                                           corpus: str) -> None:
    """The check can fail: each edition shows hundreds of its own locale's phrases, in its
    HTML, its charts and its PDFs, so the other edition's would be found just as well."""
    for code, other in (("nl", "en"), ("en", "nl")):
        own = phrases(code, other, corpus).checked
        found = shown(texts[code], own)
        seen = {p for hits in found.values() for p in hits}
        assert len(seen) > 300, (code, len(seen))
        for kind in (".html", ".svg", ".pdf"):
            assert any(name.endswith(kind) for name in found), (code, kind)


def test_the_english_summaries_are_english_pdfs(english: Path) -> None:
    pdfs = sorted((english / "samenvatting").glob("*.pdf"))
    posters = [pdf for pdf in pdfs if pdf.name.startswith("plan-op-een-pagina-")]
    summaries = [pdf for pdf in pdfs if pdf not in posters]
    assert len(summaries) == len(posters) == 6
    for pdf in pdfs:
        reader = pypdf.PdfReader(pdf)
        assert reader.trailer["/Root"]["/Lang"] == "en"
        text = normal(" ".join(p.extract_text() for p in reader.pages[:2]))
        if pdf in posters:
            assert "the plan on one page" in text and "our priorities" in text
        else:
            assert "summary for the municipal council" in text
            assert re.search(r"page 2 of \d+", text)


def _catalog(code: str) -> tuple[Catalog, Any]:
    pages = [p.relative_to(MINI / "content").as_posix() for p in (MINI / "content").rglob("*.md")]
    loaded, _ = load_and_check(MINI / "content", pages)
    return Catalog(SiteView(loaded.content), load_locale(code), Style()), loaded


def test_dutch_and_english_charts_never_share_a_store_key() -> None:
    """Both editions use one store (.cache/ivpgen next to both config files): a chart's key
    holds its words and its locale, so neither edition gets the other's drawing."""
    dutch, english = _catalog("nl")[0], _catalog("en")[0]
    assert dutch.charts.keys() == english.charts.keys()
    for chart_id, chart in dutch.charts.items():
        other = english.charts[chart_id]
        assert chart.title != other.title, chart_id
        for variant in variants_of(chart.kind):
            assert chart_key(chart, variant) != chart_key(other, variant), (chart_id, variant)


def test_a_rebuild_keeps_the_other_edition_in_its_folder(tmp_path: Path) -> None:
    plan = copy_plan(MINI, tmp_path / "plan")
    dutch = (plan / "mkdocs.yml").read_text(encoding="utf-8")
    (plan / "mkdocs.yml").write_text(dutch.replace("      pdf: false\n", "      pdf: false\n"
                                                   "      editions: {en: en/}\n"), encoding="utf-8")
    (plan / "mkdocs.en.yml").write_text(
        dutch.replace("site_dir: site", "site_dir: site/en").replace(
            "      pdf: false\n", "      pdf: false\n      locale: en\n      editions: {nl: ../}\n"),
        encoding="utf-8")
    for config in ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.yml"):
        result = run_ivpgen("build", "--strict", "-f", config, cwd=plan, env=EPOCH)
        assert result.code == 0, result.output
    site = plan / "site"
    assert '<html lang="nl">' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert not [p.name for p in site.iterdir() if p.name.startswith(".")], "no leftovers"


def test_search_works_in_english_only_and_in_both_languages(tmp_path: Path,
                                                            english: Path) -> None:
    both = run_search(english, "inbraak", "Bibob", "priorities")
    assert "cijfers/woninginbraken/" in pages_found(both["inbraak"]), "Dutch stemming still works"
    assert "begrippen/" in pages_found(both["Bibob"])
    assert "speerpunten/" in pages_found(both["priorities"]), "English words find English labels"
    plan = copy_plan(MINI, tmp_path / "plan")
    config = (plan / "mkdocs.yml").read_text(encoding="utf-8")
    (plan / "mkdocs.yml").write_text(config.replace(
        "plugins:\n", "plugins:\n  - search:\n      lang: en\n").replace(
        "      pdf: false\n", "      pdf: false\n      locale: en\n"), encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert result.code == 0, result.output
    assert not (plan / "site" / "search" / "lunr.nl.js").exists()
    only = run_search(plan / "site", "priorities", "figures")
    assert only["priorities"] and only["figures"]


@pytest.mark.parametrize(("editions", "message"), [
    ("{en: /en/}", "'/en/' is geen map of webadres van een editie"),
    ("{fr: fr/}", "er is geen vertaling 'fr'; kies uit: en, nl."),
    ("{nl: ../}", "'nl' is de taal van deze editie zelf"),
])
def test_a_bad_edition_is_one_clear_message(tmp_path: Path, editions: str, message: str) -> None:
    plan = copy_plan(MINI, tmp_path / "plan")
    config = (plan / "mkdocs.yml").read_text(encoding="utf-8")
    (plan / "mkdocs.yml").write_text(config.replace(
        "      pdf: false\n", f"      pdf: false\n      editions: {editions}\n"), encoding="utf-8")
    result = run_ivpgen("check", cwd=plan)
    assert result.code == 2
    line = 1 + config.split("\n").index("      pdf: false")
    assert f"regel {line + 1}: fout: veld 'plugins[0].ivpgen.editions." in result.output
    assert message in result.output and result.output.startswith("mkdocs.yml\n"), result.output
    assert "Traceback" not in result.output
    shutil.rmtree(plan)


def test_a_plan_with_neighbourhoods_has_no_dutch_ui_text_in_english(tmp_path: Path) -> None:
    """The plan of one municipality steering on its wijken (other words: neighbourhoods, no
    region) in English: no Dutch UI text either."""
    plan = copy_plan(WIJKEN, tmp_path / "plan")
    config = (plan / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - ivpgen\n" in config, "the wijken fixture's plugin list changed"
    (plan / "mkdocs.yml").write_text(config.replace("  - ivpgen\n", "  - ivpgen:\n      locale: en\n"),
                                     encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert result.code == 0, result.output
    texts = site_texts(plan / "site")
    home = (plan / "site" / "index.html").read_text(encoding="utf-8")
    assert "Choose your neighbourhood" in home
    assert "municipalities" not in home.lower() and "region" not in home.lower()
    dutch = phrases("nl", "en", content_corpus(plan))
    assert not shown(texts, dutch.checked)
    assert len({p for hits in shown(texts, phrases("en", "nl", content_corpus(plan)).checked)
                .values() for p in hits}) > 300

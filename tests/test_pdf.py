"""The printed summary: one tagged, reproducible A4 PDF per municipality plus the region."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image

from ivpgen.check import load_and_check
from ivpgen.model import Content
from tests.conftest import OWN_STORE, ROOT, run_ivpgen, warnings_in
from tests.print_plans import alt_texts

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01


@pytest.fixture(scope="module")
def content() -> Content:
    pages = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")]
    loaded, _ = load_and_check(ROOT / "content", pages)
    return loaded.content


def _build(folder: Path) -> tuple[Path, str]:
    """The example plan, with a cold store of its own, built with --strict."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    result = run_ivpgen("build", "--strict", cwd=folder, env={**EPOCH, **OWN_STORE})
    assert result.code == 0, result.output
    assert not warnings_in(result.output)
    return folder / "site", result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return _build(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def site(built: tuple[Path, str]) -> Path:
    return built[0]


def read(site: Path, slug: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(site / "samenvatting" / f"samenvatting-{slug}.pdf")


def text(reader: pypdf.PdfReader, index: int) -> str:
    """A page's text on one line; a line break after a dash (2023–\n2026) is undone."""
    return " ".join(reader.pages[index].extract_text().split()).replace("– ", "–")


def test_one_pdf_per_municipality_plus_the_region(site: Path, content: Content) -> None:
    slugs = ["regio", *(m.id for m in content.plan.municipalities)]
    expected = {name for slug in slugs for name in (
        f"samenvatting-{slug}.pdf", f"plan-op-een-pagina-{slug}.pdf",
        f"plan-op-een-pagina-{slug}.png")}
    assert {p.name for p in (site / "samenvatting").iterdir()} == expected


def test_build_log_reports_pdf_time(built: tuple[Path, str]) -> None:
    assert re.search(r"(?m)^  Samenvattingen +12 pdf's \(samenvattingen en posters, \d+ "
                     r"pagina's\), 12 opnieuw gemaakt \(\d+,\d s\)$", built[1]), built[1]


def test_cover_overview_priorities_and_colophon(site: Path, content: Content) -> None:
    reader = read(site, "regio")
    plan = content.plan
    cover = text(reader, 0)
    assert plan.title in cover and "Regionale editie" in cover and plan.version in cover
    assert f"{plan.period.start}–{plan.period.end}" in cover and "Vastgesteld" in cover
    for municipality in plan.municipalities:
        assert municipality.name in cover
    overview = text(reader, 1)
    assert "Het plan in één oogopslag" in overview and "Stand van de acties" in overview
    assert "Hoe staan we ervoor" in text(reader, 2), "the goals' standing follows the overview"
    assert "Inhoud" in cover, "the contents share the cover page"
    whole = [text(reader, i) for i in range(len(reader.pages))]
    for theme in content.themes.values():
        assert theme.title in overview
        starts = [i for i, page in enumerate(whole) if page.startswith(theme.title)]
        assert starts, theme.title
        assert "Waarom dit speerpunt" in whole[starts[0]]
        assert all(a.title.split()[0] in " ".join(whole[starts[0]:]) for a in theme.actions)
    last = whole[-1]
    assert "Colofon" in last and "Bronnen van de cijfers" in last
    assert "site_url" not in last and "QR" not in last, "no configuration advice on paper"


def test_contents_has_page_numbers(site: Path) -> None:
    contents = text(read(site, "regio"), 0)
    assert re.search(r"Het plan in één oogopslag[ .]*2\b", contents)
    assert re.search(r"Colofon[ .]*\d+", contents)


def test_footer_says_page_x_of_y(site: Path) -> None:
    reader = read(site, "regio")
    total = len(reader.pages)
    assert 8 <= total <= 14, "a summary of about 8 to 14 pages (a chapter starts on a new page)"
    for index in (1, total - 1):
        assert f"pagina {index + 1} van {total}" in text(reader, index)


def test_municipality_edition_puts_its_own_first(site: Path, content: Content) -> None:
    soest = next(m for m in content.plan.municipalities if m.id == "soest")
    reader = read(site, "soest")
    assert "Editie Soest" in text(reader, 0)
    local = text(reader, 1)
    assert local.startswith("Soest: cijfers, accenten en bijeenkomsten"), local[:120]
    assert "Editie Soest" in local  # the running header
    assert all(p in local for p in soest.local_priorities)
    assert "Laatste cijfers van Soest" in local and "Bijeenkomsten voor Soest" in local


def test_tagged_titled_dutch_with_bookmarks(site: Path) -> None:
    for pdf in (site / "samenvatting").glob("*.pdf"):
        reader = pypdf.PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert root["/Lang"] == "nl"
        assert reader.metadata is not None and reader.metadata.title
        assert "Integraal Veiligheidsplan" in reader.metadata.title
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        assert len(flatten(reader.outline)) >= 8  # the title, then a bookmark per section


def flatten(items: list[Any]) -> list[Any]:
    return [leaf for item in items
            for leaf in (flatten(item) if isinstance(item, list) else [item])]


def test_charts_have_alt_text_and_fonts_are_embedded(site: Path) -> None:
    reader = read(site, "regio")
    alts = alt_texts(reader.trailer["/Root"]["/StructTreeRoot"])
    assert len(alts) >= 5
    assert any(alt.startswith("14 van de 33 acties afgerond. 33 acties") for alt in alts)
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            descriptor = font.get_object().get("/DescendantFonts", [font])[0].get_object()
            assert "/FontFile2" in descriptor["/FontDescriptor"] or \
                "/FontFile3" in descriptor["/FontDescriptor"]


def test_home_links_every_edition_with_size_and_pages(site: Path) -> None:
    html = unescape((site / "index.html").read_text(encoding="utf-8"))
    links = re.findall(r'<a href="(samenvatting/samenvatting-[^"]+\.pdf)">([^<]+)</a>', html)
    assert len(links) == 6
    for href, label in links:
        pages = len(pypdf.PdfReader(site / href).pages)
        assert re.search(rf"\(pdf, \d+ kB, {pages} pagina's\)", label)
    posters = re.findall(r'<a href="(samenvatting/plan-op-een-pagina-[^"]+\.(pdf|png))">([^<]+)</a>',
                         html)
    assert len(posters) == 12
    assert "Het plan op één pagina voor Soest (pdf, " in html
    assert "Het plan op één pagina voor de hele regio als afbeelding (png, " in html


def test_two_builds_give_identical_pdfs(site: Path, tmp_path: Path) -> None:
    again, _output = _build(tmp_path)
    for made in (site / "samenvatting").iterdir():  # summaries, posters and their pictures
        assert (again / "samenvatting" / made.name).read_bytes() == made.read_bytes(), made.name


def test_pdfs_are_cached(built: tuple[Path, str]) -> None:
    folder = built[0].parent
    result = run_ivpgen("build", "--strict", cwd=folder, env={**EPOCH, **OWN_STORE})
    assert "12 pdf's" in result.output and "0 opnieuw gemaakt" in result.output


def test_pdf_option_switches_them_on_and_off(mini: Path) -> None:
    result = run_ivpgen("build", "--strict", cwd=mini)  # the test plan says pdf: false
    assert result.code == 0, result.output
    assert not (mini / "site" / "samenvatting").exists()
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true"),
                      encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=mini)
    assert result.code == 0, result.output
    # A single-municipality plan has one edition, no separate regional one.
    assert sorted(p.name for p in (mini / "site" / "samenvatting").iterdir()) == [
        "plan-op-een-pagina-teststad.pdf", "plan-op-een-pagina-teststad.png",
        "samenvatting-teststad.pdf"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None and not os.environ.get("CI"),
                    reason="needs poppler-utils (pdftoppm); CI installs it and never skips")
def test_overview_is_one_page_with_charts(site: Path, tmp_path: Path) -> None:
    reader = read(site, "regio")
    assert not text(reader, 2).startswith("Het plan in één oogopslag")  # it did not run over
    pdf = site / "samenvatting" / "samenvatting-regio.pdf"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", str(pdf),
                    str(tmp_path / "p")], check=True)
    [png] = list(tmp_path.glob("p-*.png"))
    data = Image.open(png).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    colourful = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60)
    assert colourful > 500  # the status chart's coloured bars

"""The printed summary and the plan on one page, read as a council member reads them: text size,
how full each page is, what the text says, which priorities an edition holds, and whether an
independent PDF/UA checker finds anything.

Ink coverage (how full a page is): the page is rasterised (pdftoppm, 30 dpi, grey) and only its
text block is looked at (inside the page margins, so the running header and page number do not
count). The coverage is the share of the text block's height from its top down to the lowest row
with ink (a pixel darker than 200 of 255). A page whose content stops halfway scores about 50%.
A chapter end (the last page, or a page followed by one that starts with a chapter heading) may
be emptier: a chapter starts on a new page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from PIL import Image

from benchmarks.plans import Size, make_plan
from ivpgen.pdf.edition import editions
from ivpgen.pdf.render import render_html, render_poster
from tests.conftest import ROOT, copy_plan
from tests.print_plans import alt_texts, print_context
from tests.print_plans import pdf as make

MM = 72 / 25.4
TEXT_BLOCK = (22 * MM, 20 * MM)
"""The summary's top and bottom page margins (print.css @page), in points."""
CHAPTER_SIZE = 17.5
"""A chapter heading (h2, 18 pt) is at least this big."""
MIN_SIZE = 8.0
MARKDOWN = re.compile(r"(\*\*|__|(^|\s)\*\S|\S\*\*|^#{1,6} |\]\(|^\s*[-+] \S|`)", re.M)
"""Markdown that was not rendered: emphasis markers, headings, links, list items, code. The
illustrative mark (a star after a number, '1,7*', or 'met * zijn') is not one of them."""
CONFIGURATION = ("site_url", "mkdocs.yml")
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="needs poppler-utils (pdftoppm)")


def pdfs(site: Path) -> list[Path]:
    return sorted((site / "samenvatting").glob("*.pdf"))


@pytest.fixture(scope="module", params=["example", "wijken"])
def built(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_every_edition_has_a_poster_with_a_picture(built: Path) -> None:
    summaries = [p for p in pdfs(built) if p.name.startswith("samenvatting-")]
    assert summaries
    for summary in summaries:
        slug = summary.stem.removeprefix("samenvatting-")
        poster = built / "samenvatting" / f"plan-op-een-pagina-{slug}.pdf"
        reader = pypdf.PdfReader(poster)
        assert len(reader.pages) == 1, poster.name
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], "tagged"
        assert reader.metadata is not None and "één pagina" in (reader.metadata.title or "")
        with Image.open(poster.with_suffix(".png")) as picture:
            assert picture.width >= 1600
            assert picture.height > picture.width  # A4 portrait


def test_no_text_under_8_points(built: Path) -> None:
    for pdf in pdfs(built):
        with pdfplumber.open(pdf) as document:
            for number, page in enumerate(document.pages, start=1):
                small = {round(c["size"], 1) for c in page.chars
                         if c["text"].strip() and c["size"] < MIN_SIZE}
                assert not small, f"{pdf.name} page {number}: text of {sorted(small)} pt"


def test_text_has_no_markdown_or_configuration_words(built: Path) -> None:
    for pdf in pdfs(built):
        reader = pypdf.PdfReader(pdf)
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text()
            found = MARKDOWN.search(text)
            assert not found, f"{pdf.name} page {number}: {found.group(0)!r} in {text!r}"
            for word in CONFIGURATION:
                assert word not in text, f"{pdf.name} page {number}: {word}"


def chapter_starts(pdf: Path) -> set[int]:
    """The pages (from 1) whose text block starts with a chapter heading."""
    starts = set()
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            if any(c["size"] >= CHAPTER_SIZE and c["top"] < TEXT_BLOCK[0] + 6 * MM
                   for c in page.chars):
                starts.add(number)
    return starts


def coverage(png: Path) -> float:
    """The share of the text block's height down to its lowest row with ink."""
    with Image.open(png) as image:
        grey = image.convert("L")
        scale = grey.height / (297 * MM)
        top, bottom = round(TEXT_BLOCK[0] * scale), grey.height - round(TEXT_BLOCK[1] * scale)
        block = grey.crop((0, top, grey.width, bottom))
        rows = [y for y in range(block.height)
                if block.crop((0, y, block.width, y + 1)).getextrema()[0] < 200]
    return (rows[-1] + 1) / block.height if rows else 0.0


@needs_pdftoppm
def test_no_page_below_half_full_except_chapter_ends(built: Path, tmp_path: Path) -> None:
    for pdf in pdfs(built):
        if not pdf.name.startswith("samenvatting-"):
            continue
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf),
                        str(tmp_path / pdf.stem)], check=True)
        pages = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
        starts = chapter_starts(pdf)
        for number, png in enumerate(pages, start=1):
            end = number == len(pages) or number + 1 in starts
            if not end:
                assert coverage(png) >= 0.5, f"{pdf.name} page {number} is less than half full"


def test_editions_pass_an_independent_pdfua_checker(built: Path) -> None:
    """pdfua (PyPI) checks the machine-checkable part of PDF/UA-1: no errors, no warnings, and
    every rule it has could be evaluated on our files."""
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "text",
                             *map(str, pdfs(built))], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "skip" not in result.stdout, result.stdout


def test_municipality_edition_leaves_out_what_does_not_apply(example: Path) -> None:
    eemnes = pypdf.PdfReader(example / "samenvatting" / "samenvatting-eemnes.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in eemnes.pages)
    # The youth priority applies to Baarn, Bunschoten, De Bilt and Soest, not to Eemnes.
    assert "Waarom dit speerpunt" in text
    assert "Acties bij Jeugdoverlast" not in text
    assert "Jeugdoverlast en -criminaliteit geldt niet voor Eemnes" in text
    assert "Acties bij Ondermijning" in text
    first = " ".join(eemnes.pages[1].extract_text().split())
    assert first.startswith("Eemnes: cijfers, accenten en bijeenkomsten"), first[:100]
    assert "Integraal Veiligheidsplan 2023–2026 Editie Eemnes" in first  # the running header
    assert "Veilige bedrijventerreinen" in first  # its own accent
    regio = pypdf.PdfReader(example / "samenvatting" / "samenvatting-regio.pdf")
    whole = " ".join(" ".join(page.extract_text().split()) for page in regio.pages)
    assert "Acties bij Jeugdoverlast" in whole and "Kerncijfers van de regio" in whole


def test_municipality_figures_compare_rates_not_sums(example: Path) -> None:
    soest = pypdf.PdfReader(example / "samenvatting" / "samenvatting-soest.pdf")
    local = " ".join(soest.pages[1].extract_text().split())
    assert re.search(r"hoger dan de regio \(3,2\*?\): slechter", local), local
    assert "1.084" not in local  # the region's count of nuisance reports is no yardstick


def test_one_municipality_edition_has_its_neighbourhoods(wijken: Path) -> None:
    assert sorted(p.name for p in pdfs(wijken)) == ["plan-op-een-pagina-helmond.pdf",
                                                    "samenvatting-helmond.pdf"]
    reader = pypdf.PdfReader(wijken / "samenvatting" / "samenvatting-helmond.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Editie Helmond" in text and "De wijken" in text
    for wijk in ("Binnenstad", "Helmond-Oost", "Rijpelberg"):
        assert f"Wijk {wijk}" in text and f"Laatste cijfers van {wijk}" in text
    assert "regio" not in text.lower().replace("regionaal", "")
    home = (wijken / "index.html").read_text(encoding="utf-8")
    assert "Samenvatting voor Helmond" in home and "plan-op-een-pagina-helmond.png" in home


def test_a_chart_placed_in_a_priority_is_printed(tmp_path: Path) -> None:
    plan = copy_plan(ROOT / "tests" / "fixtures" / "wijken", tmp_path / "plan")
    theme = plan / "content" / "thema" / "wijken.md"
    theme.write_text(theme.read_text(encoding="utf-8") +
                     "\n\n{{ grafiek vergelijking indicator=woninginbraken }}\n", encoding="utf-8")
    ctx, _outcome = print_context(plan / "mkdocs.yml", tmp_path / "store")
    chart = ctx.catalog.comparison("woninginbraken")
    assert chart is not None
    [edition] = editions(ctx.site)
    reader, _data = make(render_html(ctx, edition))
    alts = alt_texts(reader.trailer["/Root"]["/StructTreeRoot"])
    assert any(alt.startswith(chart.title) for alt in alts), alts


@pytest.mark.parametrize("count", [16])
def test_a_large_region_keeps_cover_contents_and_poster_on_one_page(tmp_path: Path,
                                                                     count: int) -> None:
    """16 municipalities with long names, six accents each and their own adoption dates."""
    make_plan(tmp_path / "plan", Size("print", priorities=7, indicators=3, municipalities=count,
                                      years=4, pdf=True, long_names=True))
    ctx, _outcome = print_context(tmp_path / "plan" / "mkdocs.yml", tmp_path / "store")
    regional, local = editions(ctx.site)[:2]
    for edition in (regional, local):
        reader, _data = make(render_html(ctx, edition))
        second = " ".join(reader.pages[1].extract_text().split())
        assert "Inhoud" in reader.pages[0].extract_text(), "the contents share the cover"
        assert not second.startswith("Integraal") or "Inhoud" not in second
        assert re.search(r"(Het plan in één oogopslag|cijfers, accenten)", second), second[:200]
        poster, _data = make(render_poster(ctx, edition), png=True)
        assert len(poster.pages) == 1, edition.slug

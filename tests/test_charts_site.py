"""Charts in the built site: on every page with title, description, data table and downloads;
cached between builds; placed by staff with a shortcode; mistakes reported, never published."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import EPOCH, ROOT, copy_plan, run_ivpgen

FIGURE = re.compile(r'<figure class="chart chart--(?P<kind>[\w-]+)(?P<phone> chart--phone-form)?" '
                    r'id="(?P<id>[\w-]+)">(?P<body>.*?)</figure>', re.S)
COUNT = re.compile(r"(\d+) grafieken, (\d+) opnieuw getekend")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html"))


def test_every_chart_has_title_description_table_and_downloads(example: Path) -> None:
    kinds: set[str] = set()
    charts = 0
    for page in _pages(example):
        html = page.read_text(encoding="utf-8")
        main = html.split('<main id="inhoud"', 1)[1]
        figures = list(FIGURE.finditer(main))
        # Charts are pictures in their figures; an inline SVG is only ever decorative (icons,
        # sparklines, person figures: aria-hidden, the text next to them says the same).
        shown = re.sub(r'<span[^>]*aria-hidden="true"[^>]*>.*?</span>', "", main, flags=re.S)
        meaningful = [tag for tag in re.findall(r"<svg\b[^>]*>", shown) if 'aria-hidden="true"' not in tag]
        assert not meaningful, f"{page}: an inline <svg> that is not decorative"
        assert main.count('<picture>') == len(figures), f"{page}: a chart picture outside a figure"
        for figure in figures:
            _check_figure(page, figure, example)
            kinds.add(figure["kind"])
        charts += len(figures)
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{page}: duplicate ids"
    assert kinds == {"trend", "doel", "vergelijking", "status", "tijdlijn", "partners", "velden",
                     "budget", "oordeel", "zorgen"}
    assert charts >= 30
    # The key figures keep their downloadable data (placed with {{ grafiek kerncijfers }}).
    assert (example / "grafieken" / "kerncijfers.csv").is_file()


def _check_figure(page: Path, figure: re.Match[str], site: Path) -> None:
    """A chart on a page: its title as caption, its description as the image's alternative
    text, its drawings (narrow and wide, switched by a media query) as files that exist and
    carry the same words, its numbers as a table, and three downloads."""
    body, prefix = figure["body"], figure["id"]
    caption = re.search(r'<figcaption class="chart__caption">(.*?)(?:<span|</figcaption>)', body, re.S)
    img = re.search(r'<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]+)"', body)
    assert caption and img, f"{page}: {prefix} lacks a caption or an image with alternative text"
    assert "<svg" not in body, f"{page}: {prefix} is inlined (pages stay small with image files)"
    files = [img[1], *re.findall(r'<source media="\(min-width: 45em\)" srcset="([^"]+)"', body)]
    for src in files:
        svg = ET.parse(page.parent / src).getroot()  # noqa: S314 - our own output
        words = {el.get("id"): el.text for el in svg.iter() if el.get("id", "").endswith(
            ("-titel", "-beschrijving"))}
        shown = html.unescape(re.sub(r"<[^>]+>", "", caption[1]).strip())  # glossary marks are tags
        assert list(words.values()) == [shown, html.unescape(img[4])], (
            f"{page}: {src} carries other words than the page")
    if figure["phone"]:  # the timeline, partners x priorities: a list on phones, not a drawing
        assert len(files) == 1 and '<div class="chart__phone">' in body, f"{page}: {prefix}"
    else:
        assert len(files) == 2 and files[0].endswith(".smal.svg"), f"{page}: {prefix} variants"
    assert re.search(r"<details class=\"chart__data\">.*?<table>.*?<caption id=\"" + prefix
                     + r"-tabel\">.*?<tbody>\s*<tr>", body, re.S), f"{page}: {prefix} table"
    links = re.findall(r'<a href="([^"]+)" download>', body)
    assert len(links) == 3, f"{page}: {prefix} downloads"
    for link in links:
        assert (page.parent / link).resolve().is_file(), f"{page}: {link}"


def test_downloads_hold_the_chart_numbers(example: Path) -> None:
    data = json.loads((example / "grafieken" / "doel-jeugd-overlast-soest.json").read_text())
    assert data["title"] == "Meldingen van jeugdoverlast in Soest: gedaald sinds 2016"
    assert "Oordeel: " in data["description"]
    rows = {row["year"]: row for row in data["rows"]}
    assert rows[2022]["measured"] == 462 and rows[2026]["path"] == 400
    csv_text = (example / "grafieken" / "doel-jeugd-overlast-soest.csv").read_text()
    assert csv_text.startswith("Jaar,Gemeten (Soest),Koers naar het doel\n")
    assert "\n2022,462,462\n" in csv_text
    svg = (example / "grafieken" / "doel-jeugd-overlast-soest.svg").read_text()
    assert svg.startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg')


def _counts(output: str) -> tuple[int, int]:
    match = COUNT.search(output)
    assert match, output
    return int(match[1]), int(match[2])


def _stored_charts(plan: Path) -> dict[str, str]:
    """Every chart drawing in the plan's store: key -> 'chart id/variant'."""
    found = {}
    for meta in (plan / ".cache/ivpgen").glob("??/*.json"):
        data = json.loads(meta.read_text())
        if data.get("kind"):
            found[meta.stem] = f"{data['chart']}/{data['variant']}"
    return found


def test_store_draws_only_what_changed_and_keeps_the_rest(mini: Path, own_store: None) -> None:
    first = run_ivpgen("build", cwd=mini)
    assert first.code == 0, first.output
    total, rendered = _counts(first.output)
    assert total == rendered > 0
    again = run_ivpgen("build", cwd=mini)
    assert _counts(again.output) == (total, 0)
    before = _stored_charts(mini)
    assert len({name.split("/")[0] for name in before.values()}) == total
    # Edit one figure of the indicator 'inbraken': only its charts are drawn again.
    data = mini / "content" / "data" / "inbraken.csv"
    data.write_text(data.read_text().replace("centrum;2024;3,9", "centrum;2024;3,7"))
    edited = run_ivpgen("build", cwd=mini)
    assert _counts(edited.output) == (total, 2)
    after = _stored_charts(mini)
    new = sorted(chart for key, chart in after.items() if key not in before)
    assert new == ["doel-minder-inbraken/narrow", "doel-minder-inbraken/print",
                   "doel-minder-inbraken/wide", "trend-inbraken/narrow", "trend-inbraken/print",
                   "trend-inbraken/wide"]
    assert before.items() <= after.items(), "a build never removes what another build may use"


def test_staff_place_charts_with_a_shortcode(mini: Path) -> None:
    theme = mini / "content" / "thema" / "inbraak.md"
    theme.write_text(theme.read_text() + "\n{{ grafiek doel=minder-inbraken }}\n\n"
                     "```\n{{ grafiek voorbeeld }}\n```\n", encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=mini)
    assert result.code == 0, result.output
    html = (mini / "site" / "thema" / "inbraak" / "index.html").read_text()
    # Once in the text (shortcode), once by the template: the second copy has its own ids.
    assert 'id="grafiek-doel-minder-inbraken"' in html
    assert 'id="grafiek-doel-minder-inbraken--2"' in html
    assert "{{ grafiek voorbeeld }}" in html, "a shortcode in a code block stays as text"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_a_wrong_shortcode_is_an_error_with_file_and_line(mini: Path) -> None:
    assert run_ivpgen("build", cwd=mini).code == 0
    published = (mini / "site" / "index.html").read_bytes()
    theme = mini / "content" / "thema" / "inbraak.md"
    lines = theme.read_text().splitlines()
    theme.write_text("\n".join([*lines, "", "{{ grafiek trend indicator=inbraak }}", ""]))
    result = run_ivpgen("build", cwd=mini)
    assert result.code != 0
    assert (f"content/thema/inbraak.md:{len(lines) + 2}: veld 'grafiek': indicator 'inbraak' "
            "bestaat niet. Bedoelt u 'inbraken'?") in result.output
    assert "Traceback" not in result.output
    assert (mini / "site" / "index.html").read_bytes() == published


def test_check_finds_shortcode_mistakes_without_building(mini: Path) -> None:
    theme = mini / "content" / "thema" / "inbraak.md"
    lines = theme.read_text().splitlines()
    theme.write_text("\n".join([*lines, "", "{{ grafiek trend indicator=inbraak }}", ""]))
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert (f"content/thema/inbraak.md\n  regel {len(lines) + 2}: fout: veld 'grafiek': indicator "
            "'inbraak' bestaat niet. Bedoelt u 'inbraken'?") in result.output
    assert not (mini / "site").exists(), "check builds nothing"


def test_a_warm_build_imports_neither_matplotlib_nor_weasyprint(tmp_path: Path,
                                                               own_store: None) -> None:
    """Nothing changed, so every chart and PDF comes from the store: the build must not pay for
    importing the libraries that draw them (about a second). The plan with neighbourhoods has
    charts and a printed summary."""
    plan = copy_plan(ROOT / "tests" / "fixtures" / "wijken", tmp_path / "plan")
    first = run_ivpgen("build", cwd=plan, env=EPOCH)
    assert first.code == 0, first.output
    assert _counts(first.output)[1] > 0 and "samenvatting" in first.output
    warm = subprocess.run([sys.executable, "-X", "importtime", "-m", "ivpgen", "build"], cwd=plan,
                          env={**os.environ, **EPOCH},
                          capture_output=True, text=True, timeout=120, check=False)
    assert warm.returncode == 0, warm.stderr
    assert _counts(warm.stderr)[1] == 0, "nothing is drawn again"
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in warm.stderr.splitlines() if line.startswith("import time:")}
    assert "mkdocs" in imported, "the import log is read"
    assert not imported & {"matplotlib", "weasyprint"}, sorted(imported & {"matplotlib", "weasyprint"})

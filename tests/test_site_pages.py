"""Residents' pages of both kinds of plan: a page per municipality or neighbourhood, outcome tiles
on the home page, the priorities overview, wording for one plan or many, and page weight."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from benchmarks.plans import Size, make_plan
from ivpgen.check import load_and_check
from ivpgen.model import Content
from tests.conftest import EPOCH, ROOT, WIJKEN, page, run_ivpgen

KB = 1000
BLOCK = re.compile(r"</?(p|li|h\d|div|dt|dd|td|th|tr|ul|ol|dl|section|nav|header|footer|main|"
                   r"figure|figcaption|caption|summary|details|br)\b[^>]*>")


def load(docs: Path) -> Content:
    pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    return load_and_check(docs, pages)[0].content


def text(html: str) -> str:
    """What a resident reads in <main> and the header: tags, scripts and styles removed, and
    code (the values a data column may take are identifiers, not words)."""
    body = re.sub(r"<(script|style|svg|code)\b.*?</\1>", " ", html, flags=re.S)
    body = re.sub(BLOCK, " ", body.split("<body>", 1)[-1])
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", body)).split())


def links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html)


# --- a page per area ------------------------------------------------------------------------

def test_every_municipality_has_its_page(example: Path) -> None:
    content = load(ROOT / "content")
    home = page(example, "")
    for m in content.plan.municipalities:
        html = page(example, f"gemeente/{m.id}")
        assert f"<h1>{m.name}</h1>" in html
        for item in m.local_priorities:
            assert item in html, f"{m.id}: local priority {item!r}"
        assert f"gemeente/{m.id}/" in home, "the home page lists every municipality"
    assert "Kies uw gemeente" in home


def test_a_municipality_page_shows_what_applies_to_it(example: Path) -> None:
    soest, eemnes = text(page(example, "gemeente/soest")), text(page(example, "gemeente/eemnes"))
    # Jeugdoverlast applies to four municipalities, not to Eemnes.
    assert "Jeugdoverlast en -criminaliteit" in soest
    assert "Jeugdoverlast en -criminaliteit" not in eemnes
    # Actions and events tied to one municipality appear on its page only.
    assert "Tijdelijk cameratoezicht op een plek met veel overlast" in soest
    assert "Tijdelijk cameratoezicht" not in eemnes
    assert "Keurmerk Veilig Ondernemen voor bedrijventerreinen" in eemnes
    assert "Wijkavond veiligheid" in soest and "Wijkavond veiligheid" not in eemnes
    # Figures against the region and the country, better or worse in words.
    assert re.search(r"(beter|slechter): (lager|hoger) dan de regio \(\d", soest)
    assert re.search(r"(beter|slechter): (lager|hoger) dan Nederland \(\d", soest)


def test_comparison_words_follow_the_direction(example: Path) -> None:
    """Woninginbraken (lower is better): Soest 1,7 in 2024 against Nederland 1,3."""
    soest = text(page(example, "gemeente/soest"))
    assert "slechter: hoger dan Nederland (1,3*)" in soest
    assert "1,7* per 1.000 inwoners (2024) gelijk aan de regio (1,7*)" in soest
    # A count (meldingen per jaar) is never compared with the region's total.
    block = soest.split("Meldingen van jeugdoverlast", 1)[1].split("Meldingen van", 1)[0]
    assert "de regio" not in block


def test_every_neighbourhood_has_its_page(wijken: Path) -> None:
    content = load(WIJKEN / "content")
    home = page(wijken, "")
    wijk_ids = [a.id for a in content.plan.areas if a.kind == "wijk"]
    assert len(wijk_ids) == 5
    for wid in wijk_ids:
        assert f"wijk/{wid}/" in home
    assert "Kies uw wijk" in home and "Kies uw gemeente" not in home
    assert not (wijken / "gemeente").exists()
    oost = text(page(wijken, "wijk/helmond-oost"))
    assert "Wijk Helmond-Oost" in oost and "Drugsoverlast rond het winkelcentrum" in oost
    assert "Inbraakpreventie aan huis in Helmond-Oost" in oost
    assert "Betere verlichting in de Binnenstad" not in oost
    assert "Wijkavond veiligheid Helmond-Oost" in oost
    assert "hoger dan Helmond (3,4*)" in oost and "hoger dan Nederland (2,4*)" in oost
    # The youth priority is tied to Rijpelberg (by 'areas'); its event by the old key.
    rijpelberg = text(page(wijken, "wijk/rijpelberg"))
    assert "Jeugd en veiligheid" in rijpelberg and "Jeugd en veiligheid" not in oost
    assert "Jongeren praten mee over Rijpelberg" in rijpelberg


# --- one plan or many, worded right ---------------------------------------------------------

def test_a_one_municipality_plan_never_speaks_of_municipalities_or_a_region(wijken: Path) -> None:
    pages = sorted(wijken.rglob("*.html"))
    assert len(pages) >= 15
    for file in pages:
        words = text(file.read_text(encoding="utf-8"))
        for word in ("gemeenten", "regio", "regionale"):
            assert not re.search(rf"\b{word}\b", words, re.I), f"{file}: '{word}' in: {words[:200]}"
    assert "<dt>Gemeente</dt><dd>Helmond</dd>" in page(wijken, "")
    home = text(page(wijken, ""))
    assert "Samenvatting voor Helmond" in home
    assert "1 gemeenten" not in home


def test_a_joint_plan_lists_its_municipalities_in_a_sentence(example: Path) -> None:
    assert "<dt>Gemeenten</dt><dd>Baarn, Bunschoten, De Bilt, Eemnes en Soest</dd>" in page(example, "")
    jeugd = text(page(example, "thema/jeugd"))
    assert "Geldt voor Baarn, Bunschoten, De Bilt en Soest" in jeugd
    assert "Geldt voor alle 5 gemeenten" in text(page(example, "thema/ondermijning"))


def test_the_header_never_lists_every_municipality(example: Path) -> None:
    header = page(example, "cijfers").split("<header", 1)[1].split("</header>", 1)[0]
    assert "Bunschoten" not in text(header).replace("van Baarn, Bunschoten", "")


# --- the infographic home and the priorities overview -----------------------------------------

def test_home_leads_with_an_outcome_per_priority(example: Path) -> None:
    content = load(ROOT / "content")
    html = page(example, "")
    tiles = re.findall(r'<li class="outcome">(.*?)</li>\s*(?=<li class="outcome">|</ul>)', html, re.S)
    assert len(tiles) == len(content.themes)
    for tile, (tid, theme) in zip(tiles, content.themes.items(), strict=True):
        assert theme.title in tile and '<svg' in tile and 'class="icon icon--theme"' in tile
        assert f'href="thema/{tid}/"' in tile, "a tile links to its priority"
        assert re.search(r'href="cijfers/[\w-]+/"', tile), "and to its figure's page"
        assert re.search(r'class="outcome__sentence">[A-Z0-9][^<]+ (dan|aan) (in )?\d{4}', tile)
        assert re.search(r"\d+ van \d+ acties? afgerond", tile)
    ondermijning = tiles[0]
    assert "Meldingen van signalen van ondermijning in de regio" in ondermijning, "headline key"
    columns = int(re.search(r'class="outcomes outcomes--(\d)"', html)[1])
    assert len(tiles) % columns != 1, "no tile alone on a row"


def test_home_counts_agree_with_the_lists(example: Path) -> None:
    content = load(ROOT / "content")
    actions = [a for t in content.themes.values() for a in t.actions]
    done = sum(a.status == "afgerond" for a in actions)
    dropped = sum(a.status == "vervallen" for a in actions)
    home = text(page(example, ""))
    assert f"{done} van {len(actions) - dropped} acties afgerond ({dropped} acties vervallen)" in home
    tiles = sum(int(n) for n in re.findall(r"(\d+) van \d+ acties? afgerond", home)[:-1])
    assert tiles == done, "the tiles add up to the plan's bar"


def test_menu_speerpunten_leads_to_the_overview(example: Path, wijken: Path) -> None:
    for site in (example, wijken):
        home = page(site, "")
        nav = home.split('<ul class="site-nav__list">', 1)[1].split("</ul>", 1)[0]
        assert '<a href="speerpunten/">' in nav or '<a href="speerpunten/" ' in nav, nav
        overview = page(site, "speerpunten")
        assert 'aria-current="page">' in overview.split('<ul class="site-nav__list">', 1)[1]
        assert "<h1>Speerpunten</h1>" in overview
    overview = text(page(example, "speerpunten"))
    assert "Het plan kiest 4 speerpunten" in overview
    assert "Geldt voor: Baarn, Bunschoten, De Bilt en Soest" in overview


def test_icons_are_inline_and_their_licence_ships(example: Path) -> None:
    home = page(example, "")
    assert 'class="icon icon--theme" aria-hidden="true"' in home
    licence = (example / "assets" / "lucide-licentie.txt").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide Contributors" in licence
    assert 'href="assets/lucide-licentie.txt"' in home


# --- figures that scale ----------------------------------------------------------------------

def test_figures_overview_is_one_row_per_indicator_with_a_page_each(example: Path) -> None:
    content = load(ROOT / "content")
    overview = page(example, "cijfers")
    assert overview.count('<li class="indicator-row">') == len(content.indicators)
    assert "<table" not in overview and 'class="chart' not in overview
    for indicator in content.indicators.values():
        html = page(example, f"cijfers/{indicator.id}")
        assert f"<h1>{indicator.name}</h1>" in html
        if indicator.measurements or indicator.measurements_file:
            assert html.count('<table class="figures">') == 1
            assert f'<caption id="{indicator.id}-caption"' in html
    # A remark on several figures is given once, naming the figures it is about.
    inbraken = text(page(example, "cijfers/woninginbraken"))
    assert inbraken.count("Staat van Utrecht, thema Criminaliteit") == 1
    assert "Bunschoten 2015, Nederland 2015 en Soest 2015" in inbraken


def _weights(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def test_pages_stay_light(example: Path, wijken: Path) -> None:
    for site in (example, wijken):
        heavy = {name: size for name, size in _weights(site).items() if size > 100 * KB}
        assert not heavy, f"pages over 100 kB: {heavy}"


def test_pages_stay_light_at_regional_scale(tmp_path: Path) -> None:
    """A synthetic plan of 30 municipalities (benchmarks/plans.py): every page under 200 kB."""
    make_plan(tmp_path, Size("regio", priorities=6, indicators=6))
    result = run_ivpgen("build", cwd=tmp_path, env=EPOCH)
    assert result.code == 0, result.output
    weights = _weights(tmp_path / "site")
    assert len([n for n in weights if n.startswith("gemeente/")]) == 30
    heavy = {name: size for name, size in weights.items() if size > 200 * KB}
    assert not heavy, f"pages over 200 kB: {heavy}"


def test_a_priority_named_after_its_field_does_not_say_it_twice(wijken: Path) -> None:
    """'Jeugd en veiligheid' is also its safety field: its card names the field once, in its
    title; 'Veilige wijken' still says its field."""
    fields = re.findall(r'<p class="outcome__field">([^<]*)</p>', page(wijken, "speerpunten"))
    assert fields == ["Veilige woon- en leefomgeving"]

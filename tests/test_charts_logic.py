"""The logic behind the charts: verdicts, shortcodes, palette, data downloads, key figures."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ivpgen.charts import shortcode
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.data import to_csv, to_json
from ivpgen.charts.palette import SERIES, STATUS, WHITE, distance, palette
from ivpgen.charts.placing import Placer
from ivpgen.charts.verdict import expected, verdict
from ivpgen.model import ACTION_STATUSES, Plan
from ivpgen.style import contrast
from tests.test_charts import STYLE, fixture_catalog

BASE, TARGET = (2022, 100.0), (2026, 60.0)  # lower is better: 10 less per year


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return fixture_catalog()


def test_expected_follows_the_straight_path() -> None:
    assert expected(BASE, TARGET, 2024) == 80
    assert expected(BASE, TARGET, 2021) == 100 and expected(BASE, TARGET, 2030) == 60
    assert expected((2022, 5.0), (2022, 3.0), 2022) == 3.0  # target in the baseline year


@pytest.mark.parametrize(("latest", "code"), [
    ((2024, 80.0), "op-koers"),       # exactly on the path
    ((2024, 75.0), "op-koers"),       # better than the path
    ((2024, 85.0), "achter"),         # worse than the path
    ((2024, 60.0), "bereikt"),        # target value reached early
    ((2027, 61.0), "achter"),         # past the target year, not reached
    ((2022, 50.0), "onbekend"),       # only the baseline year measured
    (None, "onbekend"),
])
def test_verdict_when_lower_is_better(latest: tuple[int, float] | None, code: str) -> None:
    assert verdict(BASE, TARGET, "lager", latest) == code


@pytest.mark.parametrize(("latest", "code"), [
    ((2024, 50.0), "op-koers"),
    ((2024, 49.0), "achter"),
    ((2025, 61.0), "bereikt"),
    ((2026, 59.9), "achter"),
])
def test_verdict_when_higher_is_better(latest: tuple[int, float], code: str) -> None:
    assert verdict((2022, 40.0), (2026, 60.0), "hoger", latest) == code


def test_goal_charts_carry_their_verdict(catalog: Catalog) -> None:
    lower = catalog.goal("minder-inbraken")   # 4,8 (2022) -> 3,5 (2026); 3,9 in 2024 < 4,15
    higher = catalog.goal("meer-meldingen")   # 40 (2022) -> 60 (2026); 47 in 2024 < 50
    assert lower and lower.verdict == "op-koers" and "Oordeel: op koers." in lower.desc
    assert higher and higher.verdict == "achter" and "achter op schema" in higher.desc
    assert lower.desc.startswith("Gedaald van 5,5 in 2021 naar 3,9 in 2024.")


def test_every_status_has_a_colour_hatch_and_contrast() -> None:
    assert [s for s, _c, _h in STATUS] == list(ACTION_STATUSES)
    hatches = [h for _s, _c, h in STATUS]
    assert len(set(hatches)) == len(hatches), "each status needs its own pattern"
    for colour in [c for _s, c, _h in STATUS] + list(SERIES):
        assert contrast(colour, WHITE) >= 3.0, colour


def _simulate(colour: str, matrix: tuple[tuple[float, ...], ...]) -> str:
    """A colour as seen with a colour-vision deficiency (Machado et al. 2009, severity 1)."""
    rgb = [int(colour[i: i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    out = [max(0.0, min(1.0, sum(m * c for m, c in zip(row, lin, strict=True)))) for row in matrix]
    srgb = [12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055 for c in out]
    return "#" + "".join(f"{round(c * 255):02x}" for c in srgb)


DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_line_colours_stay_apart_for_colour_blind_readers(deficiency: str) -> None:
    """The first four line colours (with the house colour) differ clearly (CIE76 > 12)."""
    colours = palette(STYLE, "nl").series[:4]
    seen = [_simulate(c, DEFICIENCIES[deficiency]) for c in colours]
    for i, first in enumerate(seen):
        for second in seen[i + 1:]:
            assert distance(first, second) > 12, (deficiency, colours)


def test_a_series_colour_like_the_house_colour_is_skipped() -> None:
    style = STYLE.__class__("#d55e00", STYLE.accent, STYLE.text, STYLE.font, None)
    assert palette(style, "nl").series.count("#d55e00") == 1


def test_csv_and_json_hold_the_same_numbers(catalog: Catalog) -> None:
    chart = catalog.charts["trend-inbraken"]
    rows = list(csv.reader(io.StringIO(to_csv(chart.table))))
    assert rows[0] == ["Jaar", "Noordstad", "Zuidstad", "Weststad", "Regio", "Nederland"]
    assert rows[1:] == [["2021", "5.5", "", "", "4.6", "2.9"], ["2022", "4.8", "", "", "4.1", "2.7"],
                        ["2023", "4.4", "", "3.1", "3.8", "2.6"],
                        ["2024", "3.9", "2.6", "", "3.4", "2.5"]]
    data = json.loads(to_json(chart.id, chart.title, chart.desc, chart.table))
    assert data["rows"][3] == {"year": 2024, "noordstad": 3.9, "zuidstad": 2.6, "weststad": None,
                               "regio": 3.4, "nederland": 2.5}
    assert data["description"] == chart.desc
    assert {"row": 3, "column": "regio"} not in data["illustrative"]  # a real figure
    assert {"row": 3, "column": "nederland"} in data["illustrative"]
    assert chart.table.shown[3] == ("2024", "3,9", "2,6", "–", "3,4", "2,5")


def test_goal_table_shows_the_path_to_the_target(catalog: Catalog) -> None:
    chart = catalog.charts["doel-minder-inbraken"]
    assert [c.label for c in chart.table.columns] == ["Jaar", "Gemeten (Noordstad)",
                                                      "Koers naar het doel"]
    by_year = {row[0]: row for row in chart.table.shown}
    assert by_year["2024"] == ("2024", "3,9", "4,15")
    assert by_year["2026"] == ("2026", "–", "3,50")


def test_key_figures(catalog: Catalog) -> None:
    tiles = {t.label: (t.value, t.detail) for t in catalog.tiles().tiles}
    assert tiles["speerpunten"] == ("2", "")
    assert tiles["acties"] == ("6", "2 afgerond, 1 lopend")
    assert tiles["doelen op koers of bereikt"] == ("1 van 2", "")
    assert tiles["gemeenten"] == ("3", "samen 50.000 inwoners")


@pytest.mark.parametrize(("line", "chart_id"), [
    ("{{ grafiek doel=minder-inbraken }}", "doel-minder-inbraken"),
    ("{{grafiek indicator=inbraken}}", "trend-inbraken"),
    ("{{ grafiek trend indicator=inbraken gebied=zuidstad,noordstad }}",
     "trend-inbraken-zuidstad-noordstad"),
    ("{{ grafiek vergelijking indicator=inbraken }}", "vergelijking-inbraken"),
    ("{{ grafiek status }}", "status-plan"),
    ("{{ grafiek status speerpunt=ondermijning }}", "status-ondermijning"),
    ("{{ grafiek tijdlijn speerpunt=ondermijning }}", "tijdlijn-ondermijning"),
    ("{{ grafiek voortgang jaar=2024 }}", "status-voortgang-2024"),
    ("{{ grafiek partners }}", "partners"),
    ("   {{ grafiek velden }}  ", "velden"),
    ("{{ grafiek kerncijfers }}", "kerncijfers"),
])
def test_shortcodes_resolve(catalog: Catalog, line: str, chart_id: str) -> None:
    found, problems = shortcode.placements(catalog, f"Tekst.\n\n{line}\n", "x.md", 5)
    assert problems == [] and found == [shortcode.Placement(3, chart_id)]


@pytest.mark.parametrize(("line", "message"), [
    ("{{ grafiek doel=minder-inbraak }}", "doel 'minder-inbraak' bestaat niet. Bedoelt u "
     "'minder-inbraken'?"),
    ("{{ grafiek trend indicator=inbraak }}", "indicator 'inbraak' bestaat niet. Bedoelt u "
     "'inbraken'?"),
    ("{{ grafiek tijdlijn speerpunt=jeugd }}", "speerpunt 'jeugd' bestaat niet. Kies uit: "
     "ondermijning, woninginbraak."),
    ("{{ grafiek trend indicator=inbraken gebied=zuid }}", "gebied 'zuid' bestaat niet."),
    ("{{ grafiek tijdlin }}", "'tijdlin' is geen soort grafiek. Bedoelt u 'tijdlijn'?"),
    ("{{ grafiek }}", "er staat niet welke grafiek."),
    ("{{ grafiek status thema=jeugd }}", "onbekende sleutel 'thema=' bij een grafiek 'status'."),
    ("{{ grafiek vergelijking }}", "bij een grafiek 'vergelijking' hoort 'indicator=...'."),
    ("{{ grafiek vergelijking indicator=meldingen }}", "geen cijfers van twee of meer gemeenten"),
    ("{{ grafiek voortgang jaar=2023 }}", "voortgangsrapportage over '2023' bestaat niet."),
    ("Zie {{ grafiek partners }} hier.", "zet '{{ grafiek ... }}' op een eigen regel"),
])
def test_shortcode_mistakes_name_file_and_line(catalog: Catalog, line: str, message: str) -> None:
    found, problems = shortcode.placements(catalog, f"Tekst.\n\n{line}\n", "thema/x.md", 5)
    assert found == [] and len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == ("thema/x.md", 7, "grafiek")
    assert message in problem.message


def test_shortcodes_in_code_blocks_are_left_alone(catalog: Catalog) -> None:
    body = "```markdown\n{{ grafiek onzin }}\n```\n\n~~~\n{{ grafiek partners }}\n~~~\n"
    assert shortcode.placements(catalog, body, "x.md", 1) == ([], [])


def test_replace_puts_a_placeholder_on_its_own_block() -> None:
    body = "Tekst.\n{{ grafiek partners }}\nMeer tekst.\n"
    replaced = shortcode.replace(body, [shortcode.Placement(2, "partners")])
    assert replaced == "Tekst.\n\n<!-- ivpgen-grafiek partners -->\n\nMeer tekst.\n"


def test_a_chart_is_placed_as_a_picture_and_a_second_copy_gets_its_own_id(catalog: Catalog) -> None:
    chart = catalog.charts["trend-inbraken"]
    svgs = {(chart.id, "wide"): '<svg xmlns="x" width="640" height="300.5"></svg>',
            (chart.id, "narrow"): '<svg xmlns="x" width="340" height="280"></svg>',
            (chart.id, "print"): '<svg xmlns="x" width="493pt" height="200pt"></svg>'}
    placer = Placer(svgs)
    placer.start_page("cijfers.md")
    first = placer.place("cijfers.md", chart, lambda path: "../" + path)
    second = placer.place("cijfers.md", chart, lambda path: "../" + path)
    assert (first.prefix, second.prefix) == ("grafiek-trend-inbraken", "grafiek-trend-inbraken--2")
    # Mobile first: the narrow drawing is the img, the wide one a source from the breakpoint up.
    assert first.img is not None and first.img.url == "../grafieken/trend-inbraken.smal.svg"
    assert (first.img.width, first.img.height, first.img.media) == (340, 280, "")
    [wide] = first.sources
    assert (wide.url, wide.width, wide.height) == ("../grafieken/trend-inbraken.svg", 640, 301)
    assert wide.media == "(min-width: 45em)"
    assert first.links["svg"] == "../grafieken/trend-inbraken.svg"


def test_field_reference_is_validated() -> None:
    base = {"type": "plan", "title": "P", "period": {"start": 2023, "end": 2026},
            "status": "concept", "version": "1", "organisation": "G", "vision": "V",
            "municipalities": [{"id": "a", "name": "A", "cbs_code": "GM0001", "population": 1}]}
    share = {"field": "jeugd en veiligheid", "percent": 60}
    ok = Plan.model_validate({**base, "field_reference": {"label": "L", "source": "S",
                                                          "shares": [share]}})
    assert ok.field_reference and ok.field_reference.shares[0].percent == 60
    with pytest.raises(ValueError, match="meer dan 100"):
        Plan.model_validate({**base, "field_reference": {"label": "L", "source": "S",
                                                         "shares": [share, {**share, "field":
                                                                    "fysieke veiligheid"}]}})
    with pytest.raises(ValueError, match="maar één keer"):
        Plan.model_validate({**base, "field_reference": {"label": "L", "source": "S",
                                                         "shares": [share, share]}})

"""Charts that read on every screen and tell the truth: round ticks, gaps kept, measured and
illustrative figures apart, like compared with like, every area shown, nothing overlapping,
text and marks big enough in every variant. Checked on the laid-out shapes of every chart of
the three test plans (the example, the charts fixture, the neighbourhoods plan)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.draw_series import segments
from ivpgen.charts.render import layout
from ivpgen.charts.scale import decimals_of, nice_ticks
from ivpgen.charts.shapes import Box, Drawing, Line, Marks, Rect, Text
from ivpgen.charts.spec import Line as Series
from ivpgen.charts.spec import TrendSpec
from ivpgen.charts.variants import PRINT, Variant, variants_of
from tests.conftest import ROOT
from tests.test_charts import fixture_catalog

PLANS = {"voorbeeld": ROOT / "content", "grafieken": ROOT / "tests/fixtures/charts/content",
         "wijken": ROOT / "tests/fixtures/wijken/content"}
MIN_TEXT = {"px": 12.0, "pt": 8.0}
"""The smallest text a reader must get: 12 CSS px on screen, 8 pt on paper."""


@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    return {name: fixture_catalog(folder) for name, folder in PLANS.items()}


# --- ticks --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("low", "high", "most", "decimals", "ticks"), [
    (0, 17.6, 6, 0, [0, 5, 10, 15, 20]),        # a percentage: not 0, 2, 5, 8, 10 ...
    (0, 20, 6, 0, [0, 5, 10, 15, 20]),
    (0, 697, 6, 0, [0, 200, 400, 600, 800]),
    (0, 5.5, 6, 1, [0, 2, 4, 6]),
    (0, 5.5, 7, 1, [0, 1, 2, 3, 4, 5, 6]),
    (0, 0.8, 5, 1, [0, 0.2, 0.4, 0.6, 0.8]),
    (0, 90, 5, 0, [0, 25, 50, 75, 100]),        # 25 is a round step for whole numbers
    (0, 7.4, 5, 1, [0, 2, 4, 6, 8]),
    (0, 3, 6, 0, [0, 1, 2, 3]),
    (0, 6.1, 4, 1, [0, 5, 10]),                 # not 0; 2,5; 5,0; 7,5
])
def test_ticks_are_round(low: float, high: float, most: int, decimals: int,
                         ticks: list[float]) -> None:
    assert nice_ticks(low, high, most, decimals) == ticks


@given(st.floats(0.01, 1e6), st.integers(0, 3), st.integers(4, 7))
def test_ticks_cover_the_values_in_exact_steps_the_figures_can_write(high: float, decimals: int,
                                                                    most: int) -> None:
    ticks = nice_ticks(0.0, high, most, decimals)
    assert ticks[0] == 0 and ticks[-1] >= high - 1e-9 and 2 <= len(ticks) <= most
    step = ticks[1] - ticks[0]
    assert decimals_of(step) <= decimals, "a tick label would need more decimals than the figures"
    first = float(f"{step:e}".split("e")[0])
    assert first in (1, 2, 5) or (first == 2.5 and step >= 25), step
    assert all(abs((b - a) - step) < 1e-9 for a, b in itertools.pairwise(ticks))


# --- gaps and measured versus illustrative -------------------------------------------------------

def _series(years: list[int], illustrative: list[bool]) -> Series:
    return Series("x", tuple(years), tuple(1.0 for _ in years), tuple("1" for _ in years),
                  tuple(illustrative))


def test_a_missing_year_breaks_the_line() -> None:
    assert segments(_series([2019, 2020, 2022, 2023], [False] * 4)) == [[0, 1], [2, 3]]


def test_a_two_yearly_survey_is_one_line() -> None:
    assert segments(_series([2019, 2021, 2023], [False] * 3)) == [[0, 1, 2]]


def test_measured_and_illustrative_figures_are_never_joined() -> None:
    assert segments(_series([2015, 2016, 2017, 2018], [False, False, True, True])) == [[0, 1], [2, 3]]


def _data_lines(drawing: Drawing, colour: str) -> list[Line]:
    return [s for s in drawing.shapes if isinstance(s, Line) and s.colour == colour
            and s.role == "data"]


def test_the_soest_goal_keeps_real_and_illustrative_apart(catalogs: dict[str, Catalog]) -> None:
    """Soest's youth nuisance: real figures for 2016 and 2017, illustrative ones from 2019."""
    chart = catalogs["voorbeeld"].charts["doel-jeugd-overlast-soest"]
    assert isinstance(chart.spec, TrendSpec)
    for variant in variants_of(chart.kind):
        drawing = layout(chart, variant)
        colour = chart.palette.series[0]
        lines = _data_lines(drawing, colour)
        assert [(len(line.points), line.dash is None) for line in lines] == [(2, True), (6, False)], (
            "2016-2017 solid, 2019-2024 dashed, and no line across 2018")
        marks = [s for s in drawing.shapes if isinstance(s, Marks) and s.edge == colour]
        filled = sum(len(m.points) for m in marks if m.fill == colour)
        hollow = sum(len(m.points) for m in marks if m.fill == "#ffffff")
        assert (filled, hollow) >= (2, 6)  # the key's swatches add one of each
        texts = {t.text for t in drawing.texts()}
        assert {"gemeten cijfer", "illustratief cijfer (*)"} <= texts, "the key names both"


# --- like with like, every area ---------------------------------------------------------------

def test_a_count_is_compared_with_the_mean_not_with_the_sum(catalogs: dict[str, Catalog]) -> None:
    """Youth nuisance reports are counts: the region's figure is the sum of its municipalities."""
    chart = catalogs["voorbeeld"].comparison("meldingen-jeugdoverlast")
    assert chart is not None
    spec = chart.spec
    [regio] = spec.references  # type: ignore[union-attr]
    assert regio.label == "Regio (vijf gemeenten), gemiddeld per gemeente 217*"
    assert regio.value == pytest.approx(1084 / 5)
    assert regio.value < max(spec.values)  # type: ignore[union-attr]
    assert "het totaal van de gemeenten" in chart.desc
    trend = catalogs["voorbeeld"].trend("meldingen-jeugdoverlast")
    assert trend is not None and isinstance(trend.spec, TrendSpec)
    means = [line for line in trend.spec.lines if "gemiddeld per gemeente" in line.label]
    assert len(means) == 1 and means[0].values[-1] == pytest.approx(1084 / 5)
    assert trend.table.columns[-1].label == "Regio (vijf gemeenten)", "the table keeps the total"


def test_a_rate_is_compared_with_the_region_itself(catalogs: dict[str, Catalog]) -> None:
    chart = catalogs["voorbeeld"].comparison("woninginbraken")
    assert chart is not None
    labels = [r.label for r in chart.spec.references]  # type: ignore[union-attr]
    assert labels == ["Regio (vijf gemeenten) 1,7*", "Nederland 1,3*"]


def test_every_area_with_figures_has_a_line_in_the_neighbourhood_plans_trends(
        catalogs: dict[str, Catalog]) -> None:
    catalog = catalogs["wijken"]
    site = catalog.ctx.site
    trends = [c for c in catalog.charts.values() if c.kind == "trend"]
    assert len(trends) == len(site.content.indicators) == 3
    for chart in trends:
        indicator = site.content.indicators[chart.id.removeprefix("trend-")]
        names = {site.areas[m.area] for m in indicator.measurements}
        assert isinstance(chart.spec, TrendSpec)
        assert {line.label for line in chart.spec.lines} == names, chart.id
        for variant in variants_of(chart.kind):
            drawn = " ".join(t.text for t in layout(chart, variant).texts())
            assert all(name in drawn for name in names), (chart.id, variant.name)
    assert len({site.areas[m.area] for i in site.content.indicators.values()
                for m in i.measurements}) == 7, "five neighbourhoods, Helmond and Nederland"


def test_titles_state_the_message(catalogs: dict[str, Catalog]) -> None:
    example = catalogs["voorbeeld"]
    assert example.charts["trend-woninginbraken"].title == (
        "Woninginbraken: in alle 5 gemeenten gedaald sinds 2015")
    assert example.charts["vergelijking-woninginbraken"].title == (
        "Woninginbraken: het hoogst in Baarn, het laagst in Bunschoten")
    wijken = catalogs["wijken"]
    assert wijken.charts["trend-jeugdoverlast"].title == (
        "Meldingen van jeugdoverlast: in alle 5 wijken gedaald sinds 2021")
    assert "gemeenten" not in " ".join(c.title + c.desc for c in wijken.charts.values())


# --- readable and free of overlaps, in every variant --------------------------------------------

def _all_layouts(catalogs: dict[str, Catalog]) -> list[tuple[str, Variant, Drawing]]:
    return [(f"{plan}/{chart.id}", variant, layout(chart, variant))
            for plan, catalog in catalogs.items() for chart in catalog.charts.values()
            for variant in variants_of(chart.kind)]


def test_no_text_overlaps_text_a_line_or_a_mark(catalogs: dict[str, Catalog]) -> None:
    """Boxes are a line's height (1.2 × the size): a tenth of the size lower above and below,
    so that two lines of one label may touch, and a unit wider on each side, so that two labels
    on one line keep a gap."""
    found = []
    for name, variant, drawing in _all_layouts(catalogs):
        texts = drawing.texts()
        boxes = [Box(t.box.x0 - 1, t.box.y0 + t.size / 10, t.box.x1 + 1, t.box.y1 - t.size / 10)
                 for t in texts]
        for (a, box_a), (b, box_b) in itertools.combinations(zip(texts, boxes, strict=True), 2):
            if box_a.overlaps(box_b):
                found.append(f"{name} ({variant.name}): '{a.text}' overlaps '{b.text}'")
        for shape in drawing.shapes:
            hit = _covered(shape, texts, boxes)
            if hit:
                found.append(f"{name} ({variant.name}): '{hit}' is covered by a {type(shape).__name__}")
        for text in texts:
            box = text.box
            if box.x0 < 0 or box.x1 > drawing.width or box.y0 < 0 or box.y1 > drawing.height:
                found.append(f"{name} ({variant.name}): '{text.text}' outside the drawing")
    assert not found, "\n".join(found)


def _covered(shape: object, texts: list[Text], boxes: list[Box]) -> str:
    """The first text a data line, leader or mark passes through (text may sit on grid lines)."""
    for text, box in zip(texts, boxes, strict=True):
        if isinstance(shape, Line) and shape.role in ("data", "leader") and any(
                box.crosses(a, b) for a, b in itertools.pairwise(shape.points)):
            return text.text
        if isinstance(shape, Marks):
            half = shape.size / 2
            if any(box.overlaps(Box(x - half, y - half, x + half, y + half))
                   for x, y in shape.points):
                return text.text
    return ""


def test_text_lines_and_marks_are_big_enough(catalogs: dict[str, Catalog]) -> None:
    """Text at least 12 px on screen (drawn at the width it is shown at) and 8 pt in print;
    data lines, bars and the edges of marks at least 2 px on screen."""
    for name, variant, drawing in _all_layouts(catalogs):
        smallest = min(t.size for t in drawing.texts())
        assert smallest >= MIN_TEXT[variant.unit], (name, variant.name, smallest)
        if variant is PRINT:
            continue
        for shape in drawing.shapes:
            if isinstance(shape, Marks):
                hollow = shape.fill == "#ffffff"  # an open marker is its edge
                assert shape.size >= 4.5 and (shape.edge_width >= 2 or not hollow), (name, shape)
            if isinstance(shape, Rect) and shape.h < shape.w:
                assert shape.h >= 2, (name, variant.name, shape)
        data = [s for s in drawing.shapes if isinstance(s, Line) and s.role == "data"]
        assert all(line.width >= 2 for line in data), (name, variant.name)

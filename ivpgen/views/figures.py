"""The figures: a compact overview of every indicator (a sparkline row each) and one page per
indicator with its charts and one table. The overview stays small at any size of plan: one
row per indicator, never every area's figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from ivpgen.charts.spec import Chart
from ivpgen.model import Indicator, IndicatorsPage, Source
from ivpgen.views.home import Fact
from ivpgen.views.outcome import Ctx, TrendMark, trend_mark
from ivpgen.views.site import Figure
from ivpgen.views.theme import Link

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 96, 28, 3


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator in the overview: its latest figure, an arrow and a line of its years."""

    name: str
    page: str | None
    unit: str
    area: str
    value: str
    year: int | None
    sparkline: Markup
    trend: TrendMark | None
    sentence: str
    direction: str
    illustrative: bool


@dataclass(frozen=True)
class IndicatorsView:
    title: str
    rows: tuple[IndicatorRow, ...]
    has_illustrative: bool


def indicators_view(ctx: Ctx, page: IndicatorsPage) -> IndicatorsView:
    rows = tuple(indicator_row(ctx, ind) for ind in page.indicators)
    return IndicatorsView(page.title, rows, any(r.illustrative for r in rows))


def indicator_row(ctx: Ctx, indicator: Indicator) -> IndicatorRow:
    site, words = ctx.site, ctx.words
    area = site.summary_area(indicator)
    series = site.series(indicator, area) if area else []
    direction = words.t(f"indicators.direction_{indicator.direction}")
    page = site.indicator_page(indicator.id)
    if area is None or not series:
        return IndicatorRow(indicator.name, page, indicator.unit or "", "", "", None, Markup(""),
                            None, _spread(ctx, indicator), direction, indicator.illustrative)
    first, last = series[0], series[-1]
    sentence = words.change(first, last, indicator) if len(series) > 1 else ""
    return IndicatorRow(
        indicator.name, page, indicator.unit or "", site.areas.get(area, area),
        words.number(last, indicator), last.year, sparkline(series),
        trend_mark(words, series, indicator), sentence, direction, last.illustrative)


def _spread(ctx: Ctx, indicator: Indicator) -> str:
    """Without a plan-wide figure: 'van 0,8 in Bunschoten tot 2,2 in Baarn (2024)'."""
    site, words = ctx.site, ctx.words
    latest = [(a, s[-1]) for a in site.used_areas(indicator) if (s := site.series(indicator, a))]
    if not latest:
        return words.t("indicators.no_figures")
    year = max(f.year for _, f in latest)
    found = [(a, f) for a, f in latest if f.year == year]
    low = min(found, key=lambda item: item[1].value)
    high = max(found, key=lambda item: item[1].value)
    if low[1].value == high[1].value:
        return words.t("figures.spread_same", value=words.marked(low[1], indicator), year=year)
    return words.t("figures.spread", low=words.marked(low[1], indicator),
                   low_area=words.area_name(low[0]), high=words.marked(high[1], indicator),
                   high_area=words.area_name(high[0]), year=year)


def sparkline(series: list[Figure]) -> Markup:
    """A tiny line of the yearly figures (decorative: the row says the same in words). A
    missing year stays a gap, a figure without neighbours a small dot; the latest a big dot."""
    years = [f.year for f in series]
    low, high = min(f.value for f in series), max(f.value for f in series)
    span_x, span_y = max(years[-1] - years[0], 1), (high - low) or 1.0

    def xy(f: Figure) -> str:
        x = SPARK_PAD + (f.year - years[0]) / span_x * (SPARK_WIDTH - 2 * SPARK_PAD)
        y = SPARK_HEIGHT - SPARK_PAD - (f.value - low) / span_y * (SPARK_HEIGHT - 2 * SPARK_PAD)
        return f"{x:.1f} {y:.1f}"

    joined = [i > 0 and f.year - series[i - 1].year == 1 for i, f in enumerate(series)]
    path = " ".join(("L" if joined[i] else "M") + xy(f) for i, f in enumerate(series))
    alone = [f for i, f in enumerate(series[:-1]) if not joined[i] and not joined[i + 1]]
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="1.5"/>' for x, y in
                   (xy(f).split() for f in alone))
    x, y = xy(series[-1]).split()
    return Markup(  # noqa: S704 - numbers only
        f'<svg class="sparkline" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" width="{SPARK_WIDTH}" '
        f'height="{SPARK_HEIGHT}" aria-hidden="true"><path d="{path}"/>{dots}'
        f'<circle cx="{x}" cy="{y}" r="2.5"/></svg>')


@dataclass(frozen=True)
class Cell:
    text: str
    illustrative: bool


@dataclass(frozen=True)
class FigureTable:
    """An indicator's figures: years as rows, areas as columns, formatted."""

    caption: str
    areas: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell | None, ...]], ...]
    wide: bool
    """More columns than a phone shows: the page says the table scrolls sideways."""


@dataclass(frozen=True)
class Note:
    """A remark on some figures, given once: the text and the figures it is about."""

    text: str
    about: str


@dataclass(frozen=True)
class IndicatorView:
    id: str
    name: str
    definition: str
    facts: tuple[Fact, ...]
    source: Source | None
    users: tuple[Link, ...]
    overview: Link | None
    trend_chart: Chart | None
    comparison_chart: Chart | None
    table: FigureTable | None
    has_illustrative: bool
    notes: tuple[Note, ...]


def indicator_view(ctx: Ctx, indicator: Indicator, overview: Link | None) -> IndicatorView:
    site, words = ctx.site, ctx.words
    facts = [Fact(words.t("indicators.unit"), indicator.unit)] if indicator.unit else []
    facts.append(Fact(words.t("indicators.direction"),
                      words.t(f"indicators.direction_{indicator.direction}")))
    table = figure_table(ctx, indicator)
    return IndicatorView(
        indicator.id, indicator.name, indicator.definition, tuple(facts), indicator.source,
        tuple(Link(t.title, site.theme_pages[tid]) for tid, t in site.indicator_users(indicator.id)),
        overview, ctx.charts.trend(indicator.id), ctx.charts.comparison(indicator.id), table,
        bool(table and any(c and c.illustrative for _, row in table.rows for c in row)),
        notes(ctx, indicator))


def figure_table(ctx: Ctx, indicator: Indicator) -> FigureTable | None:
    site, words = ctx.site, ctx.words
    table = site.table(indicator)
    if not table.years:
        return None
    rows = tuple((year, tuple(Cell(words.number(c, indicator), c.illustrative)
                              if (c := table.cells.get((year, aid))) else None
                              for aid, _ in table.areas)) for year in table.years)
    caption = (words.t("indicators.figures_caption", name=indicator.name, unit=indicator.unit)
               if indicator.unit else indicator.name)
    return FigureTable(caption, tuple(name for _, name in table.areas), rows,
                       len(table.areas) > 3)


def notes(ctx: Ctx, indicator: Indicator) -> tuple[Note, ...]:
    """The remarks on the figures, each once, with the figures it is about."""
    about: dict[str, list[str]] = defaultdict(list)
    for m in sorted(indicator.measurements, key=lambda m: (m.year, m.area)):
        if m.note:
            about[m.note].append(f"{ctx.site.areas.get(m.area, m.area)} {m.year}")
    return tuple(Note(text, ctx.words.locale.join(items)) for text, items in about.items())

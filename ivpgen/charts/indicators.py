"""Charts of the figures: an indicator's trend, a goal's trend with its verdict, and areas compared."""

from __future__ import annotations

from collections.abc import Sequence

from ivpgen.charts.context import Ctx, capital, sentence
from ivpgen.charts.data import make_table
from ivpgen.charts.spec import (
    Chart,
    Column,
    ComparisonSpec,
    GoalMarks,
    KeyWords,
    Line,
    Reference,
    Table,
    TrendSpec,
    Value,
)
from ivpgen.charts.verdict import expected
from ivpgen.charts.words import comparison_title, goal_title, kind_words, trend_title
from ivpgen.model import Goal, Indicator
from ivpgen.views import Figure

TOTAL_SHARE = 0.9
"""A reference figure at least this share of the sum of the areas compared is their total (a
mean or a rate is at most the largest of them): a count for the region, not comparable."""


def used_areas(ctx: Ctx, indicator: Indicator) -> list[str]:
    """Every area the indicator has figures for, in the plan's order."""
    return [a for a in ctx.site.areas if any(m.area == a for m in indicator.measurements)]


def default_areas(ctx: Ctx, indicator: Indicator) -> list[str]:
    """The areas an indicator's trend shows: every area it has figures for."""
    return used_areas(ctx, indicator)


def totals(ctx: Ctx, indicator: Indicator) -> dict[str, int]:
    """Reference areas whose figures are the total of the areas compared (the region's count is
    the sum of its municipalities'), with the number of areas they add up."""
    compared, references, _kind = compared_areas(ctx, indicator)
    values = {(m.area, m.year): m.value for m in indicator.measurements}
    found: dict[str, int] = {}
    for ref in references:
        years = [y for (a, y) in values if a == ref and all((c, y) in values for c in compared)]
        if years and all(values[ref, y] >= TOTAL_SHARE * sum(values[c, y] for c in compared)
                         for y in years):
            found[ref] = len(compared)
    return found


def _unit(ctx: Ctx, indicator: Indicator) -> str:
    return ctx.t("unit_sentence", unit=indicator.unit) if indicator.unit else ""


def _caption(title: str, indicator: Indicator) -> str:
    return f"{title} ({indicator.unit})" if indicator.unit else title


def change(ctx: Ctx, series: Sequence[Figure], decimals: int) -> str:
    """'gedaald van 5,5 in 2019 naar 3,9 in 2024' for a series, oldest first."""
    first, last = series[0], series[-1]
    values = {"first": ctx.number(first.value, decimals), "first_year": first.year,
              "last": ctx.number(last.value, decimals), "last_year": last.year}
    if len(series) == 1:
        return ctx.t("single", **values)
    if values["first"] == values["last"]:
        return ctx.t("flat", **values)
    return ctx.t("fell" if last.value < first.value else "rose", **values)


def shown(ctx: Ctx, figure: Figure, decimals: int, divide: int = 1) -> str:
    """A figure as a label: 5,5, or 5,5* when it is illustrative."""
    mark = ctx.locale.t("site.illustrative_mark") if figure.illustrative else ""
    return ctx.number(figure.value / divide, decimals) + mark


def _line(ctx: Ctx, label: str, series: Sequence[Figure], decimals: int, divide: int = 1,
          reference: bool = False) -> Line:
    """A series as a line to draw; a total is divided by the areas it adds up (their mean)."""
    return Line(label, tuple(f.year for f in series), tuple(f.value / divide for f in series),
                tuple(shown(ctx, f, decimals, divide) for f in series),
                tuple(f.illustrative for f in series), reference)


def key_words(ctx: Ctx) -> KeyWords:
    return KeyWords(ctx.t("key_measured"), ctx.t("key_illustrative"))


def _mean_label(ctx: Ctx, area: str, kind: str) -> str:
    return ctx.t("mean_label", area=ctx.site.areas[area], kind=kind_words(ctx, kind)[0])


def _mean_notes(ctx: Ctx, sums: dict[str, int], kind: str) -> list[str]:
    """Why a total is drawn as a mean (for the description and under the table)."""
    one, many = kind_words(ctx, kind)
    return [ctx.t("mean_note", area=ctx.site.areas[a], kind=one, kinds=many) for a in sums]


def trend_chart(ctx: Ctx, indicator: Indicator, areas: Sequence[str],
                chart_id: str | None = None) -> Chart | None:
    """The yearly figures of an indicator in some areas, one labelled line each; a total (the
    region's count) as the mean per area, so that like is compared with like."""
    series = {a: s for a in areas if (s := ctx.site.series(indicator, a))}
    if not series:
        return None
    _compared, references, kind = compared_areas(ctx, indicator)
    sums = {a: n for a, n in totals(ctx, indicator).items() if a in series}
    main = [a for a in series if a not in references]
    decimals = indicator.decimals
    lines = tuple(_line(ctx, _mean_label(ctx, a, kind) if a in sums else ctx.site.areas[a], s,
                        decimals, sums.get(a, 1), reference=bool(main) and a in references)
                  for a, s in series.items())
    notes = _mean_notes(ctx, sums, kind)
    desc = sentence(*(ctx.t("area_change", area=ctx.site.areas[a], change=change(ctx, s, decimals))
                      for a, s in series.items()), *notes, _unit(ctx, indicator),
                    ctx.illustrative_sentence(f for s in series.values() for f in s))
    spec = TrendSpec(indicator.unit or "", lines, None, decimals, "", key_words(ctx))
    title = trend_title(ctx, indicator.name, series, main, decimals)
    return Chart(chart_id or f"trend-{indicator.id}", "trend", title, desc,
                 _wide_table(ctx, indicator, title, series, notes), spec, ctx.palette)


def _wide_table(ctx: Ctx, indicator: Indicator, title: str,
                series: dict[str, list[Figure]], notes: Sequence[str]) -> Table:
    """Years as rows, areas as columns, like the table on the indicators page."""
    names = ctx.site.areas
    columns = [Column("year", ctx.t("year"))] + [
        Column(area, names[area], "number", indicator.decimals) for area in series]
    years = sorted({f.year for s in series.values() for f in s})
    cells = {(f.year, area): f for area, s in series.items() for f in s}
    rows: list[list[Value]] = []
    marks = []
    for r, year in enumerate(years):
        row: list[Value] = [year]
        for c, area in enumerate(series, start=1):
            figure = cells.get((year, area))
            row.append(figure.value if figure else None)
            if figure and figure.illustrative:
                marks.append((r, c))
        rows.append(row)
    return make_table(ctx.locale, _caption(title, indicator), columns, rows, marks, notes)


def goal_chart(ctx: Ctx, goal: Goal) -> Chart | None:
    """An effect goal: its indicator's figures in its area, baseline, target and the verdict."""
    view = ctx.site.goal(goal)
    indicator, area = view.indicator, view.area
    if indicator is None or area is None or goal.baseline is None or goal.target is None:
        return None
    series = ctx.site.series(indicator, area)
    baseline = (goal.baseline.year, goal.baseline.value)
    target = (goal.target.year, goal.target.value)
    code = ctx.site.verdict(goal) or "onbekend"
    verdict_label = ctx.t(f"verdicts.{code}")
    decimals = indicator.decimals
    marks = GoalMarks(
        baseline, target,
        ctx.t("baseline_label", year=baseline[0], value=ctx.number(baseline[1], decimals)),
        ctx.t("target_label", year=target[0], value=ctx.number(target[1], decimals)),
        ctx.t("path_label"))
    line = _line(ctx, view.area_name, series, decimals)
    spec = TrendSpec(indicator.unit or "", (line,) if series else (), marks, decimals, "", key_words(ctx))
    title = goal_title(ctx, indicator.name, view.area_name, series, decimals)
    goal_sentence = ctx.t("goal_sentence", year=target[0], value=ctx.number(target[1], decimals))
    desc = sentence(capital(change(ctx, series, decimals)) + "." if series else "",
                    _unit(ctx, indicator), goal_sentence,
                    ctx.t("verdict_sentence", verdict=verdict_label),
                    ctx.illustrative_sentence(series))
    table = _goal_table(ctx, indicator, title, view.area_name, series, baseline, target)
    return Chart(f"doel-{goal.id}", "doel", title, desc, table, spec, ctx.palette, code,
                 verdict_label)


def _goal_table(ctx: Ctx, indicator: Indicator, title: str, area_name: str,
                series: Sequence[Figure], baseline: tuple[int, float],
                target: tuple[int, float]) -> Table:
    """Per year: the measured figure and the value on the straight path to the target."""
    decimals = indicator.decimals
    columns = [Column("year", ctx.t("year")),
               Column("measured", ctx.t("measured", area=area_name), "number", decimals),
               Column("path", ctx.t("path"), "number", decimals + 1)]
    by_year = {f.year: f for f in series}
    first = min([baseline[0], *by_year])
    last = max([target[0], *by_year])
    rows: list[list[Value]] = []
    marks = []
    for r, year in enumerate(range(first, last + 1)):
        figure = by_year.get(year)
        on_path = baseline[0] <= year <= target[0]
        rows.append([year, figure.value if figure else None,
                     round(expected(baseline, target, year), 6) if on_path else None])
        if figure and figure.illustrative:
            marks.append((r, 1))
    notes = (ctx.t("baseline_note", value=ctx.number(baseline[1], decimals), year=baseline[0]),
             ctx.t("goal_sentence", year=target[0], value=ctx.number(target[1], decimals)),
             ctx.t("verdict_rule"))
    return make_table(ctx.locale, _caption(title, indicator), columns, rows, marks, notes)


def compared_areas(ctx: Ctx, indicator: Indicator) -> tuple[list[str], list[str], str]:
    """(areas compared, reference areas, 'gemeente' or 'wijk'): municipalities when two or more
    have figures, else neighbourhoods; the region and country (or the municipality) as references."""
    used = used_areas(ctx, indicator)
    for kind in ("gemeente", "wijk"):
        compared = [a for a in used if ctx.area_kinds.get(a) == kind]
        if len(compared) >= 2:
            others = ("regio", "land") if kind == "gemeente" else ("gemeente", "regio", "land")
            return compared, [a for a in used if ctx.area_kinds.get(a) in others], kind
    return [], [], ""


def comparison_chart(ctx: Ctx, indicator: Indicator) -> Chart | None:
    """The latest figure per municipality (or neighbourhood), highest first, with the region
    (its mean per area when its figure is a total) and the country as reference lines."""
    compared, references, kind = compared_areas(ctx, indicator)
    if not compared:
        return None
    names, decimals = ctx.site.areas, indicator.decimals
    latest = {a: ctx.site.series(indicator, a)[-1] for a in compared + references}
    years = {latest[a].year for a in compared}
    label = {a: names[a] if len(years) == 1 else ctx.t("with_year", area=names[a],
                                                       year=latest[a].year) for a in latest}
    sums = totals(ctx, indicator)
    refs = tuple(Reference(_reference_label(ctx, a, label[a], kind, sums) + " "
                           + shown(ctx, latest[a], decimals, sums.get(a, 1)),
                           latest[a].value / sums.get(a, 1)) for a in references)
    order = sorted(compared, key=lambda a: -latest[a].value)
    spec = ComparisonSpec(indicator.unit or "", tuple(label[a] for a in order),
                          tuple(latest[a].value for a in order),
                          tuple(shown(ctx, latest[a], decimals) for a in order),
                          tuple(latest[a].illustrative for a in order), refs, decimals, "",
                          key_words(ctx))
    title = comparison_title(ctx, indicator.name, [(label[a], latest[a]) for a in compared], kind)
    notes = _mean_notes(ctx, sums, kind)
    desc = _comparison_desc(ctx, [(label[a], latest[a]) for a in compared],
                            [(label[a], latest[a]) for a in references], decimals)
    desc = sentence(desc, *notes, _unit(ctx, indicator),
                    ctx.illustrative_sentence(latest.values()))
    return Chart(f"vergelijking-{indicator.id}", "vergelijking", title, desc,
                 _comparison_table(ctx, indicator, title, compared, references, latest, notes),
                 spec, ctx.palette)


def _reference_label(ctx: Ctx, area: str, label: str, kind: str, sums: dict[str, int]) -> str:
    return _mean_label(ctx, area, kind) if area in sums else label


def _comparison_desc(ctx: Ctx, compared: list[tuple[str, Figure]],
                     references: list[tuple[str, Figure]], decimals: int) -> str:
    high = max(compared, key=lambda item: item[1].value)
    low = min(compared, key=lambda item: item[1].value)
    if high[1].value == low[1].value:
        text = ctx.t("comparison_same", value=ctx.number(high[1].value, decimals))
    else:
        text = ctx.t("comparison_desc", high=high[0], high_value=ctx.number(high[1].value, decimals),
                     low=low[0], low_value=ctx.number(low[1].value, decimals))
    if references:
        refs = ", ".join(ctx.t("reference", area=name, value=ctx.number(f.value, decimals))
                         for name, f in references)
        text = sentence(text, ctx.t("reference_sentence", references=refs))
    return text


def _comparison_table(ctx: Ctx, indicator: Indicator, title: str, compared: list[str],
                      references: list[str], latest: dict[str, Figure],
                      notes: Sequence[str]) -> Table:
    columns = [Column("area", ctx.t("area")), Column("year", ctx.t("year")),
               Column("value", ctx.t("value"), "number", indicator.decimals),
               Column("kind", ctx.t("kind"))]
    names = ctx.site.areas
    rows: list[list[Value]] = []
    marks = []
    for area in compared + references:
        figure = latest[area]
        kind = ctx.t("kind_compared") if area in compared else ctx.t("kind_reference")
        if figure.illustrative:
            marks.append((len(rows), 2))
        rows.append([names[area], figure.year, figure.value, kind])
    return make_table(ctx.locale, _caption(title, indicator), columns, rows, marks, notes)

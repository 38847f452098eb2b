"""Charts of the figures: an indicator's trend, a goal's trend with its verdict, and areas compared."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ivpgen.charts.context import Ctx, capital, sentence
from ivpgen.charts.data import make_table
from ivpgen.charts.spec import (
    Chart,
    Column,
    ComparisonSpec,
    GoalMarks,
    Line,
    Reference,
    Table,
    TrendSpec,
    Value,
)
from ivpgen.charts.verdict import expected
from ivpgen.model import Goal, Indicator
from ivpgen.views import Figure


def default_areas(ctx: Ctx, indicator: Indicator) -> list[str]:
    """The areas an indicator's trend shows: the region and country if it has figures for them,
    else every area it has figures for."""
    used = [a for a in ctx.site.areas if any(m.area == a for m in indicator.measurements)]
    summary = [a for a in used if ctx.area_kinds.get(a) in ("regio", "land")]
    return summary or used


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


def _line(ctx: Ctx, label: str, series: Sequence[Figure], decimals: int) -> Line:
    mark = ctx.locale.t("site.illustrative_mark")
    return Line(label, tuple(f.year for f in series), tuple(f.value for f in series),
                tuple(ctx.number(f.value, decimals) + (mark if f.illustrative else "")
                      for f in series))


def trend_chart(ctx: Ctx, indicator: Indicator, areas: Sequence[str],
                chart_id: str | None = None) -> Chart | None:
    """The yearly figures of an indicator in a few areas, one labelled line each."""
    series = {a: ctx.site.series(indicator, a) for a in areas}
    series = {a: s for a, s in series.items() if s}
    if not series:
        return None
    names = ctx.site.areas
    decimals = indicator.decimals
    desc = sentence(*(ctx.t("area_change", area=names[a], change=change(ctx, s, decimals))
                      for a, s in series.items()),
                    _unit(ctx, indicator),
                    ctx.illustrative_sentence(f for s in series.values() for f in s))
    lines = tuple(_line(ctx, names[a], s, decimals) for a, s in series.items())
    spec = TrendSpec(indicator.unit or "", lines, None, decimals,
                     _legend(ctx, (f for s in series.values() for f in s)))
    title = ctx.t("trend_title", name=indicator.name)
    return Chart(chart_id or f"trend-{indicator.id}", "trend", title, desc,
                 _wide_table(ctx, indicator, title, series), spec, ctx.palette)


def _legend(ctx: Ctx, figures: Iterable[Figure]) -> str:
    """The footnote under a chart whose labels carry the illustrative mark."""
    return ctx.t("illustrative_legend") if any(f.illustrative for f in figures) else ""


def _wide_table(ctx: Ctx, indicator: Indicator, title: str,
                series: dict[str, list[Figure]]) -> Table:
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
    return make_table(ctx.locale, _caption(title, indicator), columns, rows, marks)


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
        ctx.t("path_label"), ctx.t("verdict_chart", verdict=verdict_label))
    line = _line(ctx, view.area_name, series, decimals)
    spec = TrendSpec(indicator.unit or "", (line,) if series else (), marks, decimals,
                     _legend(ctx, series))
    title = ctx.t("goal_title", name=indicator.name, area=view.area_name)
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
    used = [a for a in ctx.site.areas if any(m.area == a for m in indicator.measurements)]
    for kind in ("gemeente", "wijk"):
        compared = [a for a in used if ctx.area_kinds.get(a) == kind]
        if len(compared) >= 2:
            others = ("regio", "land") if kind == "gemeente" else ("gemeente", "regio", "land")
            return compared, [a for a in used if ctx.area_kinds.get(a) in others], kind
    return [], [], ""


def comparison_chart(ctx: Ctx, indicator: Indicator) -> Chart | None:
    """The latest figure per municipality (or neighbourhood), with the region and country."""
    compared, references, kind = compared_areas(ctx, indicator)
    if not compared:
        return None
    names, decimals = ctx.site.areas, indicator.decimals
    latest = {a: ctx.site.series(indicator, a)[-1] for a in compared + references}
    years = {latest[a].year for a in compared}
    label = {a: names[a] if len(years) == 1 else ctx.t("with_year", area=names[a],
                                                       year=latest[a].year) for a in latest}
    mark = ctx.locale.t("site.illustrative_mark")
    shown = {a: ctx.number(f.value, decimals) + (mark if f.illustrative else "")
             for a, f in latest.items()}
    refs = tuple(Reference(f"{label[a]} {shown[a]}", latest[a].value) for a in references)
    spec = ComparisonSpec(indicator.unit or "", tuple(label[a] for a in compared),
                          tuple(latest[a].value for a in compared),
                          tuple(shown[a] for a in compared), refs, decimals,
                          _legend(ctx, latest.values()))
    key = "comparison_title" if kind == "gemeente" else "comparison_title_wijken"
    title = ctx.t(key, name=indicator.name)
    desc = _comparison_desc(ctx, [(label[a], latest[a]) for a in compared],
                            [(label[a], latest[a]) for a in references], decimals)
    desc = sentence(desc, _unit(ctx, indicator),
                    ctx.illustrative_sentence(latest.values()))
    return Chart(f"vergelijking-{indicator.id}", "vergelijking", title, desc,
                 _comparison_table(ctx, indicator, title, compared, references, latest),
                 spec, ctx.palette)


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
                      references: list[str], latest: dict[str, Figure]) -> Table:
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
    return make_table(ctx.locale, _caption(title, indicator), columns, rows, marks)

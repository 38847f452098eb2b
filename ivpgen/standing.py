"""How the plan stands ("Hoe staan we ervoor"): every goal by priority with its verdict (on
track, behind, achieved, no figure yet), its latest figure against the straight path from
baseline to target, and the verdicts counted in one chart.

Engine-free; the site page and the printed summary read the same ``StandingView``. Verdicts
are the goal charts' (``ivpgen/charts/verdict.py``), so every page judges a goal alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.context import Ctx
from ivpgen.charts.data import make_table
from ivpgen.charts.spec import Chart, Column, StatusSpec, Value
from ivpgen.charts.verdict import expected
from ivpgen.model import VERDICTS, Action, Goal, Indicator, Theme
from ivpgen.views import Figure, SiteView

PAGE = "voortgang/doelen.md"
ORDER = ("bereikt", "op-koers", "achter", "onbekend")
"""Verdicts from good to unknown: the order of the chart's segments and of the counts."""
STYLE_OF = {"bereikt": "afgerond", "op-koers": "lopend", "achter": "vertraagd",
            "onbekend": "gepland"}
"""Each verdict is drawn in the colour and hatch of the action status that means the same."""
assert set(ORDER) == set(VERDICTS)


@dataclass(frozen=True)
class GoalStanding:
    """One goal: its verdict and figures (measured goals), or its actions (effort goals)."""

    goal: Goal
    theme_id: str
    indicator: Indicator | None
    area_name: str
    verdict: str | None
    """A verdict code; None for a goal without an indicator, judged by its actions."""
    latest: Figure | None
    on_path: float | None
    """The value on the straight path from baseline to target in the latest figure's year."""
    chart: Chart | None
    actions: tuple[Action, ...]

    @property
    def decimals(self) -> int:
        return self.indicator.decimals if self.indicator else 1

    @property
    def done(self) -> int:
        """How many of the goal's actions are finished."""
        return sum(a.status == "afgerond" for a in self.actions)


@dataclass(frozen=True)
class PriorityStanding:
    theme_id: str
    theme: Theme
    goals: tuple[GoalStanding, ...]


@dataclass(frozen=True)
class StandingView:
    """All goals by priority, the verdicts counted, and the chart of the verdicts."""

    priorities: tuple[PriorityStanding, ...]
    chart: Chart | None
    summary: str
    """'Van de 5 doelen met een meetbaar cijfer: 1 doel bereikt, 2 op koers, ...'."""

    @property
    def goals(self) -> list[GoalStanding]:
        return [g for p in self.priorities for g in p.goals]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """How many measured goals have each verdict, good to unknown, zeros left out."""
        counts = Counter(g.verdict for g in self.goals if g.verdict)
        return [(code, counts[code]) for code in ORDER if counts[code]]

    @property
    def measured(self) -> int:
        return sum(g.verdict is not None for g in self.goals)

    @property
    def effort(self) -> int:
        return sum(g.verdict is None for g in self.goals)


def of_catalog(catalog: Catalog, themes: Mapping[str, Theme] | None = None) -> StandingView:
    """The view of every goal (or of those of ``themes``), judged by the catalog's goal charts."""
    site = catalog.ctx.site
    charts = {g: c for g in site.content.goals if (c := catalog.goal(g))}
    return standing(site, charts, catalog.ctx, themes)


def standing(site: SiteView, charts: Mapping[str, Chart], ctx: Ctx,
             themes: Mapping[str, Theme] | None = None) -> StandingView:
    """The view of every goal (or of those of ``themes``, e.g. the priorities of one print
    edition); ``charts`` are the goal charts by goal id."""
    priorities = tuple(
        PriorityStanding(tid, theme, tuple(_goal(site, charts.get(g.id), tid, theme, g)
                                           for g in theme.goals))
        for tid, theme in (site.themes if themes is None else themes).items() if theme.goals)
    verdicts = {g.goal.id: g.verdict for p in priorities for g in p.goals if g.verdict}
    chart = verdict_chart(ctx, "oordelen", verdicts)
    key = {0: "summary_none", 1: "summary_one"}.get(len(verdicts), "summary")
    summary = ctx.locale.t(f"standing.{key}", measured=len(verdicts),
                           parts=verdict_parts(ctx, Counter(verdicts.values())))
    return StandingView(priorities, chart, summary)


def verdict_parts(ctx: Ctx, counts: Counter[str]) -> str:
    """'1 doel bereikt, 2 op koers, 1 achter op schema': the verdicts counted, zeros left out."""
    return ", ".join(f"{counts[c]} {ctx.t(f'verdicts.{c}')}" for c in ORDER if counts[c])


def _goal(site: SiteView, chart: Chart | None, theme_id: str, theme: Theme,
          goal: Goal) -> GoalStanding:
    view = site.goal(goal)
    actions = tuple(a for a in theme.actions if a.goal == goal.id)
    if view.indicator is None:
        return GoalStanding(goal, theme_id, None, "", None, None, None, None, actions)
    on_path = None
    if view.latest and goal.baseline and goal.target:
        on_path = expected((goal.baseline.year, goal.baseline.value),
                           (goal.target.year, goal.target.value), view.latest.year)
    verdict = chart.verdict if chart and chart.verdict else "onbekend"
    return GoalStanding(goal, theme_id, view.indicator, view.area_name, verdict, view.latest,
                        on_path, chart, actions)


def verdict_chart(ctx: Ctx, chart_id: str, verdicts: Mapping[str, str],
                  day: dt.date | None = None) -> Chart | None:
    """The goals' verdicts (goal id -> code) per priority as stacked bars, with the totals; its
    title says how many are on track (at ``day``, for a progress report)."""
    site = ctx.site
    theme_of = {g.id: tid for tid, t in site.themes.items() for g in t.goals}
    counts: dict[str, Counter[str]] = {tid: Counter() for tid in site.themes}
    for goal_id, code in verdicts.items():
        if goal_id in theme_of:
            counts[theme_of[goal_id]][code] += 1
    rows = [tid for tid in site.themes if counts[tid]]
    if not rows:
        return None
    labels = tuple((code, ctx.t(f"verdicts.{code}")) for code in ORDER)
    spec = StatusSpec(tuple(site.themes[tid].title for tid in rows), labels,
                      tuple(tuple(counts[tid][c] for c in ORDER) for tid in rows),
                      ctx.locale.t("standing.chart_axis"), stacked=True)
    total: Counter[str] = sum((counts[tid] for tid in rows), Counter())
    values = {"good": total["bereikt"] + total["op-koers"], "total": sum(total.values())}
    title = ctx.locale.t("progress.verdict_title", date=ctx.locale.date(day), **values) if day \
        else ctx.locale.t("standing.chart_title", **values)
    desc = ctx.locale.t("standing.chart_desc", total=values["total"],
                        parts=verdict_parts(ctx, total))
    columns = [Column("priority", ctx.t("priority")),
               *(Column(c, label, "number") for c, label in labels),
               Column("total", ctx.t("total"), "number")]
    table_rows: list[list[Value]] = [
        [site.themes[tid].title, *(counts[tid][c] for c in ORDER), sum(counts[tid].values())]
        for tid in rows]
    table_rows.append([ctx.t("whole_plan"), *(total[c] for c in ORDER), sum(total.values())])
    table = make_table(ctx.locale, title, columns, table_rows)
    styles = {status: (colour, hatch) for status, colour, hatch in ctx.palette.status}
    palette = dataclasses.replace(ctx.palette, status=tuple(
        (code, *styles[STYLE_OF[code]]) for code in ORDER))
    return Chart(chart_id, "oordeel", title, desc, table, spec, palette)

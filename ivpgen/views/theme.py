"""A priority's page and the overview of all priorities ('Speerpunten')."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ivpgen.charts.spec import Chart
from ivpgen.icons import theme_icon
from ivpgen.model import Action, Goal, Point
from ivpgen.views.home import Fact
from ivpgen.views.outcome import Ctx, OutcomeTile, grid_columns, outcome_tile
from ivpgen.views.site import Figure


@dataclass(frozen=True)
class Value:
    """A figure in a table cell: '5,5*' and its year."""

    text: str
    year: int
    illustrative: bool


@dataclass(frozen=True)
class GoalRow:
    id: str
    text: str
    kind: str
    indicator: str
    indicator_page: str | None
    area: str
    baseline: Value | None
    latest: Value | None
    target: Value | None


@dataclass(frozen=True)
class ActionCard:
    id: str
    title: str
    status: str
    owner: str | None
    partners: str
    areas: str
    start: dt.date | None
    deadline: dt.date | None
    done_when: str | None
    budget: float | None
    progress: str


@dataclass(frozen=True)
class PartnerLine:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Link:
    title: str
    page: str


@dataclass(frozen=True)
class ThemeView:
    title: str
    summary: str
    icon: Markup
    facts: tuple[Fact, ...]
    status_counts: tuple[tuple[str, int], ...]
    outcome: OutcomeTile
    goals: tuple[GoalRow, ...]
    has_illustrative: bool
    goal_charts: tuple[Chart, ...]
    status_chart: Chart | None
    timeline_chart: Chart | None
    actions: tuple[ActionCard, ...]
    partners: tuple[PartnerLine, ...]
    others: tuple[Link, ...]


def theme_view(ctx: Ctx, tid: str) -> ThemeView:
    site, words = ctx.site, ctx.words
    theme = site.themes[tid]
    field = words.field(theme.field)
    facts = [Fact(words.t("theme.field"), field[:1].upper() + field[1:])]
    applies = words.theme_applies(theme)
    if applies:
        facts.append(Fact(words.t("theme.municipalities"), applies))
    rows = tuple(goal_row(ctx, goal) for goal in theme.goals)
    charts = tuple(c for g in theme.goals if (c := ctx.charts.goal(g.id)))
    return ThemeView(
        theme.title, theme.summary, theme_icon(theme), tuple(facts),
        tuple(site.status_counts(list(theme.actions))), outcome_tile(ctx, tid, theme), rows,
        any(_marked(row) for row in rows), charts, ctx.charts.status(tid),
        ctx.charts.timeline(tid), tuple(action_card(ctx, tid, a) for a in theme.actions),
        tuple(PartnerLine(p.id, p.name, p.role) for p in site.theme_partners(theme)),
        tuple(Link(t.title, site.theme_pages[other]) for other, t in site.themes.items()
              if other != tid))


def _marked(row: GoalRow) -> bool:
    return any(v is not None and v.illustrative for v in (row.baseline, row.latest, row.target))


def goal_row(ctx: Ctx, goal: Goal) -> GoalRow:
    view = ctx.site.goal(goal)
    ind, words = view.indicator, ctx.words

    def point(p: Point | Figure | None, illustrative: bool) -> Value | None:
        if p is None or ind is None:
            return None
        return Value(words.locale.number(p.value, ind.decimals), p.year, illustrative)

    planned = ind.illustrative if ind else False
    return GoalRow(
        goal.id, goal.text, words.t(f"theme.goal_kind.{goal.kind}"), ind.name if ind else "",
        ctx.site.indicator_page(ind.id) if ind else None, view.area_name,
        point(goal.baseline, planned), point(view.latest, bool(view.latest and
                                                                 view.latest.illustrative)),
        point(goal.target, planned))


def action_card(ctx: Ctx, tid: str, action: Action) -> ActionCard:
    site, words = ctx.site, ctx.words
    partners = words.locale.join([site.content.partners[p].name for p in action.partners
                                  if p in site.content.partners])
    own = action.areas and action.areas != site.themes[tid].area_ids
    return ActionCard(action.id, action.title, action.status, action.owner, partners,
                      words.locale.join(site.names(action.areas)) if own else "",
                      action.start, action.deadline, action.done_when, action.budget,
                      action.progress)


MAX_CHART_ROWS = 12
"""Above this many priorities the chart of every priority's actions is left out: it would not
read, and each card already shows its bar."""


@dataclass(frozen=True)
class PriorityCard:
    tile: OutcomeTile
    summary: str
    applies: str
    """The areas it applies to, when it does not apply to the whole plan."""


@dataclass(frozen=True)
class PrioritiesView:
    """The overview of all priorities: one card each, then the charts about the whole plan."""

    intro: str
    cards: tuple[PriorityCard, ...]
    columns: int
    has_illustrative: bool
    status_chart: Chart | None
    fields_chart: Chart | None


def priorities_view(ctx: Ctx) -> PrioritiesView:
    site, words = ctx.site, ctx.words
    cards = tuple(PriorityCard(outcome_tile(ctx, tid, t), t.summary,
                               (words.theme_applies(t) or "") if t.area_ids else "")
                  for tid, t in site.themes.items())
    return PrioritiesView(
        words.count("priorities.intro", len(cards)), cards, grid_columns(len(cards)),
        any(c.tile.figure and c.tile.figure.illustrative for c in cards),
        ctx.charts.status() if len(cards) <= MAX_CHART_ROWS else None, ctx.charts.fields())

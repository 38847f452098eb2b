"""Progress reports that show change: each report is a snapshot of every action's status and
every goal's verdict at its date, compared with the report before it.

Engine-free. A report's page reads as it was: its tables, counts and charts come from its
snapshot and its date, never from today's statuses. ``plan_at`` gives the plan as a report saw
it, so the same chart builders draw the past.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ivpgen.charts import plan as plan_charts
from ivpgen.charts.context import Ctx
from ivpgen.charts.spec import Chart
from ivpgen.errors import Problem
from ivpgen.findings import Finder
from ivpgen.load import Loaded
from ivpgen.model import (
    ACTION_STATUSES,
    Action,
    ActionUpdate,
    Content,
    Goal,
    GoalUpdate,
    ProgressReport,
    Theme,
)
from ivpgen.standing import verdict_chart
from ivpgen.views import SiteView

ACTION_CHANGES = ("afgerond", "gestart", "hervat", "vertraagd", "vervallen", "nieuw", "anders")
"""The kinds of change in an action's status, in the order a report lists them."""
RANK = {"achter": 0, "op-koers": 1, "bereikt": 2}
"""Verdicts that can be better or worse than each other ('onbekend' is neither)."""


def action_change(before: str | None, after: str) -> str | None:
    """What happened to an action between two reports (None: nothing)."""
    if before == after:
        return None
    if before is None:
        return "nieuw"
    if after in ("afgerond", "vertraagd", "vervallen"):
        return after
    if before == "gepland" and after == "lopend":
        return "gestart"
    if before == "vertraagd" and after in ("gepland", "lopend"):
        return "hervat"
    return "anders"


@dataclass(frozen=True)
class ActionRow:
    """An action in a report: its status and note then, with today's title and priority."""

    action_id: str
    theme_id: str
    title: str
    theme_title: str
    update: ActionUpdate
    before: ActionUpdate | None
    """The same action in the report before, if it was there."""

    @property
    def change(self) -> str | None:
        return action_change(self.before.status if self.before else None, self.update.status)


@dataclass(frozen=True)
class GoalRow:
    """A goal's verdict in a report, and in the report before."""

    goal: Goal
    theme_id: str
    theme_title: str
    update: GoalUpdate
    before: GoalUpdate | None
    decimals: int
    """How many decimals the goal's indicator is shown with."""

    @property
    def moved(self) -> bool:
        return self.before is not None and self.before.verdict != self.update.verdict

    @property
    def better(self) -> bool | None:
        """True when the verdict improved, False when it got worse, None otherwise."""
        if not self.moved or self.before is None:
            return None
        old, new = RANK.get(self.before.verdict), RANK.get(self.update.verdict)
        return None if old is None or new is None else new > old


@dataclass(frozen=True)
class ProgressView:
    """What a progress report's page shows, all of it as at the report's date."""

    report: ProgressReport
    previous: ProgressReport | None
    actions: list[ActionRow]
    goals: list[GoalRow]
    status_chart: Chart | None
    timeline: Chart | None
    verdict_chart: Chart | None
    reports: list[tuple[int, str]]
    """Every report's year and source path, newest first."""

    @property
    def changes(self) -> list[tuple[str, list[ActionRow]]]:
        """The actions whose status changed since the previous report, by kind of change."""
        if self.previous is None:
            return []
        found = [(kind, [r for r in self.actions if r.change == kind]) for kind in ACTION_CHANGES]
        return [(kind, rows) for kind, rows in found if rows]

    @property
    def moved(self) -> list[GoalRow]:
        """The goals whose verdict moved since the previous report."""
        return [row for row in self.goals if row.moved]

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and not self.changes and not self.moved

    @property
    def groups(self) -> list[tuple[str, str, list[ActionRow]]]:
        """The report's actions by priority: (priority id, title, rows), in the plan's order."""
        found: dict[str, list[ActionRow]] = {}
        for row in self.actions:
            found.setdefault(row.theme_id, []).append(row)
        return [(tid, rows[0].theme_title, rows) for tid, rows in found.items()]

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        return _counted(r.update.status for r in self.actions)


def _counted(statuses: Iterable[str]) -> list[tuple[str, int]]:
    found = list(statuses)
    return [(s, found.count(s)) for s in ACTION_STATUSES if s in found]


class Reports:
    """Every progress report with the one before it, and the plan as each report saw it."""

    def __init__(self, site: SiteView) -> None:
        self.site = site
        content = site.content
        self.paths = {r.year: path for path, r in content.of_type(ProgressReport).items()
                      if isinstance(r, ProgressReport)}
        self.reports = content.progress_reports

    def previous(self, report: ProgressReport) -> ProgressReport | None:
        earlier = [r for r in self.reports if r.year < report.year]
        return earlier[-1] if earlier else None

    def path(self, report: ProgressReport) -> str:
        return self.paths[report.year]

    def view(self, report: ProgressReport, ctx: Ctx, status_chart: Chart | None) -> ProgressView:
        previous = self.previous(report)
        site = self.site
        actions = [ActionRow(a.id, tid, a.title, theme.title, report.actions[a.id],
                             previous.actions.get(a.id) if previous else None)
                   for tid, theme in site.themes.items() for a in theme.actions
                   if a.id in report.actions]
        indicators = site.content.indicators
        goals = [GoalRow(goal, tid, theme.title, report.goals[goal.id],
                         previous.goals.get(goal.id) if previous else None,
                         indicators[goal.indicator].decimals
                         if goal.indicator in indicators else 1)
                 for tid, theme in site.themes.items() for goal in theme.goals
                 if goal.id in report.goals]
        reports = [(r.year, self.path(r)) for r in reversed(self.reports)]
        return ProgressView(report, previous, actions, goals, status_chart,
                            timeline_at(ctx, report), verdicts_at(ctx, report), reports)


def plan_at(content: Content, report: ProgressReport) -> SiteView:
    """The plan as the report saw it: only its actions, with their status and dates then, and
    the report's date as 'today'."""
    pages = {path: _theme_at(page, report) if isinstance(page, Theme) else page
             for path, page in content.pages.items()}
    site = SiteView(Content(pages))
    site.today = report.date
    return site


def _theme_at(theme: Theme, report: ProgressReport) -> Theme:
    actions = [_action_at(a, report.actions[a.id]) for a in theme.actions if a.id in report.actions]
    return theme.model_copy(update={"actions": actions})


def _action_at(action: Action, update: ActionUpdate) -> Action:
    return action.model_copy(update={"status": update.status, "progress": update.note,
                                     "start": update.start or action.start,
                                     "deadline": update.deadline or action.deadline})


def timeline_at(ctx: Ctx, report: ProgressReport) -> Chart | None:
    """The timeline of the report's actions, coloured by their status at its date."""
    site = plan_at(ctx.site.content, report)
    past = Ctx(site, ctx.locale, ctx.palette)
    day = ctx.locale.date(report.date)
    return plan_charts.timeline_chart(
        past, f"tijdlijn-voortgang-{report.year}", site.themes,
        ctx.locale.t("progress.timeline_title", date=day),
        today_label=ctx.locale.t("progress.timeline_marker", date=day))


def verdicts_at(ctx: Ctx, report: ProgressReport) -> Chart | None:
    """The goals' verdicts in the report, per priority."""
    return verdict_chart(ctx, f"oordelen-voortgang-{report.year}",
                         {gid: update.verdict for gid, update in report.goals.items()},
                         report.date)


def review(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """Goals in a report that do not exist, and two reports about the same year."""
    content = loaded.content
    goals = content.goals
    years: dict[int, str] = {}
    for path, page in sorted(content.of_type(ProgressReport).items()):
        assert isinstance(page, ProgressReport)
        finder = Finder.for_page(loaded, path, prefix)
        for goal_id in page.goals:
            yield from finder.reference(("goals", goal_id), goal_id, goals, "doel")
        first = years.setdefault(page.year, prefix + path)
        if first != prefix + path:
            yield finder.at(("year",), f"er is al een voortgangsrapportage over {page.year} "
                            f"({first}); maak één rapportage per jaar.")

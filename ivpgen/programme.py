"""Execution programmes (uitvoeringsprogramma, jaarschijf): the plan's actions per year, with
their owner, partners, deadline, status and what they cost that year.

Engine-free. An action is in the programme of each year in its ``years``; without that key,
of every year from its start to its deadline, within the plan's period. What an action costs
in a year is its ``year_budgets`` entry, or its whole ``budget`` when it runs one year only; the
budget of an action that runs several years without a split is shown apart, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ivpgen.charts.context import Ctx
from ivpgen.charts.data import make_table
from ivpgen.charts.indicators import key_words
from ivpgen.charts.spec import Chart, Column, ComparisonSpec, Value
from ivpgen.errors import Problem
from ivpgen.findings import Finder
from ivpgen.load import Loaded
from ivpgen.model import Action, Period, Theme
from ivpgen.views import SiteView

FOLDER = "uitvoering"
OVERVIEW = f"{FOLDER}/index.md"


def page_path(year: int) -> str:
    """The generated page of one year's programme."""
    return f"{FOLDER}/{year}.md"


def action_years(action: Action, period: Period) -> list[int]:
    """The years whose programme holds the action: its ``years``, the years of its
    ``year_budgets``, or every year from its start to its deadline within the plan's period."""
    if action.years:
        return sorted(action.years)
    if action.year_budgets:
        return sorted(action.year_budgets)
    first = max(action.start.year if action.start else period.start, period.start)
    last = min(action.deadline.year if action.deadline else period.end, period.end)
    return list(range(first, last + 1))


@dataclass(frozen=True)
class Cost:
    """What an action costs in one year: ``amount`` counts in that year's total; ``whole`` is the
    budget of a multi-year action that is not split over its years."""

    amount: float | None
    whole: float | None


def cost(action: Action, years: list[int], year: int) -> Cost:
    """What the action costs in ``year`` (see ``Cost``)."""
    if action.year_budgets:
        return Cost(action.year_budgets.get(year), None)
    if action.budget is None:
        return Cost(None, None)
    return Cost(action.budget, None) if len(years) == 1 else Cost(None, action.budget)


@dataclass(frozen=True)
class ProgrammeRow:
    """One action in a year's programme."""

    action: Action
    theme_id: str
    partners: tuple[str, ...]
    """The partners' names."""
    cost: Cost
    first: int
    last: int
    """The first and last year of the action's programmes."""


@dataclass(frozen=True)
class ProgrammeGroup:
    """One priority's actions in a year's programme, with their budget."""

    theme_id: str
    theme: Theme
    rows: tuple[ProgrammeRow, ...]

    @property
    def amount(self) -> float:
        return sum(row.cost.amount or 0 for row in self.rows)

    @property
    def whole(self) -> float:
        return sum(row.cost.whole or 0 for row in self.rows)


class Programmes:
    """Every year's programme of the plan, computed once from the content."""

    def __init__(self, site: SiteView) -> None:
        self.site = site
        period = site.plan.period
        self.years_of = {a.id: action_years(a, period) for a in site.all_actions}

    @cached_property
    def years(self) -> list[int]:
        """The years with at least one action, oldest first."""
        return sorted({year for years in self.years_of.values() for year in years})

    @cached_property
    def current(self) -> int | None:
        """The programme of the reference date's year, or the nearest one."""
        if not self.years:
            return None
        today = self.site.today.year
        return min(self.years, key=lambda year: (abs(year - today), year))

    def ordered(self) -> list[int]:
        """The current year first, then the others from old to new."""
        return sorted(self.years, key=lambda year: (year != self.current, year))

    def groups(self, year: int) -> list[ProgrammeGroup]:
        """The year's actions by priority, in the priorities' order; empty priorities left out."""
        found = []
        for tid, theme in self.site.themes.items():
            rows = tuple(self._row(tid, a, year) for a in theme.actions
                         if year in self.years_of[a.id])
            if rows:
                found.append(ProgrammeGroup(tid, theme, rows))
        return found

    def _row(self, theme_id: str, action: Action, year: int) -> ProgrammeRow:
        partners = self.site.content.partners
        years = self.years_of[action.id]
        return ProgrammeRow(action, theme_id,
                            tuple(partners[p].name for p in action.partners if p in partners),
                            cost(action, years, year), years[0], years[-1])

    def view(self, year: int, ctx: Ctx, report: tuple[str, str] | None) -> ProgrammeView:
        groups = self.groups(year)
        return ProgrammeView(year, year == self.current, groups, self.ordered(), report,
                             budget_chart(ctx, year, groups))

    def summary(self, year: int) -> ProgrammeView:
        """A year's programme without its chart, for the overview page."""
        return ProgrammeView(year, year == self.current, self.groups(year), self.ordered(), None,
                             None)


@dataclass(frozen=True)
class ProgrammeView:
    """What one year's programme page shows."""

    year: int
    current: bool
    groups: list[ProgrammeGroup]
    years: list[int]
    """Every programme year, the current one first (for the links to the others)."""
    report: tuple[str, str] | None
    """The source path and title of the progress report about this year, if there is one."""
    chart: Chart | None

    @property
    def rows(self) -> list[ProgrammeRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def actions(self) -> list[Action]:
        return [row.action for row in self.rows]

    @property
    def amount(self) -> float:
        return sum(group.amount for group in self.groups)

    @property
    def whole(self) -> float:
        return sum(group.whole for group in self.groups)

    @property
    def has_budget(self) -> bool:
        """Whether any action has a budget for this year (a multi-year one unsplit aside)."""
        return any(row.cost.amount is not None for row in self.rows)

    @property
    def path(self) -> str:
        return page_path(self.year)

    @property
    def others(self) -> list[tuple[int, str]]:
        """The other years' programmes: year and page path, the current year first."""
        return [(year, page_path(year)) for year in self.years if year != self.year]


@dataclass(frozen=True)
class OverviewView:
    """The programmes' overview page: every year, the current one first."""

    programmes: list[ProgrammeView]


def budget_chart(ctx: Ctx, year: int, groups: list[ProgrammeGroup]) -> Chart | None:
    """The year's budget per priority as horizontal bars; None when nothing is budgeted."""
    funded = [g for g in groups if g.amount]
    if not funded:
        return None
    money = ctx.locale.money
    top = max(funded, key=lambda g: g.amount)
    total = sum(g.amount for g in funded)
    title = ctx.locale.t("programme.chart_title", year=year, theme=top.theme.title)
    desc = ctx.locale.t("programme.chart_desc", year=year, total=money(total),
                        parts=", ".join(f"{g.theme.title} {money(g.amount)}" for g in funded))
    unit = ctx.locale.t("programme.chart_unit")
    spec = ComparisonSpec(unit, tuple(g.theme.title for g in funded),
                          tuple(g.amount for g in funded), tuple(money(g.amount) for g in funded),
                          (False,) * len(funded), (), 0, "", key_words(ctx))
    columns = [Column("priority", ctx.t("priority")),
               Column("budget", ctx.locale.t("programme.budget_year", year=year), "number")]
    rows: list[list[Value]] = [[g.theme.title, g.amount] for g in funded]
    rows.append([ctx.t("total"), total])
    table = make_table(ctx.locale, title, columns, rows)
    return Chart(f"budget-{year}", "budget", title, desc, table, spec, ctx.palette)


def review(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """Programme years outside the plan's period (errors) or outside the action's own dates."""
    period = loaded.content.plan.period
    for path, page in sorted(loaded.content.pages.items()):
        if not isinstance(page, Theme):
            continue
        finder = Finder.for_page(loaded, path, prefix)
        for i, action in enumerate(page.actions):
            years: list[tuple[str | int, int]] = [*enumerate(action.years)] or \
                [(str(year), year) for year in action.year_budgets]
            field = "years" if action.years else "year_budgets"
            for key, year in years:
                yield from _year(finder, ("actions", i, field, key), action, year, period)
            yield from _split(finder, ("actions", i, "year_budgets"), action)


def _year(finder: Finder, loc: tuple[str | int, ...], action: Action, year: int,
          period: Period) -> Iterator[Problem]:
    if not period.start <= year <= period.end:
        yield finder.at(loc, f"{year} valt buiten de looptijd van het plan "
                        f"({period.start}–{period.end}); kies een jaar daarbinnen.")
    elif (action.start and year < action.start.year) or \
            (action.deadline and year > action.deadline.year):
        yield finder.at(loc, f"de actie loopt niet in {year} (start "
                        f"{action.start or '–'}, deadline {action.deadline or '–'}); klopt het "
                        "jaar, of moeten de data mee veranderen?", "warning")


def _split(finder: Finder, loc: tuple[str | int, ...], action: Action) -> Iterator[Problem]:
    """Year budgets that do not add up to the action's whole budget."""
    if action.budget is None or not action.year_budgets:
        return
    split = sum(action.year_budgets.values())
    if abs(split - action.budget) > 0.005:
        yield finder.at(loc, f"de bedragen per jaar tellen op tot {split:g}, maar het budget "
                        f"('budget') is {action.budget:g}; maak ze gelijk.", "warning")

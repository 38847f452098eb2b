"""What every page shows, derived from the whole plan once: counts, verdicts, selections, areas.

Engine-free and locale-free, so the website's page views and the print editions read the same
numbers: a count on a tile can never differ from the list it summarises.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ivpgen.charts.spec import VerdictCode
from ivpgen.charts.verdict import verdict
from ivpgen.model import (
    ACTION_STATUSES,
    Action,
    ActionUpdate,
    Content,
    Event,
    Goal,
    Indicator,
    IndicatorsPage,
    Measurement,
    Partner,
    Theme,
    theme_id,
)
from ivpgen.participation import ParticipationView


def source_date() -> dt.datetime | None:
    """The build time fixed by SOURCE_DATE_EPOCH (reproducible builds), if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


ReferenceSource = Literal["plan", "SOURCE_DATE_EPOCH", "today"]
PlanKind = Literal["joint", "wijken", "single"]
"""joint: several municipalities; wijken: one municipality steering on its neighbourhoods;
single: one municipality without neighbourhoods."""
AreaKind = Literal["gemeente", "wijk", "regio", "land"]
GOOD_VERDICTS = ("op-koers", "bereikt")
PRIORITIES_PAGE = "speerpunten.md"
"""The generated overview of the priorities (the menu's 'Speerpunten' leads here)."""
_RATE = re.compile(r"%|per \d|cijfer|gemiddeld", re.IGNORECASE)


def reference(content: Content) -> tuple[dt.date, ReferenceSource]:
    """'Today' for the plan and where it comes from: the plan's reference_date, else
    SOURCE_DATE_EPOCH, else the computer's date.

    Fixing it keeps builds reproducible; deadlines are judged and past and upcoming events
    are split on it.
    """
    if content.plan.reference_date:
        return content.plan.reference_date, "plan"
    fixed = source_date()
    return (fixed.date(), "SOURCE_DATE_EPOCH") if fixed else (dt.date.today(), "today")


def reference_date(content: Content) -> dt.date:
    """The reference date alone (see ``reference``)."""
    return reference(content)[0]


def like_for_like(indicator: Indicator) -> bool:
    """Whether areas can be compared on this indicator: a rate, a share or a mark can; a count
    cannot (a region's total is no yardstick for one of its municipalities)."""
    return bool(indicator.unit and _RATE.search(indicator.unit))


@dataclass(frozen=True)
class Figure:
    """One value shown to residents, with its year and whether it is illustrative."""

    year: int
    value: float
    illustrative: bool


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    indicator: Indicator | None
    area: str | None
    area_name: str
    latest: Figure | None


@dataclass(frozen=True)
class IndicatorTable:
    """An indicator's figures as rows of years and columns of areas."""

    areas: list[tuple[str, str]]
    years: list[int]
    cells: dict[tuple[int, str], Figure]

    @property
    def has_illustrative(self) -> bool:
        return any(cell.illustrative for cell in self.cells.values())


@dataclass(frozen=True)
class Place:
    """An area residents pick: a municipality of a joint plan or a neighbourhood."""

    id: str
    name: str
    kind: AreaKind
    local_priorities: tuple[str, ...]
    parent: str | None
    """A neighbourhood's municipality."""


@dataclass(frozen=True)
class ActionProgress:
    """How far the plan's (or a priority's) actions are: done out of those still meant to be done."""

    done: int
    total: int
    dropped: int

    @property
    def scale(self) -> int:
        """The bar's full length: the total, at least 1 (a bar of nothing stays empty)."""
        return max(self.total, 1)


@dataclass(frozen=True)
class Headline:
    """A priority's headline figure: its indicator in one area, oldest figure first."""

    indicator: Indicator
    area: str
    series: tuple[Figure, ...]


class SiteView:
    """Everything the pages need that is computed from the whole plan, computed once."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.plan = content.plan
        self.today = reference_date(content)

    @cached_property
    def themes(self) -> dict[str, Theme]:
        return self.content.themes

    @cached_property
    def participation(self) -> ParticipationView:
        """The events split on the reference date, with contacts and calendar files."""
        return ParticipationView(self.content, self.today)

    @cached_property
    def theme_of_action(self) -> dict[str, str]:
        return {a.id: tid for tid, theme in self.themes.items() for a in theme.actions}

    @cached_property
    def areas(self) -> dict[str, str]:
        return self.content.areas

    # --- where things are on the site (source paths; templates turn them into URLs) ----------

    @cached_property
    def theme_pages(self) -> dict[str, str]:
        """Each priority's page by priority id."""
        return {theme_id(src): src for src, page in sorted(self.content.pages.items())
                if isinstance(page, Theme)}

    @cached_property
    def figures_folder(self) -> str | None:
        """The folder of the indicator pages: that of the indicators page ('cijfers')."""
        src = next((s for s, p in sorted(self.content.pages.items())
                    if isinstance(p, IndicatorsPage)), None)
        return src.removesuffix(".md").removesuffix("/index") if src else None

    def indicator_page(self, indicator_id: str) -> str | None:
        """The generated page of one indicator, e.g. 'cijfers/woninginbraken.md'."""
        return f"{self.figures_folder}/{indicator_id}.md" if self.figures_folder else None

    def place_page(self, area: str) -> str:
        """The generated page of a municipality or neighbourhood, e.g. 'gemeente/soest.md'."""
        return f"{self.area_kinds.get(area, 'wijk')}/{area}.md"

    # --- the kind of plan and its areas -------------------------------------------------------

    @cached_property
    def area_kinds(self) -> dict[str, AreaKind]:
        """Every area id with its kind: 'gemeente', 'wijk', 'regio' or 'land'."""
        kinds: dict[str, AreaKind] = {m.id: "gemeente" for m in self.plan.municipalities}
        kinds.update({a.id: a.kind for a in self.plan.areas})
        return kinds

    @cached_property
    def kind(self) -> PlanKind:
        if len(self.plan.municipalities) > 1:
            return "joint"
        return "wijken" if any(a.kind == "wijk" for a in self.plan.areas) else "single"

    @cached_property
    def places(self) -> list[Place]:
        """The areas residents pick from: municipalities in a joint plan, else neighbourhoods."""
        if self.kind == "joint":
            return [Place(m.id, m.name, "gemeente", tuple(m.local_priorities), None)
                    for m in self.plan.municipalities]
        only = self.plan.municipalities[0].id
        return [Place(a.id, a.name, "wijk", tuple(a.local_priorities), a.municipality or only)
                for a in self.plan.areas if a.kind == "wijk"]

    @cached_property
    def tie_ids(self) -> list[str]:
        """The ids priorities, actions and events may be tied to: municipalities and wijken."""
        return [m.id for m in self.plan.municipalities] + [
            a.id for a in self.plan.areas if a.kind == "wijk"]

    def parent(self, area: str) -> str | None:
        """The municipality a neighbourhood lies in (the only one when not written)."""
        found = next((a for a in self.plan.areas if a.id == area), None)
        if found is None or found.kind != "wijk":
            return None
        return found.municipality or self.plan.municipalities[0].id

    def applies(self, tied: list[str], area: str) -> bool:
        """Whether something tied to ``tied`` areas (none: the whole plan) applies to ``area``;
        a neighbourhood shares what is tied to its municipality, and a municipality shows what
        is tied to one of its neighbourhoods."""
        return not tied or area in tied or self.parent(area) in tied or \
            any(self.parent(t) == area for t in tied)

    def names(self, ids: list[str]) -> list[str]:
        return [self.areas[i] for i in ids if i in self.areas]

    def action_areas(self, action: Action) -> list[str]:
        """An action's areas: its own, else those of its priority."""
        return action.areas or self.themes[self.theme_of_action[action.id]].area_ids

    def themes_for(self, area: str) -> dict[str, Theme]:
        return {tid: t for tid, t in self.themes.items() if self.applies(t.area_ids, area)}

    def actions_for(self, area: str, local_only: bool = False) -> list[tuple[str, Action]]:
        """The actions that apply to an area; with ``local_only``, those tied to it by name."""
        found = []
        for tid, theme in self.themes.items():
            for action in theme.actions:
                tied = self.action_areas(action)
                if (tied or not local_only) and self.applies(tied, area):
                    found.append((tid, action))
        return found

    def events_for(self, area: str) -> list[Event]:
        return [e for e in self.content.events if self.applies(e.area_ids, area)]

    # --- counts and verdicts ------------------------------------------------------------------

    def status_counts(self, actions: list[Action] | list[ActionUpdate]) -> list[tuple[str, int]]:
        """How many actions have each status, in the fixed order of statuses, zeros left out."""
        counts: Counter[str] = Counter(action.status for action in actions)
        return [(status, counts[status]) for status in ACTION_STATUSES if counts[status]]

    @cached_property
    def all_actions(self) -> list[Action]:
        return [a for theme in self.themes.values() for a in theme.actions]

    def progress(self, actions: list[Action] | None = None) -> ActionProgress:
        """Done out of the actions not dropped (vervallen), and how many were dropped."""
        statuses = [a.status for a in (self.all_actions if actions is None else actions)]
        dropped = statuses.count("vervallen")
        return ActionProgress(statuses.count("afgerond"), len(statuses) - dropped, dropped)

    def verdict(self, goal: Goal) -> VerdictCode | None:
        """Is an effect goal on course (see charts.verdict)? None when it cannot be judged:
        no indicator, area, baseline or target."""
        view = self.goal(goal)
        if view.indicator is None or view.area is None or not goal.baseline or not goal.target:
            return None
        latest = (view.latest.year, view.latest.value) if view.latest else None
        return verdict((goal.baseline.year, goal.baseline.value),
                       (goal.target.year, goal.target.value), view.indicator.direction, latest)

    def judged(self, goals: list[Goal] | None = None) -> tuple[int, int]:
        """(on course or reached, judged): goals with a verdict other than 'onbekend'."""
        goals = list(self.content.goals.values()) if goals is None else goals
        verdicts = [v for g in goals if (v := self.verdict(g)) not in (None, "onbekend")]
        return sum(v in GOOD_VERDICTS for v in verdicts), len(verdicts)

    # --- figures ------------------------------------------------------------------------------

    def figure(self, indicator: Indicator, m: Measurement) -> Figure:
        illustrative = indicator.illustrative if m.illustrative is None else m.illustrative
        return Figure(m.year, m.value, illustrative)

    def series(self, indicator: Indicator, area: str) -> list[Figure]:
        """The yearly figures of one indicator in one area, oldest first."""
        found = [self.figure(indicator, m) for m in indicator.measurements if m.area == area]
        return sorted(found, key=lambda f: f.year)

    def in_year(self, indicator: Indicator, area: str | None, year: int) -> Figure | None:
        """An area's figure of an indicator in one year, if there is one."""
        return next((f for f in self.series(indicator, area) if f.year == year), None) \
            if area else None

    def used_areas(self, indicator: Indicator) -> list[str]:
        """The areas an indicator has figures for, in the plan's order."""
        used = {m.area for m in indicator.measurements}
        return [a for a in self.areas if a in used]

    def summary_area(self, indicator: Indicator) -> str | None:
        """The area that stands for the whole plan in an overview: the region, else the one
        municipality, else the country, else the only area with figures."""
        used = self.used_areas(indicator)
        for kind in ("regio", "gemeente", "land"):
            of_kind = [a for a in used if self.area_kinds.get(a) == kind]
            if of_kind and (kind != "gemeente" or len(self.plan.municipalities) == 1):
                return of_kind[0]
        return used[0] if len(used) == 1 else None

    def yardsticks(self, area: str) -> list[str]:
        """What an area is compared with: a municipality with the region and the country; a
        neighbourhood with its municipality and the country; the region with the country."""
        kind = self.area_kinds.get(area)
        wanted = {"gemeente": ("regio", "land"), "wijk": ("gemeente", "land"),
                  "regio": ("land",)}.get(kind or "", ())
        parent = self.parent(area)
        return [a for a, k in self.area_kinds.items()
                if k in wanted and (k != "gemeente" or a == parent)]

    def headline(self, theme: Theme) -> Headline | None:
        """A priority's headline figure: its ``headline`` indicator (in the plan-wide area), or
        the indicator of its first effect goal in that goal's area."""
        goal = next((g for g in theme.goals if g.kind == "effect" and g.indicator), None)
        indicator_id = theme.headline or (goal.indicator if goal else None)
        indicator = self.content.indicators.get(indicator_id or "")
        if indicator is None:
            return None
        area = self.goal_area(goal, indicator) if goal and goal.indicator == indicator.id else None
        area = area or self.summary_area(indicator)
        series = self.series(indicator, area) if area else []
        return Headline(indicator, area, tuple(series)) if area and series else None

    def goal_area(self, goal: Goal, indicator: Indicator | None) -> str | None:
        """The goal's area; when not given, the only area the indicator has figures for."""
        if goal.area or indicator is None:
            return goal.area
        areas = {m.area for m in indicator.measurements}
        return areas.pop() if len(areas) == 1 else None

    def goal(self, goal: Goal) -> GoalView:
        indicator = self.content.indicators.get(goal.indicator or "")
        area = self.goal_area(goal, indicator)
        series = self.series(indicator, area) if indicator and area else []
        name = self.areas.get(area, "") if area else ""
        return GoalView(goal, indicator, area, name, series[-1] if series else None)

    def table(self, indicator: Indicator) -> IndicatorTable:
        """The indicator's figures by year (rows) and area (columns, in the plan's order)."""
        areas = [(aid, self.areas[aid]) for aid in self.used_areas(indicator)]
        cells = {(m.year, m.area): self.figure(indicator, m) for m in indicator.measurements}
        years = sorted({m.year for m in indicator.measurements})
        return IndicatorTable(areas, years, cells)

    # --- who works on what --------------------------------------------------------------------

    def indicator_users(self, indicator_id: str) -> list[tuple[str, Theme]]:
        """The priorities with a goal measured by this indicator."""
        return [(tid, t) for tid, t in self.themes.items()
                if any(g.indicator == indicator_id for g in t.goals)]

    def partner_themes(self, partner: Partner) -> list[tuple[str, Theme]]:
        """The priorities a partner works on: named on the priority or on one of its actions."""
        return [(tid, t) for tid, t in self.themes.items()
                if partner.id in t.partners or any(partner.id in a.partners for a in t.actions)]

    def theme_partners(self, theme: Theme) -> list[Partner]:
        ids = set(theme.partners) | {p for a in theme.actions for p in a.partners}
        return [p for pid, p in self.content.partners.items() if pid in ids]

    def events(self, upcoming: bool) -> list[Event]:
        """Events on or after the reference date (upcoming) or before it, nearest first."""
        split = self.participation
        return [view.event for view in (split.upcoming if upcoming else split.past)]

    def action_title(self, action_id: str) -> str:
        action = self.content.actions.get(action_id)
        return action.title if action else action_id

"""What the templates show, derived from the content: counts, latest figures, tables, splits.

Engine-free, so the print summary and any successor to MkDocs can use the same views.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ivpgen.model import (
    ACTION_STATUSES,
    Action,
    ActionUpdate,
    Content,
    Event,
    Goal,
    Indicator,
    Measurement,
    Partner,
    Theme,
)
from ivpgen.participation import ParticipationView


def source_date() -> dt.datetime | None:
    """The build time fixed by SOURCE_DATE_EPOCH (reproducible builds), if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


ReferenceSource = Literal["plan", "SOURCE_DATE_EPOCH", "today"]


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


class SiteView:
    """Everything the templates need that is computed from the whole plan, computed once."""

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

    def status_counts(self, actions: list[Action] | list[ActionUpdate]) -> list[tuple[str, int]]:
        """How many actions have each status, in the fixed order of statuses, zeros left out."""
        counts: Counter[str] = Counter(action.status for action in actions)
        return [(status, counts[status]) for status in ACTION_STATUSES if counts[status]]

    @cached_property
    def all_actions(self) -> list[Action]:
        return [a for theme in self.themes.values() for a in theme.actions]

    def figure(self, indicator: Indicator, m: Measurement) -> Figure:
        illustrative = indicator.illustrative if m.illustrative is None else m.illustrative
        return Figure(m.year, m.value, illustrative)

    def series(self, indicator: Indicator, area: str) -> list[Figure]:
        """The yearly figures of one indicator in one area, oldest first."""
        found = [self.figure(indicator, m) for m in indicator.measurements if m.area == area]
        return sorted(found, key=lambda f: f.year)

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
        used = {m.area for m in indicator.measurements}
        areas = [(aid, name) for aid, name in self.areas.items() if aid in used]
        cells = {(m.year, m.area): self.figure(indicator, m) for m in indicator.measurements}
        years = sorted({m.year for m in indicator.measurements})
        return IndicatorTable(areas, years, cells)

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

    def theme_municipalities(self, theme: Theme) -> list[str]:
        """The names of the municipalities a priority applies to; empty means all."""
        names = {m.id: m.name for m in self.plan.municipalities}
        return [names[m] for m in theme.municipalities if m in names]

    def events(self, upcoming: bool) -> list[Event]:
        """Events on or after the reference date (upcoming) or before it, nearest first."""
        split = self.participation
        return [view.event for view in (split.upcoming if upcoming else split.past)]

    def action_title(self, action_id: str) -> str:
        action = self.content.actions.get(action_id)
        return action.title if action else action_id

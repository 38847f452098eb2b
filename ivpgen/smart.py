"""The SMART review: warnings that teach staff to write specific, measurable, timed goals and actions.

Nothing here stops a build; ``--strict`` turns these warnings into failures.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator

from babel.numbers import format_decimal

from ivpgen.errors import Problem
from ivpgen.findings import Finder
from ivpgen.load import Loaded
from ivpgen.model import Action, Goal, Indicator, IndicatorsPage, Plan, Theme
from ivpgen.views import reference_date


def _n(value: float) -> str:
    """A number as staff write it in Dutch: 5,5."""
    return format_decimal(value, locale="nl")


OUTLIER_FACTOR = 5.0
"""A figure five times above or below the median of its other years is probably a typo."""


def smart_review(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """Every SMART warning in the content."""
    content = loaded.content
    plan = content.plan
    today = reference_date(content)
    for path, page in sorted(content.pages.items()):
        finder = Finder.for_page(loaded, path, prefix)
        if isinstance(page, Theme):
            for i, goal in enumerate(page.goals):
                yield from _goal(finder, ("goals", i), goal, content.indicators)
            for i, action in enumerate(page.actions):
                yield from _action(finder, ("actions", i), action, plan, today)
        elif isinstance(page, IndicatorsPage):
            for i, indicator in enumerate(page.indicators):
                yield from _indicator(finder, ("indicators", i), indicator, content.areas)


def _action(finder: Finder, loc: tuple[str | int, ...], action: Action, plan: Plan,
            today: dt.date) -> Iterator[Problem]:
    missing = {
        "owner": "wie trekt deze actie? Vul een organisatie of functie in (geen naam van een persoon).",
        "deadline": "wanneer is deze actie klaar? Vul een deadline in (JJJJ-MM-DD).",
        "done_when": "hoe weet iedereen dat deze actie klaar is? Beschrijf in 'done_when' wat er "
        "dan af is.",
    }
    for field, message in missing.items():
        if getattr(action, field) is None:
            yield finder.at((*loc, field), f"deze actie is niet SMART: {message}", "warning")
    if action.deadline and not plan.period.start <= action.deadline.year <= plan.period.end:
        yield finder.at((*loc, "deadline"), f"de deadline ({action.deadline.isoformat()}) valt buiten "
                        f"de looptijd van het plan ({plan.period.start}–{plan.period.end}).",
                        "warning")
    if action.status == "lopend" and action.deadline and action.deadline < today:
        yield finder.at((*loc, "status"), f"de status is 'lopend', maar de deadline "
                        f"({action.deadline.isoformat()}) is voorbij; kies 'vertraagd' of 'afgerond', "
                        "of schuif de deadline op.", "warning")


def _goal(finder: Finder, loc: tuple[str | int, ...], goal: Goal,
          indicators: dict[str, Indicator]) -> Iterator[Problem]:
    if goal.kind == "effect":
        for field, what in (("indicator", "een indicator"), ("baseline", "een nulmeting"),
                            ("target", "een streefwaarde")):
            if getattr(goal, field) is None:
                yield finder.at((*loc, field), f"dit effectdoel is niet meetbaar zonder {what}; "
                                f"vul '{field}' in.", "warning")
    indicator = indicators.get(goal.indicator or "")
    if indicator and goal.baseline and goal.target:
        worse = (goal.target.value > goal.baseline.value if indicator.direction == "lager"
                 else goal.target.value < goal.baseline.value)
        if worse:
            better = "lager" if indicator.direction == "lager" else "hoger"
            yield finder.at((*loc, "target"), f"het doel ({_n(goal.target.value)}) is slechter dan de "
                            f"nulmeting ({_n(goal.baseline.value)}), terwijl bij '{indicator.name}' "
                            f"{better} beter is; controleer de streefwaarde.", "warning")
    if goal.baseline and goal.target and goal.target.year <= goal.baseline.year:
        yield finder.at((*loc, "target", "year"), "het doeljaar ligt niet na het jaar van de "
                        "nulmeting.", "warning")


def _indicator(finder: Finder, loc: tuple[str | int, ...], indicator: Indicator,
               areas: dict[str, str]) -> Iterator[Problem]:
    if indicator.unit is None:
        yield finder.at((*loc, "unit"), "deze indicator heeft geen eenheid; vul 'unit' in, "
                        "bijvoorbeeld 'per 1.000 inwoners' of '%'.", "warning")
    if indicator.source is None:
        yield finder.at((*loc, "source"), "deze indicator heeft geen bron; vul 'source' in met de "
                        "naam (en liefst de link) van de bron.", "warning")
    yield from _outliers(finder, loc, indicator, areas)


def _outliers(finder: Finder, loc: tuple[str | int, ...], indicator: Indicator,
              areas: dict[str, str]) -> Iterator[Problem]:
    """Figures far from the rest of their series: a likely typo such as 55 for 5,5."""
    for j, m in enumerate(indicator.measurements):
        others = [o.value for o in indicator.measurements if o.area == m.area and o is not m]
        if len(others) < 3:
            continue
        median = statistics.median(others)
        if median <= 0 or m.value <= 0:
            continue
        ratio = m.value / median
        if 1 / OUTLIER_FACTOR < ratio < OUTLIER_FACTOR:
            continue
        area = areas.get(m.area, m.area)
        message = (f"de waarde {_n(m.value)} voor {area} in {m.year} ligt ver buiten de andere "
                   f"jaren (middelste waarde {_n(median)}); is het een typefout?")
        if m._origin is None:
            yield finder.at((*loc, "measurements", j, "value"), message, "warning")
        else:
            yield Finder.for_row(*m._origin).at(("value",), message, "warning")

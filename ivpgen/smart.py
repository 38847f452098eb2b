"""The SMART review: warnings that teach staff to write specific, measurable, timed goals and actions.

Nothing here stops a build; ``--strict`` turns these warnings into failures. Every warning has a
short code, shown in its message. A warning that staff have looked at and found right (a real
outlier, a zero in a corona year) is settled on the item itself, with the reason:
``settled: {uitschieter: "..."}``. It is then listed as info, for this item only; a settled code
that no longer occurs there is itself a warning, so settled notes do not linger.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from babel.numbers import format_decimal

from ivpgen.errors import Problem
from ivpgen.findings import Finder, Loc
from ivpgen.load import Loaded
from ivpgen.model import (
    Action,
    Goal,
    Indicator,
    IndicatorsPage,
    Measurement,
    Plan,
    ProgressReport,
    Theme,
)
from ivpgen.views import reference_date


def _n(value: float) -> str:
    """A number as staff write it in Dutch: 5,5."""
    return format_decimal(value, locale="nl")


OUTLIER_FACTOR = 5.0
"""A figure five times above or below the median of its other years is probably a typo."""


@dataclass(frozen=True)
class Finding:
    """One SMART weakness of an item: the field it is about (within the item), its code, why."""

    field: Loc
    code: str
    message: str


def smart_review(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """Every SMART warning in the content (settled ones as info)."""
    content = loaded.content
    plan = content.plan
    today = reference_date(content)
    for path, page in sorted(content.pages.items()):
        finder = Finder.for_page(loaded, path, prefix)
        if isinstance(page, Theme):
            for i, goal in enumerate(page.goals):
                yield from settle(finder, ("goals", i), goal.settled,
                                  _goal(goal, content.indicators))
            for i, action in enumerate(page.actions):
                yield from settle(finder, ("actions", i), action.settled,
                                  _action(action, plan, today))
        elif isinstance(page, IndicatorsPage):
            for i, indicator in enumerate(page.indicators):
                yield from settle(finder, ("indicators", i), indicator.settled,
                                  _indicator(indicator))
                yield from _outliers(finder, ("indicators", i), indicator, content.areas)
        elif isinstance(page, ProgressReport):
            yield from settle(finder, (), page.settled, _report(page, today))


def settle(finder: Finder, loc: Loc, settled: dict[str, str],
           findings: Iterable[Finding]) -> Iterator[Problem]:
    """The item's findings as warnings, those settled in the content as info, and a warning for
    every settled code that no longer occurs on the item."""
    found = list(findings)
    for finding in found:
        reason = settled.get(finding.code)
        if reason is None:
            yield finder.at((*loc, *finding.field), finding.message, "warning", finding.code)
        else:
            yield finder.at((*loc, *finding.field), f"afgehandeld ({reason}): {finding.message}",
                            "info", finding.code)
    for code in sorted(set(settled) - {finding.code for finding in found}):
        yield finder.at((*loc, "settled", code), f"de waarschuwing '{code}' komt hier niet (meer) "
                        f"voor; haal '{code}' weg onder 'settled'.", "warning")


def _action(action: Action, plan: Plan, today: dt.date) -> Iterator[Finding]:
    missing = {
        "owner": ("geen-trekker", "wie trekt deze actie? Vul een organisatie of functie in (geen "
                  "naam van een persoon)."),
        "deadline": ("geen-deadline", "wanneer is deze actie klaar? Vul een deadline in "
                     "(JJJJ-MM-DD)."),
        "done_when": ("geen-klaar-als", "hoe weet iedereen dat deze actie klaar is? Beschrijf in "
                      "'done_when' wat er dan af is."),
    }
    for field, (code, message) in missing.items():
        if getattr(action, field) is None:
            yield Finding((field,), code, f"deze actie is niet SMART: {message}")
    if action.deadline and not plan.period.start <= action.deadline.year <= plan.period.end:
        yield Finding(("deadline",), "deadline-buiten-looptijd", f"de deadline "
                      f"({action.deadline.isoformat()}) valt buiten de looptijd van het plan "
                      f"({plan.period.start}–{plan.period.end}).")
    if action.status == "lopend" and action.deadline and action.deadline < today:
        yield Finding(("status",), "deadline-voorbij", f"de status is 'lopend', maar de deadline "
                      f"({action.deadline.isoformat()}) is voorbij (peildatum {today.isoformat()}); "
                      "kies 'vertraagd' of 'afgerond', of schuif de deadline op.")
    if action.status == "lopend" and action.start and action.start > today:
        yield Finding(("status",), "lopend-voor-start", f"de status is 'lopend', maar de actie "
                      f"begint pas op {action.start.isoformat()} (peildatum {today.isoformat()}); "
                      "kies 'gepland', of vervroeg de startdatum.")


def _goal(goal: Goal, indicators: dict[str, Indicator]) -> Iterator[Finding]:
    if goal.kind == "effect":
        for field, code, what in (("indicator", "geen-indicator", "een indicator"),
                                  ("baseline", "geen-nulmeting", "een nulmeting"),
                                  ("target", "geen-streefwaarde", "een streefwaarde")):
            if getattr(goal, field) is None:
                yield Finding((field,), code, f"dit effectdoel is niet meetbaar zonder {what}; "
                              f"vul '{field}' in.")
    indicator = indicators.get(goal.indicator or "")
    if indicator and goal.baseline and goal.target:
        worse = (goal.target.value > goal.baseline.value if indicator.direction == "lager"
                 else goal.target.value < goal.baseline.value)
        if worse:
            better = "lager" if indicator.direction == "lager" else "hoger"
            yield Finding(("target",), "verkeerde-richting", f"het doel ({_n(goal.target.value)}) "
                          f"is slechter dan de nulmeting ({_n(goal.baseline.value)}), terwijl bij "
                          f"'{indicator.name}' {better} beter is; controleer de streefwaarde.")
    if goal.baseline and goal.target and goal.target.year <= goal.baseline.year:
        yield Finding(("target", "year"), "doeljaar", "het doeljaar ligt niet na het jaar van de "
                      "nulmeting.")


def _indicator(indicator: Indicator) -> Iterator[Finding]:
    if indicator.unit is None:
        yield Finding(("unit",), "geen-eenheid", "deze indicator heeft geen eenheid; vul 'unit' "
                      "in, bijvoorbeeld 'per 1.000 inwoners' of '%'.")
    if indicator.source is None:
        yield Finding(("source",), "geen-bron", "deze indicator heeft geen bron; vul 'source' in "
                      "met de naam (en liefst de link) van de bron.")


def _report(report: ProgressReport, today: dt.date) -> Iterator[Finding]:
    if report.date > today:
        yield Finding(("date",), "na-peildatum", f"deze voortgangsrapportage is gedateerd "
                      f"{report.date.isoformat()}, na de peildatum ({today.isoformat()}); klopt de "
                      "datum? Is de rapportage klaar, zet dan 'reference_date' in index.md op of "
                      "na die datum.")


def _outliers(finder: Finder, loc: Loc, indicator: Indicator,
              areas: dict[str, str]) -> Iterator[Problem]:
    """Figures far from the rest of their series, each settled on its own measurement or row."""
    for j, m in enumerate(indicator.measurements):
        if m._origin is None:
            here, at = finder, (*loc, "measurements", j)
        else:
            here, at = Finder.for_row(*m._origin), ()
        yield from settle(here, at, m.settled, _outlier(indicator, m, areas))


def _outlier(indicator: Indicator, m: Measurement, areas: dict[str, str]) -> Iterator[Finding]:
    """A figure five times above or below the median of its area's other years: a likely typo
    such as 55 for 5,5, or a zero where a figure is missing."""
    others = [o.value for o in indicator.measurements if o.area == m.area and o is not m]
    if len(others) < 3:
        return
    median = statistics.median(others)
    if median <= 0 or m.value < 0 or 1 / OUTLIER_FACTOR < m.value / median < OUTLIER_FACTOR:
        return
    question = "ontbreekt hier een cijfer?" if m.value == 0 else "is het een typefout?"
    yield Finding(("value",), "uitschieter", f"de waarde {_n(m.value)} voor "
                  f"{areas.get(m.area, m.area)} in {m.year} ligt ver buiten de andere jaren "
                  f"(middelste waarde {_n(median)}); {question}")

"""Checks across files: references that must exist, ids that must be unique, one plan page.

Findings are Problems with a severity; errors stop the build, warnings stop it with --strict.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ivpgen import programme, snapshot, survey
from ivpgen.errors import ContentError, Problem
from ivpgen.findings import Finder, Loc
from ivpgen.glossary import review as glossary_review
from ivpgen.icons import icon_names
from ivpgen.load import Loaded, load_content
from ivpgen.model import (
    GlossaryPage,
    IndicatorsPage,
    ParticipationPage,
    PartnersPage,
    Plan,
    ProgressReport,
    Strict,
    Theme,
)
from ivpgen.pages import review_reserved
from ivpgen.smart import smart_review


def load_and_check(docs_dir: Path, pages: Iterable[str],
                   prefix: str = "") -> tuple[Loaded, list[Problem]]:
    """Read, validate and cross-check the content; raise ContentError on any error.

    Returns the content and the warnings (which fail a build only with --strict).
    """
    loaded = load_content(docs_dir, pages, prefix)
    problems = loaded.problems + check(loaded, prefix)
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return loaded, problems


# Pages that define the ids others refer to: when one could not be read, references are not
# checked, so one typo does not cause a flood of "does not exist" messages.
_REGISTRIES = {"?", "plan", "partners", "indicators", "theme"}


def check(loaded: Loaded, prefix: str = "") -> list[Problem]:
    """Every cross-file problem in the content, errors and warnings, sorted by file and line."""
    if loaded.failed_types & {"?", "plan"}:
        return []
    problems = list(_structure(loaded, prefix))
    if not any(p.severity == "error" for p in problems) and not loaded.failed_types & _REGISTRIES:
        for path, page in sorted(loaded.content.pages.items()):
            finder = Finder.for_page(loaded, path, prefix)
            problems.extend(_page_problems(loaded, finder, page))
        problems.extend(_duplicate_ids(loaded, prefix))
        for review in (programme.review, snapshot.review, survey.review):
            problems.extend(review(loaded, prefix))
        problems.extend(review_reserved(loaded, prefix))
        problems.extend(glossary_review(loaded, prefix))
        if not any(p.severity == "error" for p in problems):
            problems.extend(smart_review(loaded, prefix))
    return sorted(problems)


def _structure(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    pages = loaded.content.pages
    plans = [path for path, page in pages.items() if isinstance(page, Plan)]
    if not plans:
        yield Problem(prefix + "index.md", 0, "type", "er is geen startpagina met 'type: plan'; "
                      "zet de gegevens van het plan in de kop van index.md.")
    for path in plans[1:]:
        yield Problem(prefix + path, 1, "type", f"er is al een pagina met 'type: plan' "
                      f"({prefix}{plans[0]}); een site heeft er één.")
    for kind in (IndicatorsPage, PartnersPage, ParticipationPage, GlossaryPage):
        found = sorted(path for path, page in pages.items() if isinstance(page, kind))
        for path in found[1:]:
            yield Problem(prefix + path, 1, "type", f"er is al zo'n pagina ({prefix}{found[0]}); "
                          "zet alles van deze soort op één pagina.")
    if plans and "theme" not in loaded.failed_types and not any(
            isinstance(page, Theme) for page in pages.values()):
        yield Problem(prefix + plans[0], 1, "", "het plan heeft nog geen speerpunten; "
                      "maak een pagina met 'type: theme'.", "warning")


def _page_problems(loaded: Loaded, finder: Finder, page: Strict) -> Iterator[Problem]:
    content = loaded.content
    municipalities = [m.id for m in content.plan.municipalities]
    if isinstance(page, Plan):
        for i, area in enumerate(page.areas):
            yield from finder.reference(("areas", i, "municipality"), area.municipality,
                                        municipalities, "gemeente")
    elif isinstance(page, Theme):
        yield from _theme_problems(loaded, finder, page)
    elif isinstance(page, IndicatorsPage):
        for i, indicator in enumerate(page.indicators):
            for j, m in enumerate(indicator.measurements):
                if m._origin is None:
                    yield from finder.reference(("indicators", i, "measurements", j, "area"),
                                                m.area, content.areas, "gebied")
                else:
                    yield from Finder.for_row(*m._origin).reference(
                        ("area",), m.area, content.areas, "gebied")
    elif isinstance(page, ParticipationPage):
        places = _places(loaded)
        for i, event in enumerate(page.events):
            yield from finder.reference(("events", i, "municipality"), event.municipality,
                                        places, "gebied")
            for j, place in enumerate(event.areas):
                yield from finder.reference(("events", i, "areas", j), place, places, "gebied")
            if event.registration == "open" and not (event.registration_url or event.email
                                                     or event.phone):
                yield finder.at(("events", i, "registration"), "inwoners kunnen zich aanmelden, "
                                "maar waar? Vul registration_url, email of phone in.", "warning")
    elif isinstance(page, ProgressReport):
        for action_id in page.actions:
            yield from finder.reference(("actions", action_id), action_id, content.actions,
                                        "actie")


def _places(loaded: Loaded) -> list[str]:
    """The ids priorities, actions and events may be tied to: municipalities and wijken."""
    plan = loaded.content.plan
    return [m.id for m in plan.municipalities] + [a.id for a in plan.areas if a.kind == "wijk"]


def _theme_problems(loaded: Loaded, finder: Finder, theme: Theme) -> Iterator[Problem]:
    content = loaded.content
    places = _places(loaded)
    for key in ("areas", "municipalities"):
        for i, area in enumerate(getattr(theme, key)):
            yield from finder.reference((key, i), area, places, "gebied")
    yield from finder.reference(("headline",), theme.headline, content.indicators, "indicator")
    if theme.icon and theme.icon not in icon_names():
        close = difflib.get_close_matches(theme.icon, sorted(icon_names()), n=1, cutoff=0.6)
        hint = f" Bedoelt u '{close[0]}'?" if close else ""
        yield finder.at(("icon",), f"icoon '{theme.icon}' bestaat niet.{hint} Kies een naam uit "
                        "de Lucide-iconen (lucide.dev/icons), bijvoorbeeld 'shield'.")
    for i, partner in enumerate(theme.partners):
        yield from finder.reference(("partners", i), partner, content.partners, "partner")
    goal_ids = [goal.id for goal in theme.goals]
    for i, goal in enumerate(theme.goals):
        yield from finder.reference(("goals", i, "indicator"), goal.indicator,
                                    content.indicators, "indicator")
        yield from finder.reference(("goals", i, "area"), goal.area, content.areas, "gebied")
    for i, action in enumerate(theme.actions):
        yield from finder.reference(("actions", i, "goal"), action.goal, goal_ids,
                                    "doel (binnen dit speerpunt)")
        for j, partner in enumerate(action.partners):
            yield from finder.reference(("actions", i, "partners", j), partner,
                                        content.partners, "partner")
        for j, area in enumerate(action.areas):
            yield from finder.reference(("actions", i, "areas", j), area, places, "gebied")
    if not theme.goals:
        yield finder.at(("goals",), "dit speerpunt heeft geen doelen; voeg er minstens één toe.",
                        "warning")


def _duplicate_ids(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """The same id used twice for the same kind of thing, anywhere in the content."""
    seen: dict[tuple[str, str], str] = {}
    for path, page in sorted(loaded.content.pages.items()):
        finder = Finder.for_page(loaded, path, prefix)
        for kind, loc, item_id in _ids(page):
            here = finder.at(loc, "")
            first = seen.setdefault((kind, item_id), f"{here.file}:{here.line}")
            if first != f"{here.file}:{here.line}":
                yield finder.at(loc, f"de id '{item_id}' is al gebruikt ({first}); "
                                "geef elk item een eigen id.")


def _ids(page: Strict) -> Iterator[tuple[str, Loc, str]]:
    if isinstance(page, Plan):
        for i, m in enumerate(page.municipalities):
            yield "area", ("municipalities", i, "id"), m.id
        for i, area in enumerate(page.areas):
            yield "area", ("areas", i, "id"), area.id
    elif isinstance(page, Theme):
        for i, g in enumerate(page.goals):
            yield "goal", ("goals", i, "id"), g.id
        for i, action in enumerate(page.actions):
            yield "action", ("actions", i, "id"), action.id
    elif isinstance(page, IndicatorsPage):
        for i, ind in enumerate(page.indicators):
            yield "indicator", ("indicators", i, "id"), ind.id
    elif isinstance(page, PartnersPage):
        for i, p in enumerate(page.partners):
            yield "partner", ("partners", i, "id"), p.id
    elif isinstance(page, ParticipationPage):
        for i, e in enumerate(page.events):
            yield "event", ("events", i, "id"), e.id

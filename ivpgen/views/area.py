"""A page per municipality (joint plan) or neighbourhood (plan with wijken): its own accents, its
figures against the region or municipality and the country, and what applies to it."""

from __future__ import annotations

from dataclasses import dataclass

from ivpgen.views.figures import Cell
from ivpgen.views.outcome import Ctx
from ivpgen.views.site import Figure, Place
from ivpgen.views.theme import ActionCard, Link, action_card
from ivpgen.views.words import Judgement


@dataclass(frozen=True)
class Yardstick:
    text: str
    """'lager dan de regio (2,1)'"""
    judgement: Judgement
    word: str
    """'beter' or 'slechter'; '' when the same (the text says 'gelijk aan')."""
    side: str = "flat"
    """'down' when the area's figure is lower, 'up' when higher: the print's arrow."""


@dataclass(frozen=True)
class AreaFigure:
    name: str
    page: str | None
    unit: str
    value: Cell
    year: int
    yardsticks: tuple[Yardstick, ...]


@dataclass(frozen=True)
class EventLine:
    id: str
    title: str
    date: str
    iso: str
    location: str


@dataclass(frozen=True)
class AreaView:
    id: str
    name: str
    title: str
    intro: str
    local_title: str
    local_priorities: tuple[str, ...]
    priorities: tuple[Link, ...]
    priorities_title: str
    figures: tuple[AreaFigure, ...]
    figures_title: str
    has_illustrative: bool
    actions: tuple[ActionCard, ...]
    actions_title: str
    shared_actions: str
    """'Daarnaast werken de gemeenten samen aan 25 acties ...', or ''."""
    events: tuple[EventLine, ...]
    others: tuple[Link, ...]
    others_title: str


def area_view(ctx: Ctx, place: Place) -> AreaView:
    site, words = ctx.site, ctx.words
    kind = place.kind
    themes = site.themes_for(place.id)
    local = site.actions_for(place.id, local_only=True)
    shared = len(site.actions_for(place.id)) - len(local)
    figures = tuple(area_figures(ctx, place.id))
    events = tuple(EventLine(e.id, e.title, words.locale.date(e.date), e.date.isoformat(),
                             e.location) for e in site.events_for(place.id))
    return AreaView(
        place.id, place.name, words.t(f"areas.title_{kind}", name=place.name),
        words.t(f"areas.intro_{kind}", name=place.name),
        words.t("areas.local_title", name=place.name), place.local_priorities,
        tuple(Link(t.title, site.theme_pages[tid]) for tid, t in themes.items()),
        words.count("areas.priorities_title", len(themes), name=place.name),
        figures, words.t("areas.figures_title", name=place.name),
        any(f.value.illustrative for f in figures),
        tuple(action_card(ctx, tid, a) for tid, a in local),
        words.t("areas.actions_title", name=place.name),
        words.count("areas.shared_actions", shared) if shared else "", events,
        tuple(Link(p.name, site.place_page(p.id)) for p in site.places if p.id != place.id),
        words.t(f"areas.others_{kind}"))


def area_figures(ctx: Ctx, area: str) -> list[AreaFigure]:
    """The area's latest figure of every indicator that has one, with its yardsticks."""
    site, words = ctx.site, ctx.words
    found = []
    for indicator in site.content.indicators.values():
        series = site.series(indicator, area)
        if not series:
            continue
        last = series[-1]
        sticks = tuple(Yardstick(c.text, c.judgement, "" if c.judgement == "same" else
                                 words.verdict_word(c.judgement),
                                 _side(last, c.figure, c.judgement == "same"))
                       for c in words.compare(indicator, area, last))
        found.append(AreaFigure(indicator.name, site.indicator_page(indicator.id),
                                indicator.unit or "", Cell(words.number(last, indicator),
                                                           last.illustrative),
                                last.year, sticks))
    return found


def _side(own: Figure, theirs: Figure, same: bool) -> str:
    return "flat" if same else ("down" if own.value < theirs.value else "up")

"""The home page as an infographic: outcomes first, then the progress of the actions, then the
places residents can choose, then the vision, the printed summary and participation."""

from __future__ import annotations

from dataclasses import dataclass

from ivpgen.model import ProgressReport
from ivpgen.participation import EventView, ParticipationView
from ivpgen.views.outcome import (
    ActionBar,
    Ctx,
    OutcomeTile,
    action_bar,
    goals_text,
    grid_columns,
    outcome_tile,
)
from ivpgen.views.site import PRIORITIES_PAGE

MAX_TILES = 9
"""The home page shows the outcomes of at most this many priorities (in their order); the
overview of the priorities shows them all."""


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class PlaceLink:
    name: str
    page: str


@dataclass(frozen=True)
class HomeView:
    facts: tuple[Fact, ...]
    tiles: tuple[OutcomeTile, ...]
    columns: int
    all_priorities: str
    """'Bekijk alle 4 speerpunten', a link to the overview (priorities_page)."""
    priorities_page: str
    has_illustrative: bool
    actions: ActionBar | None
    status_counts: tuple[tuple[str, int], ...]
    goals: str
    progress_page: str | None
    """The latest progress report."""
    places_title: str
    places: tuple[PlaceLink, ...]
    summary_intro: str
    participation: str
    """'3 bijeenkomsten met inwoners, jongeren en ondernemers.': the events that took place."""
    upcoming: tuple[EventView, ...]
    """The events to come."""


def home_view(ctx: Ctx) -> HomeView:
    site, words = ctx.site, ctx.words
    label, names = words.municipalities_fact()
    facts = (Fact(words.t("site.period"), f"{site.plan.period.start}–{site.plan.period.end}"),
             Fact(label, names),
             Fact(words.t("theme.status"), words.t(f"site.status_{site.plan.status}")))
    tiles = tuple(outcome_tile(ctx, tid, theme)
                  for tid, theme in list(site.themes.items())[:MAX_TILES])
    places = tuple(PlaceLink(p.name, site.place_page(p.id)) for p in site.places)
    events = ParticipationView(site.content, site.today, words.locale.join)
    reports = sorted((p.year, src) for src, p in site.content.pages.items()
                     if isinstance(p, ProgressReport))
    return HomeView(
        facts, tiles, grid_columns(len(tiles)),
        words.count("outcome.all_priorities", len(site.themes)), PRIORITIES_PAGE,
        any(t.figure and t.figure.illustrative for t in tiles),
        action_bar(ctx, site.all_actions), tuple(site.status_counts(site.all_actions)),
        goals_text(ctx), reports[-1][1] if reports else None,
        words.t(f"plan.choose_{words.place_kind}"), places,
        words.t("plan.summary_intro_joint" if site.kind == "joint" else "plan.summary_intro_one"),
        words.count("plan.participation_text", len(events.past)) if events.past else "",
        tuple(events.upcoming))

"""The partners page and the participation page: lists the templates place as they are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ivpgen.charts.spec import Chart
from ivpgen.model import Event, ParticipationPage, PartnersPage
from ivpgen.views.outcome import Ctx
from ivpgen.views.theme import Link


@dataclass(frozen=True)
class PartnerCard:
    id: str
    name: str
    url: str | None
    kind: str
    role: str
    priorities: tuple[Link, ...]


@dataclass(frozen=True)
class PartnersView:
    title: str
    matrix: Chart | None
    partners: tuple[PartnerCard, ...]


def partners_view(ctx: Ctx, page: PartnersPage) -> PartnersView:
    site, words = ctx.site, ctx.words
    cards = tuple(PartnerCard(p.id, p.name, p.url, words.t(f"partner_kind.{p.kind}"), p.role,
                              tuple(Link(t.title, site.theme_pages[tid])
                                    for tid, t in site.partner_themes(p)))
                  for p in page.partners)
    return PartnersView(page.title, ctx.charts.partners(), cards)


@dataclass(frozen=True)
class EventCard:
    id: str
    title: str
    date: dt.date
    time: str
    location: str
    audience: str
    capacity: str
    registration: str
    outcome: str


@dataclass(frozen=True)
class ParticipationView:
    title: str
    upcoming: tuple[EventCard, ...]
    past: tuple[EventCard, ...]


def participation_view(ctx: Ctx, page: ParticipationPage) -> ParticipationView:
    return ParticipationView(page.title,
                             tuple(event_card(ctx, e) for e in ctx.site.events(upcoming=True)),
                             tuple(event_card(ctx, e) for e in ctx.site.events(upcoming=False)))


def event_card(ctx: Ctx, event: Event) -> EventCard:
    """An event as shown: the place with the areas it is for (unless the plan has one area)."""
    site, words = ctx.site, ctx.words
    whole = site.plan.municipalities[0].id if site.kind != "joint" else None
    areas = words.locale.join(site.names([a for a in event.area_ids if a != whole]))
    location = f"{event.location} ({areas})" if areas else event.location
    return EventCard(event.id, event.title, event.date,
                     words.t("participation.time_range", start=event.start, end=event.end),
                     location, event.audience,
                     words.t("participation.capacity_value", count=event.capacity)
                     if event.capacity else "", event.registration, event.outcome)

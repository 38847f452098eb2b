"""The partners page and the participation page: lists the templates place as they are."""

from __future__ import annotations

from dataclasses import dataclass

from ivpgen.charts.spec import Chart
from ivpgen.model import ParticipationPage, PartnersPage
from ivpgen.participation import AGENDA_FILE, EventView, ParticipationView
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
class ParticipationPageView:
    """The participation page: its title, the events to come and those that took place (with
    contacts and calendar files, see ``ivpgen.participation``), and the surveys."""

    title: str
    upcoming: tuple[EventView, ...]
    past: tuple[EventView, ...]
    agenda: str = AGENDA_FILE
    """The calendar file with every event."""


def participation_view(ctx: Ctx, page: ParticipationPage) -> ParticipationPageView:
    split = ParticipationView(ctx.site.content, ctx.site.today, ctx.words.locale.join)
    return ParticipationPageView(page.title, tuple(split.upcoming), tuple(split.past))

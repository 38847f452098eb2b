"""What residents can act on: the participation events split on the reference date, each with
its contact and its calendar file; phone numbers as tel: links, in events and in any text.

Engine-free; the participation page, the home page and the print summary read the same view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import phonenumbers

from ivpgen.html_walk import UNREAD, TextEdits, Walk, apply
from ivpgen.model import Content, Event

CALENDAR_DIR = "meedoen/"
"""Where the calendar files are published: meedoen/<event id>.ics and meedoen/agenda.ics."""
AGENDA_FILE = CALENDAR_DIR + "agenda.ics"


@dataclass(frozen=True)
class PhoneLink:
    """A phone number as residents read it and as a phone dials it."""

    shown: str
    """National notation, e.g. '035 548 6000' or '14 035'."""
    href: str
    """A tel: link: international (tel:+31355486000) where the number can be dialled from
    abroad, else as dialled in the Netherlands (tel:14035)."""


def phone_link(number: str) -> PhoneLink:
    """The tel: link of a Dutch phone number (validated by the model)."""
    parsed = phonenumbers.parse(number, "NL")
    shown = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if phonenumbers.can_be_internationally_dialled(parsed):
        return PhoneLink(shown, "tel:" + phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.E164))
    return PhoneLink(shown, "tel:" + phonenumbers.national_significant_number(parsed))


@dataclass(frozen=True)
class EventView:
    """One event as the site shows it."""

    event: Event
    area: str
    """The names of the municipalities or neighbourhoods it is for ('' when it is for the whole
    plan, or the plan has one municipality)."""
    upcoming: bool

    @property
    def phone(self) -> PhoneLink | None:
        return phone_link(self.event.phone) if self.event.phone else None

    @property
    def calendar(self) -> str:
        """The path of its calendar file in the site."""
        return f"{CALENDAR_DIR}{self.event.id}.ics"

    @property
    def can_register(self) -> bool:
        """Residents can still sign up, and the plan says how."""
        event = self.event
        return self.upcoming and event.registration == "open" and bool(
            event.registration_url or event.email or event.phone)


class PhoneLinks(TextEdits):
    """Finds Dutch phone numbers in the text of <main> (0800-7000, 14 035, 035 548 60 00)."""

    skip_tags = UNREAD | {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "table", "time",
                          "button", "label", "select", "textarea", "summary", "title", "nav"}

    def edit(self, data: str) -> list[tuple[int, int, str]]:
        edits = []
        for match in phonenumbers.PhoneNumberMatcher(data, "NL", leniency=phonenumbers.Leniency.VALID):
            start = match.start + len(match.raw_string) - len(match.raw_string.lstrip("( "))
            written = data[start:match.end]
            if written.startswith(("0", "+31", "14")) and phonenumbers.is_valid_number_for_region(
                    match.number, "NL"):
                edits.append((start, match.end, f'<a href="{phone_link(written).href}">{written}</a>'))
        return edits


def link_phone_numbers(html: str) -> str:
    """The page with every Dutch phone number in its text a tel: link, so a tap calls it."""
    links = PhoneLinks()
    Walk(html, [links])
    return apply(html, [links])


class ParticipationView:
    """The plan's events: upcoming ones (soonest first) and past ones (latest first)."""

    agenda = AGENDA_FILE

    def __init__(self, content: Content, today: dt.date,
                 join: Callable[[list[str]], str] = ", ".join) -> None:
        self.content = content
        self.today = today
        self.join = join
        """How a list of names is written ('Baarn en Soest')."""

    def _view(self, event: Event) -> EventView:
        names = [self.content.areas[a] for a in event.area_ids
                 if a in self.content.areas and a != self._whole]
        return EventView(event, self.join(names), event.date >= self.today)

    @cached_property
    def _whole(self) -> str | None:
        """The one municipality of a plan that has one: naming it on every event says nothing."""
        municipalities = self.content.plan.municipalities
        return municipalities[0].id if len(municipalities) == 1 else None

    @cached_property
    def upcoming(self) -> list[EventView]:
        return [self._view(e) for e in self.content.events if e.date >= self.today]

    @cached_property
    def past(self) -> list[EventView]:
        """The events that have taken place: how residents took part so far."""
        return [self._view(e) for e in reversed(self.content.events) if e.date < self.today]

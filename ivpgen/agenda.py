"""Calendar files (iCalendar, RFC 5545) of the participation events, so residents can put an
evening in their own agenda: meedoen/<event id>.ics per event and meedoen/agenda.ics with all.

Engine-free and reproducible: times are in Europe/Amsterdam with the time zone written into the
file, DTSTAMP is the build's fixed 'today' and each event's UID depends only on the plan and
the event's id, so a calendar that imported an event recognises it after a rebuild.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import icalendar

from ivpgen.i18n import Locale
from ivpgen.participation import CALENDAR_DIR, EventView, ParticipationView, phone_link
from ivpgen.views import source_date

ZONE = ZoneInfo("Europe/Amsterdam")
PRODUCT = "-//ivpgen//Integraal Veiligheidsplan//NL"


def calendar_files(view: ParticipationView, locale: Locale,
                   site_url: str | None) -> list[tuple[str, bytes]]:
    """One .ics file per event and one with every event, as (path in the site, bytes)."""
    events = view.past[::-1] + view.upcoming
    if not events:
        return []
    plan_key = site_url or view.content.plan.title
    name = locale.t("participation.calendar_name", plan=view.content.plan.title)
    entries = [(e.calendar, _event(e, locale, stamp(view), plan_key)) for e in events]
    files = [(path, _calendar(name, [entry])) for path, entry in entries]
    files.append((view.agenda, _calendar(name, [entry for _, entry in entries])))
    return files


def stamp(view: ParticipationView) -> dt.datetime:
    """DTSTAMP: the build time fixed by SOURCE_DATE_EPOCH, else the plan's reference date."""
    fixed = source_date()
    return fixed or dt.datetime.combine(view.today, dt.time(), dt.UTC)


def event_uid(plan_key: str, event_id: str) -> str:
    """A UID that stays the same across builds and differs between plans."""
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{plan_key}/{CALENDAR_DIR}{event_id}')}@ivpgen"


def _calendar(name: str, events: list[icalendar.Event]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    years = [e.decoded("dtstart").year for e in events]
    # Only the years the events fall in: the time zone block stays a few lines long.
    calendar.add_missing_timezones(dt.date(min(years), 1, 1), dt.date(max(years) + 1, 1, 1))
    return bytes(calendar.to_ical())


def _event(view: EventView, locale: Locale, stamp: dt.datetime, plan_key: str) -> icalendar.Event:
    event = view.event
    entry = icalendar.Event()
    entry.add("uid", event_uid(plan_key, event.id))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", _at(event.date, event.start))
    entry.add("dtend", _at(event.date, event.end))
    entry.add("summary", event.title)
    entry.add("location", ", ".join(p for p in (event.location, event.address) if p))
    entry.add("description", _description(view, locale))
    if event.registration_url:
        entry.add("url", event.registration_url)
    return entry


def plain(markdown: str) -> str:
    """Markdown as plain text for a calendar: emphasis marks dropped, links as 'text (url)'."""
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r"\1 (\2)", markdown.strip())
    text = re.sub(r"(\*\*|\*)(\S(?:.*?\S)?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)(__|_)(\S(?:.*?\S)?)\1(?!\w)", r"\2", text)
    return re.sub(r"\s+", " ", text)


def _at(day: dt.date, time: str) -> dt.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def _description(view: EventView, locale: Locale) -> str:
    """The event in plain text: for whom, and how to sign up or ask something."""
    event = view.event
    lines = [locale.t("participation.audience") + ": " + event.audience]
    if event.description:
        lines.append(plain(event.description))
    contact = [("participation.sign_up", event.registration_url), ("participation.email", event.email),
               ("participation.phone", phone_link(event.phone).shown if event.phone else None)]
    lines += [f"{locale.t(key)}: {value}" for key, value in contact if value]
    return "\n".join(lines)

"""Participation residents can act on: contacts in the model (validated), phone numbers as
tel: links, calendar files read back with a real iCalendar parser, and counts of the events
that took place, not of the ones still to come."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from ivpgen.agenda import calendar_files
from ivpgen.check import load_and_check
from ivpgen.i18n import load_locale
from ivpgen.model import Content
from ivpgen.participation import ParticipationView, link_phone_numbers, phone_link
from tests.conftest import EPOCH, ROOT, copy_plan, page, run_ivpgen

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MEEDOEN = "content/meedoen.md"


def read_calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def example_content() -> Content:
    pages = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")]
    loaded, _ = load_and_check(ROOT / "content", pages)
    return loaded.content


def test_each_event_has_a_calendar_file_with_its_time_and_place(example: Path) -> None:
    content = example_content()
    for event in content.events:
        calendar = read_calendar(example / "meedoen" / f"{event.id}.ics")
        (entry,) = calendar.walk("VEVENT")
        assert entry.decoded("dtstart") == dt.datetime.combine(
            event.date, dt.time.fromisoformat(event.start), AMSTERDAM)
        assert entry.decoded("dtend") == dt.datetime.combine(
            event.date, dt.time.fromisoformat(event.end), AMSTERDAM)
        assert str(entry["summary"]) == event.title
        assert str(entry["location"]).startswith(event.location)
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    terugblik = read_calendar(example / "meedoen" / "terugblik-ivp-2027.ics").walk("VEVENT")[0]
    # 19:30 in February is 18:30 UTC (winter time); the sign-up link is in the calendar too.
    assert terugblik.decoded("dtstart").astimezone(dt.UTC).hour == 18
    assert str(terugblik["url"]) == "https://www.example.nl/veiligheidsplan/aanmelden"
    assert "E-mail: veiligheidsplan@example.nl" in str(terugblik["description"])
    assert "*" not in str(terugblik["description"])  # Markdown emphasis is not calendar text


def test_agenda_has_every_event_once_with_the_same_uid(example: Path) -> None:
    content = example_content()
    agenda = read_calendar(example / "meedoen" / "agenda.ics").walk("VEVENT")
    assert sorted(str(e["summary"]) for e in agenda) == sorted(e.title for e in content.events)
    for event in content.events:
        single = read_calendar(example / "meedoen" / f"{event.id}.ics").walk("VEVENT")[0]
        assert any(str(e["uid"]) == str(single["uid"]) for e in agenda)
    assert len({str(e["uid"]) for e in agenda}) == len(agenda)
    # DTSTAMP is the build's fixed 'today' (SOURCE_DATE_EPOCH), not the clock.
    assert {e.decoded("dtstamp") for e in agenda} == {dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}


def test_uids_stay_the_same_across_builds_and_days(monkeypatch: pytest.MonkeyPatch) -> None:
    content = example_content()
    locale = load_locale("nl")

    def uids(epoch: str, site_url: str | None) -> list[str]:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        files = dict(calendar_files(ParticipationView(content, dt.date(2026, 1, 1)), locale, site_url))
        events = icalendar.Calendar.from_ical(files["meedoen/agenda.ics"]).walk("VEVENT")
        return [str(e["uid"]) for e in events]

    assert uids("1767225600", None) == uids("1780000000", None)
    assert uids("1767225600", None) != uids("1767225600", "https://ander-plan.example.nl/")


def test_home_counts_past_events_and_lists_the_upcoming(example: Path) -> None:
    home = page(example, "")
    section = home[home.index('id="meedoen"'):]
    section = section[: section.index("</section>")]
    # The example has two events in 2024 and one in 2027 (after 'today', 1 January 2026).
    assert "2 bijeenkomsten met inwoners, jongeren en ondernemers." in section
    assert "Binnenkort" in section
    assert '<a href="meedoen/#terugblik-ivp-2027">Terugblik en vooruitblik' in section
    key_figures = (example / "grafieken" / "kerncijfers.csv").read_text(encoding="utf-8")
    assert "\nbijeenkomsten met inwoners,2,\n" in key_figures


def test_upcoming_event_says_how_to_sign_up(example: Path) -> None:
    html = page(example, "meedoen")
    upcoming = html[html.index('id="komend"'): html.index('id="eerder"')]
    assert 'href="https://www.example.nl/veiligheidsplan/aanmelden">Meld u aan' in upcoming
    assert '<a href="mailto:veiligheidsplan@example.nl">' in upcoming
    assert '<a href="terugblik-ivp-2027.ics" download>Zet in uw agenda' in upcoming
    assert '<a href="agenda.ics" download>' in upcoming
    assert "bestaan niet (example.nl)" in upcoming  # the example says its contacts are made up
    past = html[html.index('id="eerder"'):]
    assert "Meld u aan" not in past and ".ics" not in past


def test_phone_numbers_are_tel_links() -> None:
    assert phone_link("035 548 60 00") == phone_link("+31 35 548 6000")
    assert phone_link("035 548 60 00").href == "tel:+31355486000"
    assert phone_link("035 548 60 00").shown == "035 548 6000"
    # The municipal 14-numbers only work within the Netherlands: dialled as written.
    assert phone_link("14 0492").href == "tel:140492"


def test_phone_numbers_in_any_text_become_tel_links(example: Path) -> None:
    html = link_phone_numbers(
        '<header>0800-7000</header><main><p>Anoniem (0800-7000) of 035 548 60 00.</p>'
        '<h2>Bel 0800-2000</h2><p><a href="x">0800-2000</a></p><table><tr><td>0800 1234</td>'
        '</tr></table><p>In 2023–2026: 1.084 inwoners, 462 meldingen.</p></main>')
    assert html == (
        '<header>0800-7000</header><main><p>Anoniem (<a href="tel:+318007000">0800-7000</a>) of '
        '<a href="tel:+31355486000">035 548 60 00</a>.</p><h2>Bel 0800-2000</h2><p><a href="x">'
        '0800-2000</a></p><table><tr><td>0800 1234</td></tr></table><p>In 2023–2026: 1.084 '
        'inwoners, 462 meldingen.</p></main>')
    ondermijning = page(example, "thema/ondermijning")
    assert '(<a href="tel:+318007000">0800-7000</a>)' in ondermijning


def test_wijken_plan_shows_the_phone_as_a_link(tmp_path: Path) -> None:
    plan = copy_plan(ROOT / "tests" / "fixtures" / "wijken", tmp_path / "plan")
    config = plan / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - ivpgen\n", "  - ivpgen:\n      pdf: false\n"), encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert result.code == 0, result.output
    site = plan / "site"
    html = page(site, "meedoen")
    assert 'Telefoon: <a href="tel:140492">14 0492</a>' in html
    assert read_calendar(site / "meedoen" / "agenda.ics").walk("VEVENT")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("phone", "'035 548'", "'035 548' is geen geldig Nederlands telefoonnummer"),
    ("phone", "'+32 2 123 45 67'", "is geen geldig Nederlands telefoonnummer"),
    ("email", "veiligheid@gemeente", "'veiligheid@gemeente' is geen e-mailadres"),
    ("registration_url", "www.example.nl/aanmelden", "is geen webadres; schrijf het hele adres"),
])
def test_contacts_are_validated(mini: Path, field: str, value: str, message: str) -> None:
    meedoen = mini / MEEDOEN
    text = meedoen.read_text(encoding="utf-8")
    meedoen.write_text(text.replace("    registration: gesloten\n",
                                    f"    registration: gesloten\n    {field}: {value}\n"),
                       encoding="utf-8")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    line = text.splitlines().index("    registration: gesloten") + 2
    assert f"regel {line}: fout: veld 'events[0].{field}': " in result.output
    assert message in result.output


def test_open_event_without_a_way_to_sign_up_is_a_warning(mini: Path) -> None:
    meedoen = mini / MEEDOEN
    text = meedoen.read_text(encoding="utf-8")
    meedoen.write_text(text.replace("registration: gesloten", "registration: open"),
                       encoding="utf-8")
    result = run_ivpgen("check", "--strict", cwd=mini)
    assert result.code == 1
    assert "veld 'events[0].registration': inwoners kunnen zich aanmelden, maar waar?" in result.output

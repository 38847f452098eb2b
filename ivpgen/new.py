"""``ivpgen new FOLDER``: a complete new plan for any Dutch municipality, from a few answers.

The answers come from flags (``--municipality`` and the rest) or, without ``--municipality``,
from questions in Dutch. Everything is looked up and rendered before a single file is written,
and only into a folder that is new or empty, so nothing of the user's is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import click

from ivpgen.errors import IvpgenError
from ivpgen.model import SAFETY_FIELDS
from ivpgen.municipalities import UnknownMunicipality, find, slug
from ivpgen.starter import DEFAULT_PRIORITIES, Request, fields, render
from ivpgen.views import source_date

T = TypeVar("T")
MAX_YEARS = 8


class NewPlanError(IvpgenError):
    """An answer ivpgen new cannot use, or a folder it may not write into."""


def today() -> dt.date:
    """The new plan's reference date: SOURCE_DATE_EPOCH (reproducible) or the computer's date."""
    fixed = source_date()
    return fixed.date() if fixed else dt.date.today()


def default_period(day: dt.date) -> tuple[int, int]:
    """The next four calendar years: a plan is written before its period starts."""
    return day.year + 1, day.year + 4


def parse_period(text: str) -> tuple[int, int]:
    """'2027-2030' (or with an en dash) as (2027, 2030)."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", text)
    if not match:
        raise NewPlanError(f"'{text}' is geen looptijd; schrijf het begin- en eindjaar, "
                           "bijvoorbeeld 2027-2030.")
    start, end = int(match.group(1)), int(match.group(2))
    if not 0 <= end - start < MAX_YEARS:
        raise NewPlanError(f"de looptijd {start}-{end} klopt niet; het eindjaar ligt na het "
                           f"beginjaar, en een plan duurt meestal vier jaar.")
    return start, end


def parse_priority(text: str) -> str:
    """A safety field, from its name, its priority's file name (e.g. 'jeugd', 'ondermijning')
    or the start of its name."""
    wanted = text.strip().lower()
    names = {field: field for field in SAFETY_FIELDS}
    names.update({spec["slug"]: field for field, spec in fields().items()})
    names.update({spec["title"].lower(): field for field, spec in fields().items()})
    if wanted in names:
        return names[wanted]
    starts = {field for name, field in names.items() if wanted and name.startswith(wanted)}
    if len(starts) == 1:
        return starts.pop()
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6)
    hint = f" Bedoelt u '{names[close[0]]}'?" if close else ""
    raise NewPlanError(f"'{text}' is geen veiligheidsveld.{hint} Kies uit: "
                       f"{', '.join(SAFETY_FIELDS)}.")


def make_request(municipalities: Iterable[str], neighbourhoods: Iterable[str],
                 period: str | None, priorities: Iterable[str], day: dt.date) -> Request:
    """The answers, checked: the municipalities found, the rest parsed; defaults for the rest."""
    found = tuple(_unique([find(name) for name in municipalities], "de gemeente",
                          lambda m: m.name, lambda m: m.code))
    if not found:
        raise NewPlanError("noem minstens één gemeente met --municipality.")
    wijken = tuple(_unique([w.strip() for w in neighbourhoods if w.strip()], "de wijk", str, slug))
    if wijken and len(found) != 1:
        raise NewPlanError("wijken (--neighbourhood) horen bij een plan van één gemeente; noem "
                           "dan precies één gemeente met --municipality.")
    for wijk in wijken:
        if not slug(wijk):
            raise NewPlanError(f"'{wijk}' is geen naam van een wijk; gebruik letters of cijfers.")
    chosen = tuple(_unique([parse_priority(p) for p in priorities], "het speerpunt", str, str))
    return Request(found, wijken, parse_period(period) if period else default_period(day),
                   chosen or DEFAULT_PRIORITIES, day)


def _unique(items: list[T], what: str, name: Callable[[T], str],
            key: Callable[[T], str]) -> list[T]:
    """The items, refused when two are the same (by ``key``)."""
    seen: set[str] = set()
    for item in items:
        if key(item) in seen:
            raise NewPlanError(f"{what} '{name(item)}' staat er twee keer in.")
        seen.add(key(item))
    return items


def check_folder(folder: Path) -> None:
    """A new plan goes into a new or empty folder only: nothing of the user's is overwritten."""
    if folder.exists() and not folder.is_dir():
        raise NewPlanError(f"{folder} is een bestand, geen map; kies een nieuwe map voor het plan.")
    if folder.is_dir() and any(folder.iterdir()):
        raise NewPlanError(f"de map {folder} is niet leeg. ivpgen new schrijft alleen in een nieuwe "
                           "of lege map, zodat er niets wordt overschreven; kies een andere map.")


def write_plan(folder: Path, request: Request) -> list[Path]:
    """Render every file first, then write them all; returns the files written."""
    check_folder(folder)
    rendered = render(request)
    written = []
    for rel, text in rendered.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def ask(day: dt.date, neighbourhoods: tuple[str, ...], period: str | None,
        priorities: tuple[str, ...]) -> Request:
    """Ask, in Dutch, for what the flags did not say; a wrong answer is asked again."""
    first = _ask_until(lambda: find(click.prompt("Voor welke gemeente is het plan?")))
    found = [first]
    while name := click.prompt("Maakt u het plan samen met andere gemeenten? Typ de naam van de "
                               "volgende gemeente, of druk op Enter als u klaar bent",
                               default="", show_default=False):
        try:
            found.append(find(name))
        except UnknownMunicipality as exc:
            click.echo(f"Let op: {exc}")
    wijken = list(neighbourhoods)
    if len(found) == 1 and not wijken:
        while wijk := click.prompt(f"Werkt {first.name} met wijken? Typ de naam van een wijk, of "
                                   "druk op Enter als u klaar bent", default="", show_default=False):
            wijken.append(wijk)
    if period is None:
        start, end = default_period(day)
        period = _ask_until(lambda: _checked_period(click.prompt(
            "Looptijd van het plan", default=f"{start}-{end}")))
    chosen = list(priorities) or _ask_until(_ask_priorities)
    return make_request([m.code for m in found], wijken, period, chosen, day)


def _checked_period(text: str) -> str:
    parse_period(text)
    return text


def _ask_priorities() -> list[str]:
    click.echo("De veiligheidsvelden:")
    for number, field in enumerate(SAFETY_FIELDS, start=1):
        click.echo(f"  {number}. {field}")
    default = ",".join(str(SAFETY_FIELDS.index(f) + 1) for f in DEFAULT_PRIORITIES)
    answer = click.prompt("Welke speerpunten kiest u? Typ de nummers met komma's ertussen",
                          default=default)
    chosen = []
    for part in filter(None, (p.strip() for p in answer.split(","))):
        if not part.isdigit() or not 1 <= int(part) <= len(SAFETY_FIELDS):
            raise NewPlanError(f"'{part}' is geen nummer uit de lijst (1 tot en met "
                               f"{len(SAFETY_FIELDS)}).")
        chosen.append(SAFETY_FIELDS[int(part) - 1])
    return chosen


def _ask_until(question: Callable[[], T]) -> T:
    """Ask until the answer can be used; say what was wrong each time."""
    while True:
        try:
            return question()
        except IvpgenError as exc:
            click.echo(f"Let op: {exc}")

"""Charts placed in a page's text with a shortcode on a line of its own:

    {{ grafiek doel=jeugd-overlast-soest }}
    {{ grafiek trend indicator=woninginbraken gebied=soest,nederland }}
    {{ grafiek vergelijking indicator=woninginbraken }}
    {{ grafiek status speerpunt=jeugd }}      (without speerpunt: the whole plan)
    {{ grafiek tijdlijn speerpunt=jeugd }}    (without speerpunt: the whole plan)
    {{ grafiek voortgang jaar=2024 }}
    {{ grafiek partners }}  {{ grafiek velden }}  {{ grafiek kerncijfers }}

A shortcode inside a fenced code block is left alone, so the guide can show the syntax. A
mistake (unknown kind, key or id) is a Problem with file, line and a 'did you mean' hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ivpgen.charts.catalog import Catalog
from ivpgen.errors import Problem

TILES = "kerncijfers"
_LINE = re.compile(r"^ {0,3}\{\{\s*grafiek\b(?P<args>[^{}]*)\}\}\s*$")
_ANYWHERE = re.compile(r"\{\{\s*grafiek\b")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
KINDS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (required keys, optional keys)
    "doel": ({"doel"}, set()),
    "trend": ({"indicator"}, {"gebied"}),
    "vergelijking": ({"indicator"}, set()),
    "status": (set(), {"speerpunt"}),
    "tijdlijn": (set(), {"speerpunt"}),
    "voortgang": ({"jaar"}, set()),
    "partners": (set(), set()),
    "velden": (set(), set()),
    TILES: (set(), set()),
}
PLACEHOLDER = "<!-- ivpgen-grafiek {id} -->"
PLACEHOLDER_RE = re.compile(r"<!-- ivpgen-grafiek (\S+) -->")


@dataclass(frozen=True)
class Placement:
    line: int
    """Line number inside the page's Markdown body (1 is its first line)."""
    chart_id: str


class ShortcodeError(ValueError):
    """A shortcode that cannot be placed; the message is for staff."""


def find(body: str) -> Iterator[tuple[int, str | None]]:
    """(line, arguments) of every shortcode line outside code blocks; arguments None when the
    shortcode shares its line with other text."""
    fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=1):
        opening = _FENCE.match(line)
        if opening and (fence is None or opening.group(1)[0] == fence[0]):
            fence = None if fence else opening.group(1)
            continue
        if fence is None and _ANYWHERE.search(line):
            match = _LINE.match(line)
            yield number, match.group("args") if match else None


def parse(args: str) -> tuple[str, dict[str, str]]:
    """'trend indicator=x gebied=a,b' -> ('trend', {'indicator': 'x', 'gebied': 'a,b'})."""
    kind = ""
    values: dict[str, str] = {}
    for token in args.split():
        key, eq, value = token.partition("=")
        if not eq:
            if kind:
                raise ShortcodeError(f"'{token}' staat er los; schrijf sleutel=waarde, "
                                     "bijvoorbeeld indicator=woninginbraken.")
            kind = token
        elif key in values:
            raise ShortcodeError(f"'{key}=' staat er twee keer.")
        else:
            values[key] = value.strip("\"'")
    kind = kind or ("doel" if "doel" in values else "trend" if "indicator" in values else "")
    return kind, values


def _hint(value: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        return f" Bedoelt u '{close[0]}'?"
    return f" Kies uit: {', '.join(known)}." if known else ""


def _check_keys(kind: str, values: dict[str, str]) -> None:
    if kind not in KINDS:
        what = f"'{kind}' is geen soort grafiek." if kind else "er staat niet welke grafiek."
        raise ShortcodeError(what + _hint(kind, KINDS))
    required, optional = KINDS[kind]
    for key in values:
        if key not in required | optional:
            allowed = ", ".join(sorted(required | optional)) or "geen"
            raise ShortcodeError(f"onbekende sleutel '{key}=' bij een grafiek '{kind}'."
                                 + (_hint(key, required | optional) or f" Toegestaan: {allowed}."))
    for key in sorted(required - set(values)):
        raise ShortcodeError(f"bij een grafiek '{kind}' hoort '{key}=...'.")


def resolve(catalog: Catalog, args: str) -> str:
    """The id of the chart a shortcode asks for (adding it to the catalog when needed)."""
    kind, values = parse(args)
    _check_keys(kind, values)
    content = catalog.ctx.site.content
    if kind == TILES:
        return TILES
    if kind == "doel":
        return _found(catalog.goal(_known(values["doel"], content.goals, "doel")),
                      f"het doel '{values['doel']}' heeft geen grafiek: daarvoor zijn een "
                      "indicator, een gebied, een nulmeting (baseline) en een doel (target) nodig.")
    if kind in ("trend", "vergelijking"):
        indicator = _known(values["indicator"], content.indicators, "indicator")
        if kind == "vergelijking":
            return _found(catalog.comparison(indicator), f"de indicator '{indicator}' heeft "
                          "geen cijfers van twee of meer gemeenten (of wijken) om te vergelijken.")
        if "gebied" not in values:
            return _found(catalog.trend(indicator), f"de indicator '{indicator}' heeft nog geen cijfers.")
        areas = [_known(a, catalog.ctx.site.areas, "gebied") for a in values["gebied"].split(",")]
        return _found(catalog.trend_for_areas(indicator, areas),
                      f"de indicator '{indicator}' heeft geen cijfers voor deze gebieden.")
    return _plan_chart(catalog, kind, values)


def _plan_chart(catalog: Catalog, kind: str, values: dict[str, str]) -> str:
    site = catalog.ctx.site
    if kind == "voortgang":
        years = {str(r.year) for r in site.content.progress_reports}
        year = _known(values["jaar"], years, "voortgangsrapportage over")
        return _found(catalog.progress(int(year)), f"de voortgangsrapportage over {year} "
                      "noemt geen acties.")
    if kind in ("status", "tijdlijn"):
        theme = _known(values["speerpunt"], site.themes, "speerpunt") if "speerpunt" in values else ""
        chart = catalog.status(theme) if kind == "status" else catalog.timeline(theme)
        return _found(chart, "er zijn nog geen acties.")
    chart = catalog.partners() if kind == "partners" else catalog.fields()
    return _found(chart, "er zijn nog geen speerpunten of partners.")


def _known(value: str, known: Iterable[str], what: str) -> str:
    known = list(known)
    if value not in known:
        raise ShortcodeError(f"{what} '{value}' bestaat niet." + _hint(value, known))
    return value


def _found(chart: object, message: str) -> str:
    chart_id = getattr(chart, "id", None)
    if not isinstance(chart_id, str):
        raise ShortcodeError(message)
    return chart_id


def placements(catalog: Catalog, body: str, shown: str,
               first_line: int) -> tuple[list[Placement], list[Problem]]:
    """Every shortcode of one page resolved to a chart id, and a Problem for each mistake.

    ``shown`` is the file as staff know it; ``first_line`` the file line of the body's first line.
    """
    found: list[Placement] = []
    problems: list[Problem] = []
    for line, args in find(body):
        where = first_line + line - 1
        if args is None:
            problems.append(Problem(shown, where, "grafiek", "zet '{{ grafiek ... }}' op een "
                                    "eigen regel, met een lege regel erboven en eronder."))
            continue
        try:
            found.append(Placement(line, resolve(catalog, args)))
        except ShortcodeError as exc:
            problems.append(Problem(shown, where, "grafiek", str(exc)))
    return found, problems


def all_placements(catalog: Catalog, sources: Iterable[tuple[str, str, int]],
                   prefix: str) -> tuple[dict[str, list[Placement]], list[Problem]]:
    """The shortcodes of every page (path, body, first body line), and every mistake in them."""
    found: dict[str, list[Placement]] = {}
    problems: list[Problem] = []
    for path, body, first_line in sources:
        found[path], wrong = placements(catalog, body, prefix + path, first_line)
        problems += wrong
    return found, problems


def replace(body: str, found: list[Placement]) -> str:
    """The body with each shortcode line replaced by a placeholder the plugin fills in later."""
    lines = body.splitlines(keepends=True)
    for placement in found:
        index = placement.line - 1
        newline = "\n" if lines[index].endswith("\n") else ""
        lines[index] = "\n" + PLACEHOLDER.format(id=placement.chart_id) + "\n" + newline
    return "".join(lines)

"""Example text and illustrative figures still in a plan, listed as info by ``ivpgen check``.

``ivpgen new`` writes a complete plan of example text, and marks every piece of it with the word
VOORBEELD: in front matter a YAML comment (``- id: minder-inbraken  # VOORBEELD``), in the
Markdown text an HTML comment (``<!-- VOORBEELD: ... -->``). Staff replace the text and remove
the marker; until then ``ivpgen check`` lists the place. Indicators with illustrative figures
are listed too, in any plan. Info never stops a build, not even under --strict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ivpgen.errors import Problem
from ivpgen.links import lines_outside_code
from ivpgen.load import Loaded, Source, dotted
from ivpgen.model import IndicatorsPage
from ivpgen.views import SiteView

MARKER = "VOORBEELD"
"""The word that marks example text; ``ivpgen new`` writes it, staff remove it."""
YAML_MARK = f"# {MARKER}"
HTML_MARK = f"<!-- {MARKER}"
_YAML_MARK = re.compile(rf"(?:^|\s)#\s*{MARKER}\b")
_HTML_MARK = re.compile(rf"<!--\s*{MARKER}\b")
_EXAMPLE = f"nog voorbeeldtekst ({MARKER}); vervang die door uw eigen tekst en haal de markering weg."


def review(loaded: Loaded, site: SiteView, prefix: str) -> list[Problem]:
    """Every marked piece of example text and every indicator with illustrative figures."""
    problems: list[Problem] = []
    for src, source in sorted(loaded.sources.items()):
        problems += _marked(source, prefix + src)
    for src, page in sorted(loaded.content.pages.items()):
        if isinstance(page, IndicatorsPage):
            problems += _illustrative(loaded.sources[src], prefix + src, page, site)
    return problems


def _marked(source: Source, shown: str) -> Iterator[Problem]:
    for number, line in enumerate(source.front.splitlines(), start=1):
        if _YAML_MARK.search(line):
            yield Problem(shown, number, _item_on_line(source, number), _EXAMPLE, "info")
    for number, line in lines_outside_code(source.body):
        if _HTML_MARK.search(line):
            yield Problem(shown, source.body_line + number - 1, "", _EXAMPLE, "info")


def _item_on_line(source: Source, line: int) -> str:
    """The largest item that starts on a line of front matter, e.g. 'goals[0]'."""
    paths = [path for path, at in source.meta.lines.items() if at == line and path]
    return dotted(min(paths, key=len)) if paths else ""


def _illustrative(source: Source, shown: str, page: IndicatorsPage,
                  site: SiteView) -> Iterator[Problem]:
    for i, indicator in enumerate(page.indicators):
        made_up = sum(site.figure(indicator, m).illustrative for m in indicator.measurements)
        if not made_up:
            continue
        where = f" in {indicator.measurements_file}" if indicator.measurements_file else ""
        loc = ("indicators", i)
        yield Problem(shown, source.meta.line_of(loc), dotted(loc),
                      f"{made_up} van de {len(indicator.measurements)} cijfers van "
                      f"'{indicator.name}' zijn illustratief (bedacht). Vervang ze{where} door echte "
                      "cijfers met hun bron en zet 'illustrative' op false.", "info")

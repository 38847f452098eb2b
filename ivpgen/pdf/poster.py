"""The plan on one page: an A4 poster per edition, for the wall, the council and a newsletter.

What it shows comes from the edition's view (``EditionView``), so the poster, the summary and
the website give the same numbers. This module only decides what fits one page: a grid that
gets denser with more priorities, and lists (partners, accents, municipalities) that are
shortened to a count with a few names when they would not fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ivpgen.pdf.edition import EditionView, data_year
from ivpgen.views.outcome import grid_columns

TIGHT = ('<body class="poster ', '<body class="poster poster--tight ')
"""A poster that does not fit one page is laid out again with the class poster--tight."""
SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.S)
_MARKUP = re.compile(r"[*_`#>\[\]]|\(\S+?\)")
POSTER_NAMES_CHARS = 150
POSTER_FEW = 2
MAX_PRIORITIES = 12
"""More priorities than this do not fit one page; the rest are named in the summary."""


@dataclass(frozen=True)
class Density:
    """How the priorities are laid out: columns, and whether a tile has room for its sentence."""

    name: str
    columns: int
    sentences: bool
    labels: bool = True


def density(count: int) -> Density:
    """Roomy tiles for a few priorities, smaller ones for more, compact rows for very many; the
    columns as on the website, so that no tile sits alone on a row."""
    if count <= 4:
        return Density("roomy", min(grid_columns(count), 3), True)
    if count <= 6:
        return Density("normal", 3, True)
    if count <= 9:
        return Density("rows", 3, False)
    return Density("rows", 3, False, labels=False)


def tighter(html: str) -> str:
    """The poster's HTML with its tighter layout (smaller tiles and gaps, still 8 pt or more)."""
    return html.replace(*TIGHT, 1)


class PosterView:
    """The poster of one edition: its edition's view, plus what makes it fit one page."""

    def __init__(self, view: EditionView) -> None:
        self.view = view
        self.words = view.words

    @cached_property
    def vision(self) -> str:
        """The vision in one sentence: the first sentence of the plan's vision, as plain text."""
        text = " ".join(_MARKUP.sub("", self.view.site.plan.vision).split())
        match = SENTENCE.match(text)
        return match.group(1) if match else text

    @cached_property
    def density(self) -> Density:
        return density(len(self.view.tiles))

    @property
    def limit(self) -> int:
        return MAX_PRIORITIES

    @cached_property
    def more(self) -> str:
        """'En 3 speerpunten meer: zie de samenvatting.', or ''."""
        rest = len(self.view.tiles) - MAX_PRIORITIES
        return self.words.count("poster.more_priorities", rest) if rest > 0 else ""

    @cached_property
    def illustrative(self) -> bool:
        """Whether a figure on the poster is illustrative (the footer then says what * means)."""
        return any(pt.tile.figure and pt.tile.figure.illustrative
                   for pt in self.view.tiles[:MAX_PRIORITIES])

    @cached_property
    def data_year(self) -> int | None:
        return data_year(self.view.site)

    def names(self, names: list[str], key: str) -> str:
        """A list of names that fits its place on the poster."""
        return self.view.shorten(names, key, POSTER_NAMES_CHARS, POSTER_FEW)

    @cached_property
    def partners(self) -> str:
        return self.names([p.name for p in self.view.site.content.partners.values()],
                          "poster.partners_many")

    @cached_property
    def places(self) -> str:
        """The municipalities (regional edition) or neighbourhoods (plan of one municipality)."""
        site = self.view.site
        if self.view.municipality is not None or len(site.places) < 2:
            return ""
        names = self.names([p.name for p in site.places],
                           f"poster.places_many_{self.words.place_kind}")
        if site.kind == "joint" and len(names) > POSTER_NAMES_CHARS:
            return self.words.count("plan.all_municipalities", len(site.places))
        return names

    @cached_property
    def accents(self) -> str:
        """The edition's own accents in a line: the municipality's local priorities."""
        return self.view.shorten(list(self.view.local_priorities), "poster.accents_many",
                                 POSTER_NAMES_CHARS // 2, 1)

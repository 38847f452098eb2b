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

SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.S)
_MARKUP = re.compile(r"[*_`#>\[\]]|\(\S+?\)")
MAX_NAMES_CHARS = 260
"""A list of names longer than this is said as a count with the first few names."""
FEW = 4
MAX_PRIORITIES = 24
"""More priorities than this do not fit one page; the rest are named in the summary."""


@dataclass(frozen=True)
class Density:
    """How the priorities are laid out: columns, and whether a tile has room for its sentence."""

    name: str
    columns: int
    sentences: bool


def density(count: int) -> Density:
    """Roomy tiles for a few priorities, smaller ones for more, compact rows for very many; the
    columns as on the website, so that no tile sits alone on a row."""
    columns = grid_columns(count)
    if count <= 4:
        return Density("roomy", columns, True)
    if count <= 6:
        return Density("normal", columns, True)
    if count <= 9:
        return Density("dense", columns, False)
    return Density("rows", 2, False)


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
        """'A, B en C', or when that is too long: '16 partners, onder wie A, B, C en D'."""
        locale = self.words.locale
        joined = locale.join(names)
        if len(joined) <= MAX_NAMES_CHARS:
            return joined
        return self.words.count(key, len(names), names=", ".join(names[:FEW]))

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
        return self.names([p.name for p in site.places],
                          f"poster.places_many_{self.words.place_kind}")

    @cached_property
    def accents(self) -> str:
        """The edition's own accents in a line: the municipality's local priorities."""
        return self.names(list(self.view.local_priorities), "poster.accents_many")

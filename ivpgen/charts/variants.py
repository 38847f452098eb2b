"""The sizes a chart is drawn in: one for wide screens, one for phones, one for an A4 column.

A chart is not scaled from one drawing to every screen: text would shrink to 5 px on a phone.
Each variant is drawn at the width it is shown at, with text sizes that stay readable there
(at least 12 CSS px on screen, 8 pt on paper). Screen variants are measured in CSS pixels,
the print variant in points (1/72 inch); the drawing code only sees units.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    name: str
    width: float
    """Width of the drawing in its units; shown at this width (screen) or printed at it (A4)."""
    unit: str
    """'px' (CSS pixels, screen) or 'pt' (points, print): the unit of the SVG's width and height."""
    font: float
    """Text size of labels and axes."""
    small: float
    """The smallest text size (footnotes, tick labels)."""
    line: float
    """Width of a data line; marks and other lines are sized from it."""
    marker: float
    """Diameter of a data point's marker."""
    suffix: str
    """What the variant adds to a chart's file name (the wide variant is the chart's own file)."""

    @property
    def gap(self) -> float:
        """The standard space between parts (half the text size)."""
        return self.font / 2

    @property
    def line_height(self) -> float:
        return self.font * 1.3

    @property
    def narrow(self) -> bool:
        return self.width < 480


WIDE = Variant("wide", 640, "px", 15, 14, 2.5, 8, "")
NARROW = Variant("narrow", 340, "px", 15, 14, 2.5, 8, ".smal")
PRINT = Variant("print", 493, "pt", 9, 8.5, 1.6, 5.5, ".print")
"""A4 minus 18 mm margins each side: a 174 mm column, 493 pt."""
VARIANTS = (WIDE, NARROW, PRINT)
BY_NAME = {v.name: v for v in VARIANTS}
SCREEN = (WIDE, NARROW)

PHONE_FORM_KINDS = frozenset({"tijdlijn", "partners"})
"""Chart kinds that a phone shows as an HTML list (the template's phone form), not as a drawing."""
BREAKPOINT_EM = 45
"""Below this viewport width (in em) the narrow variant or the phone form is shown."""


def variants_of(kind: str) -> tuple[Variant, ...]:
    """The variants a chart of this kind is drawn in."""
    return (WIDE, PRINT) if kind in PHONE_FORM_KINDS else VARIANTS

"""The chart colours: the house-style tokens plus a fixed palette that survives colour blindness.

The fixed colours are Okabe & Ito's palette for colour-blind readers, darkened where needed so
that every mark reaches 3:1 against the white background (WCAG 1.4.11). Colour never carries
meaning alone: lines also differ in marker and dash, bars in hatch pattern, and every series
is labelled directly. In grayscale the patterns and labels remain.
"""

from __future__ import annotations

import math

from ivpgen.charts.spec import Palette
from ivpgen.style import Style, contrast

WHITE = "#ffffff"
MUTED = "#595959"
GRID = "#d9d9d9"
MIN_GRAPHIC_CONTRAST = 3.0

# Series after the house colour, in an order whose first four stay apart for protan, deutan
# and tritan readers (tested): vermillion, reddish purple, grey, bluish green, ochre, blue.
SERIES = ("#d55e00", "#cc79a7", MUTED, "#009e73", "#8a5a00", "#0072b2")
# Per action status: colour and hatch; the same order as the statuses in the content model.
STATUS = (
    ("gepland", "#767676", "\\\\"),
    ("lopend", "#0072b2", "//"),
    ("afgerond", "#009e73", ""),
    ("vertraagd", "#d55e00", "xx"),
    ("vervallen", "#3d3d3d", "--"),
)
# A fixed colour this close to the house colour (CIE76 distance) would look the same: skip it.
MIN_DISTANCE = 25.0


def palette(style: Style, locale: str) -> Palette:
    """The palette of every chart of a site with this house style."""
    series = (style.primary, *(c for c in SERIES if distance(c, style.primary) >= MIN_DISTANCE))
    return Palette(text=style.text, muted=MUTED, grid=GRID, primary=style.primary,
                   accent=style.accent, series=series, status=STATUS, font=style.font,
                   locale=locale)


def label_colour(fill: str, text: str) -> str | None:
    """White or the text colour for a label on ``fill`` (4.5:1), or None when neither reads."""
    for colour in (WHITE, text):
        if contrast(colour, fill) >= 4.5:
            return colour
    return None


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(first: str, second: str) -> float:
    """How different two colours look (CIE76 ΔE; about 2.3 is just noticeable)."""
    return math.dist(_lab(first), _lab(second))

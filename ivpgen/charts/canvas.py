"""Paint a laid-out drawing with matplotlib and return its SVG.

Only matplotlib's object API is used (a ``Figure`` with artists in display coordinates, no
axes, no pyplot), at 72 dots per inch so that one drawing unit is one SVG unit. There is no
automatic layout pass and no tight bounding box: the layout is already fixed (``shapes``),
which is what makes a chart take milliseconds instead of a tenth of a second.

Text is written as SVG ``<text>`` elements directly, on top of the graphics: the same
elements matplotlib writes with ``svg.fonttype: none``, without its per-text layout pass
(half the drawing time), because the layout already knows every text's place and anchor.
"""

from __future__ import annotations

import io
from functools import cache
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import IdentityTransform

from ivpgen.charts.fonts import FONT
from ivpgen.charts.shapes import Drawing, Line, Marks, Rect, Shape, Text

WHITE = "#ffffff"
METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}
RC: dict[Any, Any] = {
    "svg.fonttype": "none", "svg.hashsalt": "ivpgen", "svg.image_inline": True,
    "font.family": FONT, "text.parse_math": False, "axes.unicode_minus": False,
    "hatch.color": WHITE, "figure.dpi": 72, "savefig.dpi": 72, "path.simplify": False,
}
"""Every matplotlib setting that shapes the output, fixed so that no machine setting leaks in."""
IDENTITY = IdentityTransform()
BASELINE = 0.276
"""From the middle of a line of text to its baseline, in em (DejaVu Sans: 'lp' is 0.968 em
high with 0.208 em below the baseline), as matplotlib's vertical centring puts it."""
GAP = float("nan")
"""Between two lines painted as one artist: matplotlib lifts the pen at a NaN."""


@cache
def _styled() -> None:
    """Set matplotlib's settings once per process (a process that draws only draws charts)."""
    matplotlib.rcParams.update(RC)


def paint(drawing: Drawing, hatch_width: float = 1.2) -> str:
    """The drawing as SVG (matplotlib's, before it is made accessible): shapes in order, runs
    of alike lines or marks as one artist each, then the text on top."""
    _styled()
    matplotlib.rcParams["hatch.linewidth"] = hatch_width
    fig = Figure(figsize=(drawing.width / 72, drawing.height / 72), facecolor=WHITE)
    shapes = [s for s in drawing.shapes if not isinstance(s, Text)]
    for _style, run in groupby(shapes, key=_style_of):
        fig.add_artist(_artist(list(run), drawing.height))
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata=METADATA)
    svg = out.getvalue()
    end = svg.rindex("</svg>")
    return svg[:end] + "".join(_text(t) for t in drawing.texts()) + svg[end:]


def _style_of(shape: Shape) -> tuple[Any, ...]:
    """Shapes with the same style can be one artist (a rectangle is always its own)."""
    if isinstance(shape, Line):
        return ("line", shape.colour, shape.width, shape.dash)
    if isinstance(shape, Marks):
        return ("marks", shape.shape, shape.size, shape.fill, shape.edge, shape.edge_width)
    return ("rect", id(shape))


def _artist(run: list[Any], flip: float) -> Artist:
    first = run[0]
    if isinstance(first, Rect):
        return Rectangle((first.x, flip - first.y - first.h), first.w, first.h, facecolor=first.fill,
                         hatch=first.hatch or None, hatchcolor=first.hatch_colour,
                         edgecolor=first.edge or "none", linewidth=first.edge_width,
                         transform=IDENTITY)
    xs, ys = _points(run, flip, isinstance(first, Line))
    if isinstance(first, Line):
        style: Any = (0, first.dash) if first.dash else "-"
        return Line2D(xs, ys, color=first.colour, linewidth=first.width, linestyle=style,
                      solid_capstyle="butt", dash_capstyle="butt", transform=IDENTITY)
    return Line2D(xs, ys, linestyle="none", marker=first.shape, markersize=first.size,
                  markerfacecolor=first.fill, markeredgecolor=first.edge,
                  markeredgewidth=first.edge_width, transform=IDENTITY)


def _points(run: list[Any], flip: float, gaps: bool) -> tuple[list[float], list[float]]:
    """The points of a run of shapes, y flipped (matplotlib's y runs up); lines apart."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in run:
        if gaps and xs:
            xs.append(GAP)
            ys.append(GAP)
        xs += [x for x, _y in shape.points]
        ys += [flip - y for _x, y in shape.points]
    return xs, ys


def _text(shape: Text) -> str:
    weight = ' font-weight="bold"' if shape.bold else ""
    return (f'<text x="{shape.x:.2f}" y="{shape.y + BASELINE * shape.size:.2f}" '
            f'font-size="{shape.size:g}px" text-anchor="{shape.anchor}" fill="{shape.colour}"'
            f'{weight}>{escape(shape.text)}</text>\n')

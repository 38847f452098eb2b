"""Paint a laid-out drawing with matplotlib and return its SVG.

Only matplotlib's object API is used (a ``Figure`` with artists in display coordinates, no
axes, no pyplot), at 72 dots per inch so that one drawing unit is one SVG unit. There is no
automatic layout pass and no tight bounding box: the layout is already fixed (``shapes``),
which is what makes a chart take milliseconds instead of a tenth of a second.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text as MplText
from matplotlib.transforms import IdentityTransform

from ivpgen.charts.fonts import FONT
from ivpgen.charts.shapes import Drawing, Line, Marks, Rect, Shape, Text

WHITE = "#ffffff"
METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}
RC: dict[str, Any] = {
    "svg.fonttype": "none", "svg.hashsalt": "ivpgen", "svg.image_inline": True,
    "font.family": FONT, "text.parse_math": False, "axes.unicode_minus": False,
    "hatch.color": WHITE, "figure.dpi": 72, "savefig.dpi": 72,
}
"""Every matplotlib setting that shapes the output, fixed so that no machine setting leaks in."""
IDENTITY = IdentityTransform()


@contextmanager
def settings(hatch_width: float) -> Iterator[None]:
    rc: dict[Any, Any] = {**RC, "hatch.linewidth": hatch_width}
    with matplotlib.rc_context(rc):
        yield


def paint(drawing: Drawing, hatch_width: float = 1.2) -> str:
    """The drawing as SVG (matplotlib's, before it is made accessible)."""
    with settings(hatch_width):
        fig = Figure(figsize=(drawing.width / 72, drawing.height / 72), facecolor=WHITE)
        flip = drawing.height
        for shape in drawing.shapes:
            fig.add_artist(ARTISTS[type(shape)](shape, flip))
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata=METADATA)
    return out.getvalue()


def _text(shape: Any, flip: float) -> Artist:
    ha = {"start": "left", "middle": "center", "end": "right"}[shape.anchor]
    return MplText(shape.x, flip - shape.y, shape.text, color=shape.colour, fontsize=shape.size,
                   fontweight="bold" if shape.bold else "normal", ha=ha, va="center",
                   transform=IDENTITY)


def _line(shape: Any, flip: float) -> Artist:
    xs = [x for x, _y in shape.points]
    ys = [flip - y for _x, y in shape.points]
    style: Any = (0, shape.dash) if shape.dash else "-"
    return Line2D(xs, ys, color=shape.colour, linewidth=shape.width, linestyle=style,
                  solid_capstyle="butt", dash_capstyle="butt", transform=IDENTITY)


def _rect(shape: Any, flip: float) -> Artist:
    return Rectangle((shape.x, flip - shape.y - shape.h), shape.w, shape.h, facecolor=shape.fill,
                     hatch=shape.hatch or None, hatchcolor=shape.hatch_colour,
                     edgecolor=shape.edge or "none",
                     linewidth=shape.edge_width, transform=IDENTITY)


def _marks(shape: Any, flip: float) -> Artist:
    xs = [x for x, _y in shape.points]
    ys = [flip - y for _x, y in shape.points]
    return Line2D(xs, ys, linestyle="none", marker=shape.shape, markersize=shape.size,
                  markerfacecolor=shape.fill, markeredgecolor=shape.edge,
                  markeredgewidth=shape.edge_width, transform=IDENTITY)


ARTISTS: dict[type[Shape], Callable[[Any, float], Artist]] = {
    Text: _text, Line: _line, Rect: _rect, Marks: _marks,
}

"""Shared drawing helpers: matplotlib settings, figure, number formats, labels, SVG output.

Only matplotlib's object API is used (``Figure``, the Agg canvas), never pyplot and its global
figure manager. Every setting that affects the output is fixed here, so no setting of the
machine leaks into a chart.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ivpgen.charts.spec import Palette
from ivpgen.i18n import Locale

WIDTH = 6.4
"""Width of every chart in inches (614 CSS pixels at its natural size)."""
FONT_SIZE = 11
FONT = "DejaVu Sans"
"""The font matplotlib measures text with; it ships with matplotlib, so layout is the same on
every machine. Browsers show the text in the house-style font (set on the SVG)."""
METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}


def rc(p: Palette) -> dict[str, Any]:
    """Every matplotlib setting that shapes the output, fixed so no machine setting leaks in."""
    return {
        "svg.fonttype": "none", "svg.hashsalt": "ivpgen", "svg.image_inline": True,
        "font.family": FONT, "font.size": FONT_SIZE, "text.parse_math": False,
        "text.color": p.text, "axes.edgecolor": p.text, "axes.labelcolor": p.text,
        "xtick.color": p.text, "ytick.color": p.text, "axes.spines.top": False,
        "axes.spines.right": False, "axes.linewidth": 1.0, "axes.titlesize": FONT_SIZE,
        "legend.frameon": False, "legend.fontsize": FONT_SIZE - 1, "hatch.linewidth": 1.2,
        "hatch.color": "#ffffff", "figure.dpi": 72, "savefig.dpi": 72,
        "lines.linewidth": 2.0, "axes.unicode_minus": False,
    }


@contextmanager
def settings(p: Palette) -> Iterator[None]:
    with matplotlib.rc_context(rc(p)):  # type: ignore[arg-type]  # keys checked by matplotlib
        yield


def figure(height: float) -> Figure:
    return Figure(figsize=(WIDTH, height), layout="constrained", facecolor="#ffffff")


def number_format(p: Palette, decimals: int) -> Callable[[float], str]:
    """Numbers as the site writes them: 5,5 and 1.250."""
    locale = Locale(p.locale, {})
    return lambda value: locale.number(value, decimals)


def tick_decimals(step: float, decimals: int) -> int:
    """As few decimals as the tick step needs, never more than the indicator has."""
    for places in range(decimals + 1):
        if abs(step * 10**places - round(step * 10**places)) < 1e-9:
            return places
    return decimals


def format_axis(axis: Any, p: Palette, decimals: int) -> None:
    """Tick labels with a decimal comma and only the decimals the ticks need."""
    ticks = axis.get_majorticklocs()
    step = float(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    fmt = number_format(p, tick_decimals(step, decimals))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: fmt(value)))


def grid(ax: Axes, p: Palette, axis: Literal["x", "y", "both"]) -> None:
    ax.grid(axis=axis, color=p.grid, linewidth=0.8)
    ax.set_axisbelow(True)


def wrap(text: str, width: int, lines: int = 2) -> str:
    """A long label on at most ``lines`` lines; the data table has the full text."""
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …",
                                   break_long_words=False, break_on_hyphens=False)) or text


def note(fig: Figure, text: str, p: Palette) -> None:
    """A footnote under the chart, e.g. '* illustratief cijfer'."""
    if text:
        fig.text(0.0, 0.0, text, fontsize=FONT_SIZE - 2, color=p.muted, ha="left", va="top")


def to_svg(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata=METADATA, bbox_inches="tight", pad_inches=0.08)
    return out.getvalue()

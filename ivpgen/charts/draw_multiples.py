"""Laying out many areas' trends as small multiples: a small plot per area, on one scale.

One plot with fifteen lines is a tangle, and on a phone even five lines crowd. Then each area
gets its own small plot (the ONS Service Manual's advice for many series): its line in the
house colour, the reference lines (the region, the country) in grey behind it, its name and
latest figure above it. Every plot has the same value scale, so plots compare at a glance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ivpgen.charts.draw_series import (
    MARKERS,
    Plot,
    draw_trend,
    series_lines,
    series_marks,
    trend_key,
    value_ticks,
    year_span,
)
from ivpgen.charts.parts import Frame, KeyItem, number_format, tick_labels_width
from ivpgen.charts.scale import Scale, decimals_of
from ivpgen.charts.shapes import Box, Drawing, Line, Occupied, Text, shorten
from ivpgen.charts.spec import Line as Series
from ivpgen.charts.spec import Palette, TrendSpec
from ivpgen.charts.variants import Variant

PANEL_HEIGHT = {"wide": 110.0, "narrow": 95.0, "print": 75.0}
SIZE = 0.75
"""Markers in a small plot are this much smaller."""
MOST_LINES = 8
"""More areas than this get small multiples at any width; on a phone, more than three."""


def as_multiples(spec: TrendSpec, v: Variant) -> bool:
    compared = sum(not s.reference for s in spec.lines)
    return spec.goal is None and (compared > MOST_LINES or (v.narrow and compared > 3))


def draw_trends(spec: TrendSpec, v: Variant, p: Palette) -> Drawing:
    """A trend chart: one plot, or small multiples when it has too many areas for one."""
    return draw_multiples(spec, v, p) if as_multiples(spec, v) else draw_trend(spec, v, p)


def draw_multiples(spec: TrendSpec, v: Variant, p: Palette) -> Drawing:
    f = Frame(v, p)
    refs = [(s, p.muted, MARKERS[i % len(MARKERS)]) for i, s in enumerate(spec.lines) if s.reference]
    f.key(trend_key(spec, v, p) + [KeyItem(s.label, colour, "line", shape=marker)
                                   for s, colour, marker in refs])
    if spec.unit:
        f.lines_of_text(spec.unit, colour=p.text, lines=2)
    areas = [s for s in spec.lines if not s.reference]
    ticks = value_ticks(spec, 5)
    left = tick_labels_width(f, ticks) + v.gap
    cols = 2 if v.narrow else 3 if len(areas) <= 9 else 4
    gap = v.gap * 2
    width = (v.width - left - gap * (cols - 1)) / cols
    years = year_span(spec)
    titles = [[f"{s.label} {s.shown[-1]}"] for s in areas]
    if any(Text(0, 0, t[0], v.small, "", bold=True).width > width + gap * 0.4 for t in titles):
        titles = [[s.label, s.shown[-1]] for s in areas]  # name and figure on two lines
    panels: list[tuple[Series, Plot]] = []
    for row in range(0, len(areas), cols):
        top = f.y + v.line_height * len(titles[0]) + v.gap / 2
        for col, series in enumerate(areas[row: row + cols]):
            x0 = left + col * (width + gap)
            box = Box(x0, top, x0 + width, top + PANEL_HEIGHT[v.name])
            panels.append((series, _panel(f, titles[row + col], box, ticks, years, col == 0)))
        f.y = top + PANEL_HEIGHT[v.name] + v.line_height + v.gap
    own = next(m for m in MARKERS if m not in {marker for _s, _c, marker in refs})
    _lines(panels, refs, p.primary, own)
    return f.finish()


def _lines(panels: list[tuple[Series, Plot]], refs: list[tuple[Series, str, str]],
           colour: str, marker: str) -> None:
    """The lines of every plot in layers (all reference lines, their markers, all area lines,
    their markers), so that alike shapes follow each other and are painted as one."""
    for _series, plot in panels:
        for ref, ref_colour, _marker in refs:
            series_lines(plot, ref, ref_colour)
    for _series, plot in panels:
        for ref, ref_colour, ref_marker in refs:
            series_marks(plot, ref, ref_colour, ref_marker, SIZE)
    for series, plot in panels:
        series_lines(plot, series, colour)
    for series, plot in panels:
        series_marks(plot, series, colour, marker, SIZE)


def _panel(f: Frame, title: list[str], box: Box, ticks: list[float], years: list[int],
           first: bool) -> Plot:
    """One area's small plot without its lines: its name and latest figure (``title``, one or
    two lines), the grid, the value labels (first column) and the first and last year."""
    v, p = f.v, f.p
    for n, line in enumerate(title):
        middle = box.y0 - v.gap / 2 - (len(title) - n - 0.5) * v.line_height
        f.text(box.x0, middle, shorten(line, v.small, box.x1 - box.x0 + v.gap * 0.8, bold=True),
               size=v.small, bold=True)
    y = Scale(ticks[0], ticks[-1], box.y1, box.y0)
    fmt = number_format(p, decimals_of(ticks[1] - ticks[0]) if len(ticks) > 1 else 0)
    for tick in ticks:
        f.d.add(Line(((box.x0, y(tick)), (box.x1, y(tick))), p.text if tick == 0 else p.grid, 1.0,
                     role="grid"))
        if first:
            f.text(box.x0 - v.gap, y(tick), fmt(tick), size=v.small, anchor="end")
    f.text(box.x0, box.y1 + v.line_height / 2, str(years[0]), size=v.small)
    f.text(box.x1, box.y1 + v.line_height / 2, str(years[-1]), size=v.small, anchor="end")
    pad = v.marker * 0.6
    return Plot(f, Scale(years[0], years[-1], box.x0 + pad, box.x1 - pad), y, Occupied(box, 0))


DRAWERS: dict[type, Callable[[Any, Variant, Palette], Drawing]] = {TrendSpec: draw_trends}

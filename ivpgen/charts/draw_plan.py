"""Laying out the plan's grids: the timeline of actions and partners × priorities.

Both need width to read, so they are drawn for wide screens and print only; a phone shows
them as an HTML list (``Chart.phone``, placed by the template).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ivpgen.charts.palette import label_colour
from ivpgen.charts.parts import WHITE, Frame, KeyItem
from ivpgen.charts.scale import Scale
from ivpgen.charts.shapes import Anchor, Drawing, Line, Rect, shorten, wrap
from ivpgen.charts.spec import Bar, MatrixSpec, Palette, TimelineSpec
from ivpgen.charts.variants import Variant

LABEL_SHARE = 0.5
"""The share of the width for the action names (the bars need less: a few years)."""
PARTNER_SHARE = 0.36
"""The share of the width for the partner names."""


def draw_timeline(spec: TimelineSpec, v: Variant, p: Palette) -> Drawing:
    """Actions as bars from start to deadline, a heading per priority, today as a dashed line."""
    f = Frame(v, p)
    styles = {status: (colour, hatch) for status, colour, hatch in p.status}
    f.key([KeyItem(label, styles[s][0], hatch=styles[s][1]) for s, label in spec.statuses
           if any(b.status == s for b in spec.bars)])
    left = v.width * LABEL_SHARE
    first, last = spec.years[0], spec.years[-1]
    x = Scale(_day(first), _day(last), left, v.width - v.gap / 2)
    today_x = x(spec.today)
    for year in spec.years[:-1]:
        f.text((x(_day(year)) + x(_day(year + 1))) / 2, f.y + v.line_height / 2, str(year),
               size=v.small, anchor="middle")
    f.y += v.line_height
    anchor: Anchor = "end" if today_x > (left + v.width) / 2 else "start"
    f.text(today_x + (v.gap / 2 if anchor == "start" else -v.gap / 2), f.y + v.line_height / 2,
           spec.today_label, size=v.small, bold=True, anchor=anchor)
    today_top = f.y
    f.y += v.line_height
    top, grid_at = f.y, len(f.d.shapes)
    row_height = v.small * 1.75
    for label, bar in _rows(spec):
        _timeline_row(f, label, bar, x, row_height, styles)
    f.d.shapes[grid_at:grid_at] = [Line(((x(_day(year)), top), (x(_day(year)), f.y)), p.grid, 1.0,
                                        role="grid") for year in spec.years]
    f.d.add(Line(((today_x, today_top), (today_x, f.y)), p.text, v.line * 0.8,
                 (v.line * 2, v.line * 1.2)))
    f.y += v.gap / 2
    return f.finish()


def _day(year: int) -> int:
    return dt.date(year, 1, 1).toordinal()


def _rows(spec: TimelineSpec) -> list[tuple[str, Bar | None]]:
    """(label, bar) per row; a heading row (bar None) before each priority when there are more."""
    groups = list(dict.fromkeys(bar.group for bar in spec.bars))
    rows: list[tuple[str, Bar | None]] = []
    for group in groups:
        if len(groups) > 1:
            rows.append((group, None))
        rows += [(bar.label, bar) for bar in spec.bars if bar.group == group]
    return rows


def _timeline_row(f: Frame, label: str, bar: Bar | None, x: Scale, height: float,
                  styles: dict[str, tuple[str, str]]) -> None:
    v, middle = f.v, f.y + height / 2
    if bar is None:
        f.y += v.gap / 2
        f.text(0, f.y + height / 2, shorten(label, v.small, x.start - v.gap, bold=True),
               size=v.small, bold=True)
        f.y += height
        return
    f.text(0, middle, shorten(label, v.small, x.start - v.gap), size=v.small)
    colour, hatch = styles[bar.status]
    start, end = x(bar.start), max(x(bar.end), x(bar.start) + v.line * 2)
    f.d.add(Rect(start, f.y + height * 0.15, end - start, height * 0.7, colour, hatch))
    f.y += height


def draw_matrix(spec: MatrixSpec, v: Variant, p: Palette) -> Drawing:
    """A square per partner and priority: filled with the number of shared actions, open when
    the partner is named on the priority without an action of its own."""
    f = Frame(v, p)
    left = v.width * PARTNER_SHARE
    column = (v.width - left) / max(len(spec.columns), 1)
    headers = [wrap(c, v.small, column - v.gap, 3) for c in spec.columns]
    lines = max(len(h) for h in headers)
    for c, header in enumerate(headers):
        for n, line in enumerate(header):
            y = f.y + (lines - len(header) + n + 0.5) * v.small * 1.25
            f.text(left + (c + 0.5) * column, y, line, size=v.small, anchor="middle")
    f.y += lines * v.small * 1.25 + v.gap
    row = v.font * 2.0
    side = min(row, column) * 0.72
    ink = label_colour(p.primary, p.text) or WHITE
    for name, cells in zip(spec.rows, spec.cells, strict=True):
        middle = f.y + row / 2
        f.d.add(Line(((0, f.y + row), (v.width, f.y + row)), p.grid, 1.0, role="grid"))
        f.text(0, middle, shorten(name, v.small, left - v.gap), size=v.small)
        for c, count in enumerate(cells):
            cx = left + (c + 0.5) * column
            if count is None:
                continue
            fill, edge = (p.primary, p.primary) if count else (WHITE, p.text)
            f.d.add(Rect(cx - side / 2, middle - side / 2, side, side, fill, edge=edge,
                         edge_width=v.line * 0.6))
            if count:
                f.text(cx, middle, str(count), size=v.small, colour=ink, anchor="middle", bold=True)
        f.y += row
    f.y += v.gap
    items = [KeyItem(spec.legend_count, p.primary)]
    if any(count == 0 for cells in spec.cells for count in cells):
        items.append(KeyItem(spec.legend_named, WHITE, edge=p.text))
    f.key(items)
    return f.finish()


DRAWERS: dict[type, Callable[[Any, Variant, Palette], Drawing]] = {
    TimelineSpec: draw_timeline,
    MatrixSpec: draw_matrix,
}

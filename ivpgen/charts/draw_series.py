"""Laying out figures over time: the trend chart (lines per area, or one goal's line).

Honest by construction: the value axis starts at zero and has round ticks; a missing year
breaks a line; a measured and an illustrative figure are never joined (measured: solid line,
filled marker; illustrative: dashed line, open marker; both in the key); every line is
labelled at its end, labels pushed apart so they never overlap.
"""

from __future__ import annotations

from itertools import pairwise

from ivpgen.charts.parts import (
    Frame,
    KeyItem,
    marks,
    tick_labels_width,
    value_axis,
    year_axis,
)
from ivpgen.charts.scale import Scale, nice_ticks
from ivpgen.charts.shapes import Anchor, Box, Drawing, Line, Marks, Occupied, Point, Text, spread, wrap
from ivpgen.charts.spec import Line as Series
from ivpgen.charts.spec import Palette, TrendSpec
from ivpgen.charts.variants import Variant

MARKERS = ("o", "s", "D", "^", "v", "P", "X")
PLOT_HEIGHT = {"wide": 230.0, "narrow": 190.0, "print": 150.0}
LABEL_SHARE = {"wide": 0.3, "narrow": 0.36, "print": 0.3}
REFERENCE = 0.8
"""A reference line (the region, the country) is this much thinner than an area's line."""
"""At most this share of the width goes to the labels at the lines' ends."""


def dash(v: Variant) -> tuple[float, float]:
    """The dash of an illustrative line (and of its swatch in the key)."""
    return (v.line * 1.8, v.line * 1.4)


def colours(p: Palette, lines: tuple[Series, ...]) -> list[str]:
    """A colour per line: the palette's in order for the areas compared (grey left out), grey
    for the reference lines (the region, the country)."""
    own = [c for c in p.series if c != p.muted]
    found, n = [], 0
    for series in lines:
        found.append(p.muted if series.reference else own[n % len(own)])
        n += not series.reference
    return found


def segments(series: Series) -> list[list[int]]:
    """Runs of points joined by a line: consecutive years (at the series' own rhythm, so a
    two-yearly survey is one line) of the same kind (measured or illustrative)."""
    years = series.years
    rhythm = min((b - a for a, b in pairwise(years)), default=1)
    runs: list[list[int]] = []
    for i in range(len(years)):
        joined = (i > 0 and years[i] - years[i - 1] <= rhythm
                  and series.illustrative[i] == series.illustrative[i - 1])
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


class Plot:
    """The plot area of a trend chart: its scales and what labels must not cover."""

    def __init__(self, f: Frame, x: Scale, y: Scale, occupied: Occupied) -> None:
        self.f, self.x, self.y, self.occupied = f, x, y, occupied

    def point(self, year: float, value: float) -> Point:
        return (self.x(year), self.y(value))


def draw_trend(spec: TrendSpec, v: Variant, p: Palette) -> Drawing:
    """One plot with a line per area, labelled at the ends (or a goal's line with its marks)."""
    f = Frame(v, p)
    f.key(trend_key(spec, v, p))
    if spec.unit:
        f.lines_of_text(spec.unit, colour=p.text, lines=2)
    ticks = value_ticks(spec, 5 if v.narrow else 6)
    left = tick_labels_width(f, ticks) + v.gap
    labels = [] if spec.goal else _end_labels(spec, f)
    gutter = max((t.width for block in labels for t in block), default=0.0)
    right = v.width - (gutter + v.marker * 2 + v.gap * 2 if labels else v.gap)
    top = f.y + v.font * 0.8
    needed = sum(len(block) for block in labels) * v.small * 1.25
    height = max(PLOT_HEIGHT[v.name] + v.font * max(len(spec.lines) - 3, 0), needed)
    years = year_span(spec)
    plot = Plot(f, Scale(years[0] - 0.5, years[-1] + 0.5, left + v.gap, right),
                Scale(ticks[0], ticks[-1], top + height, top),
                Occupied(Box(0, 0, v.width, top + height + v.font), pad=v.small * 0.3))
    value_axis(f, ticks, plot.y, left, right)
    _occupy(plot)
    centres = _label_centres(spec, plot, labels)
    mark_x = right + v.gap * 1.5 + v.marker / 2
    _draw_lines(spec, plot, {i: (mark_x, y) for i, y in centres.items()})
    if spec.goal:
        _goal(spec, plot)
    _place_end_labels(spec, plot, labels, centres, mark_x)
    if len(spec.lines) == 1:
        skip = {spec.lines[0].years[-1]} if not spec.goal else {spec.goal.baseline[0]}
        _point_labels(spec.lines[0], plot, skip)
    f.y = top + height + v.gap / 2
    f.y += year_axis(f, years[0], years[-1], plot.x, f.y)
    if spec.note:
        f.lines_of_text(spec.note)
    return f.finish()


def _occupy(plot: Plot) -> None:
    """What is drawn so far (the key, the unit, the tick labels) is taken for value labels."""
    for shape in plot.f.d.shapes:
        if isinstance(shape, Text):
            plot.occupied.add_box(shape.box)
        elif isinstance(shape, Line) and shape.role == "key":
            plot.occupied.add_line(shape.points)
        elif isinstance(shape, Marks):
            half = shape.size / 2
            plot.occupied.add_box(Box(*(c - half for c in shape.points[0]),
                                      *(c + half for c in shape.points[0])))


def trend_key(spec: TrendSpec, v: Variant, p: Palette) -> list[KeyItem]:
    """The key: how a measured and an illustrative figure look (those the chart has), and the
    path to a goal."""
    flags = {flag for series in spec.lines for flag in series.illustrative}
    items = []
    if False in flags:
        items.append(KeyItem(spec.key.measured, p.text, "line", shape="o"))
    if True in flags:
        items.append(KeyItem(spec.key.illustrative, p.text, "line", dash(v), shape="o", open=True))
    if spec.goal:
        items.append(KeyItem(spec.goal.path_label, p.text, "line", (v.line * 0.6, v.line * 1.2)))
    return items


def year_span(spec: TrendSpec) -> list[int]:
    """The first and the last year the chart shows (a goal's years included)."""
    years = [y for series in spec.lines for y in series.years]
    if spec.goal:
        years += [spec.goal.baseline[0], spec.goal.target[0]]
    return [min(years), max(years)]


def value_ticks(spec: TrendSpec, most: int) -> list[float]:
    """Round ticks from zero (so a change is not exaggerated) to at least the highest value."""
    values = [value for series in spec.lines for value in series.values]
    if spec.goal:
        values += [spec.goal.baseline[1], spec.goal.target[1]]
    return nice_ticks(min(0.0, *values), max(values), most, spec.decimals)


def _draw_lines(spec: TrendSpec, plot: Plot, labels: dict[int, Point]) -> None:
    """Each series' lines, then its markers (a later series over an earlier one); the marker
    beside its end label (``labels``) is drawn with the series' own markers."""
    colour = colours(plot.f.p, spec.lines)
    for i, series in enumerate(spec.lines):
        series_lines(plot, series, colour[i])
        series_marks(plot, series, colour[i], MARKERS[i % len(MARKERS)], extra=labels.get(i))


def series_lines(plot: Plot, series: Series, colour: str) -> None:
    """A series' runs as solid (measured) or dashed (illustrative) lines, thinner for a
    reference; marked as taken for the labels."""
    v = plot.f.v
    width = v.line * (REFERENCE if series.reference else 1.0)
    points = _points(plot, series)
    for run in segments(series):
        if len(run) > 1:
            style = dash(v) if series.illustrative[run[0]] else None
            plot.f.d.add(Line(tuple(points[k] for k in run), colour, width, style))
            plot.occupied.add_line([points[k] for k in run])


def series_marks(plot: Plot, series: Series, colour: str, marker: str, size: float = 1.0,
                 extra: Point | None = None) -> None:
    """A series' markers: filled for measured figures, open for illustrative ones; smaller for
    a reference; marked as taken for the labels. ``extra``: one more marker like the last
    (the one beside the end label), painted with the others."""
    v = plot.f.v
    size *= REFERENCE if series.reference else 1.0
    points = _points(plot, series)
    for hollow in (False, True):
        chosen = tuple(pt for pt, flag in zip(points, series.illustrative, strict=True)
                       if flag == hollow)
        if extra is not None and series.illustrative[-1] == hollow:
            chosen += (extra,)
        if chosen:
            plot.f.d.add(marks(chosen, marker, colour, hollow, v, size))
    half = v.marker * size / 2
    for x, y in points:
        plot.occupied.add_box(Box(x - half, y - half, x + half, y + half))


def _points(plot: Plot, series: Series) -> list[Point]:
    return [plot.point(y, value) for y, value in zip(series.years, series.values, strict=True)]


def _goal(spec: TrendSpec, plot: Plot) -> None:
    """The straight path from the baseline to the target, the baseline (open square), the target
    (star), and their labels where they cover nothing."""
    assert spec.goal is not None
    f, v, goal = plot.f, plot.f.v, spec.goal
    start, end = plot.point(*goal.baseline), plot.point(*goal.target)
    f.d.add(Line((start, end), f.p.text, v.line * 0.8, (v.line * 0.5, v.line * 1.2)))
    f.d.add(marks((start,), "s", f.p.text, True, v, 1.3))
    f.d.add(Marks((end,), "*", v.marker * 2.2, f.p.accent, f.p.text, v.line * 0.5))
    plot.occupied.add_line([start, end])
    for (x, y), scale in ((start, 1.3), (end, 2.2)):
        half = v.marker * scale / 2
        plot.occupied.add_box(Box(x - half, y - half, x + half, y + half))
    _place(plot, end, goal.target_label, v.marker * 1.1, bold=True)
    _place(plot, start, goal.baseline_label, v.marker * 0.65)


def _place(plot: Plot, at: Point, text: str, off: float, bold: bool = False) -> Text | None:
    """A label near a point (``off`` from its centre): above, below, beside or diagonal,
    whichever covers nothing; a step further out when nothing close is free."""
    (x, y), size, colour = at, plot.f.v.small, plot.f.p.text
    spots: list[tuple[float, float, Anchor]] = []
    for clear in (off + 3, off * 2.2 + 6):
        dy = clear + size * 0.6
        spots += [(x, y - dy, "middle"), (x, y + dy, "middle"),
                  (x + clear * 0.3, y - dy, "end"), (x - clear * 0.3, y - dy, "start"),
                  (x + clear * 0.3, y + dy, "end"), (x - clear * 0.3, y + dy, "start"),
                  (x - clear, y, "end"), (x + clear, y, "start")]
    placed = plot.occupied.place(Text(sx, sy, text, size, colour, anchor, bold)
                                 for sx, sy, anchor in spots)
    if placed is not None:
        plot.f.d.add(placed)
    return placed


def _point_labels(series: Series, plot: Plot, skip: set[int]) -> None:
    """The values of a single line at its points: the last and first first, then the others
    where they cover no line, marker or label (the table has every value); not in the years
    ``skip`` (labelled otherwise: the end label, the baseline)."""
    order = list(range(len(series.values)))
    order = [order[-1], order[0], *order[1:-1]] if len(order) > 1 else order
    for i in (i for i in order if series.years[i] not in skip):
        _place(plot, plot.point(series.years[i], series.values[i]), series.shown[i],
               plot.f.v.marker * 0.5)


def _end_labels(spec: TrendSpec, f: Frame) -> list[list[Text]]:
    """Each line's words at its end ('Soest 418*'), wrapped to at most three lines; a name too
    long for that is cut, its latest figure never. Not yet placed."""
    v = f.v
    width = v.width * LABEL_SHARE[v.name]
    found = []
    for series in spec.lines:
        text = f"{series.label} {series.shown[-1]}"
        lines = wrap(text, v.small, width, 3)
        if " ".join(lines) != " ".join(text.split()):
            lines = [*wrap(series.label, v.small, width, 2), series.shown[-1]]
        found.append([Text(0, 0, line, v.small, f.p.text) for line in lines])
    return found


def _label_centres(spec: TrendSpec, plot: Plot, labels: list[list[Text]]) -> dict[int, float]:
    """Where each line's end label goes: beside its last point, pushed apart vertically."""
    if not labels:
        return {}
    v = plot.f.v
    lh = v.small * 1.25
    ends = [plot.point(s.years[-1], s.values[-1]) for s in spec.lines]
    order = sorted(range(len(labels)), key=lambda i: ends[i][1])
    heights = [len(labels[i]) * lh for i in order]
    centres = spread([ends[i][1] for i in order], heights, plot.y.end - v.font * 0.8,
                     max(plot.y.start, plot.y.end + sum(heights)))
    return dict(zip(order, centres, strict=True))


def _place_end_labels(spec: TrendSpec, plot: Plot, labels: list[list[Text]],
                      centres: dict[int, float], mark_x: float) -> None:
    """The end labels right of the plot, beside the line's marker; a thin grey leader joins a
    label to its line when it had to move or the line ends early."""
    f, v = plot.f, plot.f.v
    lh = v.small * 1.25
    for i, centre in centres.items():
        series = spec.lines[i]
        x, y = plot.point(series.years[-1], series.values[-1])
        if abs(centre - y) > 1 or x < plot.x.end - 1:
            f.d.add(Line(((x + v.marker * 0.7, y), (mark_x - v.marker * 0.8, centre)), f.p.muted,
                         1.2, role="leader"))
    for i, centre in centres.items():
        first = centre - (len(labels[i]) - 1) * lh / 2
        for n, text in enumerate(labels[i]):
            f.d.add(Text(mark_x + v.marker * 0.5 + v.gap / 2, first + n * lh, text.text, v.small,
                         f.p.text))

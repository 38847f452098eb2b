"""Parts every chart is built from: a frame laid out top to bottom, a key, axes, labels, notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ivpgen.charts.scale import Scale, decimals_of, year_step
from ivpgen.charts.shapes import Anchor, Drawing, Line, Marks, Rect, Text, wrap
from ivpgen.charts.spec import Palette
from ivpgen.charts.variants import Variant
from ivpgen.i18n import Locale

WHITE = "#ffffff"


@dataclass(frozen=True)
class KeyItem:
    """One entry of a chart's key: a swatch (line, patch or marker) and its words."""

    label: str
    colour: str
    kind: Literal["line", "patch", "mark"] = "patch"
    dash: tuple[float, ...] | None = None
    hatch: str = ""
    hatch_colour: str = WHITE
    edge: str | None = None
    shape: str = ""
    open: bool = False


class Frame:
    """A drawing laid out from the top down: ``y`` is where the free space starts."""

    def __init__(self, variant: Variant, palette: Palette) -> None:
        self.v = variant
        self.p = palette
        self.d = Drawing(variant.width)
        self.y = 0.0

    def text(self, x: float, y: float, text: str, *, size: float | None = None,
             colour: str | None = None, anchor: Anchor = "start", bold: bool = False) -> Text:
        shape = Text(x, y, text, size or self.v.font, colour or self.p.text, anchor, bold)
        self.d.add(shape)
        return shape

    def lines_of_text(self, text: str, *, width: float | None = None, lines: int = 3,
                      colour: str | None = None, size: float | None = None) -> None:
        """Text wrapped to the drawing's width, from the top of the free space."""
        size = size or self.v.small
        for line in wrap(text, size, width or self.v.width, lines):
            self.text(0, self.y + size * 0.65, line, size=size, colour=colour or self.p.muted)
            self.y += size * 1.3

    def key(self, items: Sequence[KeyItem]) -> None:
        """The key in rows: each item's swatch and words, wrapped to the drawing's width (a
        long label over two lines)."""
        v = self.v
        x, row = 0.0, self.y + v.line_height / 2
        for item in items:
            swatch = v.font * (2.4 if item.kind == "line" else 1.1)
            words = wrap(item.label, v.small, v.width - swatch - v.gap, 2)
            width = swatch + v.gap + max(Text(0, 0, w, v.small, "").width for w in words)
            if x > 0 and (x + width > v.width or len(words) > 1):
                x, row = 0.0, row + v.line_height
            self.d.add(*_swatch(item, x, row, swatch, v))
            for n, line in enumerate(words):
                self.text(x + swatch + v.gap, row + n * v.line_height, line, size=v.small)
            row += (len(words) - 1) * v.line_height
            x = v.width if len(words) > 1 else x + width + v.font * 1.2
        self.y = row + v.line_height / 2 + v.gap

    def finish(self) -> Drawing:
        self.d.height = round(self.y + self.v.gap / 2, 1)
        return self.d


def _swatch(item: KeyItem, x: float, y: float, width: float, v: Variant) -> list[Line | Rect | Marks]:
    if item.kind == "patch":
        h = v.font * 0.9
        return [Rect(x, y - h / 2, width, h, item.colour, item.hatch, item.hatch_colour,
                     item.edge, v.line * 0.6 if item.edge else 0.0)]
    shapes: list[Line | Rect | Marks] = []
    if item.kind == "line":
        shapes.append(Line(((x, y), (x + width, y)), item.colour, v.line, item.dash, role="key"))
    if item.shape:
        shapes.append(marks(((x + width / 2, y),), item.shape, item.colour, item.open, v))
    return shapes


def marks(points: tuple[tuple[float, float], ...], shape: str, colour: str, hollow: bool,
          v: Variant, scale: float = 1.0) -> Marks:
    """Data points: filled for real figures, open (white inside) for illustrative ones."""
    size = v.marker * scale * (1.1 if shape in ("^", "v", "P", "X") else 1.0)
    return Marks(points, shape, size, WHITE if hollow else colour, colour, v.line * 0.8)


def number_format(p: Palette, decimals: int) -> Callable[[float], str]:
    """Numbers as the site writes them: 5,5 and 1.250."""
    locale = Locale(p.locale, {})
    return lambda value: locale.number(value, decimals)


def value_axis(f: Frame, ticks: list[float], scale: Scale, left: float, right: float) -> None:
    """Horizontal grid lines at the ticks, labelled on the left; zero as a darker base line."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    fmt = number_format(f.p, decimals_of(step))
    for tick in ticks:
        y = scale(tick)
        colour, width = (f.p.text, 1.0) if tick == 0 else (f.p.grid, 1.0)
        f.d.add(Line(((left, y), (right, y)), colour, width, role="grid"))
        f.text(left - f.v.gap, y, fmt(tick), size=f.v.small, anchor="end")


def tick_labels_width(f: Frame, ticks: list[float]) -> float:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    fmt = number_format(f.p, decimals_of(step))
    return max(Text(0, 0, fmt(t), f.v.small, "").width for t in ticks)


def year_axis(f: Frame, first: int, last: int, scale: Scale, y: float) -> float:
    """Year labels under the plot: every year, or every n-th counted back from the latest
    when they would crowd."""
    v = f.v
    label = Text(0, 0, "2000", v.small, "").width
    step = year_step(first, last, abs(scale(last + 0.5) - scale(first - 0.5)), label)
    for year in range(first, last + 1):
        if (last - year) % step == 0:
            f.text(scale(year), y + v.line_height / 2, str(year), size=v.small, anchor="middle")
    return v.line_height

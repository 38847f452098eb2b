"""A chart as a list of shapes in drawing units (origin top left, y down), before it is drawn.

The layout of every chart is computed here in plain Python, at a fixed size per variant:
where each text goes, how wide it is, whether it collides. matplotlib only paints the result
(``canvas``), so no automatic layout pass is needed and every label's place is known, which
lets the layout avoid overlaps and lets tests check that nothing overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from ivpgen.charts.fonts import text_width

Point = tuple[float, float]
Anchor = Literal["start", "middle", "end"]
TEXT_HEIGHT = 1.2
"""The height of a line of text as a multiple of its size (ascent plus descent, DejaVu Sans)."""


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def pad(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def within(self, other: Box) -> bool:
        return (other.x0 <= self.x0 and self.x1 <= other.x1 and other.y0 <= self.y0
                and self.y1 <= other.y1)

    def crosses(self, a: Point, b: Point) -> bool:
        """Whether the segment a-b passes through the box (Liang-Barsky clipping)."""
        (ax, ay), (bx, by) = a, b
        low, high = 0.0, 1.0
        for p, q in ((ax - bx, ax - self.x0), (bx - ax, self.x1 - ax),
                     (ay - by, ay - self.y0), (by - ay, self.y1 - ay)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is the middle of the line."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    anchor: Anchor = "start"
    bold: bool = False

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.bold)

    @property
    def box(self) -> Box:
        left = {"start": self.x, "middle": self.x - self.width / 2, "end": self.x - self.width}
        half = self.size * TEXT_HEIGHT / 2
        return Box(left[self.anchor], self.y - half, left[self.anchor] + self.width, self.y + half)


@dataclass(frozen=True)
class Line:
    points: tuple[Point, ...]
    colour: str
    width: float
    dash: tuple[float, ...] | None = None
    """On and off lengths in drawing units; None for a solid line."""
    role: str = "data"
    """'data' (a series, a goal's path, a reference), 'leader' (label to line), 'grid' (grid,
    axis and separator lines, which text may sit on) or 'key'."""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    hatch: str = ""
    hatch_colour: str = "#ffffff"
    edge: str | None = None
    edge_width: float = 0.0

    @property
    def box(self) -> Box:
        return Box(self.x, self.y, self.x + self.w, self.y + self.h)


@dataclass(frozen=True)
class Marks:
    """The same marker at several points: filled, or open (white inside) for illustrative figures."""

    points: tuple[Point, ...]
    shape: str
    """A matplotlib marker: 'o', 's', 'D', '^', 'v', 'P', 'X', '*'."""
    size: float
    fill: str
    edge: str
    edge_width: float


Shape = Text | Line | Rect | Marks


@dataclass
class Drawing:
    """Shapes in painting order, and the size of the drawing."""

    width: float
    height: float = 0.0
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)

    def texts(self) -> list[Text]:
        return [s for s in self.shapes if isinstance(s, Text)]


class Occupied:
    """What a label must not cover: other labels, data lines and marks, the drawing's edge."""

    def __init__(self, bounds: Box, pad: float) -> None:
        self.bounds = bounds
        self.pad = pad
        self.boxes: list[Box] = []
        self.segments: list[tuple[Point, Point]] = []

    def add_box(self, box: Box) -> None:
        self.boxes.append(box)

    def add_line(self, points: Sequence[Point]) -> None:
        self.segments += list(pairwise(points))

    def free(self, box: Box) -> bool:
        padded = box.pad(self.pad)
        return (box.within(self.bounds) and not any(padded.overlaps(b) for b in self.boxes)
                and not any(padded.crosses(a, b) for a, b in self.segments))

    def place(self, candidates: Iterable[Text]) -> Text | None:
        """The first candidate that covers nothing, now taken; None when none fits."""
        for candidate in candidates:
            if self.free(candidate.box):
                self.add_box(candidate.box)
                return candidate
        return None


def wrap(text: str, size: float, width: float, lines: int = 2, bold: bool = False) -> list[str]:
    """Words on at most ``lines`` lines no wider than ``width``; the last ends in '…' when cut."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold) <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words or (out and text_width(out[-1], size, bold) > width):
        out[-1] = shorten(f"{out[-1]} {' '.join(words)}", size, width, bold)
    return out


def shorten(text: str, size: float, width: float, bold: bool = False) -> str:
    """The text cut to fit ``width``, ending in '…' when cut."""
    if text_width(text, size, bold) <= width:
        return text
    while len(text) > 1 and text_width(text.rstrip() + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def spread(wanted: Sequence[float], heights: Sequence[float], top: float, bottom: float) -> list[float]:
    """Centres for stacked labels, each near where it wants to be, none overlapping, inside
    top..bottom when they fit (labels already sorted by ``wanted``)."""
    placed: list[float] = []
    for y, h in zip(wanted, heights, strict=True):
        low = placed[-1] + (heights[len(placed) - 1] + h) / 2 if placed else top + h / 2
        placed.append(max(y, low))
    limit = bottom
    for i in range(len(placed) - 1, -1, -1):
        placed[i] = min(placed[i], limit - heights[i] / 2)
        limit = placed[i] - heights[i] / 2
    shift = top - (placed[0] - heights[0] / 2) if placed else 0.0
    return [y + shift for y in placed] if shift > 0 else placed

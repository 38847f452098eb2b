"""What a chart is, before it is drawn: its words, its data table and what to draw.

Everything here is plain data (strings, numbers, tuples), so a chart can be hashed for the
cache and sent to another process to be drawn. Labels are already in the site's language and
numbers that appear as text are already formatted; the drawing code only places them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Value = str | int | float | None
ColumnKind = Literal["text", "number", "date"]
VerdictCode = Literal["op-koers", "achter", "bereikt", "onbekend"]


@dataclass(frozen=True)
class Column:
    """A column of a chart's data table: a machine key (JSON), a label (header, CSV)."""

    key: str
    label: str
    kind: ColumnKind = "text"
    decimals: int = 0


@dataclass(frozen=True)
class Table:
    """A chart's numbers as a table: shown on the page and offered as CSV and JSON.

    ``rows`` hold the raw values (numbers as numbers, dates as ISO text); ``shown`` the same
    cells as residents read them (5,5 and 1 maart 2024). ``marks`` are the (row, column)
    cells that hold an illustrative figure.
    """

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    shown: tuple[tuple[str, ...], ...]
    marks: frozenset[tuple[int, int]] = frozenset()
    notes: tuple[str, ...] = ()

    def marked(self, row: int, column: int) -> bool:
        return (row, column) in self.marks


@dataclass(frozen=True)
class Palette:
    """The colours a chart is drawn with, from the house style plus fixed, tested colours."""

    text: str
    muted: str
    grid: str
    primary: str
    accent: str
    series: tuple[str, ...]
    status: tuple[tuple[str, str, str], ...]
    """Per action status: (status, colour, hatch)."""
    font: str
    locale: str


@dataclass(frozen=True)
class Line:
    """One area's yearly series in a trend chart."""

    label: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    shown: tuple[str, ...]
    illustrative: tuple[bool, ...]
    reference: bool = False
    """A comparison line (the regional mean, the country), drawn thinner and labelled as such."""


@dataclass(frozen=True)
class KeyWords:
    """The words of a figures chart's key: how a measured and an illustrative figure look."""

    measured: str
    illustrative: str


@dataclass(frozen=True)
class GoalMarks:
    """A goal drawn on a trend chart: baseline, target, the straight path and the verdict."""

    baseline: tuple[int, float]
    target: tuple[int, float]
    baseline_label: str
    target_label: str
    path_label: str


@dataclass(frozen=True)
class TrendSpec:
    unit: str
    lines: tuple[Line, ...]
    goal: GoalMarks | None
    decimals: int
    note: str
    key: KeyWords


@dataclass(frozen=True)
class Reference:
    label: str
    value: float


@dataclass(frozen=True)
class ComparisonSpec:
    """The latest figure per area as horizontal bars, highest first, with reference lines."""

    unit: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    shown: tuple[str, ...]
    illustrative: tuple[bool, ...]
    references: tuple[Reference, ...]
    decimals: int
    note: str
    key: KeyWords


@dataclass(frozen=True)
class StatusSpec:
    """Counts of actions per status, one bar per row (a priority, or the statuses themselves)."""

    rows: tuple[str, ...]
    statuses: tuple[tuple[str, str], ...]
    """(status, label) in the fixed order of statuses."""
    counts: tuple[tuple[int, ...], ...]
    """Per row, the count per status."""
    axis_label: str
    stacked: bool


@dataclass(frozen=True)
class Bar:
    label: str
    group: str
    start: int
    end: int
    """Start and deadline as proleptic Gregorian ordinals (date.toordinal())."""
    status: str


@dataclass(frozen=True)
class TimelineSpec:
    bars: tuple[Bar, ...]
    years: tuple[int, ...]
    today: int
    today_label: str
    statuses: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MatrixSpec:
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    """Per row and column: the number of shared actions; 0 when only named; None when absent."""
    legend_count: str
    legend_named: str


@dataclass(frozen=True)
class FieldsSpec:
    fields: tuple[str, ...]
    plan: tuple[float, ...]
    plan_shown: tuple[str, ...]
    reference: tuple[float | None, ...]
    reference_shown: tuple[str, ...]
    plan_label: str
    reference_label: str
    axis_label: str


@dataclass(frozen=True)
class PhoneItem:
    label: str
    detail: str
    status: str = ""
    """An action status (for its badge), or ''."""
    status_label: str = ""


@dataclass(frozen=True)
class PhoneGroup:
    title: str
    items: tuple[PhoneItem, ...]


@dataclass(frozen=True)
class PhoneForm:
    """A chart as an HTML list, shown on phones instead of a drawing that cannot shrink
    (the timeline, the partners matrix): the same information, as text."""

    intro: str
    groups: tuple[PhoneGroup, ...]


DrawSpec = TrendSpec | ComparisonSpec | StatusSpec | TimelineSpec | MatrixSpec | FieldsSpec


@dataclass(frozen=True)
class Chart:
    """One chart of the site: id (file name and id prefix), words, data and what to draw."""

    id: str
    kind: str
    title: str
    desc: str
    table: Table
    spec: DrawSpec
    palette: Palette
    verdict: VerdictCode | None = None
    verdict_label: str = ""
    phone: PhoneForm | None = None

    @property
    def prefix(self) -> str:
        """The prefix of every id inside this chart's SVG and of its figure on the page."""
        return f"grafiek-{self.id}"


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class KeyFigures:
    """The key figures of the home page ("in één oogopslag"): HTML tiles, with a data table."""

    id: str
    title: str
    tiles: tuple[Tile, ...]
    table: Table

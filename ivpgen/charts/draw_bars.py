"""Laying out horizontal bar charts: areas compared, actions per status, priorities per field.

Horizontal bars because the names are long; on a narrow screen (or when a name would take
more than a third of the width) the name stands above its bar, so the bar gets the full width.
Every bar carries its value at its end, so no value axis is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ivpgen.charts.palette import label_colour
from ivpgen.charts.parts import WHITE, Frame, KeyItem
from ivpgen.charts.shapes import Anchor, Drawing, Line, Rect, Text, shorten, wrap
from ivpgen.charts.spec import ComparisonSpec, FieldsSpec, Palette, StatusSpec
from ivpgen.charts.variants import Variant

LEFT_SHARE = 0.32
"""Names wider than this share of the width go above their bars."""


@dataclass(frozen=True)
class Part:
    """A piece of a bar: its length, its look, and the count written inside it (or '')."""

    value: float
    fill: str
    hatch: str = ""
    hatch_colour: str = WHITE
    edge: str | None = None
    inside: str = ""


@dataclass(frozen=True)
class BarSpec:
    parts: tuple[Part, ...]
    end: str
    """The words at the end of the bar (its value)."""


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[BarSpec, ...]


@dataclass(frozen=True)
class RefLine:
    label: str
    value: float
    colour: str
    dash: tuple[float, ...]


def bar_chart(f: Frame, rows: Sequence[Row], references: Sequence[RefLine] = ()) -> None:
    """Rows of bars from the top of the frame's free space, then reference lines over them."""
    v = f.v
    names_above = v.narrow or max(Text(0, 0, r.label, v.font, "").width for r in rows) > \
        v.width * LEFT_SHARE
    x0 = 1.0 if names_above else max(Text(0, 0, r.label, v.font, "").width for r in rows) + v.gap
    ends = max(Text(0, 0, b.end, v.small, "").width for r in rows for b in r.bars)
    x1 = v.width - ends - v.gap * 1.5
    highest = max([sum(p.value for p in b.parts) for r in rows for b in r.bars]
                  + [ref.value for ref in references] + [1e-9])
    scale = (x1 - x0) / highest
    rows_of: dict[str, int] = {}
    ref_top = f.y
    if references:
        f.y, rows_of = _reference_labels(f, references, x0, scale)
    top = f.y
    lines = [x0 + ref.value * scale for ref in references]
    for row in rows:
        _row(f, row, x0, scale, names_above, lines)
    if not names_above:
        f.d.add(Line(((x0, top), (x0, f.y - v.gap / 2)), f.p.text, 1.0, role="grid"))
    for ref in references:
        x = x0 + ref.value * scale
        f.d.add(Line(((x, ref_top + rows_of[ref.label] * v.line_height), (x, f.y - v.gap / 2)),
                     ref.colour, v.line * 0.8, ref.dash))


def _row(f: Frame, row: Row, x0: float, scale: float, names_above: bool,
         lines: list[float]) -> None:
    v = f.v
    thick = v.font * 1.35
    if names_above:
        for line in wrap(row.label, v.font, v.width, 2):
            f.text(0, f.y + v.line_height / 2, line)
            f.y += v.line_height
        f.y += v.gap * 0.2
    block = len(row.bars) * thick + (len(row.bars) - 1) * 2
    if not names_above:
        f.text(x0 - v.gap, f.y + block / 2, row.label, anchor="end")
    for bar in row.bars:
        _bar(f, bar, x0, scale, f.y, thick)
        _end_label(f, bar, x0 + sum(p.value for p in bar.parts) * scale, f.y + thick / 2, lines)
        f.y += thick + 2
    f.y += v.gap * (1.2 if names_above else 0.8)


def _bar(f: Frame, bar: BarSpec, x0: float, scale: float, y: float, thick: float) -> None:
    v, x = f.v, x0
    for part in bar.parts:
        w = part.value * scale
        f.d.add(Rect(x, y, w, thick, part.fill, part.hatch, part.hatch_colour, part.edge,
                     v.line * 0.6 if part.edge else 0.0))
        ink = label_colour(part.fill, f.p.text)
        label = Text(x + w / 2, y + thick / 2, part.inside, v.small, ink or "", "middle", True)
        if part.inside and ink and label.width < w - v.gap:
            box = label.box
            f.d.add(Rect(box.x0 - 2, y + thick * 0.12, box.x1 - box.x0 + 4, thick * 0.76, part.fill),
                    label)
        x += w


def _end_label(f: Frame, bar: BarSpec, x: float, y: float, lines: list[float]) -> None:
    """The value at the end of a bar; moved past a reference line it would cover."""
    v = f.v
    label = Text(x + v.gap / 2, y, bar.end, v.small, f.p.text)
    for line in sorted(lines):
        if label.box.x0 - 2 <= line <= label.box.x1 + 2:
            label = Text(line + v.gap / 2, y, bar.end, v.small, f.p.text)
    f.d.add(label)


Placed = tuple[int, float, list[Text]]
"""A reference label: its first row, the x of its line, its lines of text (not yet at a y)."""


def _reference_labels(f: Frame, references: Sequence[RefLine], x0: float,
                      scale: float) -> tuple[float, dict[str, int]]:
    """Each reference line's words above the bars, beside the line, in the first rows where
    they cover no other label and no other line (a line runs down from its own label's row);
    returns where the bars start and the row each line starts in."""
    v = f.v
    orders = [sorted(references, key=lambda r: -r.value), sorted(references, key=lambda r: r.value)]
    tries = [(_try_rows(f, order, x0, scale), order) for order in orders]
    placed, order = min(tries, key=lambda t: max(n + len(texts) for n, _x, texts in t[0]))
    for n, _x, texts in placed:
        f.d.add(*(Text(t.x, f.y + (n + k + 0.5) * v.line_height, t.text, t.size, t.colour, t.anchor)
                  for k, t in enumerate(texts)))
    rows = max(n + len(texts) for n, _x, texts in placed)
    starts = {ref.label: n for (n, _x, _t), ref in zip(placed, order, strict=True)}
    return f.y + rows * v.line_height + v.gap, starts


def _sides(f: Frame, ref: RefLine, x: float) -> tuple[list[list[Text]], list[list[Text]]]:
    """The label right of its line, or left of it, on one to three lines, as fits the width:
    (whole labels, labels cut with '…' to fit)."""
    v = f.v
    whole: list[list[Text]] = []
    cut: list[list[Text]] = []
    sides: list[tuple[Anchor, float, float]] = [("start", v.width - x, x + v.gap / 2),
                                                ("end", x, x - v.gap / 2)]
    for lines in (1, 2, 3):
        for anchor, room, at in sides:
            words = wrap(ref.label, v.small, room - v.gap, lines)
            texts = [Text(at, 0, w, v.small, f.p.text, anchor) for w in words]
            if all(t.box.x0 >= 0 and t.box.x1 <= v.width for t in texts):
                (whole if " ".join(words) == " ".join(ref.label.split()) else cut).append(texts)
    if not whole + cut:  # a line at the very edge: the words on the wider side, cut to fit
        anchor, room, at = max(sides, key=lambda side: side[1])
        cut.append([Text(at, 0, shorten(ref.label, v.small, room - v.gap), v.small, f.p.text,
                         anchor)])
    return whole, cut


def _try_rows(f: Frame, order: Sequence[RefLine], x0: float, scale: float) -> list[Placed]:
    """The labels in this order, each in the first free rows (whole before cut)."""
    placed: list[Placed] = []
    for ref in order:
        x = x0 + ref.value * scale
        whole, cut = _sides(f, ref, x)
        rows = range(3 * len(order))
        spot = next(((n, texts) for group in (whole, cut) for n in rows for texts in group
                     if _clear(texts, x, n, placed, f.v.gap / 2)), None)
        if spot is None:  # nothing fits without a crossing: below every other label
            spot = (max((n + len(t) for n, _x, t in placed), default=0), (whole + cut)[0])
        placed.append((spot[0], x, spot[1]))
    return placed


def _clear(texts: list[Text], x: float, row: int, placed: list[Placed], pad: float) -> bool:
    """Whether a label (lines from ``row`` down, its line at x) covers no placed label and no
    placed line, and its line crosses no label placed below it."""
    left = min(t.box.x0 for t in texts) - pad
    right = max(t.box.x1 for t in texts) + pad
    last = row + len(texts) - 1
    for n, other_x, other in placed:
        o_left, o_right = min(t.box.x0 for t in other), max(t.box.x1 for t in other)
        o_last = n + len(other) - 1
        if row <= o_last and n <= last and left < o_right and o_left < right:
            return False  # the labels overlap
        if abs(other_x - x) < 1:
            continue  # the same value: one line for both labels
        if last >= n and left <= other_x <= right:
            return False  # the other line runs through this label
        if o_last >= row and o_left - pad <= x <= o_right + pad:
            return False  # this line would run through the other label
    return True


def _status_style(p: Palette) -> dict[str, tuple[str, str]]:
    return {status: (colour, hatch) for status, colour, hatch in p.status}


def _status_key(f: Frame, spec: StatusSpec) -> None:
    styles = _status_style(f.p)
    used = [(s, label) for i, (s, label) in enumerate(spec.statuses)
            if any(row[i] for row in spec.counts)]
    f.key([KeyItem(label, styles[s][0], hatch=styles[s][1]) for s, label in used])


def draw_status(spec: StatusSpec, v: Variant, p: Palette) -> Drawing:
    """Per priority one bar in segments per status (count inside), or one bar per status."""
    f = Frame(v, p)
    styles = _status_style(p)
    if spec.stacked:
        _status_key(f, spec)
    f.lines_of_text(spec.axis_label, colour=p.text)
    if spec.stacked:
        rows = [Row(label, (BarSpec(tuple(
            Part(n, styles[s][0], styles[s][1], inside=str(n))
            for (s, _l), n in zip(spec.statuses, counts, strict=True) if n), str(sum(counts))),))
            for label, counts in zip(spec.rows, spec.counts, strict=True)]
    else:
        rows = [Row(label, (BarSpec((Part(n, styles[s][0], styles[s][1]),) if n else (), str(n)),))
                for (s, label), n in zip(spec.statuses, spec.counts[0], strict=True)]
    bar_chart(f, rows)
    return f.finish()


def draw_comparison(spec: ComparisonSpec, v: Variant, p: Palette) -> Drawing:
    """The latest figure per area, highest first; the references as labelled dashed lines."""
    f = Frame(v, p)
    if any(spec.illustrative):
        f.key([KeyItem(spec.key.measured, p.primary)] * (not all(spec.illustrative)) +
              [KeyItem(spec.key.illustrative, WHITE, hatch="///", hatch_colour=p.primary,
                       edge=p.primary)])
    if spec.unit:
        f.lines_of_text(spec.unit, colour=p.text, lines=2)
    rows = [Row(label, (BarSpec((_area_part(p, value, flag),), shown),))
            for label, value, shown, flag in zip(spec.labels, spec.values, spec.shown,
                                                 spec.illustrative, strict=True)]
    dashes = ((v.line * 2, v.line * 1.2), (v.line * 0.7, v.line * 1.2))
    refs = [RefLine(r.label, r.value, p.text if i == 0 else p.muted, dashes[i % 2])
            for i, r in enumerate(spec.references)]
    bar_chart(f, rows, refs)
    if spec.note:
        f.lines_of_text(spec.note)
    return f.finish()


def _area_part(p: Palette, value: float, illustrative: bool) -> Part:
    if illustrative:
        return Part(value, WHITE, "///", p.primary, p.primary)
    return Part(value, p.primary)


def draw_fields(spec: FieldsSpec, v: Variant, p: Palette) -> Drawing:
    """Per safety field the plan's share of priorities, and the reference share below it."""
    f = Frame(v, p)
    has_reference = any(value is not None for value in spec.reference)
    if has_reference:
        f.key([KeyItem(spec.plan_label, p.primary),
               KeyItem(spec.reference_label, p.muted, hatch="//")])
    f.lines_of_text(spec.axis_label, colour=p.text)
    rows = []
    for name, plan, plan_shown, ref, ref_shown in zip(
            spec.fields, spec.plan, spec.plan_shown, spec.reference, spec.reference_shown,
            strict=True):
        if not plan and ref is None:
            continue  # a field neither this plan nor the reference has: only in the table
        bars = [BarSpec((Part(plan, p.primary),) if plan else (), plan_shown)]
        if has_reference:
            bars.append(BarSpec((Part(ref, p.muted, "//"),) if ref else (), ref_shown or "–"))
        rows.append(Row(name[:1].upper() + name[1:], tuple(bars)))
    bar_chart(f, rows)
    return f.finish()


DRAWERS: dict[type, Callable[[Any, Variant, Palette], Drawing]] = {
    ComparisonSpec: draw_comparison,
    StatusSpec: draw_status,
    FieldsSpec: draw_fields,
}

"""Drawing the plan: action status, timeline, partners × priorities, priorities per field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ivpgen.charts.draw import FONT_SIZE, figure, format_axis, grid, wrap
from ivpgen.charts.palette import WHITE, label_colour
from ivpgen.charts.spec import FieldsSpec, MatrixSpec, Palette, StatusSpec, TimelineSpec

MIN_LABEL_SHARE = 0.045
"""A stacked segment narrower than this share of the axis gets no count inside it."""


def _status_style(p: Palette) -> dict[str, tuple[str, str]]:
    return {status: (colour, hatch) for status, colour, hatch in p.status}


def _legend(fig: Figure, p: Palette, statuses: list[tuple[str, str]]) -> None:
    """A legend of status patches (colour and hatch) above the chart."""
    styles = _status_style(p)
    handles = [Patch(facecolor=styles[s][0], hatch=styles[s][1], edgecolor=WHITE, label=label)
               for s, label in statuses]
    fig.legend(handles=handles, loc="outside upper left", ncol=min(len(handles), 5),
               handlelength=2.2, handleheight=1.2, columnspacing=1.2)


def draw_status(spec: StatusSpec, p: Palette) -> Figure:
    return _stacked(spec, p) if spec.stacked else _single(spec, p)


def _single(spec: StatusSpec, p: Palette) -> Figure:
    """One bar per status, labelled on the axis and with its count."""
    fig = figure(2.8)
    ax = fig.add_subplot()
    styles = _status_style(p)
    counts = spec.counts[0]
    rows = range(len(spec.statuses))
    for row, (status, _label), count in zip(rows, spec.statuses, counts, strict=True):
        colour, hatch = styles[status]
        ax.barh(row, count, color=colour, hatch=hatch, edgecolor=WHITE, height=0.65, zorder=2)
        ax.text(count + max(*counts, 1) * 0.015, row, str(count), va="center", ha="left",
                color=p.text)
    ax.set_yticks(list(rows), [label for _s, label in spec.statuses])
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(counts) * 1.15, 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(spec.axis_label)
    grid(ax, p, "x")
    return fig


def _stacked(spec: StatusSpec, p: Palette) -> Figure:
    """One bar per priority, in segments per status, with the count inside wide segments."""
    fig = figure(0.55 * len(spec.rows) + 1.8)
    ax = fig.add_subplot()
    styles = _status_style(p)
    widest = max(sum(row) for row in spec.counts)
    for r, counts in enumerate(spec.counts):
        left = 0
        for (status, _label), count in zip(spec.statuses, counts, strict=True):
            if not count:
                continue
            colour, hatch = styles[status]
            ax.barh(r, count, left=left, color=colour, hatch=hatch, edgecolor=WHITE,
                    linewidth=1.5, height=0.6, zorder=2)
            ink = label_colour(colour, p.text)
            if ink and count / widest >= MIN_LABEL_SHARE:
                ax.text(left + count / 2, r, str(count), ha="center", va="center", color=ink,
                        fontweight="bold", bbox={"boxstyle": "square,pad=0.3",
                                                 "facecolor": colour, "edgecolor": "none"})
            left += count
        ax.text(left + widest * 0.015, r, str(left), va="center", ha="left", color=p.text)
    ax.set_yticks(range(len(spec.rows)), [wrap(row, 24) for row in spec.rows])
    ax.invert_yaxis()
    ax.set_xlim(0, widest * 1.1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(spec.axis_label)
    grid(ax, p, "x")
    used = [(s, label) for i, (s, label) in enumerate(spec.statuses)
            if any(row[i] for row in spec.counts)]
    _legend(fig, p, used)
    return fig


def draw_timeline(spec: TimelineSpec, p: Palette) -> Figure:
    """Actions as bars from start to deadline; a heading row per priority; today dashed."""
    rows = _timeline_rows(spec)
    fig = figure(0.34 * len(rows) + 1.6)
    ax = fig.add_subplot()
    styles = _status_style(p)
    for y, (_label, bar) in enumerate(rows):
        if bar is not None:
            colour, hatch = styles[bar.status]
            ax.barh(y, max(bar.end - bar.start, 20), left=bar.start, color=colour, hatch=hatch,
                    edgecolor=WHITE, height=0.7, zorder=2)
    ax.set_yticks(range(len(rows)), [label for label, _bar in rows], fontsize=FONT_SIZE - 2)
    for tick, (_label, bar) in zip(ax.get_yticklabels(), rows, strict=True):
        if bar is None:
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ticks = [dt.date(year, 1, 1).toordinal() for year in spec.years]
    ax.set_xticks(ticks, [str(year) for year in spec.years])
    ax.set_xlim(ticks[0], ticks[-1])
    ax.axvline(spec.today, color=p.text, linestyle="--", linewidth=1.5, zorder=3)
    ax.text(spec.today, 1.0, spec.today_label, transform=ax.get_xaxis_transform(),
            ha="right" if spec.today > (ticks[0] + ticks[-1]) / 2 else "left", va="bottom",
            color=p.text, fontsize=FONT_SIZE - 1, fontweight="bold")
    grid(ax, p, "x")
    used = [(s, label) for s, label in spec.statuses if any(b.status == s for b in spec.bars)]
    _legend(fig, p, used)
    return fig


def _timeline_rows(spec: TimelineSpec) -> list[tuple[str, Any]]:
    """(label, bar) per row; a heading row (bar None) before each priority when there are more."""
    groups = list(dict.fromkeys(bar.group for bar in spec.bars))
    rows: list[tuple[str, Any]] = []
    for group in groups:
        if len(groups) > 1:
            rows.append((wrap(group, 44, 1), None))
        rows += [(wrap(bar.label, 44, 1), bar) for bar in spec.bars if bar.group == group]
    return rows


def draw_matrix(spec: MatrixSpec, p: Palette) -> Figure:
    """A square per partner and priority: filled with the number of shared actions, open when
    the partner is named on the priority without an action of its own."""
    fig = figure(0.42 * len(spec.rows) + 1.9)
    ax = fig.add_subplot()
    for r, row in enumerate(spec.cells):
        for c, count in enumerate(row):
            if count:
                ax.scatter(c, r, s=380, marker="s", color=p.primary, zorder=2)
                ax.text(c, r, str(count), ha="center", va="center", color=WHITE,
                        fontweight="bold", zorder=3)
            elif count == 0:
                ax.scatter(c, r, s=300, marker="s", facecolor=WHITE, edgecolor=p.text,
                           linewidth=1.5, zorder=2)
    ax.set_xticks(range(len(spec.columns)), [wrap(c, 13, 3) for c in spec.columns],
                  fontsize=FONT_SIZE - 2)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(spec.rows)), [wrap(r, 32) for r in spec.rows], fontsize=FONT_SIZE - 2)
    ax.set_xlim(-0.6, len(spec.columns) - 0.4)
    ax.set_ylim(len(spec.rows) - 0.5, -0.5)
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top"):
        ax.spines[side].set_visible(False)
    grid(ax, p, "both")
    handles = [Line2D([], [], marker="s", color=p.primary, linestyle="none", markersize=11,
                      label=spec.legend_count)]
    if any(count == 0 for row in spec.cells for count in row):
        handles.append(Line2D([], [], marker="s", markerfacecolor=WHITE, markeredgecolor=p.text,
                              linestyle="none", markersize=10, label=spec.legend_named))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.02), ncol=1)
    return fig


def draw_fields(spec: FieldsSpec, p: Palette) -> Figure:
    """Per safety field the plan's share of priorities, and the reference share beside it."""
    fig = figure(0.62 * len(spec.fields) + 1.4)
    ax = fig.add_subplot()
    has_reference = any(v is not None for v in spec.reference)
    height = 0.38 if has_reference else 0.6
    rows = range(len(spec.fields))
    offset = height / 2 if has_reference else 0.0
    ax.barh([r - offset for r in rows], spec.plan, height=height, color=p.primary,
            label=spec.plan_label, zorder=2)
    for r, value, shown in zip(rows, spec.plan, spec.plan_shown, strict=True):
        ax.text(value + 1, r - offset, shown, va="center", ha="left", color=p.text)
    if has_reference:
        values = [v or 0.0 for v in spec.reference]
        ax.barh([r + offset for r in rows], values, height=height, color=p.muted, hatch="//",
                edgecolor=WHITE, label=spec.reference_label, zorder=2)
        for r, value, shown in zip(rows, values, spec.reference_shown, strict=True):
            if shown:
                ax.text(value + 1, r + offset, shown, va="center", ha="left", color=p.text)
    ax.set_yticks(list(rows), [wrap(f[:1].upper() + f[1:], 22) for f in spec.fields])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(spec.axis_label)
    grid(ax, p, "x")
    format_axis(ax.xaxis, p, 0)
    fig.legend(loc="outside upper left", ncol=2, handlelength=2.2, handleheight=1.2)
    return fig


DRAWERS: dict[type, Callable[[Any, Palette], Figure]] = {
    StatusSpec: draw_status,
    TimelineSpec: draw_timeline,
    MatrixSpec: draw_matrix,
    FieldsSpec: draw_fields,
}

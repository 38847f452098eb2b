"""Drawing figures over time and across areas: the trend chart and the comparison chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ivpgen.charts.draw import FONT_SIZE, figure, format_axis, grid, note
from ivpgen.charts.spec import ComparisonSpec, GoalMarks, Palette, TrendSpec

MARKERS = ("o", "s", "D", "^", "v", "P", "X")
DASHES: tuple[Any, ...] = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (8, 2)))
REFERENCE_DASHES: tuple[Any, ...] = ("--", ":", "-.")
LABEL_GAP = 0.075
"""Minimum distance between two line-end labels, as a share of the y axis."""


def draw_trend(spec: TrendSpec, p: Palette) -> Figure:
    fig = figure(3.6)
    ax = fig.add_subplot()
    for i, line in enumerate(spec.lines):
        ax.plot(line.years, line.values, color=p.series[i % len(p.series)],
                marker=MARKERS[i % len(MARKERS)], linestyle=DASHES[i % len(DASHES)],
                markersize=6.5, clip_on=False, zorder=3)
    if spec.goal:
        _goal(ax, spec.goal, p)
    _limits(ax, spec)
    if len(spec.lines) == 1 and spec.goal:
        _point_labels(ax, spec, p)
    else:
        _end_labels(ax, spec, p)
    ax.set_ylabel(spec.unit)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    grid(ax, p, "y")
    format_axis(ax.yaxis, p, spec.decimals)
    note(fig, spec.note, p)
    return fig


def _goal(ax: Axes, goal: GoalMarks, p: Palette) -> None:
    """The straight path from baseline to target (dotted), the baseline and the target star."""
    (b_year, b_value), (t_year, t_value) = goal.baseline, goal.target
    ax.plot([b_year, t_year], [b_value, t_value], color=p.text, linestyle=":", linewidth=1.5,
            zorder=2)
    ax.plot([b_year], [b_value], marker="s", markersize=9, markerfacecolor="#ffffff",
            markeredgecolor=p.text, markeredgewidth=1.5, linestyle="none", zorder=4)
    ax.plot([t_year], [t_value], marker="*", markersize=17, markerfacecolor=p.accent,
            markeredgecolor=p.text, markeredgewidth=1.2, linestyle="none", zorder=4,
            clip_on=False)
    ax.annotate(goal.target_label, (t_year, t_value), xytext=(0, -16), textcoords="offset points",
                ha="center", va="top", fontsize=FONT_SIZE - 1, fontweight="bold")
    ax.annotate(goal.baseline_label, (b_year, b_value), xytext=(-6, -14),
                textcoords="offset points", ha="left", va="top", fontsize=FONT_SIZE - 1)
    ax.text(0.0, 1.04, goal.verdict_label, transform=ax.transAxes, fontweight="bold",
            ha="left", va="bottom")
    legend = [Line2D([], [], color=p.text, linestyle=":", linewidth=1.5, label=goal.path_label)]
    ax.legend(handles=legend, loc="lower right", bbox_to_anchor=(1.0, 1.0), borderaxespad=0.2)


def _limits(ax: Axes, spec: TrendSpec) -> None:
    """From zero (so changes are not exaggerated) to a bit above the highest value; a year of
    room on both sides for labels."""
    values = [v for line in spec.lines for v in line.values]
    years = [y for line in spec.lines for y in line.years]
    if spec.goal:
        values += [spec.goal.baseline[1], spec.goal.target[1]]
        years += [spec.goal.baseline[0], spec.goal.target[0]]
    low = min(0.0, *values)
    ax.set_ylim(low, max(values) * 1.18 if max(values) > 0 else 1.0)
    ax.set_xlim(min(years) - 0.5, max(years) + 0.5)


def _point_labels(ax: Axes, spec: TrendSpec, p: Palette) -> None:
    """Every value of a single line above its marker."""
    line = spec.lines[0]
    for year, value, shown in zip(line.years, line.values, line.shown, strict=True):
        ax.annotate(shown, (year, value), xytext=(0, 8), textcoords="offset points",
                    ha="center", va="bottom", fontsize=FONT_SIZE - 1, color=p.text)


def _end_labels(ax: Axes, spec: TrendSpec, p: Palette) -> None:
    """Each line's name and last value right of its last point, pushed apart to stay readable."""
    low, high = ax.get_ylim()
    gap = (high - low) * LABEL_GAP
    ends = sorted((line.values[-1], i) for i, line in enumerate(spec.lines))
    placed: list[float] = []
    for value, i in ends:
        y = max(value, placed[-1] + gap) if placed else value
        placed.append(y)
        line = spec.lines[i]
        ax.annotate(f"{line.label} {line.shown[-1]}", (line.years[-1], value),
                    xytext=(line.years[-1] + 0.12, y), textcoords="data", ha="left",
                    va="center", color=p.text, fontsize=FONT_SIZE - 1,
                    arrowprops={"arrowstyle": "-", "color": p.series[i % len(p.series)],
                                "linewidth": 1} if abs(y - value) > gap / 3 else None,
                    annotation_clip=False)


def draw_comparison(spec: ComparisonSpec, p: Palette) -> Figure:
    fig = figure(0.45 * len(spec.labels) + 1.4)
    ax = fig.add_subplot()
    rows = range(len(spec.labels))
    ax.barh(rows, spec.values, color=p.primary, height=0.6, zorder=2)
    highest = max([*spec.values, *(r.value for r in spec.references)])
    for row, value, shown in zip(rows, spec.values, spec.shown, strict=True):
        ax.text(value + highest * 0.015, row, shown, va="center", ha="left", color=p.text,
                zorder=4, bbox={"boxstyle": "square,pad=0.1", "facecolor": "#ffffff",
                                "edgecolor": "none"})
    handles = []
    for i, ref in enumerate(spec.references):
        dash = REFERENCE_DASHES[i % len(REFERENCE_DASHES)]
        colour = p.text if i == 0 else p.muted
        ax.axvline(ref.value, color=colour, linestyle=dash, linewidth=2, zorder=3)
        handles.append(Line2D([], [], color=colour, linestyle=dash, linewidth=2, label=ref.label))
    ax.set_yticks(list(rows), list(spec.labels))
    ax.invert_yaxis()
    ax.set_xlim(0, highest * 1.2 if highest > 0 else 1)
    ax.set_xlabel(spec.unit)
    grid(ax, p, "x")
    format_axis(ax.xaxis, p, spec.decimals)
    if handles:
        fig.legend(handles=handles, loc="outside upper left", ncol=len(handles),
                   handlelength=3)
    note(fig, spec.note, p)
    return fig


DRAWERS: dict[type, Callable[[Any, Palette], Figure]] = {
    TrendSpec: draw_trend,
    ComparisonSpec: draw_comparison,
}

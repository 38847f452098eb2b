"""Draw one chart in one variant and return its accessible SVG; safe to run in a worker process.

Importing this module imports matplotlib: the store imports it only when something is drawn.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from ivpgen.charts import draw_bars, draw_multiples, draw_plan
from ivpgen.charts.canvas import paint
from ivpgen.charts.shapes import Drawing
from ivpgen.charts.spec import Chart, Palette
from ivpgen.charts.svg import accessible_svg
from ivpgen.charts.variants import BY_NAME, Variant, variants_of

LAYOUTS: dict[type, Callable[[Any, Variant, Palette], Drawing]] = {
    **draw_multiples.DRAWERS, **draw_bars.DRAWERS, **draw_plan.DRAWERS}


def layout(chart: Chart, variant: Variant) -> Drawing:
    """The chart's shapes in this variant (no matplotlib drawing yet)."""
    return LAYOUTS[type(chart.spec)](chart.spec, variant, chart.palette)


def render(chart: Chart, variant: str = "wide", strict: bool = False) -> str:
    """The chart as SVG in a variant: laid out, painted, then given its title, description,
    role, unique ids and its size in the variant's unit.

    matplotlib's warnings are not the reader's problem and are silenced in a build; ``strict``
    turns them into errors, for the tests.
    """
    chosen = BY_NAME[variant]
    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "ignore", UserWarning)
        drawing = layout(chart, chosen)
        raw = paint(drawing, hatch_width=chosen.line * 0.5)
    return accessible_svg(raw, chart.prefix, chart.title, chart.desc, chart.palette.font,
                          chosen.unit)


def render_all(chart: Chart) -> list[str]:
    """Every variant of a chart, in the order of ``variants_of`` (one task for a worker)."""
    return [render(chart, variant.name) for variant in variants_of(chart.kind)]

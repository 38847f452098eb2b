"""Draw one chart and return its accessible SVG; safe to run in a worker process."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from matplotlib.figure import Figure

from ivpgen.charts import draw_plan, draw_series
from ivpgen.charts.draw import settings, to_svg
from ivpgen.charts.spec import Chart, Palette
from ivpgen.charts.svg import accessible_svg

DRAWERS: dict[type, Callable[[Any, Palette], Figure]] = {**draw_series.DRAWERS,
                                                         **draw_plan.DRAWERS}


def render(chart: Chart, strict: bool = False) -> str:
    """The chart as SVG: drawn, then given its title, description, role and unique ids.

    matplotlib's layout warnings (a label that does not quite fit) are not the reader's
    problem and are silenced in a build; ``strict`` turns them into errors, for the tests.
    """
    with warnings.catch_warnings(), settings(chart.palette):
        warnings.simplefilter("error" if strict else "ignore", UserWarning)
        fig = DRAWERS[type(chart.spec)](chart.spec, chart.palette)
        raw = to_svg(fig)
    return accessible_svg(raw, chart.prefix, chart.title, chart.desc, chart.palette.font)

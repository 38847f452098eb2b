"""Draw only what changed: a chart's SVG comes from the store under a hash of its input.

A chart's key is the SHA-256 of everything that shapes its SVG: its words, its drawing spec
(the data), the palette (house style), the matplotlib version and the source code of the
drawing modules. Missing charts are drawn by the runner (in worker processes when there are
enough), collected, then stored. matplotlib is imported only when something is drawn.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ivpgen.charts.spec import Chart
from ivpgen.errors import ChartError
from ivpgen.progress import Progress, Tick, ticker
from ivpgen.runner import Runner, TaskError
from ivpgen.store import Store

DRAWING_MODULES = ("draw.py", "draw_series.py", "draw_plan.py", "render.py", "svg.py",
                   "spec.py", "palette.py")
MIN_PARALLEL = 4
"""Below this many charts to draw, handing them to worker processes costs more than it saves."""


@cache
def code_version() -> str:
    """A hash of the drawing code: a change to it redraws every chart."""
    folder = Path(__file__).parent
    digest = hashlib.sha256()
    for name in DRAWING_MODULES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


@cache
def matplotlib_version() -> str:
    return version("matplotlib")


def chart_key(chart: Chart) -> str:
    """The cache key of a chart: a hash of its input, the style and the code that draws it."""
    payload: dict[str, Any] = {
        "prefix": chart.prefix, "title": chart.title, "desc": chart.desc,
        "kind": type(chart.spec).__name__, "spec": dataclasses.asdict(chart.spec),
        "palette": dataclasses.asdict(chart.palette),
        "matplotlib": matplotlib_version(), "code": code_version(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Report:
    total: int
    drawn: int
    seconds: float


def chart_svgs(charts: Iterable[Chart], store: Store, runner: Runner,
               progress: Progress | None = None) -> tuple[dict[str, str], Report]:
    """Every chart's SVG by chart id: from the store when its key is there, else drawn (with a
    progress task 'charts' for the ones drawn)."""
    started = time.perf_counter()
    charts = list(charts)
    keys = {chart.id: chart_key(chart) for chart in charts}
    svgs: dict[str, str] = {}
    for chart_id, key in keys.items():
        entry = store.get(key)
        if entry is not None:
            svgs[chart_id] = entry.data.decode("utf-8")
    missing = [chart for chart in charts if chart.id not in svgs]
    drawn = draw_all(missing, runner, ticker(progress, "charts", len(missing)))
    for chart, svg in zip(missing, drawn, strict=True):
        store.put(keys[chart.id], svg.encode("utf-8"), {"kind": chart.kind, "chart": chart.id})
        svgs[chart.id] = svg
    return svgs, Report(len(keys), len(missing), time.perf_counter() - started)


def draw_all(charts: list[Chart], runner: Runner, on_done: Tick | None = None) -> list[str]:
    """Draw charts (in worker processes when there are enough); a failure names its chart."""
    if not charts:
        return []
    from ivpgen.charts.render import render  # imports matplotlib: only when something is drawn

    try:
        return runner.map(render, charts, [chart.id for chart in charts], MIN_PARALLEL, on_done)
    except TaskError as exc:
        raise ChartError(f"de grafiek '{exc.name}' kon niet worden getekend: {exc.cause}") from exc

"""Draw only what changed: each variant of a chart comes from the store under a hash of its input.

A key is the SHA-256 of everything that shapes one SVG: the chart's words, its drawing spec
(the data), the palette (house style), the variant (wide, narrow, print), the matplotlib
version and the source code of the drawing modules. Charts with a missing variant are drawn
by the runner (all variants in one task; in worker processes when there are enough),
collected, then stored. matplotlib is imported only when something is drawn.
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
from ivpgen.charts.variants import Variant, variants_of
from ivpgen.errors import ChartError
from ivpgen.fingerprint import modules_digest
from ivpgen.progress import Progress, Tick, ticker
from ivpgen.runner import Runner, TaskError
from ivpgen.store import Store

DRAWING_MODULES = ("fonts.py", "shapes.py", "scale.py", "parts.py", "canvas.py", "draw_series.py",
                   "draw_bars.py", "draw_multiples.py", "draw_plan.py", "render.py", "svg.py",
                   "spec.py", "palette.py", "variants.py")
MIN_PARALLEL = 100
"""Below this many charts to draw, handing them to worker processes (each imports matplotlib,
about 0.6 s of CPU) costs more than it saves: a chart takes about 5 ms of CPU per variant
(``benchmarks/charts.py``)."""
SvgKey = tuple[str, str]
"""(chart id, variant name)."""


@cache
def code_version() -> str:
    """A hash of the drawing code: a change to it redraws every chart."""
    return modules_digest(Path(__file__).parent, DRAWING_MODULES)


@cache
def matplotlib_version() -> str:
    return version("matplotlib")


def chart_key(chart: Chart, variant: Variant) -> str:
    """The store key of a chart's variant: a hash of its input, the style, the variant and the
    code that draws it."""
    payload: dict[str, Any] = {
        "prefix": chart.prefix, "title": chart.title, "desc": chart.desc,
        "kind": type(chart.spec).__name__, "spec": dataclasses.asdict(chart.spec),
        "palette": dataclasses.asdict(chart.palette), "variant": dataclasses.asdict(variant),
        "matplotlib": matplotlib_version(), "code": code_version(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Report:
    total: int
    """Charts (each in its variants)."""
    drawn: int
    """Charts drawn because a variant was not in the store."""
    seconds: float


def chart_svgs(charts: Iterable[Chart], store: Store, runner: Runner,
               progress: Progress | None = None) -> tuple[dict[SvgKey, str], Report]:
    """Every variant's SVG by (chart id, variant): from the store when its key is there, else
    drawn (with a progress task 'charts' for the charts drawn)."""
    started = time.perf_counter()
    charts = list(charts)
    keys = {(chart.id, v.name): chart_key(chart, v)
            for chart in charts for v in variants_of(chart.kind)}
    svgs: dict[SvgKey, str] = {}
    for name, key in keys.items():
        entry = store.get(key)
        if entry is not None:
            svgs[name] = entry.data.decode("utf-8")
    missing = [c for c in charts if any((c.id, v.name) not in svgs for v in variants_of(c.kind))]
    drawn_all = draw_all(missing, runner, ticker(progress, "charts", len(missing)))
    for chart, drawn in zip(missing, drawn_all, strict=True):
        for variant, svg in zip(variants_of(chart.kind), drawn, strict=True):
            store.put(keys[chart.id, variant.name], svg.encode("utf-8"),
                      {"kind": chart.kind, "chart": chart.id, "variant": variant.name})
            svgs[chart.id, variant.name] = svg
    return svgs, Report(len(charts), len(missing), time.perf_counter() - started)


def draw_all(charts: list[Chart], runner: Runner,
             on_done: Tick | None = None) -> list[list[str]]:
    """Draw every variant of the charts (in worker processes when there are enough); a failure
    names its chart."""
    if not charts:
        return []
    from ivpgen.charts.render import render_all  # imports matplotlib: only when something is drawn

    try:
        return runner.map(render_all, charts, [chart.id for chart in charts], MIN_PARALLEL, on_done)
    except TaskError as exc:
        raise ChartError(f"de grafiek '{exc.name}' kon niet worden getekend: {exc.cause}") from exc

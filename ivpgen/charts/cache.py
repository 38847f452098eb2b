"""Render only what changed: charts cached by a hash of their input, the rest drawn in parallel.

A chart's key is the SHA-256 of everything that shapes its SVG: its words, its drawing spec
(the data), the palette (house style), the matplotlib version and the source code of the
drawing modules. The SVG is stored as ``<key>.svg`` in the cache folder; ``manifest.json``
lists which key each chart of the last build had, so files no chart uses any more are removed.
Missing charts are drawn in a process pool on all cores (a forkserver, so the pool is safe to
start from MkDocs' serve threads); results are collected, then written.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ivpgen.charts.spec import Chart
from ivpgen.errors import ChartError

MANIFEST = "manifest.json"
DRAWING_MODULES = ("draw.py", "draw_series.py", "draw_plan.py", "render.py", "svg.py",
                   "spec.py", "palette.py")
MIN_PARALLEL = 4
"""Below this many charts to draw, a pool costs more than it saves."""


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
    rendered: int
    seconds: float


class ChartCache:
    """The SVGs of a site's charts, from ``folder`` when their key is there, else drawn."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder
        self.workers = workers or os.cpu_count() or 1

    def svgs(self, charts: Iterable[Chart]) -> tuple[dict[str, str], Report]:
        """Every chart's SVG by chart id, and how many had to be drawn."""
        started = time.perf_counter()
        charts = list(charts)
        keys = {chart.id: chart_key(chart) for chart in charts}
        by_id = {chart.id: chart for chart in charts}
        found = {cid: svg for cid, key in keys.items() if (svg := self._read(key)) is not None}
        missing = [by_id[cid] for cid in keys if cid not in found]
        drawn = draw_all(missing, self.workers)
        self.folder.mkdir(parents=True, exist_ok=True)
        for cid, svg in drawn.items():
            _write_atomic(self.folder / f"{keys[cid]}.svg", svg)
        self._write_manifest(keys, by_id)
        svgs = {cid: found.get(cid) or drawn[cid] for cid in keys}
        return svgs, Report(len(keys), len(drawn), time.perf_counter() - started)

    def _read(self, key: str) -> str | None:
        try:
            return (self.folder / f"{key}.svg").read_text(encoding="utf-8")
        except OSError:
            return None

    def _write_manifest(self, keys: dict[str, str], charts: dict[str, Chart]) -> None:
        """Record this build's keys and remove SVGs that no chart of this build uses."""
        manifest = {
            "matplotlib": matplotlib_version(), "code": code_version(),
            "charts": {cid: {"key": key, "kind": charts[cid].kind}
                       for cid, key in sorted(keys.items())},
        }
        _write_atomic(self.folder / MANIFEST, json.dumps(manifest, indent=1) + "\n")
        used = set(keys.values())
        for path in self.folder.glob("*.svg"):
            if path.stem not in used:
                path.unlink(missing_ok=True)

    def manifest(self) -> dict[str, Any]:
        path = self.folder / MANIFEST
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        return data


def draw_all(charts: list[Chart], workers: int) -> dict[str, str]:
    """Draw charts, in a process pool when there are enough; a failure names its chart."""
    from ivpgen.charts.render import render  # imports matplotlib: only when something is drawn

    if len(charts) < MIN_PARALLEL or workers <= 1:
        return {chart.id: _checked(render, chart) for chart in charts}
    with ProcessPoolExecutor(max_workers=min(workers, len(charts)),
                             mp_context=_context()) as pool:
        futures = {chart.id: pool.submit(render, chart) for chart in charts}
        return {cid: _result(cid, future) for cid, future in futures.items()}


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["ivpgen.charts.render"])
        return context
    return multiprocessing.get_context("spawn")


def _checked(render: Any, chart: Chart) -> str:
    try:
        return str(render(chart))
    except Exception as exc:
        raise ChartError(f"de grafiek '{chart.id}' kon niet worden getekend: {exc}") from exc


def _result(chart_id: str, future: Future[str]) -> str:
    try:
        return future.result()
    except Exception as exc:
        raise ChartError(f"de grafiek '{chart_id}' kon niet worden getekend: {exc}") from exc


def _write_atomic(path: Path, text: str) -> None:
    """Write a file so that a reader never sees half of it (another build may be reading)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)

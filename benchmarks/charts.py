"""How long a chart takes to draw, per kind and variant, cold and warm; and the store around it.

    .venv/bin/python benchmarks/charts.py                     # the example plan (mkdocs.yml)
    .venv/bin/python benchmarks/charts.py -f tests/fixtures/wijken/mkdocs.yml --repeat 9

Warm: matplotlib imported and fonts loaded, as for every chart after the first in a process;
each chart in each variant is drawn --repeat times, its median kept; per kind and variant the
table shows the median of those and the spread (fastest - slowest chart). Cold: the first chart
of a kind and variant in a fresh process, with the import of matplotlib (one process each).
Times are the process's CPU time (steady on a shared machine) and wall-clock time. The last
lines time the store: every chart drawn into an empty store (cold, with the runner's worker
processes) and every chart read back from it (warm, nothing drawn).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.files import get_files  # noqa: E402

from ivpgen.charts.cache import chart_svgs  # noqa: E402
from ivpgen.charts.spec import Chart  # noqa: E402
from ivpgen.charts.variants import variants_of  # noqa: E402
from ivpgen.pipeline import Pipeline  # noqa: E402
from ivpgen.runner import Runner  # noqa: E402
from ivpgen.store import Store  # noqa: E402

COLD = """
import pickle, sys, time
cpu, wall = time.process_time(), time.perf_counter()
from ivpgen.charts.render import render
chart = pickle.load(open(sys.argv[1], "rb"))
render(chart, sys.argv[2])
print(time.process_time() - cpu, time.perf_counter() - wall)
"""


def charts(config_file: Path) -> list[Chart]:
    config = load_config(str(config_file))
    plugin = config.plugins["ivpgen"]
    outcome = Pipeline().check(plugin.settings(config, get_files(config)))  # type: ignore[attr-defined]
    assert outcome.catalog is not None, outcome.problems
    return list(outcome.catalog.charts.values())


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


def warm(found: list[Chart], repeat: int) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """Per (kind, variant): each chart's median (CPU, wall) over ``repeat`` draws."""
    from ivpgen.charts.render import render

    render(found[0], "wide")  # load matplotlib's fonts and settings once
    result: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for chart in found:
        for variant in variants_of(chart.kind):
            runs = [timed(lambda c=chart, v=variant.name: render(c, v)) for _ in range(repeat)]
            result[chart.kind, variant.name].append((statistics.median(r[0] for r in runs),
                                                     statistics.median(r[1] for r in runs)))
    return result


def cold(found: list[Chart], folder: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """Per (kind, variant): the first chart drawn in a fresh process, matplotlib's import included."""
    result = {}
    for chart in {c.kind: c for c in reversed(found)}.values():
        path = folder / f"{chart.id}.pickle"
        path.write_bytes(pickle.dumps(chart))
        for variant in variants_of(chart.kind):
            out = subprocess.run([sys.executable, "-c", COLD, str(path), variant.name], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.split()
            result[chart.kind, variant.name] = (float(out[0]), float(out[1]))
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.1f}"


def report(found: list[Chart], warm_times: dict[tuple[str, str], list[tuple[float, float]]],
           cold_times: dict[tuple[str, str], tuple[float, float]]) -> None:
    print("kind          variant  charts | warm CPU ms: median (fastest-slowest) | warm wall ms "
          "median | cold CPU ms | cold wall ms")
    for (kind, variant), values in sorted(warm_times.items()):
        cpu = sorted(v[0] for v in values)
        wall = statistics.median(v[1] for v in values)
        c_cpu, c_wall = cold_times[kind, variant]
        print(f"{kind:<13} {variant:<7} {len(values):>6} | {ms(statistics.median(cpu))} "
              f"({ms(cpu[0]).strip()}-{ms(cpu[-1]).strip()}) | {ms(wall)} | {ms(c_cpu)} | {ms(c_wall)}")
    for variant in ("wide", "narrow", "print"):
        every = [v for (_k, name), values in warm_times.items() if name == variant for v in values]
        print(f"median chart, {variant:<6}: {ms(statistics.median(v[0] for v in every)).strip()} ms "
              f"CPU, {ms(statistics.median(v[1] for v in every)).strip()} ms wall "
              f"({len(every)} charts)")


def store_times(found: list[Chart], folder: Path, workers: int) -> None:
    runner = Runner(workers)
    store = Store(folder / "store")
    try:
        first, drawn = _timed_svgs(found, store, runner)
        second, again = _timed_svgs(found, store, runner)
    finally:
        runner.close()
    print(f"store cold: {first:.2f} s wall, {drawn} charts drawn ({workers} worker(s) of "
          f"{os.cpu_count()} cores); warm: {second * 1000:.0f} ms, {again} drawn")


def _timed_svgs(found: list[Chart], store: Store, runner: Runner) -> tuple[float, int]:
    started = time.perf_counter()
    _svgs, result = chart_svgs(found, store, runner)
    return time.perf_counter() - started, result.drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    found = charts(args.config_file)
    print(f"plan: {args.config_file} ({len(found)} charts); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        cold_times = cold(found, Path(tmp))
        report(found, warm(found, args.repeat), cold_times)
        store_times(found, Path(tmp), args.workers)


if __name__ == "__main__":
    main()

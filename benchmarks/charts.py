"""Chart count and cold/warm render times of a plan (default: the example in content/).

    .venv/bin/python benchmarks/charts.py                 # the example plan, all cores
    .venv/bin/python benchmarks/charts.py --workers 1     # the same, one process
    .venv/bin/python benchmarks/charts.py -f tests/fixtures/charts/mkdocs.yml

Cold: an empty cache, every chart drawn (in a process pool on all cores). Warm: the same
cache again, nothing to draw. Times are wall-clock seconds of ChartCache.svgs alone, after
the content has been read; each is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.config import load_config  # noqa: E402

from ivpgen.charts.cache import ChartCache  # noqa: E402
from ivpgen.charts.catalog import Catalog  # noqa: E402
from ivpgen.check import load_and_check  # noqa: E402
from ivpgen.i18n import load_locale  # noqa: E402
from ivpgen.settings import style_of  # noqa: E402
from ivpgen.views import SiteView  # noqa: E402


def catalog(config_file: Path) -> Catalog:
    config = load_config(str(config_file))
    options = config.plugins["ivpgen"].config
    docs = Path(config.docs_dir)
    pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    loaded, _warnings = load_and_check(docs, pages)
    locale = load_locale(options.locale)
    return Catalog(SiteView(loaded.content), locale, style_of(options, docs, locale))


def best(runs: int, action: object) -> tuple[float, int]:
    times, rendered = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rendered = action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times), rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    charts = list(catalog(args.config_file).charts.values())
    with tempfile.TemporaryDirectory() as tmp:
        def cold() -> int:
            folder = Path(tempfile.mkdtemp(dir=tmp))
            return ChartCache(folder, args.workers).svgs(charts)[1].rendered

        warm_cache = ChartCache(Path(tmp) / "warm", args.workers)
        warm_cache.svgs(charts)
        cold_s, cold_n = best(args.repeat, cold)
        warm_s, warm_n = best(args.repeat, lambda: warm_cache.svgs(charts)[1].rendered)
    kinds = sorted({c.kind for c in charts})
    print(f"plan:    {args.config_file}")
    print(f"charts:  {len(charts)} ({', '.join(kinds)})")
    print(f"workers: {args.workers} (of {os.cpu_count()} cores)")
    print(f"cold:    {cold_s:.2f} s, {cold_n} drawn ({cold_s / max(cold_n, 1) * 1000:.0f} ms per chart)")
    print(f"warm:    {warm_s:.3f} s, {warm_n} drawn")


if __name__ == "__main__":
    main()

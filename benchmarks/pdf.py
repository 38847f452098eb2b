"""PDF count, pages, sizes and cold/cached generation time of the printed summary.

    .venv/bin/python benchmarks/pdf.py                 # the example plan, all cores
    .venv/bin/python benchmarks/pdf.py --workers 1     # one process

Cold: an empty PDF cache, every edition made with WeasyPrint (in a process pool). Cached: the
same cache again, nothing to make (only the HTML is rendered and hashed). Charts come from a
warm chart cache, so the times are those of the PDF stage alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from charts import catalog  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from ivpgen.charts.cache import ChartCache  # noqa: E402
from ivpgen.check import load_and_check  # noqa: E402
from ivpgen.model import Theme, theme_id  # noqa: E402
from ivpgen.pdf.render import PrintContext  # noqa: E402
from ivpgen.pdf.summary import make_summaries  # noqa: E402
from ivpgen.style import Style  # noqa: E402


def context(config_file: Path, charts_dir: Path) -> PrintContext:
    config = load_config(str(config_file))
    options = config.plugins["ivpgen"].config
    cat = catalog(config_file)
    svgs, _ = ChartCache(charts_dir).svgs(cat.charts.values())
    docs = Path(config.docs_dir)
    renderer = markdown.Markdown(extensions=config.markdown_extensions,
                                 extension_configs=config.mdx_configs)
    loaded, _ = load_and_check(docs, [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")])
    bodies = {theme_id(src): loaded.sources[src].body
              for src, page in loaded.content.pages.items() if isinstance(page, Theme)}
    style = Style(options.primary_colour, options.accent_colour, options.text_colour,
                  options.font, options.logo)
    return PrintContext(cat.ctx.site, cat, svgs, cat.ctx.locale, style,
                        Path(str(config.theme.custom_dir)), bodies,
                        lambda text: renderer.reset().convert(text), config.site_url or None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = context(args.config_file, ROOT / ".cache" / "ivpgen" / "charts")
        started = time.perf_counter()
        summaries, cold = make_summaries(ctx, Path(tmp) / "pdf", args.workers)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        _, cached = make_summaries(ctx, Path(tmp) / "pdf", args.workers)
        cached_s = time.perf_counter() - started
    print(f"plan:    {args.config_file}")
    print(f"workers: {args.workers} (of {os.cpu_count()} cores)")
    for s in summaries:
        print(f"  {s.file.path:45} {s.file.pages:3} pages {s.size / 1000:7.0f} kB")
    pages = sum(s.file.pages for s in summaries)
    size = sum(s.size for s in summaries)
    print(f"pdfs:    {len(summaries)}, {pages} pages, {size / 1000:.0f} kB in all")
    print(f"cold:    {cold_s:.2f} s, {cold.made} made")
    print(f"cached:  {cached_s:.2f} s, {cached.made} made")


if __name__ == "__main__":
    main()

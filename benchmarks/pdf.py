"""PDF count, pages, sizes and cold/cached time of the printed summary, through the pipeline.

    .venv/bin/python benchmarks/pdf.py                 # the example plan, all cores
    .venv/bin/python benchmarks/pdf.py --workers 1     # one process

Cold: an empty store, every edition made with WeasyPrint (by the runner's worker processes).
Cached: the same store again, nothing to make. The times are those of the PDF stage alone (the
charts are drawn before it starts).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from ivpgen.pipeline import Pipeline, Settings
from ivpgen.plugin import IvpgenPlugin
from ivpgen.runner import Runner

ROOT = Path(__file__).resolve().parent.parent


def settings(config_file: Path, store: Path) -> Settings:
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)  # the house style (fonts, logo) as in a build
    plugin = config.plugins["ivpgen"]
    assert isinstance(plugin, IvpgenPlugin)
    found = plugin.settings(config, get_files(config))
    found.store_dir = store
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    pipeline = Pipeline(Runner(args.workers))
    with tempfile.TemporaryDirectory() as tmp:
        chosen = settings(args.config_file, Path(tmp))
        cold = pipeline.build(chosen)
        cached = pipeline.build(chosen)
    pipeline.close()
    print(f"plan:    {args.config_file}")
    print(f"workers: {args.workers} (of {os.cpu_count()} cores)")
    for s in cold.summaries:
        for made in (s.file, s.poster):
            print(f"  {made.path:45} {made.pages:3} pages {len(made.data) / 1000:7.0f} kB")
    size = sum(s.size for s in cold.summaries)
    print(f"pdfs:    {len(cold.summaries)}, {cold.stats['pdf_pages']:.0f} pages, "
          f"{size / 1000:.0f} kB in all")
    per = cold.stats["pdf_seconds"] / max(len(cold.summaries), 1) * args.workers
    print(f"cold:    {cold.stats['pdf_seconds']:.2f} s, {cold.stats['pdfs_made']:.0f} made "
          f"({per:.2f} s per edition with its poster, per worker)")
    print(f"cached:  {cached.stats['pdf_seconds']:.2f} s, {cached.stats['pdfs_made']:.0f} made")


if __name__ == "__main__":
    main()

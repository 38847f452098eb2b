"""Benchmark: build time of a synthetic plan at several sizes, to see that cost stays linear.

Run: .venv/bin/python benchmarks/build.py [--sizes 25,100,400]
Each size N makes a plan with N priorities (one page each, 5 goals and 8 actions), 30
municipalities, N indicators with 10 years of figures per municipality, and builds it with
`ivpgen build` twice: cold (empty chart cache) and warm (nothing changed), with the search
plugin as a real plan has it (the size of its index is printed too). The printed
summaries are switched off here (31 editions would dominate); benchmarks/pdf.py measures them.
Prints seconds per build and milliseconds per page; no assertions.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["veilige woon- en leefomgeving", "jeugd en veiligheid", "integriteit en veiligheid"]
STATUSES = ["gepland", "lopend", "afgerond", "vertraagd", "vervallen"]


def front(data: dict[str, object], body: str = "") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


def make_plan(folder: Path, size: int) -> int:
    """Write a plan with `size` priorities into folder; return the number of pages."""
    content = folder / "content"
    (content / "thema").mkdir(parents=True)
    municipalities = [{"id": f"gemeente-{i}", "name": f"Gemeente {i}", "cbs_code": f"GM{i:04d}",
                       "population": 20_000 + i * 1000} for i in range(30)]
    (content / "index.md").write_text(front({
        "type": "plan", "title": "Regionaal veiligheidsplan", "period": {"start": 2023, "end": 2026},
        "status": "concept", "version": "1", "organisation": "Regio", "vision": "Veilig.",
        "reference_date": "2025-01-01", "municipalities": municipalities}), encoding="utf-8")
    (content / "partners.md").write_text(front({"type": "partners", "title": "Partners", "partners": [
        {"id": "politie", "name": "Politie", "kind": "politie", "role": "Handhaven."}]}), encoding="utf-8")
    (content / "data").mkdir()
    for i in range(size):  # large series live in CSV files, as the content guide advises
        rows = [f"{m['id']},{y},{5 + (i + y) % 3}" for m in municipalities for y in range(2015, 2025)]
        (content / "data" / f"ind-{i}.csv").write_text("area,year,value\n" + "\n".join(rows) + "\n",
                                                        encoding="utf-8")
    indicators = [{"id": f"ind-{i}", "name": f"Indicator {i}", "unit": "per 1.000 inwoners",
                   "definition": "Aantal per 1.000 inwoners.", "direction": "lager",
                   "source": {"name": "CBS"}, "illustrative": True,
                   "measurements_file": f"data/ind-{i}.csv"} for i in range(size)]
    (content / "cijfers.md").write_text(front({"type": "indicators", "title": "Cijfers",
                                               "indicators": indicators}), encoding="utf-8")
    for t in range(size):
        goals = [{"id": f"g-{t}-{g}", "text": f"Doel {g}", "kind": "effect", "indicator": f"ind-{t}",
                  "area": "gemeente-0", "baseline": {"year": 2022, "value": 6},
                  "target": {"year": 2026, "value": 4}} for g in range(5)]
        actions = [{"id": f"a-{t}-{a}", "title": f"Actie {a}", "owner": "Gemeente, team OOV",
                    "partners": ["politie"], "start": "2023-01-01", "deadline": "2026-06-30",
                    "status": STATUSES[a % 5], "done_when": "Klaar."} for a in range(8)]
        (content / "thema" / f"thema-{t}.md").write_text(front({
            "type": "theme", "title": f"Speerpunt {t}", "field": FIELDS[t % 3], "summary": "Kort.",
            "order": t, "partners": ["politie"], "goals": goals, "actions": actions},
            "Waarom dit belangrijk is.\n"), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Benchmark\ndocs_dir: content\ntheme:\n  name: ivpgen\nplugins:\n  - search:\n"
        "      lang: nl\n  - ivpgen:\n      pdf: false\n", encoding="utf-8")
    return size + 3


def _build(folder: Path) -> float:
    """Seconds for one `ivpgen build` of the plan in folder."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ivpgen", "build"], cwd=folder,
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(f"build failed:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="25,100,400")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'priorities':>10} {'pages':>6} {'measurements':>12} {'cold s':>8} {'warm s':>8} "
          f"{'warm ms/page':>12} {'search kB':>9}")
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="ivpgen-bench-"))
        try:
            pages = make_plan(folder, size)
            cold, warm = _build(folder), _build(folder)
            index = (folder / "site" / "search" / "search_index.json").stat().st_size
            print(f"{size:>10} {pages:>6} {size * 300:>12} {cold:>8.2f} {warm:>8.2f} "
                  f"{1000 * warm / pages:>12.1f} {index / 1000:>9.0f}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()

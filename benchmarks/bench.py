"""The build benchmark: ivpgen against plain MkDocs of the same Markdown pages, side by side.

Run: make bench   (or .venv/bin/python benchmarks/bench.py [--runs 3] [--sizes S,M,L])
Writes benchmarks/results.md. Sizes: S is the example plan; M (~100 pages) and L (~1,000 pages,
~1,500 charts) are synthetic regional plans of 30 municipalities (benchmarks/plans.py), built
without PDFs (31 editions would dominate; PDF time is measured on S).

Per size and run: cold (empty store), warm (nothing changed), a text edit (one sentence in one
priority's Markdown), an indicator edit (one figure), the serve edit latency (from saving a text
edit to the new page being served by `ivpgen serve`), charts drawn, PDF time, peak memory (RSS of
the process tree, sampled every 20 ms) and HTML bytes per page; plain MkDocs' build time of the
same pages (built-in theme, search, no ivpgen) and the ratios. Each figure is the median of the
runs, with the spread (min–max). No assertions: the targets are in issue #13 and the README.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plans import Size, copy_example, make_plain, make_plan

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.md"
BIN = Path(sys.executable).parent
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}
SIZES = {
    "S": None,
    "M": Size("M", priorities=20, indicators=40, free_pages=40),
    "L": Size("L", priorities=100, indicators=300, free_pages=560),
}
COUNTS = re.compile(r"(\d+) grafieken, (\d+) opnieuw getekend")
PDFS = re.compile(r"(\d+) pdf's \(samenvattingen en posters, (\d+) pagina's\), (\d+) opnieuw gemaakt "
                  r"\(([\d.,]+) s\)")


@dataclass
class Figures:
    """The measurements of one size, one list entry per run."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.values.setdefault(key, []).append(value)

    def shown(self, key: str, unit: str = "s", digits: int = 2) -> str:
        found = self.values.get(key)
        if not found:
            return "–"
        median = statistics.median(found)
        text = f"{median:.{digits}f} {unit}".strip()
        if len(found) > 1:
            text += f" ({min(found):.{digits}f}–{max(found):.{digits}f})"
        return text

    def median(self, key: str) -> float:
        return statistics.median(self.values.get(key) or [float("nan")])


def run(command: list[str], cwd: Path, memory: bool = False) -> tuple[float, str, float]:
    """Run a command; seconds taken, its output and (when asked) the peak RSS of its tree in MB."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, **EPOCH})
    peak = [0.0]
    sampler = threading.Thread(target=_sample, args=(proc, peak), daemon=True) if memory else None
    if sampler:
        sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    if sampler:
        sampler.join()
    return seconds, output, peak[0]


def _sample(proc: subprocess.Popen[str], peak: list[float]) -> None:
    while proc.poll() is None:
        peak[0] = max(peak[0], _tree_rss(proc.pid))
        time.sleep(0.02)


def _tree_rss(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(stat[1])
            rss[int(entry.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(pid, 0) for pid in tree) / 1e6


def ivpgen_build(plan: Path, memory: bool = False) -> tuple[float, str, float]:
    return run([str(BIN / "ivpgen"), "build"], plan, memory)


def edit(path: Path, marker: str) -> None:
    """Add a sentence to a Markdown page (the end of its body)."""
    path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")


def edit_figure(plan: Path) -> None:
    """Change one figure (the first row's value) of the first indicator with a CSV file."""
    path = sorted((plan / "content" / "data").glob("*.csv"))[0]
    text = path.read_text(encoding="utf-8")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    column = rows[0].index("value")
    value = float(rows[1][column].replace(",", ".")) + 0.1
    rows[1][column] = f"{value:.1f}".replace(".", "," if delimiter == ";" else ".")
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def serve_latency(plan: Path, page: Path, url_path: str, runs: int) -> list[float]:
    """Seconds from saving a text edit to `ivpgen serve` serving the edited page, per edit."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([str(BIN / "ivpgen"), "serve", "-a", f"127.0.0.1:{port}"], cwd=plan,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **EPOCH})
    url = f"http://127.0.0.1:{port}/{url_path}"
    latencies = []
    try:
        _wait(lambda: _get(url) is not None, 600)
        for i in range(runs):
            marker = f"Bewerkt-{time.time_ns()}-{i}"
            time.sleep(1.0)  # let the watcher settle after the previous rebuild
            saved = time.perf_counter()
            edit(page, marker)
            _wait(lambda m=marker: m in (_get(url) or ""), 120)  # type: ignore[misc]
            latencies.append(time.perf_counter() - saved)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    return latencies


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait(check: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    sys.exit(f"timed out after {seconds} s")


def html_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in site.rglob("*.html"))


def measure(name: str, runs: int) -> tuple[Figures, dict[str, str]]:
    """Every figure of one size, over several runs."""
    figures = Figures()
    info: dict[str, str] = {}
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix=f"ivpgen-bench-{name}-"))
        try:
            plan, plain = work / "plan", work / "plain"
            size = SIZES[name]
            pages = copy_example(plan) if size is None else make_plan(plan, size)
            make_plain(plain, plan)
            figures.add("plain", run([str(BIN / "mkdocs"), "build", "-q"], plain)[0])
            seconds, output, peak = ivpgen_build(plan, memory=True)
            figures.add("cold", seconds)
            figures.add("memory", peak)
            if match := COUNTS.search(output):
                figures.add("charts", float(match[1]))
                figures.add("drawn", float(match[2]))
            if match := PDFS.search(output):
                figures.add("pdfs", float(match[1]))
                figures.add("pdf_pages", float(match[2]))
                figures.add("pdf_seconds", float(match[4].replace(",", ".")))
            figures.add("warm", ivpgen_build(plan)[0])
            theme = sorted((plan / "content" / "thema").glob("*.md"))[0]
            edit(theme, "Een extra zin voor de benchmark.")
            figures.add("text_edit", ivpgen_build(plan)[0])
            edit_figure(plan)
            seconds, output, _ = ivpgen_build(plan)
            figures.add("indicator_edit", seconds)
            if match := COUNTS.search(output):
                figures.add("redrawn", float(match[2]))
            sizes = html_sizes(plan / "site")
            figures.add("pages", float(len(sizes)))
            figures.add("html_median", statistics.median(sizes) / 1000)
            figures.add("html_max", max(sizes) / 1000)
            info["md_pages"] = str(pages)
            url = f"thema/{theme.stem}/"
            for latency in serve_latency(plan, theme, url, 3):
                figures.add("serve_edit", latency)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return figures, info


def report(results: dict[str, tuple[Figures, dict[str, str]]], runs: int) -> str:
    lines = [
        "# Build benchmark",
        "",
        f"`make bench` on {platform.node() or 'this machine'}: {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {runs} run(s) per size; median (min–max). Written by "
        "`benchmarks/bench.py`; S is the example plan (with its PDFs), M and L are synthetic "
        "regional plans of 30 municipalities (`benchmarks/plans.py`, without PDFs).",
        "",
        "| | " + " | ".join(results) + " |",
        "|---|" + "---|" * len(results),
    ]
    rows: list[tuple[str, Callable[[Figures, dict[str, str]], str]]] = [
        ("Markdown pages / HTML pages", lambda f, i: f"{i.get('md_pages', '–')} / "
                                                     f"{f.shown('pages', '', 0)}"),
        ("plain MkDocs build", lambda f, i: f.shown("plain")),
        ("ivpgen cold (empty store)", lambda f, i: f.shown("cold")),
        ("ivpgen warm (nothing changed)", lambda f, i: f.shown("warm")),
        ("ivpgen after a text edit", lambda f, i: f.shown("text_edit")),
        ("ivpgen after an indicator edit", lambda f, i: f.shown("indicator_edit")),
        ("serve: text edit to served page", lambda f, i: f.shown("serve_edit")),
        ("cold / plain", lambda f, i: f"{f.median('cold') / f.median('plain'):.1f}×"),
        ("warm / plain", lambda f, i: f"{f.median('warm') / f.median('plain'):.1f}×"),
        ("text edit / plain", lambda f, i: f"{f.median('text_edit') / f.median('plain'):.1f}×"),
        ("charts (drawn cold)", lambda f, i: f"{f.shown('charts', '', 0)} ({f.shown('drawn', '', 0)})"),
        ("charts redrawn after an indicator edit", lambda f, i: f.shown("redrawn", "", 0)),
        ("PDF editions, pages, cold time", lambda f, i: f"{f.shown('pdfs', '', 0)}, "
                                                        f"{f.shown('pdf_pages', '', 0)}, "
                                                        f"{f.shown('pdf_seconds')}"),
        ("peak memory (process tree, cold)", lambda f, i: f.shown("memory", "MB", 0)),
        ("HTML per page: median / largest", lambda f, i: f"{f.shown('html_median', 'kB', 0)} / "
                                                         f"{f.shown('html_max', 'kB', 0)}"),
    ]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(*results[s]) for s in results) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = {}
    for name in args.sizes.split(","):
        print(f"size {name} ...", flush=True)
        results[name] = measure(name, args.runs)
    text = report(results, args.runs)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

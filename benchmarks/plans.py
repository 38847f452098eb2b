"""Synthetic plans for the benchmarks: a regional plan of many municipalities, in any size.

Every figure is illustrative (the indicators say so); the content is valid and builds with
--strict. Sizes are set by the number of priorities, indicators, municipalities, years of
figures and free Markdown pages (background pages, news), so a plan can be made that has the
number of pages and charts a benchmark needs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["veilige woon- en leefomgeving", "jeugd en veiligheid", "integriteit en veiligheid"]
STATUSES = ["gepland", "lopend", "afgerond", "vertraagd", "vervallen"]
PARAGRAPH = ("In deze wijk werken gemeente, politie en bewoners samen aan een veilige buurt. "
             "We kijken elk jaar wat er beter kan en passen de aanpak daarop aan. ") * 4


@dataclass(frozen=True)
class Size:
    """How big a synthetic plan is."""

    name: str
    priorities: int
    indicators: int
    municipalities: int = 30
    years: int = 10
    free_pages: int = 0
    pdf: bool = False
    long_names: bool = False
    """Municipalities with long names, local priorities and adoption dates (a print stress test)."""


def front(data: dict[str, object], body: str = "") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_plan(folder: Path, size: Size) -> int:
    """Write a plan of this size into folder (mkdocs.yml + content/); return its Markdown pages."""
    content = folder / "content"
    municipalities = [_municipality(i, size.long_names) for i in range(size.municipalities)]
    _write(content / "index.md", front({
        "type": "plan", "title": "Regionaal veiligheidsplan", "period": {"start": 2023, "end": 2026},
        "status": "concept", "version": "1", "organisation": "Regio", "vision": "Veilig.",
        "reference_date": "2025-01-01", "municipalities": municipalities}))
    _write(content / "partners.md", front({"type": "partners", "title": "Partners", "partners": [
        {"id": "politie", "name": "Politie", "kind": "politie", "role": "Handhaven."}]}))
    years = range(2025 - size.years, 2025)
    for i in range(size.indicators):  # large series live in CSV files, as the content guide advises
        rows = [f"{m['id']},{y},{5 + (i + y) % 3}" for m in municipalities for y in years]
        _write(content / "data" / f"ind-{i}.csv", "area,year,value\n" + "\n".join(rows) + "\n")
    indicators = [{"id": f"ind-{i}", "name": f"Indicator {i}", "unit": "per 1.000 inwoners",
                   "definition": "Aantal per 1.000 inwoners.", "direction": "lager",
                   "source": {"name": "CBS"}, "illustrative": True,
                   "measurements_file": f"data/ind-{i}.csv"} for i in range(size.indicators)]
    _write(content / "cijfers.md", front({"type": "indicators", "title": "Cijfers",
                                          "indicators": indicators}))
    for t in range(size.priorities):
        _write(content / "thema" / f"thema-{t}.md", _priority(t, size))
    for p in range(size.free_pages):
        _write(content / "achtergrond" / f"pagina-{p}.md",
               front({"title": f"Achtergrond {p}"}, f"{PARAGRAPH}\n\n## Wat we doen\n\n{PARAGRAPH}\n"))
    pdf = "" if size.pdf else "\n      pdf: false"
    _write(folder / "mkdocs.yml", "site_name: Benchmark\ndocs_dir: content\ntheme:\n  name: ivpgen\n"
           f"plugins:\n  - search:\n      lang: nl\n  - ivpgen:{pdf or ' {}'}\n")
    return size.priorities + size.free_pages + 3


def _municipality(i: int, long_names: bool) -> dict[str, object]:
    found: dict[str, object] = {"id": f"gemeente-{i}", "name": f"Gemeente {i}",
                                "cbs_code": f"GM{i:04d}", "population": 20_000 + i * 1000}
    if long_names:
        found["name"] = f"Sint-Michielsgestel-Zuidoostbeemster aan de Utrechtse Heuvelrug {i}"
        found["local_priorities"] = [f"Veiligheid rond evenementen en uitgaansgebied {p}"
                                     for p in range(6)]
        found["adoption"] = {"date": f"2023-0{1 + i % 9}-1{i % 10}"}
    return found


def _priority(t: int, size: Size) -> str:
    indicator = f"ind-{t % max(size.indicators, 1)}"
    goals = [{"id": f"g-{t}-{g}", "text": f"Doel {g}", "kind": "effect", "indicator": indicator,
              "area": f"gemeente-{g % size.municipalities}", "baseline": {"year": 2022, "value": 6},
              "target": {"year": 2026, "value": 4}} for g in range(5)]
    actions = [{"id": f"a-{t}-{a}", "title": f"Actie {a}", "owner": "Gemeente, team OOV",
                "partners": ["politie"], "start": "2023-01-01", "deadline": "2026-06-30",
                "status": STATUSES[a % 5], "done_when": "Klaar."} for a in range(8)]
    return front({"type": "theme", "title": f"Speerpunt {t}", "field": FIELDS[t % 3],
                  "summary": "Kort.", "order": t, "partners": ["politie"], "goals": goals,
                  "actions": actions}, f"Waarom dit belangrijk is.\n\n{PARAGRAPH}\n")


def copy_example(folder: Path) -> int:
    """The example plan (S): its content/ and mkdocs.yml; return its Markdown pages."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return len(list((folder / "content").rglob("*.md")))


def make_plain(folder: Path, plan: Path) -> None:
    """The same Markdown pages as a plain MkDocs site: built-in theme, no ivpgen plugin."""
    shutil.copytree(plan / "content", folder / "content",
                    ignore=shutil.ignore_patterns("*.csv"))
    _write(folder / "mkdocs.yml", "site_name: Plain\ndocs_dir: content\ntheme:\n  name: mkdocs\n"
           "plugins:\n  - search\n")

"""Putting charts on pages: their files in the site, and unique ids for each copy on a page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ivpgen.charts.data import to_csv, to_json
from ivpgen.charts.spec import Chart, KeyFigures
from ivpgen.charts.svg import instance, standalone

FOLDER = "grafieken"
"""Where the charts' SVG, CSV and JSON files go in the site."""


def site_files(charts: dict[str, Chart], svgs: dict[str, str],
               tiles: KeyFigures) -> Iterator[tuple[str, str]]:
    """(path in the site, text) of every chart's SVG, CSV and JSON, and the tiles' data."""
    for chart_id, chart in sorted(charts.items()):
        yield f"{FOLDER}/{chart_id}.svg", standalone(svgs[chart_id])
        yield f"{FOLDER}/{chart_id}.csv", to_csv(chart.table)
        yield f"{FOLDER}/{chart_id}.json", to_json(chart_id, chart.title, chart.desc, chart.table)
    yield f"{FOLDER}/{tiles.id}.csv", to_csv(tiles.table)
    yield f"{FOLDER}/{tiles.id}.json", to_json(tiles.id, tiles.title, "", tiles.table)


@dataclass(frozen=True)
class Placed:
    """One copy of a chart on one page: its SVG with ids unique on that page, and its links."""

    item: Chart | KeyFigures
    prefix: str
    svg: str
    links: dict[str, str]


class Placer:
    """Hands out chart copies per page; the second copy of a chart on a page gets new ids."""

    def __init__(self, svgs: dict[str, str]) -> None:
        self.svgs = svgs
        self.counts: dict[str, Counter[str]] = {}

    def start_page(self, page: str) -> None:
        self.counts[page] = Counter()

    def place(self, page: str, item: Chart | KeyFigures, url: Callable[[str], str]) -> Placed:
        """``url`` turns a site path into a link relative to the page."""
        counts = self.counts.setdefault(page, Counter())
        counts[item.id] += 1
        svg, prefix = instance(self.svgs.get(item.id, ""), f"grafiek-{item.id}", counts[item.id])
        kinds = ("csv", "json") if isinstance(item, KeyFigures) else ("csv", "json", "svg")
        return Placed(item, prefix, svg, {k: url(f"{FOLDER}/{item.id}.{k}") for k in kinds})

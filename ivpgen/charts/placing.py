"""Putting charts on pages: their files in the site, and what a page needs to show each copy.

A chart is shown as an image of its SVG file (``<picture>``: the narrow drawing on phones, the
wide one from the breakpoint up, switched by a media query, no JavaScript). Files rather than
inline SVG keep pages small (a page with twenty charts stays a few dozen kilobytes), let the
browser cache a chart that several pages show, and leave the site's Content-Security-Policy
as it is (``img-src 'self'``). The words are in the page: the figure's caption (the title),
the image's alternative text (the description) and the data table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ivpgen.charts.data import to_csv, to_json
from ivpgen.charts.spec import Chart, KeyFigures
from ivpgen.charts.svg import standalone
from ivpgen.charts.variants import BREAKPOINT_EM, NARROW, SCREEN, WIDE, Variant

FOLDER = "grafieken"
"""Where the charts' SVG, CSV and JSON files go in the site."""
_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)[a-z]*"\s+height="([\d.]+)[a-z]*"')
SvgKey = tuple[str, str]


def svg_path(chart_id: str, variant: Variant) -> str:
    """The site path of a chart's drawing: grafieken/<id>.svg (wide), grafieken/<id>.smal.svg."""
    return f"{FOLDER}/{chart_id}{variant.suffix}.svg"


def site_files(charts: dict[str, Chart], svgs: dict[SvgKey, str],
               tiles: KeyFigures) -> Iterator[tuple[str, str]]:
    """(path in the site, text) of every chart's screen drawings, CSV and JSON, and the tiles'
    data. The print drawing goes into the PDFs only."""
    for chart_id, chart in sorted(charts.items()):
        for variant in SCREEN:
            if (chart_id, variant.name) in svgs:
                yield svg_path(chart_id, variant), standalone(svgs[chart_id, variant.name])
        yield f"{FOLDER}/{chart_id}.csv", to_csv(chart.table)
        yield f"{FOLDER}/{chart_id}.json", to_json(chart_id, chart.title, chart.desc, chart.table)
    yield f"{FOLDER}/{tiles.id}.csv", to_csv(tiles.table)
    yield f"{FOLDER}/{tiles.id}.json", to_json(tiles.id, tiles.title, "", tiles.table)


def svg_size(svg: str) -> tuple[int, int]:
    """The drawn width and height of an SVG (rounded up, for the img's width and height)."""
    match = _SIZE.search(svg)
    if match is None:
        raise ValueError("an SVG without width and height")
    return -int(-float(match.group(1)) // 1), -int(-float(match.group(2)) // 1)


@dataclass(frozen=True)
class Image:
    """One drawing of a chart on a page: its URL, size and the media query that picks it."""

    url: str
    width: int
    height: int
    media: str = ""


@dataclass(frozen=True)
class Placed:
    """One copy of a chart on one page: a figure id unique on the page, images and links."""

    item: Chart | KeyFigures
    prefix: str
    images: tuple[Image, ...]
    """The ``<source>`` elements, then the ``<img>`` (the last); empty for the tiles."""
    links: dict[str, str]

    @property
    def sources(self) -> tuple[Image, ...]:
        return self.images[:-1]

    @property
    def img(self) -> Image | None:
        return self.images[-1] if self.images else None


class Placer:
    """Hands out chart copies per page; the second copy of a chart on a page gets its own id."""

    def __init__(self, svgs: dict[SvgKey, str]) -> None:
        self.sizes = {key: svg_size(svg) for key, svg in svgs.items() if key[1] != "print"}
        self.counts: dict[str, Counter[str]] = {}

    def start_page(self, page: str) -> None:
        self.counts[page] = Counter()

    def place(self, page: str, item: Chart | KeyFigures, url: Callable[[str], str]) -> Placed:
        """``url`` turns a site path into a link relative to the page."""
        counts = self.counts.setdefault(page, Counter())
        counts[item.id] += 1
        prefix = f"grafiek-{item.id}" + (f"--{counts[item.id]}" if counts[item.id] > 1 else "")
        kinds = ("csv", "json") if isinstance(item, KeyFigures) else ("csv", "json", "svg")
        return Placed(item, prefix, self._images(item.id, url),
                      {k: url(f"{FOLDER}/{item.id}.{k}") for k in kinds})

    def _images(self, chart_id: str, url: Callable[[str], str]) -> tuple[Image, ...]:
        """Mobile first: the narrow drawing is the img; the wide one a source from the breakpoint."""
        found = [(v, self.sizes[chart_id, v.name]) for v in (WIDE, NARROW)
                 if (chart_id, v.name) in self.sizes]
        images = [Image(url(svg_path(chart_id, v)), w, h,
                        f"(min-width: {BREAKPOINT_EM}em)" if v is WIDE else "") for v, (w, h) in found]
        if len(images) == 1:
            images = [Image(images[0].url, images[0].width, images[0].height)]
        return tuple(images)

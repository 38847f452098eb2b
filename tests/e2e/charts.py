"""Charts that read on a phone and on a desktop, measured in Chromium on every page (by the
phone and desktop tests of test_pages.py): at 375 px and at 1280 px the smallest text inside any
chart is at least 12 CSS px, and at 375 px no chart is wider than the screen.

A chart is an image of an SVG file: its smallest text on screen is the SVG's smallest font size
times the width the image is shown at, divided by the SVG's own width (its viewBox). Charts that
show as a list on phones (the timeline, partners × priorities) are measured as HTML text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from tests.e2e.stats import STATS

if TYPE_CHECKING:
    from tests.e2e.conftest import BuiltSite

MIN_PX = 12.0
SVG = "{http://www.w3.org/2000/svg}"

CHARTS_JS = """() => [...document.querySelectorAll('figure.chart')].map(fig => {
    const img = fig.querySelector('.chart__image img');
    const shown = el => el && el.getClientRects().length > 0;
    const phone = fig.querySelector('.chart__phone');
    const phoneText = shown(phone) ? [...phone.querySelectorAll('*')]
        .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(el => parseFloat(getComputedStyle(el).fontSize)) : [];
    const box = (shown(img) ? img : fig).getBoundingClientRect();
    return {id: fig.id, src: shown(img) ? img.currentSrc : null, width: box.width,
            right: Math.max(box.right, fig.getBoundingClientRect().right), phone: phoneText};
})"""


@cache
def smallest_font(svg_file: Path) -> tuple[float, float]:
    """(the smallest font size of an SVG's text, the SVG's own width) in its units."""
    root = ET.parse(svg_file).getroot()  # noqa: S314 - our own output
    sizes = [float(el.get("font-size", "0").removesuffix("px")) for el in root.iter(f"{SVG}text")]
    return min(sizes), float((root.get("viewBox") or "").split()[2])


def chart_text_checked(page_path: str, page: Any, width: int, site: BuiltSite) -> list[str]:
    """Every chart of an open page at this screen width: its smallest text, and its width."""
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    problems = []
    for chart in page.evaluate(CHARTS_JS):
        STATS[f"charts measured at {width} px"] += 1
        where = f"{page_path} at {width} px: {chart['id']}"
        if chart["src"]:
            font, own_width = smallest_font(site.site_dir / unquote(urlsplit(chart["src"]).path[1:]))
            shown = font * chart["width"] / own_width
            if shown < MIN_PX:
                problems.append(f"{where}: text {shown:.1f} px ({chart['src'].rsplit('/', 1)[-1]} "
                                f"shown {chart['width']:.0f} px wide)")
        elif not chart["phone"]:
            problems.append(f"{where}: shows neither a drawing nor a list")
        if chart["phone"] and min(chart["phone"]) < MIN_PX:
            problems.append(f"{where}: list text {min(chart['phone'])} px")
        if width < 600 and chart["right"] > width:
            problems.append(f"{where}: {chart['right']:.0f} px wide on a {width} px screen")
    return problems

"""Icons from Lucide (ISC licence), self-hosted as inline SVG: one per priority and safety field.

The SVGs come from the PyPI package ``lucide``, which ships Lucide's icons as a zip; nothing is
loaded from another host. The licence notice ships with the site (``assets/lucide-licentie.txt``).

On the website every page carries the icons it may use once, as ``<symbol>``s in a hidden
sprite (``sprite``), and each icon is a small ``<use>`` of it (``icon``): a page with 160
priorities repeats a reference, not the drawing. ``inline_icon`` gives the whole SVG (print).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from lucide.jinja import lucide
from markupsafe import Markup, escape

from ivpgen.model import Theme

FIELD_ICONS = {
    "veilige woon- en leefomgeving": "house",
    "bedrijvigheid en veiligheid": "store",
    "jeugd en veiligheid": "users",
    "fysieke veiligheid": "flame",
    "integriteit en veiligheid": "scale",
    "gedigitaliseerde criminaliteit": "laptop",
    "zorg en veiligheid": "heart-handshake",
}
"""The icon of each safety field, used when a priority names none (``icon:``)."""
TREND_ICONS = {"down": "trending-down", "up": "trending-up", "flat": "minus"}
LICENCE_FILE = "assets/lucide-licentie.txt"
_INNER = re.compile(r"<svg\b[^>]*>(.*)</svg>", re.S)


@cache
def icon_names() -> frozenset[str]:
    """Every icon name Lucide has, e.g. 'house', 'shield-check'."""
    with zipfile.ZipFile(files("lucide").joinpath("lucide.zip").open("rb")) as archive:
        return frozenset(name.removesuffix(".svg") for name in archive.namelist()
                         if name.endswith(".svg"))


@cache
def inline_icon(name: str, css_class: str = "icon") -> Markup:
    """An icon as a complete inline SVG, hidden from screen readers (the text says it all)."""
    svg = str(lucide(name, size=None, **{"class": css_class, "aria-hidden": "true"}))
    return Markup(re.sub(r">\s+<", "><", svg.strip()))  # noqa: S704 - Lucide's own SVG


def icon(name: str, css_class: str = "icon") -> Markup:
    """An icon on a page of the website: a reference to its symbol in the page's sprite."""
    return Markup('<svg class="{}" aria-hidden="true"><use href="#icon-{}"/></svg>').format(
        css_class, name)


def theme_icon_name(theme: Theme) -> str:
    """A priority's icon: the one it names, else its safety field's."""
    return theme.icon or FIELD_ICONS[theme.field]


def theme_icon(theme: Theme) -> Markup:
    return icon(theme_icon_name(theme), "icon icon--theme")


def sprite(themes: Iterable[Theme]) -> Markup:
    """Every icon the site's pages use, once, as symbols in an SVG that is never shown itself."""
    names = sorted({*(theme_icon_name(t) for t in themes), *TREND_ICONS.values()})
    symbols = "".join(
        f'<symbol id="icon-{escape(name)}" viewBox="0 0 24 24">'
        f"{_INNER.search(str(inline_icon(name)))[1]}</symbol>"  # type: ignore[index]
        for name in names)
    return Markup(f'<svg class="icon-sprite" aria-hidden="true">{symbols}</svg>')  # noqa: S704

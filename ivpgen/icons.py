"""Icons from Lucide (ISC licence), self-hosted as inline SVG: one per priority and safety field.

The SVGs come from the PyPI package ``lucide``, which ships Lucide's icons as a zip; nothing is
loaded from another host. The licence notice ships with the site (``assets/lucide-licentie.txt``).
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from importlib.resources import files

from lucide.jinja import lucide
from markupsafe import Markup

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


@cache
def icon_names() -> frozenset[str]:
    """Every icon name Lucide has, e.g. 'house', 'shield-check'."""
    with zipfile.ZipFile(files("lucide").joinpath("lucide.zip").open("rb")) as archive:
        return frozenset(name.removesuffix(".svg") for name in archive.namelist()
                         if name.endswith(".svg"))


@cache
def icon(name: str, css_class: str = "icon") -> Markup:
    """An icon as inline SVG, hidden from screen readers (the text next to it says it all)."""
    svg = str(lucide(name, size=None, **{"class": css_class, "aria-hidden": "true"}))
    return Markup(re.sub(r">\s+<", "><", svg.strip()))  # noqa: S704 - Lucide's own SVG


def theme_icon(name: str | None, field: str) -> Markup:
    """A priority's icon: the one it names, else its safety field's."""
    return icon(name or FIELD_ICONS[field], "icon icon--theme")

"""How wide a text is, measured with the font matplotlib draws with (DejaVu Sans, shipped with
matplotlib, so the same on every machine). Browsers show the house-style font, which is about
as wide or narrower, so a layout that fits in DejaVu Sans fits on screen too."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

FONT = "DejaVu Sans"


@cache
def _font(bold: bool) -> Any:
    from matplotlib import font_manager, ft2font

    props = font_manager.FontProperties(family=FONT, weight="bold" if bold else "normal")
    return ft2font.FT2Font(font_manager.findfont(props, fallback_to_default=False))


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of one line of text at ``size`` (drawing units, 72 per inch), without
    hinting, as a browser lays it out."""
    from matplotlib.ft2font import LoadFlags

    font = _font(bold)
    font.set_size(size, 72)
    font.set_text(text, 0.0, flags=LoadFlags.NO_HINTING)
    width: float = font.get_width_height()[0] / 64
    return width

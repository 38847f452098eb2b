"""Draw the example plan's logo and favicon (content/huisstijl/): a generic emblem and wordmark.

Not a real municipality's logo (those are protected): a shield with five dots, one per
municipality of the joint plan, and the words "Samen veilig" as outlines in Source Sans 3 Bold
(the example's own typeface), so the SVG needs no font. Run: .venv/bin/python scripts/example-logo.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent.parent / "content" / "huisstijl"
PRIMARY, ACCENT = "#1f4e79", "#f2b705"
SHIELD = "M4 4h40v22c0 14-9 24-20 30C13 50 4 40 4 26z"
DOTS = "".join(f'<circle cx="{x}" cy="{y}" r="3.2" fill="{ACCENT}"/>'
               for x, y in ((14, 22), (19, 15), (24, 13), (29, 15), (34, 22)))
TICK = ('<path d="M15 31l6 6 12-12" fill="none" stroke="#ffffff" stroke-width="4.5" '
        'stroke-linecap="round" stroke-linejoin="round"/>')


def outline(text: str, size: float, x: float, baseline: float) -> tuple[str, float]:
    """The text as one SVG path in Source Sans 3 Bold, and the x where it ends."""
    font = TTFont(HERE / "letters" / "source-sans-3-latin-700-normal.woff2")
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs)
    for char in text:
        name = cmap[ord(char)]
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
        x += glyphs[name].width * scale
    return pen.getCommands(), x


def main() -> None:
    words, end = outline("Samen veilig", 30, 56, 38)
    width = round(end + 4)
    logo = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 60" width="{width}" '
            f'height="60"><path d="{SHIELD}" fill="{PRIMARY}"/>{DOTS}{TICK}'
            f'<path d="{words}" fill="{PRIMARY}"/></svg>\n')
    (HERE / "logo.svg").write_text(logo, encoding="utf-8")
    favicon = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 60" width="48" '
               f'height="60"><path d="{SHIELD}" fill="{PRIMARY}"/>{DOTS}{TICK}</svg>\n')
    (HERE / "favicon.svg").write_text(favicon, encoding="utf-8")


if __name__ == "__main__":
    main()

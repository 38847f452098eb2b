"""House style: colours, typeface, logo, favicon and font files; their contrast check and CSS.

The ``Style`` is what the theme, the charts and the print templates read. It is made from the
plugin options (and an NL Design System tokens file) by ``ivpgen.house``; the files it holds
(logo, favicon, fonts) were read and checked by ``ivpgen.stylefiles``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tinycss2.color4 import parse_color

from ivpgen.errors import ConfigError
from ivpgen.stylefiles import ASSET_DIR, FontFile, Image

_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")
WHITE = "#ffffff"
DEFAULT_PRIMARY, DEFAULT_ACCENT, DEFAULT_TEXT = "#1f4e79", "#f2b705", "#1a1a1a"
DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
MIN_TEXT_CONTRAST = 4.5
MIN_GRAPHIC_CONTRAST = 3.0
HOUSE = ("primary", "text")
"""The house colours that have a contrast pair (the accent has none, see PAIRS)."""
BACKGROUNDS = {"white": WHITE, "soft": "#f3f5f8", "notice": "#fff4cc", "alert": "#fde2e1"}
"""The theme's fixed backgrounds that house colours are put on (templates/assets/ivpgen.css)."""


@dataclass(frozen=True)
class Pair:
    """Two colours the theme puts on top of each other; roles are house colours or backgrounds."""

    colour: str
    background: str
    minimum: float
    where: str
    """Locale key (under style.where) naming where the theme uses the pair."""


PAIRS = (
    Pair("text", "white", MIN_TEXT_CONTRAST, "body"),
    Pair("text", "soft", MIN_TEXT_CONTRAST, "boxes"),
    Pair("text", "notice", MIN_TEXT_CONTRAST, "notice"),
    Pair("text", "alert", MIN_TEXT_CONTRAST, "alert"),
    Pair("white", "text", MIN_TEXT_CONTRAST, "search_button"),
    Pair("primary", "white", MIN_TEXT_CONTRAST, "links"),
    Pair("primary", "white", MIN_GRAPHIC_CONTRAST, "chart_marks"),
    Pair("primary", "soft", MIN_TEXT_CONTRAST, "links_in_boxes"),
    Pair("white", "primary", MIN_TEXT_CONTRAST, "header"),
    Pair("text", "white", MIN_GRAPHIC_CONTRAST, "chart_lines"),
)
"""Every pair of colours in the theme (site CSS, print CSS, charts) that involves a house colour.
The accent colour is only a halo around a focus outline in the text colour, so it needs none."""


def parse(colour: str) -> str | None:
    """Any opaque CSS colour (#rgb, #rrggbb, rgb(), hsl(), a name) as #rrggbb; None if it is none."""
    parsed = parse_color(colour.strip()) if isinstance(colour, str) else None
    if parsed is None or not hasattr(parsed, "to") or parsed.alpha < 1:
        return None
    try:
        channels = parsed.to("srgb").coordinates
    except NotImplementedError:
        return None
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in channels)


def luminance(colour: str) -> float:
    """Relative luminance as defined by WCAG 2.1."""
    match = _HEX.match(colour)
    if not match:
        raise ConfigError(f"'{colour}' is geen kleur; schrijf zes hexadecimale cijfers, "
                          "bijvoorbeeld #1f4e79.")
    channels = [int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


Translate = Callable[..., str]


@dataclass(frozen=True)
class LowContrast:
    """A house colour with less contrast against another colour than the theme's use needs."""

    house: str
    """The house colour role to change: primary or text."""
    other: str
    values: tuple[str, str]
    ratio: float
    minimum: float
    pairs: tuple[Pair, ...]

    def message(self, t: Translate) -> str:
        where = ", ".join(t(f"style.where.{p.where}") for p in self.pairs)
        return t("style.low_contrast", colour=t(f"style.role.{self.house}"), value=self.values[0],
                 background=t(f"style.role.{self.other}"), ratio=f"{self.ratio:.1f}",
                 minimum=f"{self.minimum:g}", where=where, advice=t(f"style.advice.{self.house}"))

    def short(self, t: Translate) -> str:
        return t("style.short_contrast", background=t(f"style.role.{self.other}"),
                 ratio=f"{self.ratio:.1f}", minimum=f"{self.minimum:g}")


def low_contrast(house: dict[str, str]) -> Iterator[LowContrast]:
    """Every two colours of ``PAIRS`` that are known (the house colours given, the theme's
    backgrounds) and whose contrast is below what their strictest use needs; contrast does not
    depend on which is in front, so text on a colour and that colour on text are one finding."""
    colours = {**BACKGROUNDS, **house}
    groups: dict[tuple[str, str], list[Pair]] = {}
    for pair in PAIRS:
        if pair.colour in colours and pair.background in colours:
            ours = pair.colour if pair.colour in HOUSE else pair.background
            other = pair.background if ours == pair.colour else pair.colour
            groups.setdefault((ours, other), []).append(pair)
    for (ours, other), pairs in groups.items():
        minimum = max(p.minimum for p in pairs)
        ratio = contrast(colours[ours], colours[other])
        if ratio < minimum:
            yield LowContrast(ours, other, (colours[ours], colours[other]), ratio, minimum,
                              tuple(pairs))


@dataclass(frozen=True)
class Style:
    """The house style: three colours, a font stack, and optionally a logo, favicon and fonts."""

    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    text: str = DEFAULT_TEXT
    font: str = DEFAULT_FONT
    logo: Image | None = None
    logo_alt: str = ""
    favicon: Image | None = None
    fonts: tuple[FontFile, ...] = ()
    sources: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The plan's own files the style was read from (paths relative to content/)."""

    @property
    def family(self) -> str:
        """The first family of the font stack: the one the font files are for."""
        return self.font.split(",")[0].strip().strip("'\"")

    def contrast_problems(self, t: Translate) -> Iterator[tuple[str, str]]:
        """(house colour role, message) for every pair the theme uses with too little contrast."""
        colours = {"primary": self.primary, "accent": self.accent, "text": self.text}
        for low in low_contrast(colours):
            yield low.house, low.message(t)

    def validate(self) -> None:
        """Raise the first contrast problem as a ConfigError (for code that builds a Style)."""
        from ivpgen.i18n import load_locale

        for role, message in self.contrast_problems(load_locale("nl").t):
            raise ConfigError(f"mkdocs.yml: plugins.ivpgen.{role}_colour: {message}")

    def files(self) -> list[tuple[str, bytes]]:
        """The logo, favicon and font files as they are published: (path in the site, bytes)."""
        images = [image for image in (self.logo, self.favicon) if image is not None]
        return [(image.path, image.data) for image in images] + \
            [(font.path, font.data) for font in self.fonts]

    def variables(self) -> str:
        """The colours and the font stack as CSS custom properties."""
        return (":root {\n"
                f"  --ivp-primary: {self.primary};\n"
                f"  --ivp-accent: {self.accent};\n"
                f"  --ivp-text: {self.text};\n"
                f"  --ivp-font: {self.font};\n"
                "}\n")

    def font_faces(self, url: Callable[[FontFile], str]) -> str:
        """One @font-face per font file, for the first family of the font stack."""
        family = css_string(self.family)
        return "".join(
            f"@font-face {{\n  font-family: {family};\n  src: url({css_string(url(font))}) "
            f"format({css_string(font.format)});\n  font-weight: {font.weight};\n"
            f"  font-style: {'italic' if font.italic else 'normal'};\n  font-display: swap;\n}}\n"
            for font in self.fonts)

    def css(self) -> str:
        """The site's huisstijl.css: variables, the fonts (next to it in huisstijl/), the logo."""
        prefix = ASSET_DIR.rsplit("/", 1)[1] + "/"
        logo = LOGO_CSS if self.logo else ""
        return ("/* Generated by ivpgen from the house style in mkdocs.yml. */\n"
                + self.variables() + self.font_faces(lambda f: prefix + f.name) + logo)

    def print_css(self) -> str:
        """The same for the PDF: the fonts inlined as data: URIs, so the document is whole."""
        return self.variables() + self.font_faces(lambda f: f.data_uri())

    @property
    def preload(self) -> list[FontFile]:
        """The font files every page needs first, for <link rel=preload>: the upright WOFF2
        files closest to regular (400) and to bold (700), so text and headings do not swap."""
        upright = [f for f in self.fonts if not f.italic and f.format == "woff2"]
        chosen = {min(upright, key=lambda f: abs(f.weight - goal)).name: goal
                  for goal in (400, 700) if upright}
        return [f for f in upright if f.name in chosen]


LOGO_CSS = """.site-logo {
  display: inline-block;
  vertical-align: middle;
  height: 2.75rem;
  width: auto;
  margin: 0 0.75rem 0.25rem 0;
  padding: 0.25rem 0.4rem;
  background: #fff;
  border-radius: 4px;
}
"""
"""The logo in the (dark) header sits on a white plate, so a logo made for paper reads there."""


def css_string(text: str) -> str:
    """Text as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'

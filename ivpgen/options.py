"""The ``ivpgen`` plugin's options in mkdocs.yml: one typed class, a short docstring per option."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class IvpgenConfig(base.Config):  # type: ignore[no-untyped-call]
    """The ``ivpgen`` plugin's options in mkdocs.yml: locale, house style, output.

    Paths of house-style files (tokens, logo, favicon, font_files) are relative to the content
    folder (docs_dir), so a plan stays one folder plus mkdocs.yml; ivpgen publishes checked
    copies under assets/huisstijl/ and leaves the originals out of the site.
    """

    locale = c.Type(str, default="nl")
    """Language of all UI text (labels, dates, numbers, charts, PDFs); a file
    ivpgen/locale/<locale>.yml must exist. Plan content stays as written."""
    editions = c.Type(dict, default={})
    """The plan's editions in other languages, by locale, each built from its own config file:
    where its site is, relative to this site (e.g. {en: en/} in mkdocs.yml and {nl: ../} in
    mkdocs.en.yml with site_dir: site/en), or a full https:// address. Every page links to
    itself in the other editions (hreflang); a rebuild keeps editions that live in a folder of
    this site."""
    tokens = c.Optional(c.Type(str))
    """An NL Design System tokens file (JSON), e.g. huisstijl/tokens.json: colours and typeface
    are read from it (see ivpgen.tokens.ROLES); the options below win where they are set."""
    primary_colour = c.Optional(c.Type(str))
    """Main colour (header, links, headings, chart bars); default #1f4e79. Any opaque CSS colour."""
    accent_colour = c.Optional(c.Type(str))
    """Accent colour (the halo of the focus ring, the target in charts); default #f2b705."""
    text_colour = c.Optional(c.Type(str))
    """Body text colour; default #1a1a1a."""
    font = c.Optional(c.Type(str))
    """Font stack, e.g. '"Source Sans 3", system-ui, sans-serif'; the font_files are for its
    first family. Default: the system's own sans-serif fonts."""
    font_files = c.ListOfItems(c.Type(str), default=[])
    """Font files (WOFF2 or TTF) of the first family in font, one per weight and style: served
    with the site and embedded in the PDF, never loaded from another host."""
    logo = c.Optional(c.Type(str))
    """The logo (SVG or PNG), shown in the site header and on the PDF cover."""
    logo_alt = c.Optional(c.Type(str))
    """What the logo says, for readers who cannot see it (required with a logo)."""
    favicon = c.Optional(c.Type(str))
    """The browser tab's icon (SVG or PNG, square)."""
    cache_dir = c.Type(str, default=".cache/ivpgen")
    """Folder for drawn charts and made PDFs (the store), relative to mkdocs.yml; shared by
    every build that points at it and pruned by age and size."""
    pdf = c.Type(bool, default=True)
    """Make the printed summary (one PDF per municipality plus the region); false switches it off.
    Never made during `ivpgen serve`, so a text edit shows at once."""
    licence = c.Choice(("CC0-1.0", "CC-BY-4.0"), default="CC0-1.0")
    """Licence of the open data in data/ (plan.json, CSV): CC0-1.0 (public domain, the Dutch
    government's default for open data) or CC-BY-4.0 (reuse with attribution)."""

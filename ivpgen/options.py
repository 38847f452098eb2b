"""The ``ivpgen`` plugin's options in mkdocs.yml: one typed class, a short docstring per option."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class IvpgenConfig(base.Config):  # type: ignore[no-untyped-call]
    """The ``ivpgen`` plugin's options in mkdocs.yml: locale, house style, output."""

    locale = c.Type(str, default="nl")
    """Language of all UI text; a file ivpgen/locale/<locale>.yml must exist."""
    primary_colour = c.Type(str, default="#1f4e79")
    """Main colour (header, links); needs 4.5:1 contrast with white."""
    accent_colour = c.Type(str, default="#f2b705")
    """Accent colour (focus ring, highlights); needs 3:1 contrast with the main colour."""
    text_colour = c.Type(str, default="#1a1a1a")
    """Body text colour; needs 4.5:1 contrast with white."""
    font = c.Type(str, default='system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif')
    """Font stack: system fonts only, so no font is loaded from another host."""
    logo = c.Optional(c.Type(str))
    """Path of the logo inside content/, e.g. assets/logo.svg."""
    cache_dir = c.Type(str, default=".cache/ivpgen")
    """Folder for drawn charts and made PDFs (the store), relative to mkdocs.yml; shared by
    every build that points at it and pruned by age and size."""
    pdf = c.Type(bool, default=True)
    """Make the printed summary (one PDF per municipality plus the region); false switches it off.
    Never made during `ivpgen serve`, so a text edit shows at once."""
    licence = c.Choice(("CC0-1.0", "CC-BY-4.0"), default="CC0-1.0")
    """Licence of the open data in data/ (plan.json, CSV): CC0-1.0 (public domain, the Dutch
    government's default for open data) or CC-BY-4.0 (reuse with attribution)."""

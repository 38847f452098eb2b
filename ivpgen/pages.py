"""The pages of the site: the content's own pages and the pages ivpgen generates, each with the
template that shows it and the view object that template reads.

Engine-free. The plugin adds every generated page to the engine's files (as an empty Markdown
page) and hands each template its ``view``; templates only place what the views computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ivpgen.glossary import Glossary
from ivpgen.load import Loaded
from ivpgen.model import GlossaryPage

TEMPLATES = {
    "plan": "home.html",
    "theme": "theme.html",
    "indicators": "indicators.html",
    "partners": "partners.html",
    "participation": "participation.html",
    "progress": "progress.html",
    "glossary": "glossary.html",
    "page": "main.html",
}
"""The template of each page type in content/."""


@dataclass(frozen=True)
class PageSpec:
    """One page of the site: how it is shown and what it shows."""

    template: str
    title: str | None
    view: Any = None
    """What the template shows, computed beforehand (None: the template reads the entry)."""
    generated: bool = False
    """True for a page ivpgen makes (per area, per indicator, ...), not a file in content/."""


def site_pages(loaded: Loaded) -> dict[str, PageSpec]:
    """Every page of the site by its path (content pages as in content/, generated ones as
    'folder/name.md', which the engine publishes at folder/name/)."""
    pages: dict[str, PageSpec] = {}
    for src, entry in loaded.content.pages.items():
        kind = getattr(entry, "type", "page")
        view = Glossary(entry.terms) if isinstance(entry, GlossaryPage) else None
        pages[src] = PageSpec(TEMPLATES[kind], getattr(entry, "title", None), view)
    return pages

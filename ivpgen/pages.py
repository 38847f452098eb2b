"""The pages of the site: the content's own pages and the pages ivpgen generates, each with the
template that shows it and the view object that template reads.

Engine-free. The plugin adds every generated page to the engine's files (as an empty Markdown
page, not in the menu) and hands each template its ``view``; templates only place what the
views computed.

Generated pages: the overview of the priorities (``speerpunten/``), one page per municipality
of a joint plan (``gemeente/<id>/``) or per neighbourhood (``wijk/<id>/``), and one page per
indicator next to the indicators page (``cijfers/<id>/``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ivpgen.load import Loaded
from ivpgen.model import IndicatorsPage, ParticipationPage, PartnersPage, Plan, Strict, Theme, theme_id
from ivpgen.views.area import area_view
from ivpgen.views.figures import indicator_view, indicators_view
from ivpgen.views.home import home_view
from ivpgen.views.lists import participation_view, partners_view
from ivpgen.views.outcome import Ctx
from ivpgen.views.site import PRIORITIES_PAGE
from ivpgen.views.theme import Link, priorities_view, theme_view

TEMPLATES = {
    "plan": "home.html",
    "theme": "theme.html",
    "indicators": "indicators.html",
    "partners": "partners.html",
    "participation": "participation.html",
    "progress": "progress.html",
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


def site_pages(loaded: Loaded, ctx: Ctx) -> dict[str, PageSpec]:
    """Every page of the site by its path (content pages as in content/, generated ones as
    'folder/name.md', which the engine publishes at folder/name/)."""
    pages: dict[str, PageSpec] = {}
    for src, entry in loaded.content.pages.items():
        kind = getattr(entry, "type", "page")
        pages[src] = PageSpec(TEMPLATES[kind], getattr(entry, "title", None),
                              content_view(ctx, src, entry))
    for src, spec in generated_pages(ctx):
        pages.setdefault(src, spec)
    return pages


def content_view(ctx: Ctx, src: str, entry: Strict) -> Any:
    """The view of a page written in content/ (None for free pages and progress reports)."""
    if isinstance(entry, Plan):
        return home_view(ctx)
    if isinstance(entry, Theme):
        return theme_view(ctx, theme_id(src))
    if isinstance(entry, IndicatorsPage):
        return indicators_view(ctx, entry)
    if isinstance(entry, PartnersPage):
        return partners_view(ctx, entry)
    if isinstance(entry, ParticipationPage):
        return participation_view(ctx, entry)
    return None


def generated_pages(ctx: Ctx) -> Iterator[tuple[str, PageSpec]]:
    site, words = ctx.site, ctx.words
    if site.themes:
        yield PRIORITIES_PAGE, PageSpec("priorities.html", words.t("priorities.title"),
                                        priorities_view(ctx), generated=True)
    for place in site.places:
        yield site.place_page(place.id), PageSpec("area.html", place.name,
                                                  area_view(ctx, place), generated=True)
    overview = next(((src, p) for src, p in sorted(site.content.pages.items())
                     if isinstance(p, IndicatorsPage)), None)
    if overview is None:
        return
    back = Link(overview[1].title, overview[0])
    for indicator in site.content.indicators.values():
        src = site.indicator_page(indicator.id)
        if src:
            yield src, PageSpec("indicator.html", indicator.name,
                                indicator_view(ctx, indicator, back), generated=True)

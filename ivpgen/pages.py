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

from ivpgen import programme, snapshot, standing, survey
from ivpgen.charts.catalog import Catalog
from ivpgen.errors import Problem
from ivpgen.glossary import Glossary
from ivpgen.i18n import Locale
from ivpgen.load import Loaded
from ivpgen.model import (
    GlossaryPage,
    IndicatorsPage,
    ParticipationPage,
    PartnersPage,
    Plan,
    ProgressReport,
    Strict,
    Theme,
    theme_id,
)
from ivpgen.opendata import records as opendata
from ivpgen.opendata.describe import OpenDataSet
from ivpgen.opendata.export import Export
from ivpgen.programme import Programmes
from ivpgen.views import SiteView
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
    "survey": "survey.html",
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
    footer: bool = False
    """A generated page linked at the bottom of every page (like a free page's 'footer')."""


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
    if isinstance(entry, GlossaryPage):
        return Glossary(entry.terms)
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


# The pages that keep the plan alive (issue #12): execution programmes, the goals overview,
# progress reports as they were, surveys and the open data page.
LIVING_TEMPLATES = {"programme": "programme.html", "programmes": "programmes.html",
                    "standing": "standing.html", "data": "data.html"}
RESERVED = ("uitvoering/", "data/", "voortgang/doelen.md")
"""Paths ivpgen generates pages or files at: a content page may not use them."""


def reserved(path: str) -> bool:
    """Whether ivpgen makes the page at this path itself."""
    return any(path == r or (r.endswith("/") and path.startswith(r)) for r in RESERVED)


def review_reserved(loaded: Loaded, prefix: str) -> list[Problem]:
    """Content pages at a path ivpgen generates a page at."""
    return [Problem(prefix + path, 1, "", "ivpgen maakt de pagina's en bestanden in "
                    f"{', '.join(RESERVED)} zelf; geef deze pagina een andere naam of map.")
            for path in sorted(loaded.content.pages) if reserved(path)]


def living_pages(loaded: Loaded, site: SiteView, catalog: Catalog, locale: Locale,
                 licence: str, site_url: str | None) -> dict[str, PageSpec]:
    """The programmes, the goals overview, the progress reports and surveys with their views,
    and the open data page; their charts are added to the catalog."""
    overview = standing.of_catalog(catalog)
    catalog.add(overview.chart)
    goal_charts = {g.goal.id: g.chart for g in overview.goals if g.chart}
    bodies = {path: source.body for path, source in loaded.sources.items()}
    data = OpenDataSet(Export(site, goal_charts, bodies, licence, site_url), locale)
    return {
        **_programme_pages(loaded, site, catalog, locale),
        standing.PAGE: PageSpec(LIVING_TEMPLATES["standing"], locale.t("standing.title"),
                                overview, True),
        **_report_pages(site, catalog),
        **_survey_pages(loaded, site, catalog),
        opendata.PAGE: PageSpec(LIVING_TEMPLATES["data"], locale.t("opendata.title"), data, True,
                                footer=True),
    }


def _programme_pages(loaded: Loaded, site: SiteView, catalog: Catalog,
                     locale: Locale) -> dict[str, PageSpec]:
    """A page per programme year and the overview of the years."""
    programmes = Programmes(site)
    reports = {r.year: (path, r.title) for path, r in loaded.content.pages.items()
               if isinstance(r, ProgressReport)}
    pages: dict[str, PageSpec] = {}
    for year in programmes.years:
        view = programmes.view(year, catalog.ctx, reports.get(year))
        catalog.add(view.chart)
        pages[programme.page_path(year)] = PageSpec(
            LIVING_TEMPLATES["programme"], locale.t("programme.title", year=year), view, True)
    pages[programme.OVERVIEW] = PageSpec(
        LIVING_TEMPLATES["programmes"], locale.t("programme.overview_title"),
        programme.OverviewView([programmes.summary(y) for y in programmes.ordered()]), True)
    return pages


def _report_pages(site: SiteView, catalog: Catalog) -> dict[str, PageSpec]:
    """Each progress report's page, as at its date, with its own charts."""
    history = snapshot.Reports(site)
    pages: dict[str, PageSpec] = {}
    for report in history.reports:
        view = history.view(report, catalog.ctx, catalog.progress(report.year))
        catalog.add(view.timeline)
        catalog.add(view.verdict_chart)
        pages[history.path(report)] = PageSpec(TEMPLATES["progress"], report.title, view)
    return pages


def _survey_pages(loaded: Loaded, site: SiteView, catalog: Catalog) -> dict[str, PageSpec]:
    """Each survey's page, with its concerns chart."""
    pages: dict[str, PageSpec] = {}
    for path, item in loaded.content.surveys.items():
        chart = catalog.add(survey.concerns_chart(catalog.ctx, path, item))
        pages[path] = PageSpec(TEMPLATES["survey"], item.title,
                               survey.view(site, path, item, chart))
    return pages

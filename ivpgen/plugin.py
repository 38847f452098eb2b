"""The MkDocs adapter: a thin plugin that runs the engine-free stages and hands views to Jinja.

MkDocs' own front matter reader drops broken YAML silently, so all content is read and
validated here, up front in ``on_files``, before a single page is rendered.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown as markdown_lib
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, normalize_url
from mkdocs.utils.templates import TemplateContext

from ivpgen.charts import shortcode
from ivpgen.charts.cache import ChartCache
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.placing import Placed, Placer, site_files
from ivpgen.charts.spec import Chart, KeyFigures
from ivpgen.check import load_and_check
from ivpgen.errors import ContentError, IvpgenError, Problem
from ivpgen.i18n import Locale, load_locale
from ivpgen.load import Loaded
from ivpgen.model import (
    FreePage,
    IndicatorsPage,
    ParticipationPage,
    PartnersPage,
    ProgressReport,
    Theme,
    theme_id,
)
from ivpgen.pdf.render import PrintContext
from ivpgen.pdf.summary import Summary, make_summaries
from ivpgen.style import Style
from ivpgen.views import SiteView

log = get_plugin_logger(__name__)

TEMPLATES = {
    "plan": "home.html",
    "theme": "theme.html",
    "indicators": "indicators.html",
    "partners": "partners.html",
    "participation": "participation.html",
    "progress": "progress.html",
    "page": "main.html",
}
STYLE_FILE = "assets/huisstijl.css"
PRINT_DIR = "print/"


class IvpgenConfig(base.Config):  # type: ignore[no-untyped-call]
    """The ``ivpgen`` plugin's options in mkdocs.yml: locale and house style."""

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
    """Folder for rendered charts and PDFs, relative to mkdocs.yml; kept between builds."""
    pdf = c.Type(bool, default=True)
    """Make the printed summary (one PDF per municipality plus the region); false switches it off.
    Never made during `ivpgen serve`, so a text edit shows at once."""


class IvpgenPlugin(BasePlugin[IvpgenConfig]):  # type: ignore[no-untyped-call]
    """Reads and checks content/, passes views to the templates, publishes site/ atomically."""

    def __init__(self) -> None:
        self.command = "build"
        self.loaded: Loaded | None = None
        self.site: SiteView | None = None
        self.locale: Locale | None = None
        self.links: dict[str, Any] = {}
        self.final_site_dir: Path | None = None
        self.building_dir: Path | None = None
        self.serve_problems: list[Problem] = []
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        self.catalog: Catalog | None = None
        self.placements: dict[str, list[shortcode.Placement]] = {}
        self.placer = Placer({})
        self.env: Environment | None = None
        self.svgs: dict[str, str] = {}
        self.summaries: list[Summary] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.locale = load_locale(self.config.locale)
            self.style.validate()
        except IvpgenError as exc:
            raise PluginError(str(exc)) from None
        if self.command == "build":
            self.final_site_dir = Path(config.site_dir)
            self.building_dir = self.final_site_dir.with_name(
                f".{self.final_site_dir.name}.nieuw-{os.getpid()}")
            config.site_dir = str(self.building_dir)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        return config

    @property
    def style(self) -> Style:
        return Style(self.config.primary_colour, self.config.accent_colour,
                     self.config.text_colour, self.config.font, self.config.logo)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        pages = [f.src_uri for f in files.documentation_pages()]
        for file in [f for f in files if f.src_uri.startswith(PRINT_DIR) and not f.is_documentation_page()
                     and not Path(f.abs_src_path or docs_dir).is_relative_to(docs_dir)]:
            files.remove(file)  # the print templates' CSS is for WeasyPrint, not for the site
        try:
            self.loaded, warnings = load_and_check(docs_dir, pages, _shown_prefix(docs_dir))
            self.serve_problems = []
        except ContentError as exc:
            for problem in exc.problems:
                (log.error if problem.severity == "error" else log.warning)(str(problem))
            if self.command != "serve":
                raise PluginError(str(exc)) from None
            # While previewing, keep serving: the last good version with the problems on top,
            # or, if there is none yet, a page that lists them. Fixing the file recovers.
            self.serve_problems = exc.problems
            if self.loaded is None:
                return _error_site(files, config, exc.problems)
            warnings = []
        for problem in warnings:
            log.warning(str(problem))
        self.site = SiteView(self.loaded.content)
        self.links = _links(self.loaded, files)
        files.append(File.generated(config, STYLE_FILE, content=self.style.css()))
        self._charts(config, files)
        if self.config.pdf and self.command != "serve":
            self._pdfs(config, files)
        return files

    def _pdfs(self, config: MkDocsConfig, files: Files) -> None:
        """Make (or take from the cache) every edition of the printed summary; add it to the site."""
        assert self.loaded is not None and self.site is not None and self.locale is not None
        assert self.catalog is not None
        bodies = {theme_id(src): self.loaded.sources[src].body
                  for src, page in self.loaded.content.pages.items() if isinstance(page, Theme)}
        ctx = PrintContext(self.site, self.catalog, self.svgs, self.locale, self.style,
                           Path(str(config.theme.custom_dir)), bodies, _markdown(config),
                           config.site_url or None)
        folder = Path(config.config_file_path).parent / self.config.cache_dir / "pdf"
        try:
            self.summaries, report = make_summaries(ctx, folder)
        except IvpgenError as exc:
            raise PluginError(str(exc)) from None
        for warning in report.warnings:
            log.warning(warning)
        pages = sum(s.file.pages for s in self.summaries)
        log.info(f"{report.total} samenvattingen (pdf, {pages} pagina's), {report.made} opnieuw "
                 f"gemaakt ({report.seconds:.1f} s)")
        for summary in self.summaries:
            files.append(File.generated(config, summary.file.path, content=summary.file.data))
        self.links["summaries"] = [
            (self.locale.t("home.summary_pdf_link", edition=s.label,
                           size=f"{self.locale.number(s.size / 1000, 0)} kB", pages=s.file.pages),
             s.file.path) for s in self.summaries]

    def _charts(self, config: MkDocsConfig, files: Files) -> None:
        """Build every chart's data, resolve the shortcodes, render what changed, add the files."""
        assert self.loaded is not None and self.site is not None and self.locale is not None
        self.catalog = Catalog(self.site, self.locale, self.style)
        prefix = _shown_prefix(Path(config.docs_dir))
        self.placements, problems = shortcode.all_placements(
            self.catalog, _bodies(self.loaded), prefix)
        if problems:
            for problem in problems:
                log.error(str(problem))
            raise PluginError(str(ContentError(problems)))
        cache = ChartCache(Path(config.config_file_path).parent / self.config.cache_dir / "charts")
        try:
            svgs, report = cache.svgs(self.catalog.charts.values())
        except IvpgenError as exc:
            raise PluginError(str(exc)) from None
        log.info(f"{report.total} grafieken, {report.rendered} opnieuw getekend "
                 f"({report.seconds:.1f} s)")
        self.placer = Placer(svgs)
        self.svgs = svgs
        for path, text in site_files(self.catalog.charts, svgs, self.catalog.tiles()):
            files.append(File.generated(config, path, content=text))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.loaded is not None
        src = page.file.src_uri
        entry = self.loaded.content.pages.get(src)
        if entry is None:  # serve: a page added since the last good version
            page.meta = {"template": TEMPLATES["page"]}
            return markdown
        kind = getattr(entry, "type", "page")
        page.meta = {"template": TEMPLATES[kind]}
        title = getattr(entry, "title", None)
        if title:
            page.meta["title"] = title
        return shortcode.replace(self.loaded.sources[src].body, self.placements.get(src, []))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        assert self.locale is not None
        locale = self.locale
        env.autoescape = True
        convert = _markdown(config)

        def render_markdown(text: str) -> Markup:
            return Markup(convert(text))  # noqa: S704 - Markdown output is our HTML

        placer = self.placer

        @pass_context
        def place_chart(context: Context, item: Chart | KeyFigures) -> Placed:
            page = context.get("page")
            placed = placer.place(page.file.src_uri if page else "", item,
                                  lambda path: normalize_url(path, page))
            return Placed(placed.item, placed.prefix, Markup(placed.svg),  # noqa: S704 - our SVG
                          placed.links)

        env.globals.update(t=locale.t, ivp=self.site, links=self.links,
                           serving=self.command == "serve", serve_problems=self.serve_problems,
                           charts=self.catalog, place_chart=place_chart)
        self.env = env
        env.filters.update(locale.filters(),
                           markdown=render_markdown)
        return env

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        assert self.loaded is not None
        extra = context  # our templates read two keys MkDocs' TypedDict does not declare
        extra["entry"] = self.loaded.content.pages.get(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
        extra["theme_id"] = theme_id(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
        self.placer.start_page(page.file.src_uri)
        page.content = self._fill_charts(page, page.content or "")
        return context

    def _fill_charts(self, page: Page, html: str) -> str:
        """Replace the shortcodes' placeholders by the chart macro's HTML."""
        if self.env is None or self.catalog is None or "ivpgen-grafiek" not in html:
            return html
        macros = self.env.get_template("partials/charts.html").make_module(
            {"page": page})
        catalog = self.catalog

        def figure(match: re.Match[str]) -> str:
            chart_id = match.group(1)
            if chart_id == shortcode.TILES:
                return str(macros.tiles(catalog.tiles()))  # type: ignore[attr-defined]
            return str(macros.chart(catalog.charts[chart_id]))  # type: ignore[attr-defined]

        return shortcode.PLACEHOLDER_RE.sub(figure, html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        _reproducible_sitemap(site_dir)
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        # Under --strict, MkDocs aborts after this event when there were warnings: do not publish.
        if self.final_site_dir is not None and not (config.strict and self.warnings.get_counts()):
            _publish(site_dir, self.final_site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        """Throw the unfinished build away; the published site stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.building_dir is not None:
            shutil.rmtree(self.building_dir, ignore_errors=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(__file__).parent / "locale"))
        return server


def _markdown(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown to HTML with the site's extensions, for text fields in front matter."""
    renderer = markdown_lib.Markdown(extensions=config.markdown_extensions,
                                     extension_configs=config.mdx_configs)

    def convert(text: str) -> str:
        renderer.reset()
        return renderer.convert(text)

    return convert


def _bodies(loaded: Loaded) -> list[tuple[str, str, int]]:
    """Every page's Markdown body with its path and the file line it starts on."""
    return [(src, s.body, s.body_line) for src, s in sorted(loaded.sources.items())]


def _error_site(files: Files, config: MkDocsConfig, problems: list[Problem]) -> Files:
    """A one-page site listing the problems, for a preview that has never built successfully."""
    items = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
    html = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fouten in de inhoud'
            '</title><link rel="stylesheet" href="assets/ivpgen.css"></head><body><main class="wrap">'
            f"<h1>De inhoud bevat fouten</h1><p>Herstel deze problemen; de pagina vernieuwt zich "
            f"vanzelf.</p><ul>{items}</ul></main></body></html>")
    config.theme.static_templates.clear()  # 404.html needs a plan; this build has none
    kept = Files([f for f in files if not f.is_documentation_page()])
    kept.append(File.generated(config, "index.html", content=html))
    return kept


def _shown_prefix(docs_dir: Path) -> str:
    """How content paths are shown in messages: relative to the working folder if possible."""
    try:
        return docs_dir.resolve().relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return docs_dir.as_posix() + "/"


def _links(loaded: Loaded, files: Files) -> dict[str, Any]:
    """Site-relative URLs of the special pages, for menus, cards and cross-links."""
    pages = loaded.content.pages

    def url(src: str) -> str:
        file = files.get_file_from_path(src)
        return file.url if file else ""

    def first(kind: type) -> str:
        return next((url(src) for src, page in sorted(pages.items()) if isinstance(page, kind)), "")

    return {
        "themes": {theme_id(src): url(src) for src, p in pages.items() if isinstance(p, Theme)},
        "indicators": first(IndicatorsPage),
        "partners": first(PartnersPage),
        "participation": first(ParticipationPage),
        "progress": {p.year: url(src) for src, p in pages.items() if isinstance(p, ProgressReport)},
        "summaries": [],
        "footer": [(p.title or src, url(src)) for src, p in sorted(pages.items())
                   if isinstance(p, FreePage) and p.footer],
    }


def _reproducible_sitemap(site_dir: Path) -> None:
    """Rewrite sitemap.xml.gz without the build time MkDocs stamps into the gzip header."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
            out.write(sitemap.read_bytes())


def _publish(new: Path, final: Path) -> None:
    """Replace the published site by the new build in two renames, so it is never half-written."""
    old = final.with_name(f".{final.name}.oud-{os.getpid()}")
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)

"""The MkDocs/ProperDocs adapter: a thin plugin that runs the pipeline and hands views to Jinja.

MkDocs' own front matter reader drops broken YAML silently, so all content is read and
validated by the pipeline, up front in ``on_files``, before a single page is rendered. Every
user-facing error passes one boundary (``_boundary``) and becomes the engine's PluginError:
a clear message, never a traceback.
"""

from __future__ import annotations

import functools
import gzip
import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from jinja2 import Environment, TemplateSyntaxError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, normalize_url
from mkdocs.utils.templates import TemplateContext

from ivpgen import engine
from ivpgen.charts import shortcode
from ivpgen.charts.placing import Placed, Placer
from ivpgen.charts.spec import Chart, KeyFigures
from ivpgen.editions import Edition, editions, kept_folders, written_lang
from ivpgen.errors import IvpgenError, Problem
from ivpgen.glossary import Glossary, plan_glossary
from ivpgen.i18n import Locale, load_locale
from ivpgen.icons import sprite
from ivpgen.menu import menu
from ivpgen.model import (
    FreePage,
    IndicatorsPage,
    ParticipationPage,
    PartnersPage,
    ProgressReport,
    Theme,
    theme_id,
)
from ivpgen.opendata.records import PAGE as DATA_PAGE
from ivpgen.options import IvpgenConfig
from ivpgen.pages import TEMPLATES
from ivpgen.pdf.summary import home_links
from ivpgen.pipeline import STYLE_FILE, Outcome, Pipeline, Settings
from ivpgen.progress import Progress
from ivpgen.rendered import finish_stored
from ivpgen.search import SearchDocuments
from ivpgen.settings import read_config, review, style_of
from ivpgen.store import Store
from ivpgen.style import Style
from ivpgen.tables import wrap_tables

log = get_plugin_logger(__name__)

PRINT_DIR = "print/"
STORE_VARIABLE = "IVPGEN_CACHE_DIR"
"""Overrides the plugin option cache_dir: one store for several plans (CI caches, test suites)."""
P = ParamSpec("P")
R = TypeVar("R")


def _boundary(hook: Callable[P, R]) -> Callable[P, R]:
    """Turn every user-facing error raised in a hook into the engine's PluginError."""

    @functools.wraps(hook)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return hook(*args, **kwargs)
        except IvpgenError as exc:
            raise PluginError(str(exc)) from None

    return wrapped


@dataclass
class State:
    """Everything the plugin keeps between hooks (and, for the pipeline, between serve rebuilds)."""

    command: str = "build"
    pipeline: Pipeline = field(default_factory=Pipeline)
    outcome: Outcome | None = None
    """The outcome the pages are rendered from: this build's, or in serve the last good one."""
    serve_problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    """This build stopped on errors (the CLI exits with status 2)."""
    locale: Locale | None = None
    links: dict[str, Any] = field(default_factory=dict)
    placer: Placer = field(default_factory=lambda: Placer({}))
    env: Environment | None = None
    final_site_dir: Path | None = None
    building_dir: Path | None = None
    warnings: CountHandler = field(default_factory=CountHandler)
    style: Style = field(default_factory=Style)
    """The house style, read once per build in on_config."""
    search: SearchDocuments = field(default_factory=SearchDocuments)
    glossary: tuple[str, Glossary] | None = None
    """The glossary page's path and its terms, when the plan has one."""
    editions: list[Edition] = field(default_factory=list)
    """The plan's language editions, this one first (none when it has one)."""
    store: Store | None = None
    """This build's store of charts, PDFs and finished pages."""


class IvpgenPlugin(BasePlugin[IvpgenConfig]):  # type: ignore[no-untyped-call]
    """Reads and checks content/ through the pipeline, passes views to the templates, and
    publishes site/ atomically."""

    def __init__(self) -> None:
        self.state = State()
        self.progress: Progress | None = None
        """Set by ``ivpgen build`` to show steps and progress bars; its summary then says what
        the charts and PDFs stages did, so the log keeps that for --verbose."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.state = State(command)

    def on_shutdown(self) -> None:
        self.state.pipeline.close()

    @_boundary
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        state = self.state
        state.failed = False
        if state.command == "build":  # count from here: a warning about mkdocs.yml counts too
            state.warnings = CountHandler()
            state.warnings.setLevel(logging.WARNING)
            logging.getLogger(engine.NAME).addHandler(state.warnings)
        _review_config(config)
        if config.theme.name != "ivpgen":
            raise PluginError("ivpgen werkt alleen met zijn eigen thema; zet in mkdocs.yml: "
                              "theme: {name: ivpgen}")
        state.locale = load_locale(self.config.locale)
        state.editions = editions(state.locale, self.config.editions)
        state.style = style_of(self.config, Path(config.docs_dir), state.locale)
        state.search = SearchDocuments()
        # ivpgen reports broken menu entries and links itself, in Dutch, with the line.
        config.validation.nav.not_found = logging.DEBUG
        config.validation.links.not_found = logging.DEBUG
        config.validation.nav.omitted_files = logging.DEBUG
        if state.command == "build":
            state.final_site_dir = Path(config.site_dir)
            state.building_dir = state.final_site_dir.with_name(
                f".{state.final_site_dir.name}.nieuw-{os.getpid()}")
            config.site_dir = str(state.building_dir)
        return config

    def settings(self, config: MkDocsConfig, files: Files) -> Settings:
        """The pipeline's settings, from mkdocs.yml and the engine's list of files."""
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        return Settings(
            docs_dir=docs_dir, pages=[f.src_uri for f in files.documentation_pages()],
            locale=self.config.locale, style=self.state.style,
            template_dirs=tuple(Path(d) for d in config.theme.dirs),
            store_dir=Path(os.environ.get(STORE_VARIABLE) or root / self.config.cache_dir),
            site_url=config.site_url or None,
            pdf=self.config.pdf, markdown_extensions=list(config.markdown_extensions),
            markdown_configs=dict(config.mdx_configs), shown_prefix=shown_prefix(docs_dir),
            licence=self.config.licence, config_name=shown_prefix(root) +
            Path(config.config_file_path).name)

    @_boundary
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        state = self.state
        docs_dir = Path(config.docs_dir)
        for file in files:
            if file.src_uri.startswith(PRINT_DIR) and not file.is_documentation_page() and \
                    not Path(file.abs_src_path or docs_dir).is_relative_to(docs_dir):
                file.inclusion = InclusionLevel.EXCLUDED  # print CSS is for WeasyPrint only
            if file.src_uri in state.style.sources:
                file.inclusion = InclusionLevel.EXCLUDED  # published as checked copies instead
        outcome = self._build(self.settings(config, files), pdf=state.command != "serve")
        if outcome.failed:
            if state.command != "serve":
                state.failed = True
                count = sum(p.severity == "error" for p in outcome.problems)
                raise PluginError(f"de inhoud bevat {count} "
                                  f"{'fout' if count == 1 else 'fouten'}.")
            # While previewing, keep serving: the last good version with the problems on top,
            # or, if there is none yet, a page that lists them. Fixing the file recovers.
            state.serve_problems = [p for p in outcome.problems if p.severity != "info"]
            if state.outcome is None:
                return _error_site(files, config, state.serve_problems)
        else:
            state.serve_problems = []
            state.outcome = outcome
        return self._add_files(files, config)

    def _build(self, settings: Settings, pdf: bool) -> Outcome:
        """Check, log what the check found (during its step), then draw and make the rest."""
        progress = self.progress or Progress()
        progress.step("content")
        pipeline = self.state.pipeline
        self.state.store = pipeline.store(settings)
        outcome = pipeline.check(settings)
        _log(outcome.problems, outcome.notes)
        infos = sum(p.severity == "info" for p in outcome.problems)
        if infos and self.state.locale is not None:
            log.info(self.state.locale.t("build.infos", count=infos))
        problems, notes = len(outcome.problems), len(outcome.notes)
        pipeline.finish(settings, outcome, pdf, progress)
        _log(outcome.problems[problems:], outcome.notes[notes:])
        for line in outcome.report():  # the console's summary says the same
            log.log(logging.INFO if self.progress is None else logging.DEBUG, line)
        return outcome

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        state = self.state
        outcome = state.outcome
        assert outcome is not None and outcome.loaded is not None and state.locale is not None
        files.append(File.generated(config, STYLE_FILE, content=state.style.css()))
        for path, data in state.style.files():
            files.append(File.generated(config, path, content=data))
        for path, content in outcome.files:
            files.append(File.generated(config, path, content=content))
        for src, spec in outcome.pages.items():
            if spec.generated and files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content="",
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        state.links = _links(outcome, files, state.locale)
        state.glossary = plan_glossary(outcome.loaded.content)
        state.placer = Placer(outcome.svgs)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        outcome = self.state.outcome
        assert outcome is not None and outcome.loaded is not None
        src = page.file.src_uri
        spec = outcome.pages.get(src)
        if spec is None:  # serve: a page added since the last good version
            page.meta = {"template": TEMPLATES["page"]}
            return markdown
        page.meta = {"template": spec.template}
        if spec.title:
            page.meta["title"] = spec.title
        if spec.generated:
            return ""
        return shortcode.replace(outcome.loaded.sources[src].body, outcome.placements.get(src, []))

    @_boundary
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        state = self.state
        if state.outcome is None:  # serve, before the first good build: the error page only
            return env
        if self.progress is not None:
            self.progress.step("pages")
        assert state.locale is not None
        locale = state.locale
        env.autoescape = True
        env.bytecode_cache = state.pipeline.bytecode_cache(self.settings(config, files), "site")
        convert = self.settings(config, files).markdown()
        placer = state.placer

        lang = written_lang(locale)

        def written(html: str) -> Markup:
            """Plan content as HTML, marked with its language in an edition in another one."""
            return Markup(f"<div{lang}>{html}</div>" if lang else html)  # noqa: S704 - our HTML

        def render_markdown(text: str) -> Markup:
            return written(convert(text))

        data_page = state.links.get("pages", {}).get(DATA_PAGE, "")

        @pass_context
        def place_chart(context: Context, item: Chart | KeyFigures) -> Placed:
            page = context.get("page")
            placed = placer.place(page.file.src_uri if page else "", item,
                                  lambda path: normalize_url(path, page))
            if data_page:  # the open data page, which explains every chart's data too
                placed.links["data"] = normalize_url(data_page, page)
            return placed

        def t(key: str, **values: Any) -> str:
            try:
                return locale.t(key, **values)
            except IvpgenError as exc:
                raise PluginError(locale.t("build.theme_error", message=exc)) from None

        site = state.outcome.site
        assert site is not None
        env.globals.update(t=t, ivp=site, links=state.links, engine=engine.NAME, house=state.style,
                           editions=state.editions, written_lang=lang,
                           site_url=config.site_url or None,
                           icon_sprite=sprite(site.themes.values()),
                           serving=state.command == "serve", serve_problems=state.serve_problems,
                           charts=state.outcome.catalog, place_chart=place_chart)
        env.filters.update(locale.filters(), markdown=render_markdown, written=written)
        _compile_templates(env, locale)
        state.env = env
        return env

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        outcome = self.state.outcome
        assert outcome is not None and outcome.loaded is not None
        extra = context  # our templates read two keys MkDocs' TypedDict does not declare
        src = page.file.src_uri
        spec = outcome.pages.get(src)
        extra["entry"] = outcome.loaded.content.pages.get(src)  # type: ignore[typeddict-unknown-key]
        extra["view"] = spec.view if spec else None  # type: ignore[typeddict-unknown-key]
        extra["theme_id"] = theme_id(src)  # type: ignore[typeddict-unknown-key]
        extra["menu"] = menu(nav, src, self.state.links,  # type: ignore[typeddict-unknown-key]
                             self._home())
        self.state.placer.start_page(page.file.src_uri)
        page.content = self._fill_charts(page, page.content or "")
        return context

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        """Static pages (404, search) get the menu too."""
        extra = context
        extra["menu"] = menu(context["nav"], "", self.state.links,  # type: ignore[typeddict-unknown-key]
                             self._home())
        return context

    def _home(self) -> str:
        return self.state.locale.t("site.home") if self.state.locale else ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Tables written in Markdown scroll inside a labelled region on a narrow screen."""
        locale = self.state.locale
        return wrap_tables(html, locale.t("site.table_region")) if locale else html

    def _fill_charts(self, page: Page, html: str) -> str:
        """Replace the shortcodes' placeholders by the chart macro's HTML."""
        env, outcome = self.state.env, self.state.outcome
        if env is None or outcome is None or outcome.catalog is None or \
                "ivpgen-grafiek" not in html:
            return html
        macros = env.get_template("partials/charts.html").make_module({"page": page})
        catalog = outcome.catalog

        def figure(match: re.Match[str]) -> str:
            chart_id = match.group(1)
            if chart_id == shortcode.TILES:
                return str(macros.tiles(catalog.tiles()))  # type: ignore[attr-defined]
            return str(macros.chart(catalog.charts[chart_id]))  # type: ignore[attr-defined]

        return shortcode.PLACEHOLDER_RE.sub(figure, html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Mark the first use of each glossary term and link phone numbers, then index the page
        as it is shown."""
        state = self.state
        if state.outcome is None:
            return output
        src, glossary = state.glossary or ("", None)
        args = (output, page.url, page.title or "", glossary if src != page.file.src_uri else None,
                normalize_url(state.links["pages"].get(src, ""), page))
        assert state.store is not None, "set with the outcome, in _build"
        output, documents = finish_stored(state.store, *args)
        state.search.add(page.url, documents)
        return output

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        state = self.state
        site_dir = Path(config.site_dir)
        _reproducible_sitemap(site_dir)
        state.search.write(site_dir / "search" / "search_index.json")
        logging.getLogger(engine.NAME).removeHandler(state.warnings)
        # Under --strict, MkDocs aborts after this event when there were warnings: do not publish.
        if state.final_site_dir is not None and not (config.strict and state.warnings.get_counts()):
            _publish(site_dir, state.final_site_dir, list(kept_folders(state.editions)))

    def on_build_error(self, *, error: Exception) -> None:
        """Throw the unfinished build away; the published site stays as it was."""
        state = self.state
        logging.getLogger(engine.NAME).removeHandler(state.warnings)
        if state.building_dir is not None:
            shutil.rmtree(state.building_dir, ignore_errors=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(__file__).parent / "locale"))
        return server


def _log(problems: list[Problem], notes: list[str]) -> None:
    _log_problems(problems)
    for note in notes:
        log.info(note)


def _review_config(config: MkDocsConfig) -> None:
    """Review mkdocs.yml as ``ivpgen check`` does: warnings logged, errors stop the build."""
    path = Path(config.config_file_path)
    source, problems = read_config(path, shown_prefix(path.parent) + path.name)
    if source is not None:
        problems = review(source)
    _log_problems(problems, infos=True)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        raise PluginError(f"{path.name} bevat {errors} {'fout' if errors == 1 else 'fouten'}.")


def _log_problems(problems: list[Problem], infos: bool = False) -> None:
    """Errors and warnings one by one, and the info when asked (about mkdocs.yml: a few lines);
    the content's info is counted by the caller (``ivpgen check`` lists it)."""
    for problem in problems:
        if problem.severity == "error":
            log.error(str(problem))
        elif problem.severity == "warning":
            log.warning(str(problem))
        elif infos:
            log.info(str(problem))


def _compile_templates(env: Environment, locale: Locale) -> None:
    """Compile every theme template now, so a broken one is one clear message, not a traceback.
    The print templates have their own environment and filters (``pdf.render.environment``)."""
    for name in env.list_templates(extensions=["html", "xml"]):
        if name.startswith(PRINT_DIR):
            continue
        try:
            env.get_template(name)
        except TemplateSyntaxError as exc:
            raise PluginError(locale.t("build.template_error", name=exc.filename or name,
                                       line=exc.lineno, message=exc.message)) from None


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


def shown_prefix(folder: Path) -> str:
    """How paths in a folder are shown in messages: relative to the working folder if possible."""
    try:
        shown = folder.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = folder.as_posix()
    return "" if shown == "." else shown + "/"


def _links(outcome: Outcome, files: Files, locale: Locale) -> dict[str, Any]:
    """Site-relative URLs of the pages, for menus, cards and cross-links: ``pages`` has every
    page (content and generated) by its path, e.g. links.pages['gemeente/soest.md']."""
    assert outcome.loaded is not None
    pages = outcome.loaded.content.pages

    def url(src: str) -> str:
        file = files.get_file_from_path(src)
        return file.url if file else ""

    def first(kind: type) -> str:
        return next((url(src) for src, page in sorted(pages.items()) if isinstance(page, kind)), "")

    return {
        "pages": {src: url(src) for src in outcome.pages},
        "themes": {theme_id(src): url(src) for src, p in pages.items() if isinstance(p, Theme)},
        "indicators": first(IndicatorsPage),
        "partners": first(PartnersPage),
        "participation": first(ParticipationPage),
        "progress": {p.year: url(src) for src, p in pages.items() if isinstance(p, ProgressReport)},
        "surveys": [(s.title, url(src)) for src, s in outcome.loaded.content.surveys.items()],
        "summaries": home_links(outcome.summaries, locale),
        "footer": [(p.title or src, url(src)) for src, p in sorted(pages.items())
                   if isinstance(p, FreePage) and p.footer] +
                  [(s.title or src, url(src)) for src, s in outcome.pages.items() if s.footer],
    }


def _reproducible_sitemap(site_dir: Path) -> None:
    """Rewrite sitemap.xml.gz without the build time MkDocs stamps into the gzip header."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as out:
            out.write(sitemap.read_bytes())


def _publish(new: Path, final: Path, kept: list[str]) -> None:
    """Replace the published site by the new build in two renames, so it is never half-written;
    the folders in ``kept`` (other language editions, e.g. 'en') move into the new build."""
    old = final.with_name(f".{final.name}.oud-{os.getpid()}")
    for folder in kept:
        if (final / folder).is_dir() and not (new / folder).exists():
            (new / folder).parent.mkdir(parents=True, exist_ok=True)
            (final / folder).rename(new / folder)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)

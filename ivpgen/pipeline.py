"""The build pipeline, engine-free: a plan's settings in; its problems, views and assets out.

    read     content/ -> validated content                          (load)
    review   cross-checks, SMART, shortcodes, links, other hosts    (check, links, shortcode)
             example text and illustrative figures left (info)      (placeholders)
    views    what the pages show, computed once                     (views, charts.catalog)
    charts   chart specs -> SVGs: from the store, or drawn          (charts.cache)
    print    editions -> PDFs: from the store, or made              (pdf)

Everything is gathered before anything is written. The MkDocs/ProperDocs plugin, ``ivpgen
check`` and the benchmarks all call this module, so they judge a plan alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown as markdown_lib
from jinja2 import FileSystemBytecodeCache

from ivpgen.agenda import calendar_files
from ivpgen.charts import shortcode
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.placing import site_files
from ivpgen.check import check
from ivpgen.errors import Problem
from ivpgen.fingerprint import inputs_digest
from ivpgen.i18n import Locale, load_locale
from ivpgen.links import review_page
from ivpgen.load import Loaded, load_content
from ivpgen.model import Plan, Theme, theme_id
from ivpgen.opendata.records import PAGE as DATA_PAGE
from ivpgen.pages import PageSpec, living_pages, site_pages
from ivpgen.placeholders import review as placeholder_review
from ivpgen.progress import Progress
from ivpgen.runner import Runner
from ivpgen.store import Store
from ivpgen.style import Style
from ivpgen.views import SiteView, reference
from ivpgen.views.outcome import Ctx
from ivpgen.views.words import Words

if TYPE_CHECKING:
    from ivpgen.pdf.render import PrintContext

STYLE_FILE = "assets/huisstijl.css"
GENERATED = ("grafieken/", "samenvatting/", "assets/")
"""Folders the build writes into the site: links into them are not checked against content/."""


@dataclass
class Settings:
    """What one build of a plan needs to know, read from mkdocs.yml by the engine adapter."""

    docs_dir: Path
    pages: list[str]
    """The Markdown pages in docs_dir, as paths relative to it."""
    locale: str = "nl"
    style: Style = field(default_factory=Style)
    template_dirs: tuple[Path, ...] = ()
    """The theme's folders, a plan's own custom_dir first (print templates are looked up here)."""
    store_dir: Path = Path(".cache/ivpgen")
    site_url: str | None = None
    pdf: bool = True
    markdown_extensions: list[Any] = field(default_factory=list)
    markdown_configs: dict[str, Any] = field(default_factory=dict)
    shown_prefix: str = ""
    """How content paths are shown in messages, e.g. 'content/'."""
    licence: str = "CC0-1.0"
    """The licence of the open data (plugin option ``licence``)."""
    config_name: str = "mkdocs.yml"
    """The settings file as staff know it, for messages about its settings."""

    def fingerprint(self) -> str:
        """The fingerprint of everything this build reads (see ``fingerprint``)."""
        shown = repr((self.locale, self.style, self.site_url, self.markdown_extensions,
                      sorted(self.markdown_configs.items(), key=lambda item: item[0])))
        return inputs_digest(self.docs_dir, self.template_dirs, shown)

    def markdown(self) -> Callable[[str], str]:
        """Markdown to HTML with the site's extensions, for text fields in front matter."""
        renderer = markdown_lib.Markdown(extensions=self.markdown_extensions,
                                         extension_configs=self.markdown_configs)

        def convert(text: str) -> str:
            renderer.reset()
            return renderer.convert(text)

        return convert


@dataclass
class Outcome:
    """What a run of the pipeline found and made; later stages are None when an earlier failed."""

    problems: list[Problem]
    loaded: Loaded | None = None
    locale: Locale | None = None
    site: SiteView | None = None
    catalog: Catalog | None = None
    placements: dict[str, list[shortcode.Placement]] = field(default_factory=dict)
    pages: dict[str, PageSpec] = field(default_factory=dict)
    """Every page of the site (content and generated) with its template and view."""
    svgs: dict[tuple[str, str], str] = field(default_factory=dict)
    """Every chart's drawings by (chart id, variant name): 'wide', 'narrow', 'print'."""
    summaries: list[Any] = field(default_factory=list)
    files: list[tuple[str, str | bytes]] = field(default_factory=list)
    """Files the build adds to the site: (path in the site, content)."""
    notes: list[str] = field(default_factory=list)
    """Progress and machine messages, for the log at info level."""
    stats: dict[str, float] = field(default_factory=dict)
    """What the build did, for summaries and benchmarks: charts, charts_drawn, charts_seconds,
    pdfs, pdfs_made, pdf_pages, pdf_seconds."""

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def report(self) -> list[str]:
        """What the charts and PDFs stages did, in the locale's words (for a log or a summary)."""
        stats, locale = self.stats, self.locale
        if locale is None:
            return []
        lines = []
        if "charts" in stats:
            lines.append(locale.t("build.charts", total=int(stats["charts"]),
                                  drawn=int(stats["charts_drawn"]),
                                  cached=int(stats["charts"] - stats["charts_drawn"]),
                                  seconds=locale.number(stats["charts_seconds"], 1)))
        if "pdfs" in stats:
            lines.append(locale.t("build.pdfs", total=int(stats["pdfs"]),
                                  pages=int(stats["pdf_pages"]), made=int(stats["pdfs_made"]),
                                  seconds=locale.number(stats["pdf_seconds"], 1)))
        return lines


class Pipeline:
    """Runs the stages; keeps its worker pool and stores for the life of the process."""

    def __init__(self, runner: Runner | None = None) -> None:
        self.runner = runner or Runner()
        self._stores: dict[Path, Store] = {}

    def store(self, settings: Settings) -> Store:
        folder = settings.store_dir.resolve()
        return self._stores.setdefault(folder, Store(folder))

    def bytecode_cache(self, settings: Settings, env: str) -> FileSystemBytecodeCache:
        """Compiled Jinja templates, kept in the store's folder so a warm build compiles none.
        One folder per environment (``site``, ``print``): Jinja keys compiled code by template
        name only, and the print environment trims whitespace where the site's does not."""
        folder = settings.store_dir.resolve() / "jinja" / env
        folder.mkdir(parents=True, exist_ok=True)
        return FileSystemBytecodeCache(str(folder))

    def close(self) -> None:
        self.runner.close()

    def check(self, settings: Settings) -> Outcome:
        """Read and review the content: every problem, and the views when there is no error."""
        prefix = settings.shown_prefix
        locale = load_locale(settings.locale)
        loaded = load_content(settings.docs_dir, settings.pages, prefix)
        problems = loaded.problems + check(loaded, prefix)
        plans = [page for page in loaded.content.pages.values() if isinstance(page, Plan)]
        notes = [_reference_note(loaded, locale)] if len(plans) == 1 else []
        if any(p.severity == "error" for p in problems):
            return Outcome(sorted(problems), notes=notes)
        site = SiteView(loaded.content)
        catalog = Catalog(site, locale, settings.style)
        placements, found = shortcode.all_placements(catalog, _bodies(loaded), prefix)
        pages = site_pages(loaded, Ctx(site, Words(site, locale), catalog)) | living_pages(
            loaded, site, catalog, locale, settings.licence, settings.site_url)
        problems += found + _link_problems(settings, loaded, pages) + \
            placeholder_review(loaded, site, prefix) + _print_settings(settings, locale)
        return Outcome(sorted(problems), loaded, locale, site, catalog, placements, pages,
                       notes=notes)

    def build(self, settings: Settings, pdf: bool = True,
              progress: Progress | None = None) -> Outcome:
        """Check, then draw the charts and make the PDFs that are not in the store yet;
        ``progress`` hears of each step and of each chart drawn and PDF made."""
        progress = progress or Progress()
        progress.step("content")
        return self.finish(settings, self.check(settings), pdf, progress)

    def finish(self, settings: Settings, outcome: Outcome, pdf: bool = True,
               progress: Progress | None = None) -> Outcome:
        """The charts and PDFs of a checked outcome (nothing when the check found errors)."""
        progress = progress or Progress()
        if outcome.failed or outcome.catalog is None:
            return outcome
        store = self.store(settings)
        progress.step("charts")
        self._charts(outcome, store, progress)
        outcome.files += outcome.pages[DATA_PAGE].view.files()
        assert outcome.site is not None and outcome.locale is not None
        outcome.files += calendar_files(outcome.site.participation, outcome.locale,
                                        settings.site_url)
        progress.step("pdfs", skipped=not (pdf and settings.pdf))
        if pdf and settings.pdf:
            self._print(settings, outcome, store, progress)
        store.prune()
        return outcome

    def _charts(self, outcome: Outcome, store: Store, progress: Progress) -> None:
        from ivpgen.charts.cache import chart_svgs

        assert outcome.catalog is not None
        catalog = outcome.catalog
        outcome.svgs, report = chart_svgs(catalog.charts.values(), store, self.runner, progress)
        outcome.stats.update(charts=report.total, charts_drawn=report.drawn,
                             charts_seconds=report.seconds)
        outcome.files += site_files(catalog.charts, outcome.svgs, catalog.tiles())

    def _print(self, settings: Settings, outcome: Outcome, store: Store,
               progress: Progress) -> None:
        from ivpgen.pdf.summary import make_summaries

        assert outcome.locale is not None
        ctx = print_context(settings, outcome, self.bytecode_cache(settings, "print"))
        outcome.summaries, report = make_summaries(ctx, store, self.runner,
                                                   settings.fingerprint(), progress)
        outcome.problems += [Problem(s.file.path, 0, "", message, "warning")
                             for s in outcome.summaries for message in report.warnings
                             if message.startswith(s.file.path + ":")]
        outcome.problems += [
            Problem(s.poster.path, 0, "", outcome.locale.t(
                "build.poster_pages", edition=s.label, pages=s.poster.pages), "warning")
            for s in outcome.summaries if s.poster.pages != 1]
        pages = sum(s.file.pages + s.poster.pages for s in outcome.summaries)
        outcome.stats.update(pdfs=report.total, pdfs_made=report.made, pdf_pages=pages,
                             pdf_seconds=report.seconds)
        outcome.notes += [outcome.locale.t("build.machine", message=m) for m in report.machine]
        outcome.files += [file for s in outcome.summaries for file in s.files]


def print_context(settings: Settings, outcome: Outcome,
                  bytecode_cache: FileSystemBytecodeCache | None = None) -> PrintContext:
    """What the print stage needs from a checked outcome with its charts (a PrintContext)."""
    from ivpgen.pdf.render import PrintContext

    assert outcome.loaded and outcome.site and outcome.catalog and outcome.locale
    loaded = outcome.loaded
    themes = {theme_id(src): src for src, page in loaded.content.pages.items()
              if isinstance(page, Theme)}
    return PrintContext(outcome.site, outcome.catalog, outcome.svgs, outcome.locale,
                        settings.style, settings.template_dirs,
                        {tid: loaded.sources[src].body for tid, src in themes.items()},
                        settings.markdown(), settings.site_url, bytecode_cache,
                        {tid: outcome.placements.get(src, []) for tid, src in themes.items()})


def _print_settings(settings: Settings, locale: Locale) -> list[Problem]:
    """Without a web address the printed summaries and posters have no QR code. An info, not a
    warning: a plan may be built before its address is known (as the example plan is, which has
    no real address), and --strict must still pass then."""
    if not settings.pdf or settings.site_url:
        return []
    return [Problem(settings.config_name, 0, "site_url", locale.t("build.no_site_url"), "info")]


def _reference_note(loaded: Loaded, locale: Locale) -> str:
    """Which date the plan is judged against, and where that date comes from."""
    day, source = reference(loaded.content)
    return locale.t(f"build.reference_{source}", date=locale.date(day))


def _bodies(loaded: Loaded) -> list[tuple[str, str, int]]:
    """Every page's Markdown body with its path and the file line it starts on."""
    return [(src, s.body, s.body_line) for src, s in sorted(loaded.sources.items())]


def _link_problems(settings: Settings, loaded: Loaded,
                   generated: dict[str, PageSpec]) -> list[Problem]:
    """Broken links in the pages' Markdown; links to generated pages (per area, indicator) work."""
    pages = set(settings.pages) | set(generated)
    return [problem for src, body, line in _bodies(loaded)
            for problem in review_page(src, body, line, settings.shown_prefix + src, pages,
                                       settings.docs_dir, GENERATED)]

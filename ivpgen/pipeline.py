"""The build pipeline, engine-free: a plan's settings in; its problems, views and assets out.

    read     content/ -> validated content                          (load)
    review   cross-checks, SMART, shortcodes, links, other hosts    (check, links, shortcode)
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
from typing import Any

import markdown as markdown_lib

from ivpgen.charts import shortcode
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.placing import site_files
from ivpgen.check import check
from ivpgen.errors import Problem
from ivpgen.i18n import Locale, load_locale
from ivpgen.links import review_page
from ivpgen.load import Loaded, load_content
from ivpgen.model import Plan, Theme, theme_id
from ivpgen.pages import PageSpec, site_pages
from ivpgen.runner import Runner
from ivpgen.store import Store
from ivpgen.style import Style
from ivpgen.views import SiteView, reference

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
    style: Style = field(default_factory=lambda: Style("#1f4e79", "#f2b705", "#1a1a1a",
                                                         "system-ui, sans-serif", None))
    template_dirs: tuple[Path, ...] = ()
    """The theme's folders, a plan's own custom_dir first (print templates are looked up here)."""
    store_dir: Path = Path(".cache/ivpgen")
    site_url: str | None = None
    pdf: bool = True
    markdown_extensions: list[Any] = field(default_factory=list)
    markdown_configs: dict[str, Any] = field(default_factory=dict)
    shown_prefix: str = ""
    """How content paths are shown in messages, e.g. 'content/'."""

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

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


class Pipeline:
    """Runs the stages; keeps its worker pool and stores for the life of the process."""

    def __init__(self, runner: Runner | None = None) -> None:
        self.runner = runner or Runner()
        self._stores: dict[Path, Store] = {}

    def store(self, settings: Settings) -> Store:
        folder = settings.store_dir.resolve()
        return self._stores.setdefault(folder, Store(folder))

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
        problems += found + _link_problems(settings, loaded)
        return Outcome(sorted(problems), loaded, locale, site, catalog, placements,
                       site_pages(loaded), notes=notes)

    def build(self, settings: Settings, pdf: bool = True) -> Outcome:
        """Check, then draw the charts and make the PDFs that are not in the store yet."""
        outcome = self.check(settings)
        if outcome.failed or outcome.catalog is None:
            return outcome
        store = self.store(settings)
        self._charts(outcome, store)
        if pdf and settings.pdf:
            self._print(settings, outcome, store)
        store.prune()
        return outcome

    def _charts(self, outcome: Outcome, store: Store) -> None:
        from ivpgen.charts.cache import chart_svgs

        assert outcome.catalog is not None and outcome.locale is not None
        catalog = outcome.catalog
        outcome.svgs, report = chart_svgs(catalog.charts.values(), store, self.runner)
        outcome.notes.append(outcome.locale.t("build.charts", total=report.total,
                                              drawn=report.drawn, seconds=f"{report.seconds:.1f}"))
        outcome.files += site_files(catalog.charts, outcome.svgs, catalog.tiles())

    def _print(self, settings: Settings, outcome: Outcome, store: Store) -> None:
        from ivpgen.pdf.render import PrintContext
        from ivpgen.pdf.summary import make_summaries

        assert outcome.loaded and outcome.site and outcome.catalog and outcome.locale
        loaded = outcome.loaded
        bodies = {theme_id(src): loaded.sources[src].body
                  for src, page in loaded.content.pages.items() if isinstance(page, Theme)}
        ctx = PrintContext(outcome.site, outcome.catalog, outcome.svgs, outcome.locale,
                           settings.style, settings.template_dirs, bodies, settings.markdown(),
                           settings.site_url)
        outcome.summaries, report = make_summaries(ctx, store, self.runner)
        outcome.problems += [Problem(s.file.path, 0, "", message, "warning")
                             for s in outcome.summaries for message in report.warnings
                             if message.startswith(s.file.path + ":")]
        pages = sum(s.file.pages for s in outcome.summaries)
        outcome.notes.append(outcome.locale.t("build.pdfs", total=report.total, pages=pages,
                                              made=report.made, seconds=f"{report.seconds:.1f}"))
        outcome.notes += [outcome.locale.t("build.machine", message=m) for m in report.machine]
        outcome.files += [(s.file.path, s.file.data) for s in outcome.summaries]


def _reference_note(loaded: Loaded, locale: Locale) -> str:
    """Which date the plan is judged against, and where that date comes from."""
    day, source = reference(loaded.content)
    return locale.t(f"build.reference_{source}", date=locale.date(day))


def _bodies(loaded: Loaded) -> list[tuple[str, str, int]]:
    """Every page's Markdown body with its path and the file line it starts on."""
    return [(src, s.body, s.body_line) for src, s in sorted(loaded.sources.items())]


def _link_problems(settings: Settings, loaded: Loaded) -> list[Problem]:
    pages = set(settings.pages)
    return [problem for src, body, line in _bodies(loaded)
            for problem in review_page(src, body, line, settings.shown_prefix + src, pages,
                                       settings.docs_dir, GENERATED)]

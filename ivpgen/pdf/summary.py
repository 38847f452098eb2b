"""Make every edition's PDF and poster: render the HTML, then take each PDF from the cache or
make it (in parallel, by the runner)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from ivpgen.i18n import Locale
from ivpgen.pdf.cache import Job, PdfFile, PdfReport, pdfs
from ivpgen.pdf.edition import Edition, editions
from ivpgen.pdf.render import (
    PrintContext,
    compile_templates,
    created,
    environment,
    render_html,
    render_poster,
)
from ivpgen.progress import Progress
from ivpgen.runner import Runner
from ivpgen.store import Store
from ivpgen.views import SiteView


@dataclass(frozen=True)
class Summary:
    """One edition's PDF, its poster (PDF and PNG) and how the website names the edition."""

    edition: Edition
    label: str
    """'Samenvatting voor Soest'"""
    name: str
    """'Soest', or 'de hele regio' for the regional edition."""
    file: PdfFile
    poster: PdfFile

    @property
    def size(self) -> int:
        return len(self.file.data)


    @property
    def files(self) -> list[tuple[str, bytes]]:
        """What the edition adds to the site: (path, bytes)."""
        png = [(self.edition.poster_png, self.poster.png)] if self.poster.png else []
        return [(self.file.path, self.file.data), (self.poster.path, self.poster.data), *png]


@dataclass(frozen=True)
class HomeLink:
    """One edition on the home page: its summary and its plan on one page (PDF and picture)."""

    text: str
    path: str
    poster_text: str
    poster_path: str
    png_text: str
    png_path: str | None


def home_links(summaries: list[Summary], locale: Locale) -> list[HomeLink]:
    """The editions as the home page links them, with each file's size (and pages)."""
    def size(data: bytes) -> str:
        return f"{locale.number(len(data) / 1000, 0)} kB"

    return [HomeLink(
        locale.t("home.summary_pdf_link", edition=s.label, size=size(s.file.data),
                 pages=s.file.pages), s.file.path,
        locale.t("poster.link", name=s.name, size=size(s.poster.data)),
        s.poster.path, locale.t("poster.link_png", name=s.name, size=size(s.poster.png or b"")),
        s.edition.poster_png if s.poster.png else None) for s in summaries]


def _fast_key(fingerprint: str, path: str, date: dt.datetime) -> str:
    return hashlib.sha256(f"print\0{fingerprint}\0{path}\0{date.isoformat()}".encode()).hexdigest()


def name(locale: Locale, edition: Edition, site: SiteView) -> str:
    """Who an edition is for: 'Soest', or 'de hele regio'; a plan of one municipality has no
    region."""
    if edition.municipality is not None:
        return edition.municipality.name
    if site.kind != "joint":
        return site.plan.municipalities[0].name
    return locale.t("print.whole_region")


def label(locale: Locale, edition: Edition, site: SiteView) -> str:
    """How the website names an edition: 'Samenvatting voor Soest'."""
    return locale.t("print.link_municipality", name=name(locale, edition, site))


def make_summaries(ctx: PrintContext, store: Store, runner: Runner,
                   fingerprint: str | None = None,
                   progress: Progress | None = None) -> tuple[list[Summary], PdfReport]:
    """Every edition's PDF, in edition order, and how many had to be made.

    ``fingerprint`` is that of the build's inputs: with it, an edition whose inputs are
    unchanged comes from the store without rendering its HTML.
    """
    found = editions(ctx.site)
    date = created(ctx.site)
    env = environment(ctx)
    compile_templates(env, ctx.locale)

    def job(path: str, render: Callable[..., str], edition: Edition, png: bool = False) -> Job:
        return Job(path, functools.partial(render, ctx, edition, env), date,
                   _fast_key(fingerprint, path, date) if fingerprint else None, png)

    jobs = [made for edition in found for made in (
        job(edition.path, render_html, edition),
        job(edition.poster_path, render_poster, edition, png=True))]
    files, report = pdfs(jobs, store, runner, progress)
    return ([Summary(edition, label(ctx.locale, edition, ctx.site),
                     name(ctx.locale, edition, ctx.site), summary, poster)
             for edition, summary, poster in zip(found, files[0::2], files[1::2], strict=True)],
            report)

"""Make every edition's PDF: render the HTML, then take the PDF from the cache or make it."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

from ivpgen.i18n import Locale
from ivpgen.pdf.cache import Job, PdfFile, PdfReport, pdfs
from ivpgen.pdf.edition import Edition, editions
from ivpgen.pdf.render import PrintContext, created, environment, render_html
from ivpgen.progress import Progress
from ivpgen.runner import Runner
from ivpgen.store import Store
from ivpgen.views import SiteView


@dataclass(frozen=True)
class Summary:
    """One edition's PDF and how the website names it."""

    edition: Edition
    label: str
    file: PdfFile

    @property
    def size(self) -> int:
        return len(self.file.data)


def _fast_key(fingerprint: str, path: str, date: dt.datetime) -> str:
    return hashlib.sha256(f"print\0{fingerprint}\0{path}\0{date.isoformat()}".encode()).hexdigest()


def label(locale: Locale, edition: Edition, site: SiteView) -> str:
    """How the website names an edition; a plan of one municipality has no region."""
    if edition.municipality is not None:
        return locale.t("print.link_municipality", name=edition.municipality.name)
    if site.kind != "joint":
        return locale.t("print.link_municipality", name=site.plan.municipalities[0].name)
    return locale.t("print.link_region")


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
    jobs = [Job(edition.path, functools.partial(render_html, ctx, edition, env), date,
                _fast_key(fingerprint, edition.path, date) if fingerprint else None)
            for edition in found]
    files, report = pdfs(jobs, store, runner, progress)
    return ([Summary(edition, label(ctx.locale, edition, ctx.site), file)
             for edition, file in zip(found, files, strict=True)], report)

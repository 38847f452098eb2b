"""Make every edition's PDF: render the HTML, then take the PDF from the cache or make it."""

from __future__ import annotations

from dataclasses import dataclass

from ivpgen.i18n import Locale
from ivpgen.pdf.cache import Job, PdfFile, PdfReport, pdfs
from ivpgen.pdf.edition import Edition, editions
from ivpgen.pdf.render import PrintContext, created, render_html
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


def label(locale: Locale, edition: Edition, site: SiteView) -> str:
    """How the website names an edition; a plan of one municipality has no region."""
    if edition.municipality is not None:
        return locale.t("print.link_municipality", name=edition.municipality.name)
    if site.kind != "joint":
        return locale.t("print.link_municipality", name=site.plan.municipalities[0].name)
    return locale.t("print.link_region")


def make_summaries(ctx: PrintContext, store: Store, runner: Runner) -> tuple[list[Summary], PdfReport]:
    """Every edition's PDF, in edition order, and how many had to be made."""
    found = editions(ctx.site)
    date = created(ctx.site)
    jobs = [Job(edition.path, render_html(ctx, edition), date) for edition in found]
    files, report = pdfs(jobs, store, runner)
    return ([Summary(edition, label(ctx.locale, edition, ctx.site), file)
             for edition, file in zip(found, files, strict=True)], report)

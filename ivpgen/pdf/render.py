"""The print templates rendered to one self-contained HTML document per edition."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import segno
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.spec import Chart
from ivpgen.i18n import Locale
from ivpgen.model import Source
from ivpgen.pdf.edition import Edition, EditionView
from ivpgen.standing import of_catalog
from ivpgen.style import Style, css_string
from ivpgen.views import SiteView, source_date
from ivpgen.views.words import Words

TEMPLATE = "print/summary.html"
_SHORTCODE = re.compile(r"(?m)^ {0,3}\{\{\s*grafiek\b[^{}]*\}\}\s*$")
_HEADING = re.compile(r"(?m)^(#{1,5}) ")
_ANCHOR = re.compile(r'<(h[1-6]) id="[^"]*"')
"""Heading ids from the toc extension: the same heading in two priorities would clash."""


@dataclass(frozen=True)
class PrintContext:
    """Everything the print templates need, shared by all editions of one build."""

    site: SiteView
    catalog: Catalog
    svgs: dict[tuple[str, str], str]
    """The charts' drawings by (chart id, variant); print uses the 'print' variant."""
    locale: Locale
    style: Style
    templates: tuple[Path, ...]
    """The theme's folders, a plan's own custom_dir first: print templates are looked up in order."""
    bodies: dict[str, str]
    """Each priority's Markdown body (the 'why'), by priority id."""
    markdown: Callable[[str], str]
    site_url: str | None = None
    bytecode_cache: BytecodeCache | None = None
    """Compiled templates kept between builds (in the store's folder)."""


def created(site: SiteView) -> dt.datetime:
    """The document's date: SOURCE_DATE_EPOCH if set, else the plan's reference date."""
    return source_date() or dt.datetime.combine(site.today, dt.time(), dt.UTC)


def environment(ctx: PrintContext) -> Environment:
    env = Environment(loader=FileSystemLoader(list(ctx.templates)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      bytecode_cache=ctx.bytecode_cache)
    env.globals.update(t=ctx.locale.t, ivp=ctx.site, charts=ctx.catalog, style=ctx.style,
                       house=ctx.style, logo_img=lambda css_class="logo": logo_img(ctx, css_class),
                       chart_img=lambda chart: chart_img(ctx, chart),
                       verdict=lambda chart: verdict_text(ctx, chart),
                       standing=of_catalog(ctx.catalog))
    env.filters.update(ctx.locale.filters(),
                       markdown=lambda text: Markup(ctx.markdown(text)))  # noqa: S704 - our HTML
    return env


def render_html(ctx: PrintContext, edition: Edition, env: Environment | None = None) -> str:
    """The edition as one HTML document: text, data, charts (inline SVG) and print CSS."""
    env = env or environment(ctx)
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, "print/print.css")
    view = EditionView(ctx.site, edition, Words(ctx.site, ctx.locale))
    return env.get_template(TEMPLATE).render(
        plan=ctx.site.plan, edition=edition, view=view, css=Markup(css),  # noqa: S704 - our CSS
        bodies={tid: Markup(_ANCHOR.sub(r"<\1", ctx.markdown(why(body))))  # noqa: S704 - our HTML
                for tid, body in ctx.bodies.items()},
        sources=sources(ctx.site), data_year=data_year(ctx.site), created=created(ctx.site),
        site_url=ctx.site_url, qr=qr_img(ctx), latest=latest_report(ctx.site),
        header=Markup(css_string(ctx.site.plan.title)),  # noqa: S704 - escaped CSS string
        house_css=Markup(ctx.style.print_css()),  # noqa: S704 - our CSS from checked values
        page_counter=Markup(page_counter(ctx.locale)))  # noqa: S704 - escaped CSS


def page_counter(locale: Locale) -> str:
    """The footer 'pagina X van Y' as CSS content, from the locale's text."""
    text = css_string(locale.t("print.page", page="\x00", pages="\x01"))
    return text.replace("\x00", '" counter(page) "').replace("\x01", '" counter(pages) "')


def verdict_text(ctx: PrintContext, chart: Chart | None) -> str:
    if chart is None or not chart.verdict_label:
        return ctx.locale.t("print.verdict_missing")
    return chart.verdict_label


def why(body: str) -> str:
    """A priority's body for print: without chart shortcodes, headings two levels down."""
    return _HEADING.sub(lambda m: "#" * min(len(m.group(1)) + 1, 6) + " ", _SHORTCODE.sub("", body))


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def chart_img(ctx: PrintContext, chart: Chart | None) -> Markup:
    """A chart's print drawing (sized for an A4 column, text at least 8 pt when shown at its own
    size) as an image with its title and description as alternative text (PDF /Alt)."""
    if chart is None or (chart.id, "print") not in ctx.svgs:
        return Markup("")
    alt = ctx.locale.t("print.chart_alt", title=chart.title, desc=chart.desc).strip()
    return Markup('<img class="chart-img chart-img--{}" src="{}" alt="{}">').format(
        chart.kind, Markup(_data_uri(ctx.svgs[chart.id, "print"])), alt)  # noqa: S704 - a data: URI


def logo_img(ctx: PrintContext, css_class: str) -> Markup:
    """The house-style logo as an image with its alternative text, or nothing without a logo."""
    logo = ctx.style.logo
    if logo is None:
        return Markup("")
    return Markup('<img class="{}" src="{}" alt="{}">').format(
        css_class, Markup(logo.data_uri()), ctx.style.logo_alt)  # noqa: S704 - a data: URI


def qr_img(ctx: PrintContext) -> Markup:
    """A QR code to the website as SVG, or nothing when no site_url is set."""
    if not ctx.site_url:
        return Markup("")
    buffer = io.BytesIO()
    segno.make(ctx.site_url, error="m").save(buffer, kind="svg", scale=4, border=2,
                                            xmldecl=False, svgns=True)
    alt = ctx.locale.t("print.qr_alt", url=ctx.site_url)
    return Markup('<img class="qr" src="{}" alt="{}">').format(
        Markup(_data_uri(buffer.getvalue().decode("utf-8"))), alt)  # noqa: S704 - a data: URI


def sources(site: SiteView) -> list[Source]:
    """Every data source named by an indicator, once, in name order; plus the field reference."""
    found = {(s.name, s.url, s.date): s for i in site.content.indicators.values()
             if (s := i.source) is not None}
    reference = site.plan.field_reference
    if reference:
        found[(reference.label, reference.url, None)] = Source(name=reference.source,
                                                               url=reference.url)
    return sorted(found.values(), key=lambda s: s.name)


def data_year(site: SiteView) -> int | None:
    """The most recent year with a measurement."""
    years = [m.year for i in site.content.indicators.values() for m in i.measurements]
    return max(years) if years else None


def latest_report(site: SiteView) -> object | None:
    reports = site.content.progress_reports
    return reports[-1] if reports else None

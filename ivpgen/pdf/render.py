"""The print templates rendered to one self-contained HTML document per edition."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import segno
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError
from markupsafe import Markup

from ivpgen.charts import shortcode
from ivpgen.charts.catalog import Catalog
from ivpgen.charts.shortcode import Placement
from ivpgen.charts.spec import Chart
from ivpgen.errors import PdfError
from ivpgen.i18n import Locale
from ivpgen.icons import TREND_ICONS, inline_icon
from ivpgen.model import Source
from ivpgen.pdf.edition import Edition, EditionView, data_year
from ivpgen.pdf.poster import PosterView
from ivpgen.style import Style, css_string
from ivpgen.views import SiteView, source_date
from ivpgen.views.outcome import Ctx, TrendMark
from ivpgen.views.words import Words

TEMPLATE = "print/summary.html"
POSTER = "print/poster.html"
MACROS = "print/macros.html"
_HEADING = re.compile(r"(?m)^(#{1,5}) ")
_ANCHOR = re.compile(r'<(h[1-6]) id="[^"]*"')
"""Heading ids from the toc extension: the same heading in two priorities would clash."""
_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.S)
TREND_COLOURS = {"good": "#1e6b33", "bad": "#9c2a00", "flat": "#555555"}
"""The trend arrows' colours, as on the website; the words beside them carry the meaning."""


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
    placements: dict[str, list[Placement]] = field(default_factory=dict)
    """The charts placed in each priority's body with ``{{ grafiek ... }}``, by priority id."""

    @property
    def ctx(self) -> Ctx:
        """The website's view context: the same numbers and words as every page."""
        return Ctx(self.site, Words(self.site, self.locale), self.catalog)


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
                       icon=lambda name, css_class="icon", colour=None: print_icon(
                           name, css_class, colour or ctx.style.primary),
                       trend_icon=trend_icon)
    env.filters.update(ctx.locale.filters(),
                       markdown=lambda text: Markup(ctx.markdown(text)),  # noqa: S704 - our HTML
                       inline=lambda text: inline(ctx, text))
    return env


def compile_templates(env: Environment, locale: Locale) -> None:
    """Compile the print templates now, so a broken one is one clear message, not a traceback."""
    for name in (TEMPLATE, POSTER, MACROS, "print/standing.html"):
        try:
            env.get_template(name)
        except TemplateSyntaxError as exc:
            raise PdfError(locale.t("build.template_error", name=exc.filename or name,
                                    line=exc.lineno, message=exc.message)) from None


def render_html(ctx: PrintContext, edition: Edition, env: Environment | None = None) -> str:
    """The edition as one HTML document: text, data, charts (inline SVG) and print CSS."""
    env = env or environment(ctx)
    view = EditionView(ctx.ctx, edition)
    bodies = {tid: body_html(ctx, env, tid) for tid in view.themes}
    return env.get_template(TEMPLATE).render(
        bodies=bodies, sources=sources(ctx.site), data_year=data_year(ctx.site),
        latest=latest_report(ctx.site), **_common(ctx, env, view, "print/print.css"))


def render_poster(ctx: PrintContext, edition: Edition, env: Environment | None = None) -> str:
    """The edition's plan on one page (an A4 poster) as one HTML document."""
    env = env or environment(ctx)
    view = EditionView(ctx.ctx, edition)
    return env.get_template(POSTER).render(poster=PosterView(view),
                                           **_common(ctx, env, view, "print/poster.css"))


def _common(ctx: PrintContext, env: Environment, view: EditionView, css: str) -> dict[str, Any]:
    """What the summary and the poster both place: the plan, the edition, the CSS, the QR code."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, css)
    return {
        "plan": ctx.site.plan, "edition": view.edition, "view": view, "site_url": ctx.site_url,
        "css": Markup(source),  # noqa: S704 - our CSS
        "qr": qr_img(ctx), "created": created(ctx.site),
        "header": Markup(css_string(ctx.site.plan.title)),  # noqa: S704 - escaped CSS string
        "edition_header": Markup(css_string(view.label)),  # noqa: S704 - escaped CSS string
        "house_css": Markup(ctx.style.print_css()),  # noqa: S704 - our CSS from checked values
        "page_counter": Markup(page_counter(ctx.locale))}  # noqa: S704 - escaped CSS


def body_html(ctx: PrintContext, env: Environment, tid: str) -> Markup:
    """A priority's body for print: headings two levels down, its charts where it places them."""
    placements = ctx.placements.get(tid, [])
    body = shortcode.replace(ctx.bodies[tid], placements) if placements else ctx.bodies[tid]
    html = _ANCHOR.sub(r"<\1", ctx.markdown(shift_headings(body)))
    if not placements:
        return Markup(html)  # noqa: S704 - our HTML
    macros: Any = env.get_template(MACROS).make_module()

    def figure(match: re.Match[str]) -> str:
        chart_id = match.group(1)
        if chart_id == shortcode.TILES:
            return str(macros.tiles(ctx.catalog.tiles().tiles))
        return str(macros.chart(ctx.catalog.charts[chart_id]))

    return Markup(shortcode.PLACEHOLDER_RE.sub(figure, html))  # noqa: S704 - our HTML


def shift_headings(body: str) -> str:
    """Headings two levels down: a priority's body sits under its chapter's h2."""
    return _HEADING.sub(lambda m: "#" * min(len(m.group(1)) + 1, 6) + " ", body)


def inline(ctx: PrintContext, text: str) -> Markup:
    """A short text field as Markdown inside a line: one paragraph without its <p>."""
    html = ctx.markdown(text).strip()
    match = _PARAGRAPH.match(html)
    return Markup(match.group(1) if match and "<p>" not in match.group(1) else html)  # noqa: S704


def print_icon(name: str, css_class: str, colour: str) -> Markup:
    """A Lucide icon as the background of an empty span: decoration, so the tagged PDF marks it
    as an artifact (the text beside it says what it means)."""
    svg = str(inline_icon(name)).replace("currentColor", colour)
    return Markup('<span class="{}" style="background-image: url(\'{}\')"></span>').format(
        css_class, Markup(_data_uri(svg)))  # noqa: S704 - a data: URI


def trend_icon(mark: TrendMark, css_class: str = "trend") -> Markup:
    """A headline figure's trend arrow, coloured by whether the change is good news."""
    key = "flat" if mark.good is None else ("good" if mark.good else "bad")
    return print_icon(TREND_ICONS[mark.trend], f"{css_class} {css_class}--{key}",
                      TREND_COLOURS[key])


def page_counter(locale: Locale) -> str:
    """The footer 'pagina X van Y' as CSS content, from the locale's text."""
    text = css_string(locale.t("print.page", page="\x00", pages="\x01"))
    return text.replace("\x00", '" counter(page) "').replace("\x01", '" counter(pages) "')


def verdict_text(ctx: PrintContext, chart: Chart | None) -> str:
    if chart is None or not chart.verdict_label:
        return ctx.locale.t("print.verdict_missing")
    return chart.verdict_label


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
    """A QR code to the website as SVG, or nothing when no site_url is set (the build says so)."""
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


def latest_report(site: SiteView) -> object | None:
    reports = site.content.progress_reports
    return reports[-1] if reports else None

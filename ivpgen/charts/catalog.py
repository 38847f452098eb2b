"""Every chart of a site, built from the plan once; the templates and shortcodes look them up."""

from __future__ import annotations

from ivpgen.charts import indicators, plan
from ivpgen.charts.context import Ctx
from ivpgen.charts.data import make_table
from ivpgen.charts.palette import palette
from ivpgen.charts.spec import Chart, Column, KeyFigures, Tile
from ivpgen.i18n import Locale
from ivpgen.style import Style
from ivpgen.views import SiteView


class Catalog:
    """The site's charts by id, plus lookups by what they show (for the templates)."""

    def __init__(self, site: SiteView, locale: Locale, style: Style) -> None:
        self.ctx = Ctx(site, locale, palette(style, locale.cldr))
        self.charts: dict[str, Chart] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self._build()
        self.key_figures = key_figures(self.ctx, self)

    def _add(self, key: tuple[str, str], chart: Chart | None) -> None:
        if chart is not None:
            self.charts.setdefault(chart.id, chart)
            self._by_key[key] = chart.id

    def add(self, chart: Chart | None) -> Chart | None:
        """Add a chart another module built (a page's own chart), found by ``find(kind, id)``."""
        if chart is not None:
            self._add(("", chart.id), chart)
        return chart

    def _build(self) -> None:
        ctx, site = self.ctx, self.ctx.site
        for indicator in site.content.indicators.values():
            areas = indicators.default_areas(ctx, indicator)
            self._add(("trend", indicator.id), indicators.trend_chart(ctx, indicator, areas))
            self._add(("vergelijking", indicator.id), indicators.comparison_chart(ctx, indicator))
        for tid, theme in site.themes.items():
            for goal in theme.goals:
                self._add(("doel", goal.id), indicators.goal_chart(ctx, goal))
            self._add(("status", tid), plan.theme_status_chart(ctx, tid, theme))
            self._add(("tijdlijn", tid), plan.timeline_chart(
                ctx, f"tijdlijn-{tid}", {tid: theme}, ctx.t("timeline_theme_title", theme=theme.title)))
        self._add(("status", ""), plan.plan_status_chart(
            ctx, plan.action_counts(ctx), "status-plan", "status_plan_title"))
        self._add(("tijdlijn", ""), plan.timeline_chart(ctx, "tijdlijn", site.themes,
                                                        ctx.t("timeline_title")))
        for report in site.content.progress_reports:
            counts = plan.snapshot_counts(ctx, {a: u.status for a, u in report.actions.items()})
            self._add(("voortgang", str(report.year)), plan.plan_status_chart(
                ctx, counts, f"status-voortgang-{report.year}", "status_snapshot_title",
                date=ctx.locale.date(report.date)))
        self._add(("partners", ""), plan.matrix_chart(ctx))
        self._add(("velden", ""), plan.fields_chart(ctx))

    def find(self, kind: str, key: str = "") -> Chart | None:
        """The chart of a kind for an id (indicator, goal, priority, year), or None."""
        chart_id = self._by_key.get((kind, key))
        return self.charts[chart_id] if chart_id else None

    def trend_for_areas(self, indicator_id: str, areas: list[str]) -> Chart | None:
        """A trend of an indicator in chosen areas (for a shortcode); added to the catalog."""
        indicator = self.ctx.site.content.indicators[indicator_id]
        chart_id = "-".join(["trend", indicator_id, *areas])
        chart = self.charts.get(chart_id) or indicators.trend_chart(self.ctx, indicator, areas,
                                                                    chart_id)
        self._add(("trend-gebied", chart_id), chart)
        return chart

    # Lookups for the templates: None when there is nothing to show.
    def goal(self, goal_id: str) -> Chart | None:
        return self.find("doel", goal_id)

    def trend(self, indicator_id: str) -> Chart | None:
        return self.find("trend", indicator_id)

    def comparison(self, indicator_id: str) -> Chart | None:
        return self.find("vergelijking", indicator_id)

    def status(self, theme_id: str = "") -> Chart | None:
        return self.find("status", theme_id)

    def timeline(self, theme_id: str = "") -> Chart | None:
        return self.find("tijdlijn", theme_id)

    def progress(self, year: int) -> Chart | None:
        return self.find("voortgang", str(year))

    def partners(self) -> Chart | None:
        return self.find("partners")

    def fields(self) -> Chart | None:
        return self.find("velden")

    def tiles(self) -> KeyFigures:
        return self.key_figures


def key_figures(ctx: Ctx, catalog: Catalog) -> KeyFigures:
    """The key figures (print overview, ``{{ grafiek kerncijfers }}``): priorities, goals,
    actions, goals on course, partners, places. Counts and verdicts come from the shared view,
    so they agree with every list on the site and in print."""
    site, locale = ctx.site, ctx.locale
    goals = list(site.content.goals.values())
    actions = site.all_actions
    good, judged = site.judged()
    statuses = [a.status for a in actions]
    population = sum(m.population for m in site.plan.municipalities)
    places = len(site.plan.municipalities)
    tiles = [
        Tile(ctx.t("tile_priorities"), str(len(site.themes))),
        Tile(ctx.t("tile_goals"), str(len(goals)), ctx.t(
            "tile_goals_detail", count=sum(g.kind == "effect" for g in goals))),
        Tile(ctx.t("tile_actions"), str(len(actions)), ctx.t(
            "tile_actions_detail", done=statuses.count("afgerond"),
            running=statuses.count("lopend"))),
    ]
    if judged:
        tiles.append(Tile(ctx.t("tile_on_course"),
                          ctx.t("tile_on_course_value", count=good, total=judged)))
    tiles += [
        Tile(ctx.t("tile_partners"), str(len(site.content.partners))),
        Tile(locale.plural("charts.tile_municipalities_count", places), str(places),
             ctx.t("tile_municipalities_detail", population=ctx.number(population, 0))),
    ]
    if site.participation.past:  # how residents took part: events that took place
        tiles.append(Tile(ctx.t("tile_events"), str(len(site.participation.past))))
    title = ctx.t("tiles_title")
    columns = [Column("figure", ctx.t("key_figure")), Column("value", ctx.t("number")),
               Column("detail", ctx.t("detail"))]
    table = make_table(ctx.locale, title, columns,
                       [[t.label, t.value, t.detail or None] for t in tiles])
    return KeyFigures("kerncijfers", title, tuple(tiles), table)

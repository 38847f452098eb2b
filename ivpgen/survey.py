"""What residents said: a survey's or an evening's results as residents know them from the
municipality's infographics ("9 van de 10 inwoners voelen zich veilig", a report mark, the top
concerns), with for each concern the priorities and actions that answer it.

Engine-free. Every figure is text first; the person figures are decoration next to the
sentence, the concerns chart has its table, and illustrative results say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ivpgen.charts.context import Ctx, capital
from ivpgen.charts.data import make_table
from ivpgen.charts.indicators import key_words
from ivpgen.charts.spec import Chart, Column, ComparisonSpec
from ivpgen.errors import Problem
from ivpgen.findings import Finder
from ivpgen.load import Loaded
from ivpgen.model import Event, Survey, SurveyConcern, Theme, theme_id
from ivpgen.views import SiteView

FIGURES = 10
"""Shares are shown as 'n van de 10', with a row of ten person figures."""


def tenths(percent: float) -> int:
    """A percentage as 'n out of 10', rounded half up: 88% is 9 of 10, 45% is 5 of 10."""
    return min(FIGURES, int(percent / 10 + 0.5))


def survey_id(path: str) -> str:
    """A survey's id: its file name without '.md'."""
    return theme_id(path)


@dataclass(frozen=True)
class Answer:
    """A priority or action that answers a concern: its title and where it is on the site."""

    title: str
    page: str
    """The source path of the priority's page."""
    anchor: str
    """'' for a priority, the action's id for an action."""


@dataclass(frozen=True)
class ConcernView:
    concern: SurveyConcern
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class SurveyView:
    """What a survey's page shows."""

    id: str
    survey: Survey
    concerns: tuple[ConcernView, ...]
    chart: Chart | None
    event: Event | None

    def tenths(self, percent: float) -> int:
        return tenths(percent)


def view(site: SiteView, path: str, survey: Survey, chart: Chart | None) -> SurveyView:
    """The survey's page view: concerns with their answers, the chart and the event."""
    concerns = tuple(ConcernView(c, tuple(answers(site, c))) for c in survey.concerns)
    event = next((e for e in site.content.events if e.id == survey.event), None)
    return SurveyView(survey_id(path), survey, concerns, chart, event)


def answers(site: SiteView, concern: SurveyConcern) -> Iterator[Answer]:
    """The priorities and actions a concern names, in the order it names them."""
    paths = {theme_id(path): path for path, page in site.content.pages.items()
             if isinstance(page, Theme)}
    for item in concern.answers:
        if item in site.themes:
            yield Answer(site.themes[item].title, paths[item], "")
        elif item in site.theme_of_action:
            yield Answer(site.action_title(item), paths[site.theme_of_action[item]], item)


def concerns_chart(ctx: Ctx, path: str, survey: Survey) -> Chart | None:
    """The concerns as horizontal bars (percent of respondents), most named first."""
    if not survey.concerns:
        return None
    t = ctx.locale.t
    concerns = sorted(survey.concerns, key=lambda c: -c.percent)
    shown = tuple(t("survey.percent", value=ctx.number(c.percent, 0)) for c in concerns)
    title = capital(t("survey.chart_title", who=survey.who, top=concerns[0].text.lower()))
    desc = t("survey.chart_desc", who=survey.who, count=ctx.number(survey.respondents, 0),
             parts=", ".join(f"{c.text.lower()} {s}" for c, s in zip(concerns, shown, strict=True)))
    if survey.illustrative:
        desc += " " + ctx.t("all_illustrative")
    note = t("survey.illustrative_legend") if survey.illustrative else ""
    spec = ComparisonSpec(t("survey.chart_unit", who=survey.who),
                          tuple(c.text for c in concerns), tuple(c.percent for c in concerns),
                          shown, (survey.illustrative,) * len(concerns), (), 0, note,
                          key_words(ctx))
    columns = [Column("concern", t("survey.concern")),
               Column("percent", t("survey.chart_unit", who=survey.who), "number"),
               Column("answers", t("survey.answers"))]
    rows = [[c.text, c.percent, "; ".join(a.title for a in answers(ctx.site, c)) or None]
            for c in concerns]
    notes = (t("survey.table_note", who=survey.who, count=ctx.number(survey.respondents, 0)),)
    marks = [(r, 1) for r in range(len(rows))] if survey.illustrative else []
    table = make_table(ctx.locale, title, columns, rows, marks, notes)
    return Chart(f"zorgen-{survey_id(path)}", "zorgen", title, desc, table, spec, ctx.palette)


def review(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """Concerns answered by a priority or action that does not exist; an unknown event."""
    content = loaded.content
    known = [*content.themes, *content.actions]
    events = [e.id for e in content.events]
    for path, page in sorted(content.pages.items()):
        if not isinstance(page, Survey):
            continue
        finder = Finder.for_page(loaded, path, prefix)
        yield from finder.reference(("event",), page.event, events, "bijeenkomst")
        for i, concern in enumerate(page.concerns):
            for j, item in enumerate(concern.answers):
                yield from finder.reference(("concerns", i, "answers", j), item, known,
                                            "speerpunt of actie")

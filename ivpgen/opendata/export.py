"""The plan's content turned into the open data records (see ``records``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ivpgen.charts.spec import Chart
from ivpgen.model import ProgressReport, Survey, Theme, theme_id
from ivpgen.opendata.records import (
    LICENCES,
    ActionRecord,
    ActionYearRecord,
    AreaRecord,
    EventRecord,
    FieldShareRecord,
    GoalRecord,
    IndicatorRecord,
    LocalPriorityRecord,
    MeasurementRecord,
    MunicipalityRecord,
    OpenData,
    PartnerRecord,
    PlanRecord,
    PriorityRecord,
    ReportActionRecord,
    ReportGoalRecord,
    ReportRecord,
    SurveyConcernRecord,
    SurveyRecord,
    SurveyShareRecord,
)
from ivpgen.programme import Programmes
from ivpgen.views import SiteView


def areas_of(item: Any) -> list[str]:
    """The areas a priority or event is tied to: its ``areas`` and its older
    ``municipalities`` / ``municipality`` keys, once each, in that order."""
    found = [*getattr(item, "areas", []), *getattr(item, "municipalities", [])]
    single = getattr(item, "municipality", None)
    if single:
        found.append(single)
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Export:
    """What the export reads besides the views: the goals' charts (their verdicts), the pages'
    Markdown bodies by source path, and the settings that describe the publication."""

    site: SiteView
    goal_charts: dict[str, Chart]
    bodies: dict[str, str]
    licence: str
    site_url: str | None

    @cached_property
    def data(self) -> OpenData:
        content = self.site.content
        return OpenData(
            plan=self._plan(), municipalities=list(self._municipalities()),
            local_priorities=[LocalPriorityRecord(municipality=m.id, text=text)
                              for m in content.plan.municipalities for text in m.local_priorities],
            areas=[AreaRecord(id=a.id, name=a.name, kind=a.kind, municipality=a.municipality)
                   for a in content.plan.areas],
            field_reference=list(self._field_reference()),
            partners=[PartnerRecord(id=p.id, name=p.name, kind=p.kind, role=p.role, url=p.url)
                      for p in content.partners.values()],
            priorities=list(self._priorities()), goals=list(self._goals()),
            actions=list(self._actions()), action_years=list(self._action_years()),
            indicators=list(self._indicators()), measurements=list(self._measurements()),
            reports=list(self._reports()), report_actions=list(self._report_actions()),
            report_goals=list(self._report_goals()), events=list(self._events()),
            surveys=list(self._surveys()), survey_shares=list(self._shares()),
            survey_concerns=list(self._concerns()))

    def _plan(self) -> PlanRecord:
        plan = self.site.plan
        ref = plan.field_reference
        return PlanRecord(
            title=plan.title, subtitle=plan.subtitle, period_start=plan.period.start,
            period_end=plan.period.end, status=plan.status, version=plan.version,
            organisation=plan.organisation, vision=plan.vision, reference_date=self.site.today,
            licence=self.licence, licence_url=LICENCES[self.licence][1], site_url=self.site_url,
            field_reference_label=ref.label if ref else None,
            field_reference_source=ref.source if ref else None,
            field_reference_url=ref.url if ref else None,
            field_reference_priorities=ref.priorities if ref else None)

    def _municipalities(self) -> Iterator[MunicipalityRecord]:
        for m in self.site.plan.municipalities:
            adoption = m.adoption
            yield MunicipalityRecord(id=m.id, name=m.name, cbs_code=m.cbs_code,
                                     population=m.population,
                                     adoption_date=adoption.date if adoption else None,
                                     decision_url=adoption.decision_url if adoption else None)

    def _field_reference(self) -> Iterator[FieldShareRecord]:
        ref = self.site.plan.field_reference
        for share in ref.shares if ref else []:
            yield FieldShareRecord(field=share.field, percent=share.percent, note=share.note)

    def _priorities(self) -> Iterator[PriorityRecord]:
        paths = {theme_id(p): p for p, page in self.site.content.pages.items()
                 if isinstance(page, Theme)}
        for tid, t in self.site.themes.items():
            yield PriorityRecord(id=tid, title=t.title, field=t.field, summary=t.summary,
                                 order=t.order, areas=areas_of(t), partners=list(t.partners),
                                 text=self.bodies.get(paths[tid], ""))

    def _goals(self) -> Iterator[GoalRecord]:
        for tid, theme in self.site.themes.items():
            for g in theme.goals:
                view = self.site.goal(g)
                chart = self.goal_charts.get(g.id)
                verdict = (chart.verdict if chart and chart.verdict else "onbekend") \
                    if view.indicator else None
                latest = view.latest if view.indicator else None
                yield GoalRecord(
                    id=g.id, priority=tid, text=g.text, kind=g.kind, indicator=g.indicator,
                    area=g.area, baseline_year=g.baseline.year if g.baseline else None,
                    baseline_value=g.baseline.value if g.baseline else None,
                    target_year=g.target.year if g.target else None,
                    target_value=g.target.value if g.target else None, verdict=verdict,
                    latest_year=latest.year if latest else None,
                    latest_value=latest.value if latest else None)

    def _actions(self) -> Iterator[ActionRecord]:
        for tid, theme in self.site.themes.items():
            for a in theme.actions:
                yield ActionRecord(id=a.id, priority=tid, goal=a.goal, title=a.title,
                                   owner=a.owner, partners=list(a.partners), start=a.start,
                                   deadline=a.deadline, status=a.status, done_when=a.done_when,
                                   budget=a.budget, progress=a.progress)

    def _action_years(self) -> Iterator[ActionYearRecord]:
        programmes = Programmes(self.site)
        for a in self.site.all_actions:
            years = programmes.years_of[a.id]
            for year in years:
                amount = a.year_budgets.get(year)
                if not a.year_budgets and a.budget is not None and len(years) == 1:
                    amount = a.budget
                yield ActionYearRecord(action=a.id, year=year, budget=amount)

    def _indicators(self) -> Iterator[IndicatorRecord]:
        for i in self.site.content.indicators.values():
            source = i.source
            yield IndicatorRecord(id=i.id, name=i.name, unit=i.unit, definition=i.definition,
                                  direction=i.direction,
                                  source_name=source.name if source else None,
                                  source_url=source.url if source else None,
                                  source_date=source.date if source else None,
                                  illustrative=i.illustrative, decimals=i.decimals)

    def _measurements(self) -> Iterator[MeasurementRecord]:
        for i in self.site.content.indicators.values():
            for m in i.measurements:
                figure = self.site.figure(i, m)
                yield MeasurementRecord(indicator=i.id, area=m.area, year=m.year, value=m.value,
                                        illustrative=figure.illustrative, note=m.note)

    def _report_paths(self) -> dict[int, str]:
        return {r.year: path for path, r in self.site.content.pages.items()
                if isinstance(r, ProgressReport)}

    def _reports(self) -> Iterator[ReportRecord]:
        paths = self._report_paths()
        for r in self.site.content.progress_reports:
            yield ReportRecord(year=r.year, title=r.title, date=r.date, summary=r.summary,
                               text=self.bodies.get(paths[r.year], ""))

    def _report_actions(self) -> Iterator[ReportActionRecord]:
        for r in self.site.content.progress_reports:
            for aid, u in r.actions.items():
                yield ReportActionRecord(report=r.year, action=aid, status=u.status, note=u.note,
                                         start=u.start, deadline=u.deadline)

    def _report_goals(self) -> Iterator[ReportGoalRecord]:
        for r in self.site.content.progress_reports:
            for gid, u in r.goals.items():
                yield ReportGoalRecord(report=r.year, goal=gid, verdict=u.verdict, year=u.year,
                                       value=u.value, note=u.note)

    def _events(self) -> Iterator[EventRecord]:
        for e in self.site.content.events:
            yield EventRecord(id=e.id, title=e.title, audience=e.audience, date=e.date,
                              start=e.start, end=e.end, location=e.location, areas=areas_of(e),
                              capacity=e.capacity, registration=e.registration,
                              outcome=e.outcome)

    def _surveys(self) -> Iterator[SurveyRecord]:
        for path, s in self.site.content.surveys.items():
            yield _survey(path, s, self.bodies.get(path, ""))

    def _shares(self) -> Iterator[SurveyShareRecord]:
        for path, s in self.site.content.surveys.items():
            for share in s.shares:
                yield SurveyShareRecord(survey=theme_id(path), text=share.text,
                                        percent=share.percent)

    def _concerns(self) -> Iterator[SurveyConcernRecord]:
        for path, s in self.site.content.surveys.items():
            for c in s.concerns:
                yield SurveyConcernRecord(survey=theme_id(path), text=c.text, percent=c.percent,
                                          answers=list(c.answers))


def _survey(path: str, s: Survey, text: str) -> SurveyRecord:
    source = s.source
    return SurveyRecord(
        id=theme_id(path), title=s.title, date=s.date, summary=s.summary, method=s.method,
        respondents=s.respondents, who=s.who, mark_value=s.mark.value if s.mark else None,
        mark_subject=s.mark.subject if s.mark else None,
        source_name=source.name if source else None, source_url=source.url if source else None,
        source_date=source.date if source else None, illustrative=s.illustrative,
        event=s.event, text=text)

"""Reading the published open data back, as a reuser would: plan.json or the CSV files into the
export records, and the records into ivpgen's own content model (to redraw every figure)."""

from __future__ import annotations

import csv
import types
import typing
from collections import defaultdict
from pathlib import Path
from typing import Any

from ivpgen.model import (
    Action,
    Content,
    Event,
    Goal,
    Indicator,
    IndicatorsPage,
    Measurement,
    ParticipationPage,
    Partner,
    PartnersPage,
    Plan,
    ProgressReport,
    Strict,
    Survey,
    Theme,
)
from ivpgen.opendata.records import LIST_SEPARATOR, TABLES, OpenData, Record, record_model


def read_json(folder: Path) -> OpenData:
    return OpenData.model_validate_json((folder / "plan.json").read_text(encoding="utf-8"))


def read_csvs(folder: Path) -> OpenData:
    """Every table from its CSV file: empty cells are none, lists are split on ';'."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        model = record_model(table)
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as file:
            rows = [_record(model, row) for row in csv.DictReader(file)]
        tables[table] = rows[0] if table == "plan" else rows
    return OpenData.model_validate(tables)


def _record(model: type[Record], row: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, field in model.model_fields.items():
        text = row[key]
        annotation = field.annotation
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is list:
            values[key] = [part for part in text.split(LIST_SEPARATOR) if part]
        elif text == "" and typing.get_origin(annotation) in (typing.Union, types.UnionType) \
                and type(None) in args:
            values[key] = None
        else:
            values[key] = text
    return values


def _dump(record: Record, *keys: str) -> dict[str, Any]:
    """The record's values for the keys that mean the same in the content model."""
    return {key: getattr(record, key) for key in keys}


def to_content(data: OpenData) -> Content:
    """The plan as ivpgen's content model, rebuilt from nothing but the open data."""
    pages: dict[str, Strict] = {"index.md": _plan(data), "partners.md": PartnersPage(
        type="partners", title="Partners",
        partners=[Partner(**_dump(p, "id", "name", "kind", "role", "url")) for p in data.partners])}
    pages["cijfers.md"] = _indicators(data)
    pages["meedoen.md"] = ParticipationPage(type="participation", title="Meedoen", events=[
        Event(**_dump(e, "id", "title", "audience", "date", "start", "end", "location", "capacity",
                      "registration", "outcome"), municipality=e.areas[0] if e.areas else None)
        for e in data.events])
    for priority in data.priorities:
        pages[f"thema/{priority.id}.md"] = _theme(data, priority.id)
    for report in data.reports:
        pages[f"voortgang/{report.year}.md"] = _report(data, report.year)
    for survey in data.surveys:
        pages[f"peilingen/{survey.id}.md"] = _survey(data, survey.id)
    return Content(pages)


def _plan(data: OpenData) -> Plan:
    p = data.plan
    reference = None
    if p.field_reference_label:
        reference = {"label": p.field_reference_label, "source": p.field_reference_source,
                     "url": p.field_reference_url, "priorities": p.field_reference_priorities,
                     "shares": [_dump(s, "field", "percent", "note") for s in data.field_reference]}
    local = defaultdict(list)
    for item in data.local_priorities:
        local[item.municipality].append(item.text)
    municipalities = [{**_dump(m, "id", "name", "cbs_code", "population"),
                       "adoption": {"date": m.adoption_date, "decision_url": m.decision_url}
                       if m.adoption_date else None, "local_priorities": local[m.id]}
                      for m in data.municipalities]
    return Plan.model_validate({
        "type": "plan", **_dump(p, "title", "subtitle", "status", "version", "organisation",
                                "vision", "reference_date"),
        "period": {"start": p.period_start, "end": p.period_end},
        "municipalities": municipalities, "field_reference": reference,
        "areas": [_dump(a, "id", "name", "kind", "municipality") for a in data.areas]})


def _indicators(data: OpenData) -> IndicatorsPage:
    indicators = []
    for i in data.indicators:
        source = {"name": i.source_name, "url": i.source_url, "date": i.source_date} \
            if i.source_name else None
        measurements = [Measurement(**_dump(m, "area", "year", "value", "illustrative", "note"))
                        for m in data.measurements if m.indicator == i.id]
        indicators.append(Indicator.model_validate({
            **_dump(i, "id", "name", "unit", "definition", "direction", "illustrative",
                    "decimals"), "source": source, "measurements": measurements}))
    return IndicatorsPage(type="indicators", title="Cijfers", indicators=indicators)


def _theme(data: OpenData, theme_id: str) -> Theme:
    p = next(p for p in data.priorities if p.id == theme_id)
    goals = [Goal.model_validate({
        **_dump(g, "id", "text", "kind", "indicator", "area"),
        "baseline": {"year": g.baseline_year, "value": g.baseline_value}
        if g.baseline_year is not None else None,
        "target": {"year": g.target_year, "value": g.target_value}
        if g.target_year is not None else None}) for g in data.goals if g.priority == theme_id]
    actions = []
    for a in data.actions:
        if a.priority == theme_id:
            years = [y for y in data.action_years if y.action == a.id]
            actions.append(Action(
                **_dump(a, "id", "title", "goal", "owner", "partners", "start", "deadline",
                        "status", "done_when", "budget", "progress"),
                years=[y.year for y in years],
                year_budgets={y.year: y.budget for y in years if y.budget is not None}))
    return Theme(type="theme", **_dump(p, "title", "field", "summary", "order", "partners"),
                 municipalities=p.areas, goals=goals, actions=actions)


def _report(data: OpenData, year: int) -> ProgressReport:
    r = next(r for r in data.reports if r.year == year)
    return ProgressReport.model_validate({
        "type": "progress", **_dump(r, "title", "year", "date", "summary"),
        "actions": {a.action: _dump(a, "status", "note", "start", "deadline")
                    for a in data.report_actions if a.report == year},
        "goals": {g.goal: _dump(g, "verdict", "year", "value", "note")
                  for g in data.report_goals if g.report == year}})


def _survey(data: OpenData, survey_id: str) -> Survey:
    s = next(s for s in data.surveys if s.id == survey_id)
    return Survey.model_validate({
        "type": "survey", **_dump(s, "title", "date", "summary", "method", "respondents", "who",
                                  "illustrative", "event"),
        "mark": {"value": s.mark_value, "subject": s.mark_subject}
        if s.mark_value is not None else None,
        "source": {"name": s.source_name, "url": s.source_url, "date": s.source_date}
        if s.source_name else None,
        "shares": [_dump(x, "text", "percent") for x in data.survey_shares
                   if x.survey == survey_id],
        "concerns": [_dump(x, "text", "percent", "answers") for x in data.survey_concerns
                     if x.survey == survey_id]})

"""The records of the open data (Wet open overheid): the whole plan as ``data/plan.json`` and
one CSV per table, described by a JSON Schema (``data/schema.json``) generated from the models
below.

Engine-free. Every table is a list of flat records, the same in the JSON and in its CSV, so a
spreadsheet and a program read the same figures. Keys are English like the content's keys;
the data page and the schema describe every column in Dutch (from the locale). The bytes
depend only on the content and the settings, so the same plan gives the same files.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ivpgen.model import ActionStatus, Direction, PartnerKind, SafetyField, Verdict

FOLDER = "data"
PAGE = f"{FOLDER}/index.md"
LICENCES = {
    "CC0-1.0": ("cc0", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    "CC-BY-4.0": ("cc_by", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
}
"""The licences a plan can choose in mkdocs.yml: its locale key and the licence's own page."""
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
LIST_SEPARATOR = ";"
"""How a list of ids is written in one CSV cell (ids never hold this character)."""


class Record(BaseModel):
    """One row of a table; no other keys allowed (``additionalProperties: false``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanRecord(Record):
    title: str
    subtitle: str
    period_start: int
    period_end: int
    status: Literal["concept", "vastgesteld"]
    version: str
    organisation: str
    vision: str
    reference_date: dt.date
    licence: str
    licence_url: str
    site_url: str | None
    field_reference_label: str | None
    field_reference_source: str | None
    field_reference_url: str | None
    field_reference_priorities: int | None


class MunicipalityRecord(Record):
    id: str
    name: str
    cbs_code: str
    population: int
    adoption_date: dt.date | None
    decision_url: str | None


class LocalPriorityRecord(Record):
    municipality: str
    text: str


class AreaRecord(Record):
    id: str
    name: str
    kind: Literal["wijk", "regio", "land"]
    municipality: str | None


class FieldShareRecord(Record):
    field: SafetyField
    percent: float
    note: str


class PartnerRecord(Record):
    id: str
    name: str
    kind: PartnerKind
    role: str
    url: str | None


class PriorityRecord(Record):
    id: str
    title: str
    field: SafetyField
    summary: str
    order: int
    areas: list[str]
    partners: list[str]
    text: str


class GoalRecord(Record):
    id: str
    priority: str
    text: str
    kind: Literal["effect", "inspanning"]
    indicator: str | None
    area: str | None
    baseline_year: int | None
    baseline_value: float | None
    target_year: int | None
    target_value: float | None
    verdict: Verdict | None
    latest_year: int | None
    latest_value: float | None


class ActionRecord(Record):
    id: str
    priority: str
    goal: str | None
    title: str
    owner: str | None
    partners: list[str]
    start: dt.date | None
    deadline: dt.date | None
    status: ActionStatus
    done_when: str | None
    budget: float | None
    progress: str


class ActionYearRecord(Record):
    action: str
    year: int
    budget: float | None


class IndicatorRecord(Record):
    id: str
    name: str
    unit: str | None
    definition: str
    direction: Direction
    source_name: str | None
    source_url: str | None
    source_date: dt.date | None
    illustrative: bool
    decimals: int


class MeasurementRecord(Record):
    indicator: str
    area: str
    year: int
    value: float
    illustrative: bool
    note: str


class ReportRecord(Record):
    year: int
    title: str
    date: dt.date
    summary: str
    text: str


class ReportActionRecord(Record):
    report: int
    action: str
    status: ActionStatus
    note: str
    start: dt.date | None
    deadline: dt.date | None


class ReportGoalRecord(Record):
    report: int
    goal: str
    verdict: Verdict
    year: int | None
    value: float | None
    note: str


class EventRecord(Record):
    id: str
    title: str
    audience: str
    date: dt.date
    start: str
    end: str
    location: str
    areas: list[str]
    capacity: int | None
    registration: Literal["open", "vol", "gesloten"]
    outcome: str


class SurveyRecord(Record):
    id: str
    title: str
    date: dt.date
    summary: str
    method: str
    respondents: int
    who: str
    mark_value: float | None
    mark_subject: str | None
    source_name: str | None
    source_url: str | None
    source_date: dt.date | None
    illustrative: bool
    event: str | None
    text: str


class SurveyShareRecord(Record):
    survey: str
    text: str
    percent: float


class SurveyConcernRecord(Record):
    survey: str
    text: str
    percent: float
    answers: list[str]


class OpenData(Record):
    """The whole plan: one record for the plan, then a list of records per table."""

    plan: PlanRecord
    municipalities: list[MunicipalityRecord]
    local_priorities: list[LocalPriorityRecord]
    areas: list[AreaRecord]
    field_reference: list[FieldShareRecord]
    partners: list[PartnerRecord]
    priorities: list[PriorityRecord]
    goals: list[GoalRecord]
    actions: list[ActionRecord]
    action_years: list[ActionYearRecord]
    indicators: list[IndicatorRecord]
    measurements: list[MeasurementRecord]
    reports: list[ReportRecord]
    report_actions: list[ReportActionRecord]
    report_goals: list[ReportGoalRecord]
    events: list[EventRecord]
    surveys: list[SurveyRecord]
    survey_shares: list[SurveyShareRecord]
    survey_concerns: list[SurveyConcernRecord]


TABLES: tuple[str, ...] = tuple(OpenData.model_fields)
"""The tables in the order of plan.json; each is also data/<table>.csv."""


def record_model(table: str) -> type[Record]:
    """The record model of a table."""
    annotation = OpenData.model_fields[table].annotation
    args = getattr(annotation, "__args__", None)
    model = args[0] if args else annotation
    assert isinstance(model, type) and issubclass(model, Record)
    return model


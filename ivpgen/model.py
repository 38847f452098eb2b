"""The typed content model of an IVP: what staff can write in front matter, validated strictly.

Keys are English, values that residents see are Dutch. Every model forbids unknown keys,
so a typo is an error with a hint instead of a silently ignored setting.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cached_property
from typing import Annotated, ClassVar, Literal, get_args

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

SafetyField = Literal[
    "veilige woon- en leefomgeving",
    "bedrijvigheid en veiligheid",
    "jeugd en veiligheid",
    "fysieke veiligheid",
    "integriteit en veiligheid",
    "gedigitaliseerde criminaliteit",
    "zorg en veiligheid",
]
ActionStatus = Literal["gepland", "lopend", "afgerond", "vertraagd", "vervallen"]
PartnerKind = Literal[
    "politie", "om", "riec", "veiligheidsregio", "veilig-thuis", "halt", "jongerenwerk",
    "ggd", "zorg", "woningcorporatie", "onderwijs", "ondernemers", "gemeente", "overig",
]
Direction = Literal["lager", "hoger"]
Verdict = Literal["op-koers", "achter", "bereikt", "onbekend"]
"""How a goal stands (see ivpgen/charts/verdict.py): the same codes as the charts' verdicts."""

SAFETY_FIELDS: tuple[str, ...] = get_args(SafetyField)
ACTION_STATUSES: tuple[str, ...] = get_args(ActionStatus)
VERDICTS: tuple[str, ...] = get_args(Verdict)
PARTNER_KINDS: tuple[str, ...] = get_args(PartnerKind)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_LINK = re.compile(r"^(https?://[^\s]+|/[^\s]*|[a-zA-Z0-9._/#-]+)$")


def _id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("ivp_id")
    return value


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError("ivp_time")
    return value


def _link(value: str) -> str:
    if not _LINK.match(value) or value.lower().startswith(("javascript:", "data:")):
        raise ValueError("ivp_link")
    return value


def _web(value: str) -> str:
    """An address on the web that residents can open: http(s)://host/..."""
    if not re.match(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", value):
        raise ValueError("ivp_web")
    return value


def _email(value: str) -> str:
    """An e-mail address, checked by its syntax (no look-up of the domain)."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise ValueError("ivp_email") from None
    return value


def _phone(value: str) -> str:
    """A valid Dutch phone number, kept as written (14 035, 035 548 60 00, +31 35 ...)."""
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        raise ValueError("ivp_phone") from None
    if not phonenumbers.is_valid_number_for_region(number, "NL"):
        raise ValueError("ivp_phone")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("ivp_finite")
    return value


Id = Annotated[str, AfterValidator(_id)]
Time = Annotated[str, AfterValidator(_time)]
Link = Annotated[str, AfterValidator(_link)]
Web = Annotated[str, AfterValidator(_web)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
Number = Annotated[float, AfterValidator(_finite)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Text = Annotated[str, Field(min_length=1)]
Amount = Annotated[float, Field(ge=0), AfterValidator(_finite)]
Percent = Annotated[float, Field(ge=0, le=100), AfterValidator(_finite)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# The codes of the SMART warnings (smart.py), per kind of item they are about. Staff settle a
# warning they have looked at and found right with ``settled: {code: reason}`` on that item.
ACTION_CHECKS = ("geen-trekker", "geen-deadline", "geen-klaar-als", "deadline-buiten-looptijd",
                 "deadline-voorbij", "lopend-voor-start")
GOAL_CHECKS = ("geen-indicator", "geen-nulmeting", "geen-streefwaarde", "verkeerde-richting",
               "doeljaar")
INDICATOR_CHECKS = ("geen-eenheid", "geen-bron")
MEASUREMENT_CHECKS = ("uitschieter",)
PROGRESS_CHECKS = ("na-peildatum",)


class Settles(Strict):
    """An item whose SMART warnings staff may settle, each with its reason, so a warning found
    right (a real outlier, a zero in a corona year) stops blocking --strict for this item only."""

    CHECKS: ClassVar[tuple[str, ...]] = ()
    settled: dict[str, Text] = {}

    @field_validator("settled")
    @classmethod
    def _known_codes(cls, value: dict[str, str]) -> dict[str, str]:
        for code in value:
            if code not in cls.CHECKS:
                close = difflib.get_close_matches(code, cls.CHECKS, n=1, cutoff=0.6)
                hint = (f"Bedoelt u '{close[0]}'?" if close
                        else f"Hier kunnen staan: {', '.join(cls.CHECKS)}.")
                raise ValueError(f"'{code}' is geen code van een waarschuwing die hier kan "
                                 f"voorkomen. {hint}")
        return value


class Period(Strict):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("ivp_period")
        return self


class Adoption(Strict):
    """The council's decision that adopted the plan in one municipality."""

    date: dt.date
    decision_url: Link | None = None


class Municipality(Strict):
    id: Id
    name: Text
    cbs_code: Annotated[str, Field(pattern=r"^GM[0-9]{4}$")]
    population: Annotated[int, Field(gt=0)]
    adoption: Adoption | None = None
    local_priorities: list[Text] = []


class Area(Strict):
    """An area with figures besides the municipalities: a neighbourhood, the region, the country."""

    id: Id
    name: Text
    kind: Literal["wijk", "regio", "land"]
    municipality: Id | None = None
    local_priorities: list[Text] = []
    """A neighbourhood's own accents, shown on its page (like a municipality's)."""


class FieldShare(Strict):
    """One safety field's share in a reference: e.g. 42% of priorities nationally."""

    field: SafetyField
    percent: Annotated[float, Field(ge=0, le=100)]
    note: str = ""
    """What the figure covers when it is narrower than the field, e.g. 'alleen ondermijning'."""


class FieldReference(Strict):
    """A reference to compare the plan's priorities per safety field with (optional).

    The example plan gives the CCV analysis of 2020: of 381 priorities in safety plans, 42%
    were about veilige woon- en leefomgeving and 28% about ondermijning.
    """

    label: Text
    """Short name in charts, e.g. 'Landelijk (CCV 2020)'."""
    source: Text
    url: Link | None = None
    priorities: Annotated[int, Field(gt=0)] | None = None
    """How many priorities the reference counted, e.g. 381."""
    shares: Annotated[list[FieldShare], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> FieldReference:
        fields = [share.field for share in self.shares]
        if len(set(fields)) != len(fields):
            raise ValueError("elk veiligheidsveld mag maar één keer in 'shares' staan.")
        if sum(share.percent for share in self.shares) > 100:
            raise ValueError("de percentages in 'shares' tellen op tot meer dan 100.")
        return self


class Plan(Strict):
    """The front matter of the home page: the plan as a whole."""

    type: Literal["plan"]
    title: Text
    subtitle: str = ""
    period: Period
    status: Literal["concept", "vastgesteld"]
    version: Text
    organisation: Text
    vision: Text
    notice: str = ""
    municipalities: Annotated[list[Municipality], Field(min_length=1)]
    areas: list[Area] = []
    reference_date: dt.date | None = None
    field_reference: FieldReference | None = None


class Source(Strict):
    name: Text
    url: Link | None = None
    date: dt.date | None = None


class Measurement(Settles):
    CHECKS = MEASUREMENT_CHECKS
    area: Id
    year: Year
    value: Number
    illustrative: bool | None = None
    note: str = ""
    _origin: tuple[str, int] | None = PrivateAttr(default=None)
    """Where a row read from a CSV file came from (file, line), for messages."""


class Indicator(Settles):
    CHECKS = INDICATOR_CHECKS
    id: Id
    name: Text
    unit: Text | None = None
    definition: Text
    direction: Direction
    source: Source | None = None
    illustrative: bool = False
    decimals: Annotated[int, Field(ge=0, le=3)] = 1
    measurements: list[Measurement] = []
    measurements_file: Link | None = None


class IndicatorsPage(Strict):
    type: Literal["indicators"]
    title: Text
    intro: str = ""
    indicators: list[Indicator]


class Partner(Strict):
    id: Id
    name: Text
    kind: PartnerKind
    role: Text
    url: Link | None = None


class PartnersPage(Strict):
    type: Literal["partners"]
    title: Text
    partners: list[Partner]


class Point(Strict):
    """A value in a year: a goal's baseline or target."""

    year: Year
    value: Number


class Goal(Settles):
    CHECKS = GOAL_CHECKS
    id: Id
    text: Text
    kind: Literal["effect", "inspanning"]
    indicator: Id | None = None
    area: Id | None = None
    baseline: Point | None = None
    target: Point | None = None


class Action(Settles):
    CHECKS = ACTION_CHECKS
    id: Id
    title: Text
    goal: Id | None = None
    owner: Text | None = None
    partners: list[Id] = []
    start: dt.date | None = None
    deadline: dt.date | None = None
    status: ActionStatus
    done_when: Text | None = None
    budget: Annotated[float, Field(ge=0)] | None = None
    progress: str = ""
    areas: list[Id] = []
    """The municipalities or neighbourhoods the action is about; empty: those of its priority."""
    years: list[Year] = []
    """The execution programmes (jaarschijven) the action is in; default: from start to deadline."""
    year_budgets: dict[Year, Amount] = {}
    """The budget per year, for an action that runs several years (e.g. {2024: 10000})."""

    @model_validator(mode="after")
    def _ordered(self) -> Action:
        if self.start and self.deadline and self.deadline < self.start:
            raise ValueError("ivp_deadline")
        if len(set(self.years)) != len(self.years):
            raise ValueError("ivp_years_twice")
        if self.years and not set(self.year_budgets) <= set(self.years):
            raise ValueError("ivp_year_budgets")
        return self


class Theme(Strict):
    """A priority (speerpunt): one Markdown page whose body is the analysis (why)."""

    type: Literal["theme"]
    title: Text
    field: SafetyField
    summary: Text
    order: int = 0
    areas: list[Id] = []
    """The municipalities or neighbourhoods the priority applies to; empty means all."""
    municipalities: list[Id] = []
    """The older name of ``areas``, still read."""
    headline: Id | None = None
    """The indicator of the priority's outcome tile; default: that of its first effect goal."""
    icon: Id | None = None
    """A Lucide icon name; default: the icon of its safety field."""
    partners: list[Id] = []
    goals: list[Goal] = []
    actions: list[Action] = []

    @property
    def area_ids(self) -> list[str]:
        """The areas the priority is tied to, from ``areas`` and the older ``municipalities``."""
        return list(dict.fromkeys([*self.areas, *self.municipalities]))


class Event(Strict):
    """A participation event: an evening with residents, a survey, a youth council."""

    id: Id
    title: Text
    audience: Text
    date: dt.date
    start: Time
    end: Time
    location: Text
    areas: list[Id] = []
    """The municipalities or neighbourhoods the event is for; empty: the whole plan."""
    municipality: Id | None = None
    """The older, single form of ``areas``, still read."""
    capacity: Annotated[int, Field(gt=0)] | None = None
    registration: Literal["open", "vol", "gesloten"]
    outcome: str = ""
    description: str = ""
    """What the event is about, for residents deciding to come (Markdown)."""
    address: str = ""
    """The street address of the location, e.g. 'Laanstraat 7, 3743 BA Baarn'."""
    registration_url: Web | None = None
    """Where residents sign up (a form on the municipality's website)."""
    email: Email | None = None
    phone: Phone | None = None

    @property
    def area_ids(self) -> list[str]:
        """The areas the event is for, from ``areas`` and the older ``municipality``."""
        return list(dict.fromkeys([*self.areas, *([self.municipality] if self.municipality else [])]))


class ParticipationPage(Strict):
    type: Literal["participation"]
    title: Text
    events: list[Event] = []


class Term(Strict):
    """One entry of the glossary: an abbreviation (with its expansion) or a word residents may
    not know."""

    term: Text
    expansion: str = ""
    """What an abbreviation stands for ('Regionaal Informatie- en Expertisecentrum')."""
    definition: Text
    forms: list[Text] = []
    """Other spellings that count as a use of the term, e.g. 'persoonsgerichte aanpak' for PGA."""


class GlossaryPage(Strict):
    """The glossary (begrippenlijst): the plan's abbreviations and terms, each defined once."""

    type: Literal["glossary"]
    title: Text
    terms: Annotated[list[Term], Field(min_length=1)]


class ActionUpdate(Strict):
    """An action as it stood at a report's date: its status, a note, and its dates then."""

    status: ActionStatus
    note: str = ""
    start: dt.date | None = None
    deadline: dt.date | None = None


class GoalUpdate(Strict):
    """A goal as it stood at a report's date: the verdict and the figure it was based on."""

    verdict: Verdict
    year: Year | None = None
    value: Number | None = None
    note: str = ""

    @model_validator(mode="after")
    def _figure(self) -> GoalUpdate:
        if (self.year is None) != (self.value is None):
            raise ValueError("ivp_goal_figure")
        return self


class ProgressReport(Settles):
    """A yearly progress report (voortgangsrapportage): a snapshot of every action's status and
    every goal's verdict at its date, so it reads later as it was."""

    CHECKS = PROGRESS_CHECKS
    type: Literal["progress"]
    title: Text
    year: Year
    date: dt.date
    summary: Text
    actions: dict[str, ActionUpdate] = {}
    goals: dict[str, GoalUpdate] = {}


class SurveyMark(Strict):
    """The report mark residents give, e.g. 7.9 for 'de veiligheid in hun buurt'."""

    value: Annotated[float, Field(ge=1, le=10), AfterValidator(_finite)]
    subject: Text


class SurveyShare(Strict):
    """A share of the respondents, e.g. 88% 'voelen zich altijd of meestal veilig'."""

    text: Text
    percent: Percent


class SurveyConcern(Strict):
    """A concern residents named, and the priorities or actions that answer it."""

    text: Text
    percent: Percent
    answers: list[Id] = []
    """Ids of priorities (file names) or actions."""


class Survey(Strict):
    """What residents said: the results of a survey or an evening, with its source."""

    type: Literal["survey"]
    title: Text
    date: dt.date
    summary: Text
    method: Text
    """How it was asked, e.g. 'online vragenlijst onder inwoners van 16 jaar en ouder'."""
    respondents: Annotated[int, Field(gt=0)]
    who: Text = "inwoners"
    """Who answered, as in '9 van de 10 inwoners': inwoners, jongeren, ondernemers."""
    mark: SurveyMark | None = None
    shares: list[SurveyShare] = []
    concerns: list[SurveyConcern] = []
    source: Source | None = None
    illustrative: bool = False
    event: Id | None = None
    """The participation event where the results were gathered, if any."""

    @model_validator(mode="after")
    def _sourced(self) -> Survey:
        if self.source is None and not self.illustrative:
            raise ValueError("ivp_survey_source")
        return self


class FreePage(Strict):
    """A page of plain Markdown: about, sources, accessibility statement."""

    type: Literal["page"] = "page"
    title: Text | None = None
    description: str = ""
    footer: bool = False


PAGE_MODELS: dict[str, type[Strict]] = {
    "plan": Plan,
    "theme": Theme,
    "indicators": IndicatorsPage,
    "partners": PartnersPage,
    "participation": ParticipationPage,
    "progress": ProgressReport,
    "survey": Survey,
    "glossary": GlossaryPage,
    "page": FreePage,
}


@dataclass
class Content:
    """Everything read from content/: the plan and its pages, keyed by source path."""

    pages: dict[str, Strict] = dc_field(default_factory=dict)

    def of_type(self, kind: type[Strict]) -> dict[str, Strict]:
        """The pages of one model type, in source-path order."""
        return {path: page for path, page in sorted(self.pages.items()) if isinstance(page, kind)}

    @cached_property
    def plan(self) -> Plan:
        return next(p for p in self.pages.values() if isinstance(p, Plan))

    @cached_property
    def themes(self) -> dict[str, Theme]:
        """The priorities by id (file stem), in their ``order`` and then by title."""
        themes = [(path, p) for path, p in self.pages.items() if isinstance(p, Theme)]
        themes.sort(key=lambda item: (item[1].order, item[1].title))
        return {theme_id(path): theme for path, theme in themes}

    @cached_property
    def partners(self) -> dict[str, Partner]:
        return {p.id: p for page in self.pages.values() if isinstance(page, PartnersPage)
                for p in page.partners}

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {i.id: i for page in self.pages.values() if isinstance(page, IndicatorsPage)
                for i in page.indicators}

    @cached_property
    def events(self) -> list[Event]:
        events = [e for page in self.pages.values() if isinstance(page, ParticipationPage)
                  for e in page.events]
        return sorted(events, key=lambda e: (e.date, e.start))

    @cached_property
    def progress_reports(self) -> list[ProgressReport]:
        reports = [p for p in self.pages.values() if isinstance(p, ProgressReport)]
        return sorted(reports, key=lambda r: r.year)

    @cached_property
    def surveys(self) -> dict[str, Survey]:
        """The surveys by source path, newest first."""
        found = [(path, p) for path, p in self.pages.items() if isinstance(p, Survey)]
        return dict(sorted(found, key=lambda item: (item[1].date, item[0]), reverse=True))

    @cached_property
    def areas(self) -> dict[str, str]:
        """Every area id with figures (municipalities and extra areas) and its name."""
        plan = self.plan
        names = {m.id: m.name for m in plan.municipalities}
        names.update({a.id: a.name for a in plan.areas})
        return names

    @cached_property
    def actions(self) -> dict[str, Action]:
        return {a.id: a for theme in self.themes.values() for a in theme.actions}

    @cached_property
    def goals(self) -> dict[str, Goal]:
        return {g.id: g for theme in self.themes.values() for g in theme.goals}


def theme_id(path: str) -> str:
    """A priority's id: its file name without ``.md``."""
    return path.rsplit("/", 1)[-1].removesuffix(".md")

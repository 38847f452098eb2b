"""A new plan, computed in full before anything is written: what ``ivpgen new`` puts in a folder.

Everything is example text that staff replace, marked VOORBEELD (see ``placeholders``), except
the municipalities' names, CBS codes and population, which are real and carry their source.
Figures are illustrative: plausible, labelled as such on the site, and the same for the same
answers (derived from a hash, not from a random generator), so a new plan is reproducible.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, StrictUndefined

from ivpgen.municipalities import SOURCE, SOURCE_URL, CbsMunicipality, slug
from ivpgen.placeholders import HTML_MARK, YAML_MARK
from ivpgen.yamlsrc import parse_yaml

HISTORY = 4
"""How many measurements before the plan's start each indicator gets."""
NUMBERS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
           "elf", "twaalf")
DEFAULT_PRIORITIES = ("veilige woon- en leefomgeving", "jeugd en veiligheid",
                      "integriteit en veiligheid")
"""The most common priorities (CCV 2020: 42% woon- en leefomgeving, 28% ondermijning)."""


@dataclass(frozen=True)
class Request:
    """The answers to the questions of ``ivpgen new``."""

    municipalities: tuple[CbsMunicipality, ...]
    neighbourhoods: tuple[str, ...]
    period: tuple[int, int]
    priorities: tuple[str, ...]
    today: dt.date

    @property
    def joint(self) -> bool:
        return len(self.municipalities) > 1


@cache
def fields() -> dict[str, Any]:
    """The example priority of each safety field (data/starter/velden.yml)."""
    specs: dict[str, Any] = _data("velden.yml")
    return specs


def _data(name: str) -> Any:
    text = (files("ivpgen.data") / "starter" / name).read_text(encoding="utf-8")
    return parse_yaml(text).data


def number_word(count: int) -> str:
    """'drie' for 3, as Dutch text writes small numbers."""
    return NUMBERS[count] if count < len(NUMBERS) else str(count)


def enumeration(names: list[str]) -> str:
    """'Baarn, Eemnes en Soest'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def render(request: Request) -> dict[str, str]:
    """Every file of the new plan: its path in the plan folder and its text."""
    context = plan_context(request)
    env = _environment()
    out = {"mkdocs.yml": env.get_template("mkdocs.yml.j2").render(context)}
    for name in ("index", "cijfers", "partners", "meedoen", "over", "bronnen", "toegankelijkheid"):
        out[f"content/{name}.md"] = env.get_template(f"{name}.md.j2").render(context)
    for theme in context["themes"]:
        out[f"content/thema/{theme['slug']}.md"] = env.get_template("thema.md.j2").render(
            context, theme=theme)
    out[f"content/voortgang/{request.period[0]}.md"] = env.get_template(
        "voortgang.md.j2").render(context)
    for indicator in context["indicators"]:
        out[f"content/{indicator['file']}"] = _csv(indicator["rows"])
    return out


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("ivpgen.data", "starter"), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      autoescape=False)  # noqa: S701 - writes YAML and Markdown, not HTML
    env.filters.update(yaml=yaml_scalar, number=lambda value: format_decimal(value, locale="nl"))
    env.globals.update(YAML_MARK=YAML_MARK, HTML_MARK=HTML_MARK, number_word=number_word)
    return env


def yaml_scalar(value: object) -> str:
    """A value as a YAML scalar on one line, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    text = text.strip().removesuffix("...").strip()
    if isinstance(value, str) and text.startswith("'") and "''" in text:
        return json.dumps(value, ensure_ascii=False)  # "'s-Gravenhage", easier to read
    return text


def _csv(rows: list[tuple[str, int, float]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area", "year", "value"])
    writer.writerows(rows)
    return out.getvalue()


def plan_context(request: Request) -> dict[str, Any]:
    """What the templates need: the plan, its areas, priorities, indicators and partners."""
    start, end = request.period
    names = [m.name for m in request.municipalities]
    lead = request.municipalities[0]
    place = enumeration(names)
    count = number_word(len(names))
    whole = "regio" if request.joint else lead.id
    owner = f"Gemeente {lead.name}, team Openbare Orde en Veiligheid" + (
        f" (namens de {count} gemeenten)" if request.joint else "")
    areas = _areas(request)
    themes = [_theme(field, order, request, place, owner, whole)
              for order, field in enumerate(request.priorities, start=1)]
    indicators = [theme.pop("indicator_spec") for theme in themes]
    partner_ids = sorted({"politie"} | {p for t in themes for p in t["all_partners"]})
    partners = _data("partners.yml")
    return {
        "start": start, "end": end, "today": request.today,
        "joint": request.joint, "place": place, "lead": lead,
        "municipalities": request.municipalities, "areas": areas,
        "title": (f"Integraal Veiligheidsplan {start}–{end}" if request.joint
                  else f"Integraal Veiligheidsplan {lead.name} {start}–{end}"),
        "organisation": f"Gemeenten {place}" if request.joint else f"Gemeente {lead.name}",
        "themes": themes, "indicators": indicators,
        "partners": [{"id": pid, **partners[pid]} for pid in partner_ids],
        "event": _event(request), "population_source": SOURCE, "population_url": SOURCE_URL,
    }


def _areas(request: Request) -> list[dict[str, Any]]:
    """The areas besides the municipalities: the region of a joint plan, or the neighbourhoods
    of one municipality and the country to compare them with."""
    if request.joint:
        count = number_word(len(request.municipalities))
        return [{"id": "regio", "name": f"Regio ({count} gemeenten)", "kind": "regio"}]
    lead = request.municipalities[0].id
    wijken = [{"id": wijk_id(name, lead), "name": name, "kind": "wijk", "municipality": lead}
              for name in request.neighbourhoods]
    return [*wijken, {"id": "nederland", "name": "Nederland", "kind": "land"}]


def wijk_id(name: str, municipality_id: str) -> str:
    """A neighbourhood's id; one named like its municipality gets '-wijk' added."""
    found = slug(name)
    return f"{found}-wijk" if found in (municipality_id, "nederland") else found


def _theme(field: str, order: int, request: Request, place: str, owner: str,
           whole: str) -> dict[str, Any]:
    spec = fields()[field]
    key = spec["slug"]
    indicator = _indicator(spec["indicator"], request)
    baseline_year, baseline = next((year, value) for area, year, value in reversed(indicator["rows"])
                                   if area == whole)
    target = _target(baseline, spec["indicator"])
    goals = [
        {"id": f"{key}-doel", "text": spec["effect"].format(place=place), "kind": "effect",
         "indicator": indicator["id"], "area": whole, "baseline": (baseline_year, baseline),
         "target": (request.period[1], target)},
        {"id": f"{key}-aanpak", "text": spec["effort"].format(place=place), "kind": "inspanning"},
    ]
    actions = [_action(key, i, action, goals, request, place, owner)
               for i, action in enumerate(spec["actions"])]
    partners = list(spec["partners"])
    return {"slug": key, "field": field, "order": order, "title": spec["title"],
            "summary": spec["summary"], "why": spec["why"].format(place=place).rstrip(),
            "partners": partners, "goals": goals, "actions": actions,
            "all_partners": {*partners, *(p for a in actions for p in a["partners"])},
            "indicator_spec": indicator}


def _action(key: str, index: int, spec: dict[str, Any], goals: list[dict[str, Any]],
            request: Request, place: str, owner: str) -> dict[str, Any]:
    """An example action; its dates spread over the plan's period, its status 'gepland'."""
    start, end = request.period
    timing = [((start, 2, 1), (min(start + 1, end), 12, 31)),
              ((start, 4, 1), (end, 12, 31)),
              ((min(start + 1, end), 1, 1), (end, 6, 30))][index % 3]
    return {"id": f"{key}-actie-{index + 1}", "title": spec["title"],
            "goal": goals[0 if index != 1 else 1]["id"],
            "owner": owner if spec["owner"] == "gemeente" else spec["owner"],
            "partners": spec["partners"], "start": dt.date(*timing[0]),
            "deadline": dt.date(*timing[1]), "done_when": spec["done_when"].format(place=place)}


def _target(baseline: float, spec: dict[str, Any]) -> float:
    """A target ten percent better than the baseline, at least one unit of the shown decimals."""
    step = 10 ** -spec["decimals"]
    change = max(abs(baseline) * 0.1, step)
    value = baseline - change if spec["direction"] == "lager" else baseline + change
    return _round(max(value, 0), spec["decimals"])


def _round(value: float, decimals: int) -> float:
    rounded = round(value, decimals)
    return float(int(rounded)) if decimals == 0 else rounded


def _indicator(spec: dict[str, Any], request: Request) -> dict[str, Any]:
    """An indicator with illustrative figures for every area of the plan, in a CSV file."""
    last = min(request.period[0], request.today.year) - 1  # whole years before the plan
    if spec["every"] == 2 and last % 2 == 0:
        last -= 1  # the Veiligheidsmonitor is held in odd years
    years = [last - spec["every"] * k for k in reversed(range(HISTORY))]
    rows = _figures(spec, request, years)
    return {**{k: v for k, v in spec.items() if k not in ("level", "every")},
            "file": f"data/{spec['id']}.csv", "rows": rows}


def _figures(spec: dict[str, Any], request: Request, years: list[int]) -> list[tuple[str, int, float]]:
    """Plausible, made-up figures: the indicator's level, varied per area and year by a hash."""
    lead = request.municipalities[0]
    if request.joint:
        own = [m.id for m in request.municipalities]
    else:
        own = [wijk_id(name, lead.id) for name in request.neighbourhoods] + [lead.id, "nederland"]
    series = {area: [_value(spec, area, year, k, len(years), area == "nederland")
                     for k, year in enumerate(years)] for area in own}
    if request.joint:
        weights = {m.id: m.population for m in request.municipalities}
        total = sum(weights.values())
        series["regio"] = [sum(series[a][k] * w for a, w in weights.items()) / total
                           for k in range(len(years))]
    return [(area, year, _round(values[k], spec["decimals"]))
            for area, values in series.items() for k, year in enumerate(years)]


def _value(spec: dict[str, Any], area: str, year: int, k: int, count: int, national: bool) -> float:
    level = spec["level"] * (1 if national else 0.75 + 0.5 * _unit(spec["id"], area))
    steps = count - 1 - k  # years before the latest: earlier figures were a bit worse
    trend = 1 + 0.04 * steps if spec["direction"] == "lager" else 1 - 0.04 * steps
    wobble = 1 + 0.05 * (_unit(spec["id"], area, str(year)) - 0.5)
    return float(level * trend * wobble)


def _unit(*parts: str) -> float:
    """A number from 0 to 1 that depends only on ``parts``."""
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def _event(request: Request) -> dict[str, Any]:
    """An example evening with residents, on a Tuesday six weeks or more after today."""
    day = request.today + dt.timedelta(days=42)
    day += dt.timedelta(days=(1 - day.weekday()) % 7)
    lead = request.municipalities[0]
    audience = (f"Inwoners en ondernemers van {enumeration([m.name for m in request.municipalities])}"
                if request.joint else f"Inwoners van {lead.name}")
    return {"id": f"bijeenkomst-{day.year}", "date": day, "audience": audience,
            "location": f"Gemeentehuis {lead.name}", "municipality": lead.id}

"""Plain-Dutch explanations of validation errors, with the fix and a 'did you mean' hint."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

_CUSTOM = {
    "ivp_id": "'{input}' is geen geldige id; gebruik kleine letters, cijfers en streepjes, "
    "bijvoorbeeld '{slug}'.",
    "ivp_time": "'{input}' is geen tijd; schrijf UU:MM tussen aanhalingstekens, bijvoorbeeld '19:30'.",
    "ivp_link": "'{input}' is geen toegestane link; gebruik een adres dat met https:// begint "
    "of een pad binnen de site.",
    "ivp_web": "'{input}' is geen webadres; schrijf het hele adres, beginnend met https://.",
    "ivp_email": "'{input}' is geen e-mailadres; schrijf bijvoorbeeld veiligheid@gemeente.nl.",
    "ivp_phone": "'{input}' is geen geldig Nederlands telefoonnummer; schrijf bijvoorbeeld "
    "'14 035' of '035 548 60 00' (tussen aanhalingstekens).",
    "ivp_finite": "'{input}' is geen gewoon getal; vul een echte waarde in.",
    "ivp_period": "het eindjaar ligt vóór het beginjaar.",
    "ivp_deadline": "de deadline ligt vóór de startdatum.",
    "ivp_years_twice": "een jaar staat twee keer in 'years'.",
    "ivp_year_budgets": "'year_budgets' noemt een jaar dat niet in 'years' staat; zet het jaar "
    "ook in 'years', of haal het bedrag weg.",
    "ivp_goal_figure": "vul 'year' en 'value' samen in (het cijfer waarop het oordeel rust), "
    "of laat ze allebei weg.",
    "ivp_survey_source": "geef de bron van deze uitkomsten ('source' met 'name' en liefst "
    "'url'), of zet 'illustrative: true' als de cijfers bedacht zijn.",
}

_BY_TYPE = {
    "missing": "dit verplichte veld ontbreekt.",
    "int_parsing": "verwacht een heel getal, maar hier staat '{input}'.",
    "int_type": "verwacht een heel getal, maar hier staat '{input}'.",
    "int_from_float": "verwacht een heel getal zonder decimalen, maar hier staat '{input}'.",
    "float_parsing": "verwacht een getal, maar hier staat '{input}'.",
    "float_type": "verwacht een getal, maar hier staat '{input}'.",
    "string_type": "verwacht tekst, maar hier staat '{input}'. Zet de tekst tussen aanhalingstekens.",
    "string_too_short": "mag niet leeg zijn.",
    "bool_type": "verwacht true of false, maar hier staat '{input}'.",
    "bool_parsing": "verwacht true of false, maar hier staat '{input}'.",
    "list_type": "verwacht een lijst (regels die met '- ' beginnen).",
    "dict_type": "verwacht een groep velden ('sleutel: waarde' op ingesprongen regels).",
    "model_type": "verwacht een groep velden ('sleutel: waarde' op ingesprongen regels).",
    "model_attributes_type": "verwacht een groep velden ('sleutel: waarde' op ingesprongen regels).",
    "date_type": "'{input}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-15.",
    "date_parsing": "'{input}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-15.",
    "date_from_datetime_parsing": "'{input}' is geen datum; schrijf JJJJ-MM-DD, "
    "bijvoorbeeld 2024-03-15.",
    "date_from_datetime_inexact": "schrijf alleen een datum (JJJJ-MM-DD), zonder tijd.",
    "greater_than": "moet groter zijn dan {gt}, maar hier staat {input}.",
    "greater_than_equal": "mag niet kleiner zijn dan {ge}, maar hier staat {input}.",
    "less_than_equal": "mag niet groter zijn dan {le}, maar hier staat {input}.",
    "too_short": "moet minstens {min_length} item bevatten.",
    "literal_error": "'{input}' is geen geldige waarde; kies uit: {expected}.",
}

_PATTERNS = {
    "cbs_code": "'{input}' is geen CBS-gemeentecode; schrijf GM en vier cijfers, bijvoorbeeld GM0342.",
}


def describe_error(model: type[BaseModel], error: ErrorDetails) -> str:
    """One Dutch sentence that says what is wrong at ``error['loc']`` and how to fix it."""
    kind = error["type"]
    loc = tuple(error["loc"])
    shown: str = _shown(error.get("input"))
    ctx = dict(error.get("ctx") or {})
    if kind == "extra_forbidden":
        return _unknown_key(model, loc)
    if error.get("input", "") is None and kind.endswith("_type"):
        return "dit veld is leeg; vul een waarde in."
    if kind == "value_error":
        code = str(ctx.get("error", ""))
        slug = re.sub(r"[^a-z0-9]+", "-", shown.lower()).strip("-") or "jeugd-overlast"
        return _CUSTOM.get(code, code).format(input=shown, slug=slug)
    if kind == "string_pattern_mismatch":
        pattern = _PATTERNS.get(str(loc[-1]), "'{input}' heeft niet de juiste vorm.")
        return pattern.format(input=shown)
    template = _BY_TYPE.get(kind)
    if template is None:
        return f"ongeldige waarde '{shown}' ({error['msg']})."
    if kind == "literal_error":
        ctx["expected"] = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
    ctx = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in ctx.items()}
    message = template.format(input=shown, **ctx)
    if kind in ("float_parsing", "int_parsing") and re.fullmatch(r"-?\d+,\d+", shown):
        message += f" Schrijf een decimaal getal met een punt: {shown.replace(',', '.')}."
    return message


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def misspelt(model: type[BaseModel], error: ErrorDetails) -> str | None:
    """For an unknown key, the allowed key it most likely stands for, if any."""
    if error["type"] != "extra_forbidden":
        return None
    loc = tuple(error["loc"])
    close = difflib.get_close_matches(str(loc[-1]), fields_at(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    key = str(loc[-1])
    known = fields_at(model, loc[:-1])
    if key.isdigit():
        return (f"'{key}' is geen veld; staat er een komma in een getal? Schrijf decimalen met een "
                "punt, bijvoorbeeld 4.2 in plaats van 4,2.")
    message = f"onbekend veld '{key}'."
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return message + f" Bedoelt u '{close[0]}'?"
    if known:
        return message + f" Toegestaan zijn: {', '.join(known)}."
    return message


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at a location inside a model (following lists, dicts and nesting)."""
    current: Any = model
    for part in loc:
        current = _strip(current)
        if _is_model(current):
            if part not in current.model_fields:
                return []
            current = current.model_fields[part].annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return []
    current = _strip(current)
    return list(current.model_fields) if _is_model(current) else []


def _strip(annotation: Any) -> Any:
    """X from X | None and Annotated[X, ...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip(options[0]) if len(options) == 1 else annotation
    return annotation


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)

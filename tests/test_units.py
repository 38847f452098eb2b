"""Units that staff feel directly: YAML reading, Dutch formatting, house-style contrast."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from ivpgen.errors import ConfigError
from ivpgen.i18n import load_locale
from ivpgen.model import ACTION_STATUSES, PARTNER_KINDS, SAFETY_FIELDS
from ivpgen.style import Style, contrast
from ivpgen.yamlsrc import YamlProblem, parse_yaml

ROOT = Path(__file__).resolve().parent.parent


def test_times_and_dutch_words_stay_text() -> None:
    data = parse_yaml("start: 19:30\nanswer: no\nopen: yes\nzip: 0342\n").data
    assert data == {"start": "19:30", "answer": "no", "open": "yes", "zip": 342}


def test_dates_and_lines_are_read() -> None:
    result = parse_yaml("a: 1\nitems:\n  - when: 2024-03-05\n")
    assert result.data["items"][0]["when"] == dt.date(2024, 3, 5)
    assert result.line_of(("items", 0, "when")) == 3
    assert result.line_of(("items", 0, "missing")) == 3


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(YamlProblem) as info:
        parse_yaml("title: a\nx: 1\ntitle: b\n")
    assert info.value.line == 3
    assert "ook op regel 1" in info.value.message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    started = time.perf_counter()
    with pytest.raises(YamlProblem, match="verwijzingen"):
        parse_yaml(bomb)
    assert time.perf_counter() - started < 5  # a safety net against hanging, not a benchmark


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(YamlProblem, match="te diep genest"):
        parse_yaml("a: " + "[" * 10_000 + "]" * 10_000)


def test_dutch_numbers_and_dates() -> None:
    nl = load_locale("nl")
    assert nl.number(5.5) == "5,5"
    assert nl.number(47123, 0) == "47.123"
    assert nl.number(3, 1) == "3,0"
    assert nl.money(25000) == "€ 25.000"
    assert nl.date(dt.date(2024, 3, 5)) == "5 maart 2024"


@pytest.mark.parametrize("code", ["nl", "en"])
def test_every_text_the_templates_use_exists_in_the_locale(code: str) -> None:
    nl = load_locale(code)
    keys: set[str] = set()
    for template in (ROOT / "templates").rglob("*.html"):
        keys |= set(re.findall(r"\bt\('([a-z_.]+)'\s*[,)]", template.read_text(encoding="utf-8")))
    assert len(keys) > 40
    for key in sorted(keys):
        assert nl.t(key), key
    # Keys built from content values: every allowed value needs its label.
    for value in ACTION_STATUSES:
        assert nl.t(f"status.{value}")
    for value in PARTNER_KINDS:
        assert nl.t(f"partner_kind.{value}")
    for value in ("open", "vol", "gesloten"):
        assert nl.t(f"participation.registration_state.{value}")
    for value in ("effect", "inspanning"):
        assert nl.t(f"theme.goal_kind.{value}")
    for value in ("lager", "hoger"):
        assert nl.t(f"indicators.direction_{value}")
    for value in ("concept", "vastgesteld"):
        assert nl.t(f"site.status_{value}")
    for value in SAFETY_FIELDS:
        assert nl.t(f"safety_field.{value}")


def test_missing_text_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"'site\.nope' ontbreekt in nl\.yml"):
        load_locale("nl").t("site.nope")


def test_contrast_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_low_contrast_house_colour_is_refused() -> None:
    style = Style("#ffdd00", "#000000", "#1a1a1a", "system-ui", None)
    with pytest.raises(ConfigError, match="te weinig contrast met wit"):
        style.validate()
    Style("#1f4e79", "#f2b705", "#1a1a1a", "system-ui", None).validate()

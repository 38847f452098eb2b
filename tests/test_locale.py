"""The locale files stay in step (same keys, same {placeholders}, every plural form) and each
edition writes numbers, dates, lists and plain-language changes by its own rules."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel import Locale as BabelLocale

from ivpgen.i18n import LOCALE_DIR, load_locale
from ivpgen.model import Indicator
from ivpgen.views.site import Figure
from tests.test_words import words
from tests.ui_strings import PLACEHOLDER, values

CODES = sorted(p.stem for p in LOCALE_DIR.glob("*.yml"))
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def test_there_is_an_english_edition() -> None:
    assert CODES == ["en", "nl"]


@pytest.mark.parametrize("code", [c for c in CODES if c != "nl"])
def test_every_locale_has_the_same_keys_and_placeholders_as_dutch(code: str) -> None:
    dutch, other = values("nl"), values(code)
    assert sorted(set(dutch) - set(other)) == [], f"missing in {code}.yml"
    assert sorted(set(other) - set(dutch)) == [], "not in nl.yml"
    wrong = {key: (dutch[key], other[key]) for key in dutch
             if set(PLACEHOLDER.findall(dutch[key])) != set(PLACEHOLDER.findall(other[key]))}
    assert not wrong, f"placeholders differ between nl.yml and {code}.yml: {wrong}"


SAME_IN_BOTH = {"budget", "data", "deadline", "details", "download", "halt", "home", "in",
                "indicator", "menu", "nl", "open", "partner", "partners", "percentage", "riec",
                "s", "start", "status", "token", "was", "website"}
"""Words that Dutch and English write alike: the only words an English text may share with
its Dutch one. A Dutch sentence copied into en.yml untranslated fails here (the both-ways
string test in test_editions.py only checks the texts that differ)."""


def test_an_english_text_equal_to_the_dutch_one_is_a_word_both_languages_share() -> None:
    dutch, english = values("nl"), values("en")
    shared = {key: value for key, value in dutch.items()
              if english.get(key) == value and key not in ("locale", "cldr")}
    assert len(shared) < 60
    words = {w.lower() for value in shared.values()
             for w in re.findall(r"[^\W\d_]+", PLACEHOLDER.sub("", value))}
    assert words <= SAME_IN_BOTH, sorted(words - SAME_IN_BOTH)


@pytest.mark.parametrize("code", CODES)
def test_plural_texts_have_every_form_of_their_language(code: str) -> None:
    locale = load_locale(code)
    needed = set(BabelLocale.parse(locale.cldr).plural_form.tags) | {"other"}
    plural_keys = {key.rsplit(".", 1)[0] for key in values(code) if key.endswith(".other")}
    assert len(plural_keys) > 10
    for key in plural_keys:
        forms = {k.rsplit(".", 1)[1] for k in values(code) if k.rsplit(".", 1)[0] == key}
        assert forms <= PLURAL_FORMS and needed <= forms, (code, key, forms)


def test_english_numbers_dates_money_and_lists() -> None:
    en = load_locale("en")
    assert en.number(5.5) == "5.5"
    assert en.number(47123, 0) == "47,123"
    assert en.money(35000) == "€ 35,000"
    assert en.date(dt.date(2024, 3, 5)) == "5 March 2024"
    assert en.date(dt.date(2024, 3, 5), "MMM y") == "Mar 2024"
    assert en.join(["Baarn", "Eemnes", "Soest"]) == "Baarn, Eemnes and Soest"
    assert en.plural("outcome.actions_done", 1, done=0) == "0 of 1 action completed"
    assert en.plural("outcome.actions_done", 31, done=14) == "14 of 31 actions completed"
    assert en.t("safety_field.jeugd en veiligheid") == "young people and safety"


RATE = Indicator(id="x", name="X", unit="per 1.000 inwoners", definition="X.", direction="lager")
SHARE = Indicator(id="y", name="Y", unit="% van de inwoners", definition="Y.", direction="lager")


@pytest.mark.parametrize(("first", "last", "said"), [
    (3.0, 2.0, "a third lower than in 2019"),
    (100, 50, "half of what it was in 2019"),
    (10, 15, "one and a half times what it was in 2019"),
    (4.0, 3.0, "a quarter lower than in 2019"),
    (10, 13, "30% higher than in 2019"),
    (10, 20, "2 times as high as in 2019"),
    (10, 10.2, "about the same as in 2019"),
])
def test_change_in_plain_english(first: float, last: float, said: str) -> None:
    assert words(code="en").change(Figure(2019, first, False), Figure(2024, last, False), RATE) == said


def test_percentage_points_are_singular_or_plural_as_shown() -> None:
    en, nl = words(code="en"), words(code="nl")
    assert en.change(Figure(2019, 34, False), Figure(2024, 28, False), SHARE) == \
        "6 percentage points lower than in 2019"
    assert en.change(Figure(2019, 34, False), Figure(2024, 35, False), SHARE) == \
        "1.0 percentage points higher than in 2019"
    assert en.change(Figure(2019, 34, False), Figure(2024, 36.2, False), SHARE) == \
        "2 percentage points higher than in 2019"
    assert nl.change(Figure(2019, 34, False), Figure(2024, 35, False), SHARE) == \
        "1,0 procentpunt hoger dan in 2019"


def test_one_municipality_or_many_in_english() -> None:
    one, five = words(1, "en"), words(5, "en")
    assert one.municipalities_fact() == ("Municipality", "G0")
    assert five.municipalities_fact() == ("Municipalities", "G0, G1, G2, G3 and G4")
    assert five.applies_to([]) == "all 5 municipalities"

"""Numbers into plain Dutch (ivpgen/views/words.py): changes over time, comparisons, plurals."""

from __future__ import annotations

import pytest

from ivpgen.i18n import load_locale
from ivpgen.model import Content, Indicator, Municipality, Plan
from ivpgen.views.site import Figure, SiteView, like_for_like
from ivpgen.views.words import Words

LOCALE = load_locale("nl")


def words(municipalities: int = 1, code: str = "nl") -> Words:
    plan = Plan.model_validate({
        "type": "plan", "title": "Plan", "period": {"start": 2023, "end": 2026},
        "status": "concept", "version": "1", "organisation": "Gemeente", "vision": "Veilig.",
        "municipalities": [Municipality(id=f"g{i}", name=f"G{i}", cbs_code=f"GM000{i}",
                                        population=1000) for i in range(municipalities)]})
    return Words(SiteView(Content({"index.md": plan})), load_locale(code))


def indicator(unit: str, direction: str = "lager") -> Indicator:
    return Indicator(id="x", name="X", unit=unit, definition="X.", direction=direction)


RATE = indicator("per 1.000 inwoners")


@pytest.mark.parametrize(("first", "last", "said"), [
    (3.0, 2.0, "een derde minder dan in 2019"),
    (100, 50, "de helft minder dan in 2019"),
    (4.0, 3.0, "een kwart minder dan in 2019"),
    (40, 10, "driekwart minder dan in 2019"),
    (10, 13, "30% meer dan in 2019"),
    (10, 15, "de helft meer dan in 2019"),
    (10, 20, "2 keer zo veel als in 2019"),
    (10, 10.2, "ongeveer gelijk aan 2019"),
    (10, 8.3, "17% minder dan in 2019"),
])
def test_change_in_plain_words(first: float, last: float, said: str) -> None:
    assert words().change(Figure(2019, first, False), Figure(2024, last, False), RATE) == said


def test_a_share_changes_in_percentage_points() -> None:
    share = indicator("% van de inwoners")
    w = words()
    assert w.change(Figure(2019, 34, False), Figure(2024, 28, False), share) == \
        "6 procentpunt lager dan in 2019"
    assert w.change(Figure(2019, 34, False), Figure(2024, 34.3, False), share) == \
        "ongeveer gelijk aan 2019"


def test_better_or_worse_follows_the_direction() -> None:
    w = words()
    assert w.judge(1.7, 1.3, RATE) == "worse"
    assert w.judge(1.1, 1.3, RATE) == "better"
    assert w.judge(8.1, 7.5, indicator("rapportcijfer", "hoger")) == "better"
    assert w.judge(1.71, 1.74, RATE) == "same", "equal as shown with one decimal"


def test_only_rates_shares_and_marks_compare_across_areas() -> None:
    assert like_for_like(RATE) and like_for_like(indicator("% van de inwoners"))
    assert like_for_like(indicator("rapportcijfer (0 tot 10)"))
    assert not like_for_like(indicator("aantal per jaar"))
    assert not like_for_like(indicator("meldingen per jaar"))


def test_one_municipality_or_many() -> None:
    one, five = words(1), words(5)
    assert one.municipalities_fact() == ("Gemeente", "G0")
    assert five.municipalities_fact() == ("Gemeenten", "G0, G1, G2, G3 en G4")
    assert one.applies_to([]) is None, "nothing to say in a plan of one municipality"
    assert five.applies_to([]) == "alle 5 gemeenten"
    assert five.applies_to(["g1"]) == "G1", "no list of one"
    assert LOCALE.plural("outcome.actions_done", 1, done=0) == "0 van 1 actie afgerond"
    assert LOCALE.plural("outcome.actions_done", 31, done=14) == "14 van 31 acties afgerond"

"""Numbers into plain words: one plan or many, changes over time and comparisons between areas.

Every sentence comes from the locale (``ivpgen/locale/<code>.yml``, sections ``plan`` and
``outcome``) with CLDR plural rules, so a plan of one municipality never reads "1 gemeenten" and
a plan without a region never speaks of "de regio".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ivpgen.i18n import Locale
from ivpgen.model import Indicator, Theme
from ivpgen.views.site import Figure, SiteView, like_for_like

Trend = Literal["down", "up", "flat"]
Judgement = Literal["better", "worse", "same"]
# A relative change within this many percent of a simple fraction is said as that fraction.
_FRACTIONS = ((0.25, "quarter"), (1 / 3, "third"), (0.5, "half"), (2 / 3, "two_thirds"),
              (0.75, "three_quarters"))
_CLOSE = 0.025
FLAT = 0.03
"""A change smaller than 3% (or 0.5 percentage point) counts as 'about the same'."""


@dataclass(frozen=True)
class Comparison:
    """An area's figure against a yardstick (region, municipality, country) in the same year."""

    name: str
    figure: Figure
    judgement: Judgement
    text: str
    """e.g. 'lager dan de regio (2,1)'"""


class Words:
    """The locale's words for what the views computed; shared by the site and the print."""

    def __init__(self, site: SiteView, locale: Locale) -> None:
        self.site = site
        self.locale = locale

    def t(self, key: str, **values: Any) -> str:
        return self.locale.t(key, **values)

    def count(self, key: str, count: int | Decimal, **values: Any) -> str:
        return self.locale.plural(key, count, **values)

    def number(self, figure: Figure, indicator: Indicator) -> str:
        """The figure as a number: 5,5 (the template adds the illustrative mark)."""
        return self.locale.number(figure.value, indicator.decimals)

    def field(self, name: str) -> str:
        """A safety field as residents of this edition read it: 'jeugd en veiligheid'."""
        return self.t(f"safety_field.{name}")

    def marked(self, figure: Figure, indicator: Indicator) -> str:
        """The figure inside a sentence, with the illustrative mark: 5,5*."""
        mark = self.t("site.illustrative_mark") if figure.illustrative else ""
        return self.number(figure, indicator) + mark

    # --- one plan or many ---------------------------------------------------------------------

    @property
    def place_kind(self) -> str:
        """'gemeente' in a joint plan, else 'wijk' (the places residents choose from)."""
        return "gemeente" if self.site.kind == "joint" else "wijk"

    def municipalities_fact(self) -> tuple[str, str]:
        """('Gemeenten', 'Baarn, ... en Soest') or ('Gemeente', 'Helmond')."""
        names = [m.name for m in self.site.plan.municipalities]
        return self.count("plan.municipalities_label", len(names)), self.locale.join(names)

    def area_name(self, area: str) -> str:
        """An area as a sentence names it: 'de regio', 'Nederland', 'Baarn'."""
        if self.site.area_kinds.get(area) == "regio":
            return self.t("plan.the_region")
        return self.site.areas.get(area, area)

    def applies_to(self, tied: list[str]) -> str | None:
        """'Baarn, De Bilt en Soest', or for the whole plan 'alle vijf gemeenten'; None when the
        plan has one municipality and the item is not tied (then there is nothing to say)."""
        if tied:
            return self.locale.join(self.site.names(tied))
        if self.site.kind == "joint":
            return self.count("plan.all_municipalities", len(self.site.plan.municipalities))
        return None

    def theme_applies(self, theme: Theme) -> str | None:
        return self.applies_to(theme.area_ids)

    # --- change over time ---------------------------------------------------------------------

    def trend(self, first: Figure, last: Figure, indicator: Indicator) -> Trend:
        if self._relative(first, last, indicator) is None:
            return "flat"
        return "down" if last.value < first.value else "up"

    def _relative(self, first: Figure, last: Figure, indicator: Indicator) -> float | None:
        """The change from first to last (a fraction, or points for a share); None when flat."""
        if _is_share(indicator):
            change = last.value - first.value
            return change if abs(change) >= 0.5 else None
        if first.value == 0:
            return None if last.value == 0 else 1.0
        change = (last.value - first.value) / abs(first.value)
        return change if abs(change) >= FLAT else None

    def change(self, first: Figure, last: Figure, indicator: Indicator) -> str:
        """'een derde minder dan in 2019', '6 procentpunt lager dan in 2023', 'ongeveer gelijk
        aan 2019'."""
        change = self._relative(first, last, indicator)
        year = first.year
        if change is None:
            return self.t("outcome.same_as", year=year)
        if _is_share(indicator):
            decimals = 0 if abs(change) >= 1.5 else 1
            shown = Decimal(f"{abs(change):.{decimals}f}")  # '1 point', but '1.0 points'
            key = "outcome.points_lower" if change < 0 else "outcome.points_higher"
            return self.count(key, shown, points=self.locale.number(abs(change), decimals), year=year)
        return self._relative_words(change, year)

    def _relative_words(self, change: float, year: int) -> str:
        size = abs(change)
        if change > 0 and size >= 0.95:
            factor = 1 + change
            if abs(factor - round(factor)) <= 0.1:
                return self.t("outcome.times", times=round(factor), year=year)
        for fraction, name in _FRACTIONS:
            if abs(size - fraction) <= _CLOSE and (change < 0 or fraction < 1):
                key = "outcome.fraction_less" if change < 0 else "outcome.fraction_more"
                return self.t(f"{key}.{name}", year=year)
        key = "outcome.percent_less" if change < 0 else "outcome.percent_more"
        return self.t(key, percent=self.locale.number(100 * size, 0), year=year)

    # --- better or worse than elsewhere -------------------------------------------------------

    def judge(self, value: float, than: float, indicator: Indicator) -> Judgement:
        """Better, worse or the same, from the indicator's direction (lower or higher is better)."""
        if round(value, indicator.decimals) == round(than, indicator.decimals):
            return "same"
        lower = value < than
        return "better" if lower == (indicator.direction == "lager") else "worse"

    def compare(self, indicator: Indicator, area: str, figure: Figure) -> list[Comparison]:
        """An area's figure against each of its yardsticks with a figure in the same year; none
        for counts, which do not compare like with like."""
        if not like_for_like(indicator):
            return []
        found = []
        for other in self.site.yardsticks(area):
            theirs = self.site.in_year(indicator, other, figure.year)
            if theirs is None:
                continue
            judgement = self.judge(figure.value, theirs.value, indicator)
            side = "same" if judgement == "same" else (
                "lower" if figure.value < theirs.value else "higher")
            text = self.t(f"outcome.{side}_than", area=self.area_name(other),
                          value=self.marked(theirs, indicator))
            found.append(Comparison(self.area_name(other), theirs, judgement, text))
        return found

    def verdict_word(self, judgement: Judgement) -> str:
        return self.t(f"outcome.judgement.{judgement}")


def _is_share(indicator: Indicator) -> bool:
    """A percentage: changes are said in percentage points, not as a fraction of a fraction."""
    return (indicator.unit or "").lstrip().startswith("%")

"""What every chart builder needs: the site's views, its locale and its palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ivpgen.charts.spec import Palette
from ivpgen.i18n import Locale
from ivpgen.views import Figure, SiteView


@dataclass
class Ctx:
    site: SiteView
    locale: Locale
    palette: Palette

    def t(self, key: str, **values: Any) -> str:
        return self.locale.t(f"charts.{key}", **values)

    def number(self, value: float, decimals: int) -> str:
        return self.locale.number(value, decimals)

    @cached_property
    def area_kinds(self) -> dict[str, str]:
        """Every area id with its kind: 'gemeente', 'wijk', 'regio' or 'land'."""
        kinds = {m.id: "gemeente" for m in self.site.plan.municipalities}
        kinds.update({a.id: a.kind for a in self.site.plan.areas})
        return kinds

    def illustrative_sentence(self, figures: Iterable[Figure]) -> str:
        """'' when all figures are real; else a sentence saying some or all are illustrative."""
        flags = [f.illustrative for f in figures]
        if flags and all(flags):
            return self.t("all_illustrative")
        return self.t("some_illustrative") if any(flags) else ""


def sentence(*parts: str) -> str:
    """Join sentences with single spaces, leaving out empty ones."""
    return " ".join(part for part in parts if part)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]

"""Chart titles that say what the chart shows, in plain words (the locale's), where the data allow it.

"Woninginbraken: in alle 5 gemeenten gedaald sinds 2019" instead of "Woninginbraken: verloop
per jaar" (the ONS Service Manual's advice: a title states the main message). The direction of
a series is judged from its first and last figure as residents read them (5,5 -> 3,9); when
the figures shown are equal it is 'gelijk gebleven'.
"""

from __future__ import annotations

from collections.abc import Sequence

from ivpgen.charts.context import Ctx
from ivpgen.views import Figure


def direction(ctx: Ctx, series: Sequence[Figure], decimals: int) -> str:
    """'fell', 'rose' or 'flat' from the first to the last figure of a series."""
    first, last = series[0].value, series[-1].value
    if len(series) < 2 or ctx.number(first, decimals) == ctx.number(last, decimals):
        return "flat"
    return "fell" if last < first else "rose"


def kind_words(ctx: Ctx, kind: str) -> tuple[str, str]:
    """(singular, plural) for areas of a kind: gemeente/gemeenten, wijk/wijken, gebied/gebieden."""
    key = kind if kind in ("gemeente", "wijk") else "gebied"
    return ctx.t(f"area_kinds.{key}.one"), ctx.t(f"area_kinds.{key}.many")


def trend_title(ctx: Ctx, name: str, series: dict[str, list[Figure]], main: list[str],
                decimals: int) -> str:
    """The title of a trend chart from the direction of its main lines (the areas compared;
    the references when it has nothing else); a single figure has no direction."""
    trends = {area: s for area, s in series.items() if len(s) >= 2}
    chosen = {area: trends[area] for area in main if area in trends} or trends
    if not chosen:
        return ctx.t("trend_title_plain", name=name)
    moves = [direction(ctx, s, decimals) for s in chosen.values()]
    since = min(s[0].year for s in chosen.values())
    common = max(dict.fromkeys(moves), key=moves.count)  # a tie goes to the first, every build
    move = ctx.t(f"moved.{common}")
    if len(chosen) == 1:
        return ctx.t("trend_title_one", name=name, move=move, year=since)
    kinds = {ctx.area_kinds.get(area, "") for area in chosen}
    _one, many = kind_words(ctx, kinds.pop() if len(kinds) == 1 else "")
    if moves.count(common) == len(moves):
        return ctx.t("trend_title_all", name=name, move=move, year=since, count=len(moves),
                     kinds=many)
    return ctx.t("trend_title_some", name=name, move=move, year=since, count=moves.count(common),
                 total=len(moves), kinds=many)


def goal_title(ctx: Ctx, name: str, area: str, series: Sequence[Figure], decimals: int) -> str:
    """'Meldingen van jeugdoverlast in Soest: gedaald sinds 2016' (the verdict is shown apart)."""
    if len(series) < 2:
        return ctx.t("goal_title", name=name, area=area)
    move = ctx.t(f"moved.{direction(ctx, series, decimals)}")
    return ctx.t("goal_title_trend", name=name, area=area, move=move, year=series[0].year)


def comparison_title(ctx: Ctx, name: str, latest: Sequence[tuple[str, Figure]], kind: str) -> str:
    """'Woninginbraken: het hoogst in Soest, het laagst in Eemnes'."""
    high = max(latest, key=lambda item: item[1].value)
    low = min(latest, key=lambda item: item[1].value)
    if high[1].value == low[1].value:
        return ctx.t("comparison_title_same", name=name, kinds=kind_words(ctx, kind)[1])
    return ctx.t("comparison_title", name=name, high=high[0], low=low[0])

"""What a priority achieves, as one tile: its headline figure with trend and comparison, its
goals on course and its actions done. Shown on the home page, the priorities overview and the
priority's own page, and read by the print summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ivpgen.icons import TREND_ICONS, icon, theme_icon
from ivpgen.model import Action, Indicator, Theme
from ivpgen.views.site import ActionProgress, Figure, Headline, SiteView
from ivpgen.views.words import Trend, Words

if TYPE_CHECKING:
    from ivpgen.charts.catalog import Catalog


@dataclass(frozen=True)
class Ctx:
    """What every page view is built from: the shared numbers, their words and the charts."""

    site: SiteView
    words: Words
    charts: Catalog


@dataclass(frozen=True)
class TrendMark:
    """The direction of a series as an arrow, coloured and worded by whether it is good news."""

    trend: Trend
    arrow: Markup
    text: str
    """The arrow in words, for screen readers: 'gedaald; dat is goed'."""
    good: bool | None


def trend_mark(words: Words, series: Sequence[Figure], indicator: Indicator) -> TrendMark:
    trend = words.trend(series[0], series[-1], indicator) if len(series) > 1 else "flat"
    good = None if trend == "flat" else (trend == "down") == (indicator.direction == "lager")
    key = "flat" if good is None else ("good" if good else "bad")
    return TrendMark(trend, icon(TREND_ICONS[trend], f"icon icon--trend icon--{key}"),
                     words.t(f"outcome.trend.{trend}") + words.t(f"outcome.trend_judged.{key}"),
                     good)


@dataclass(frozen=True)
class HeadlineFigure:
    """A headline figure as residents read it: '1,7 per 1.000 inwoners (2024)', an arrow, and
    'een derde minder dan in 2019, lager dan Nederland'."""

    label: str
    value: str
    unit: str
    year: int
    trend: TrendMark
    sentence: str
    page: str | None
    illustrative: bool


@dataclass(frozen=True)
class ActionBar:
    """'14 van 31 acties afgerond', as a bar and in words."""

    progress: ActionProgress
    text: str
    dropped: str


@dataclass(frozen=True)
class OutcomeTile:
    theme_id: str
    page: str
    title: str
    field: str
    icon: Markup
    figure: HeadlineFigure | None
    goals: str
    """'2 van 3 doelen op koers of bereikt', or '' when no goal can be judged yet."""
    actions: ActionBar | None


def headline_figure(ctx: Ctx, headline: Headline) -> HeadlineFigure:
    words, indicator = ctx.words, headline.indicator
    first, last = headline.series[0], headline.series[-1]
    parts = [words.change(first, last, indicator)] if len(headline.series) > 1 else []
    parts += [c.text for c in words.compare(indicator, headline.area, last)]
    return HeadlineFigure(
        words.t("outcome.figure_label", name=indicator.name, area=words.area_name(headline.area)),
        words.number(last, indicator), indicator.unit or "", last.year,
        trend_mark(words, headline.series, indicator), capital(", ".join(parts)),
        ctx.site.indicator_page(indicator.id), last.illustrative)


def capital(text: str) -> str:
    """A sentence as shown on its own: a capital first letter and a full stop."""
    return text[:1].upper() + text[1:] + "." if text else ""


def action_bar(ctx: Ctx, actions: list[Action]) -> ActionBar | None:
    if not actions:
        return None
    progress = ctx.site.progress(actions)
    words = ctx.words
    dropped = words.count("outcome.dropped", progress.dropped) if progress.dropped else ""
    return ActionBar(progress, words.count("outcome.actions_done", progress.total,
                                           done=progress.done), dropped)


def goals_text(ctx: Ctx, theme: Theme | None = None) -> str:
    good, judged = ctx.site.judged(list(theme.goals) if theme else None)
    return ctx.words.count("outcome.goals_on_course", judged, good=good) if judged else ""


def outcome_tile(ctx: Ctx, tid: str, theme: Theme) -> OutcomeTile:
    headline = ctx.site.headline(theme)
    field = ctx.words.field(theme.field)
    return OutcomeTile(tid, ctx.site.theme_pages[tid], theme.title,
                       "" if theme.title.casefold() in (field.casefold(), theme.field.casefold())
                       else field,  # not twice: 'Jeugd en veiligheid / jeugd en veiligheid'
                       theme_icon(theme),
                       headline_figure(ctx, headline) if headline else None,
                       goals_text(ctx, theme), action_bar(ctx, list(theme.actions)))


def grid_columns(count: int) -> int:
    """Columns for a grid of tiles on a wide screen such that no tile sits alone on a row."""
    if count <= 3:
        return max(count, 1)
    return next((c for c in (3, 2, 4) if count % c != 1), 3)  # 13, 25, ...: one alone

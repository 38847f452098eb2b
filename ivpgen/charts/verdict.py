"""Is a goal on course? Compare the latest figure with the straight path from baseline to target.

The path is the line from the baseline (year, value) to the target (year, value). A figure
on the good side of that line in its year is *op koers*; on the wrong side *achter op schema*;
at or past the target value *doel bereikt*. Which side is good follows the indicator's
direction: ``lager`` (lower is better) or ``hoger``.
"""

from __future__ import annotations

from ivpgen.charts.spec import VerdictCode

# Figures are written with at most three decimals; a smaller difference is no difference.
TOLERANCE = 1e-6


def expected(baseline: tuple[int, float], target: tuple[int, float], year: int) -> float:
    """The value on the straight path from baseline to target in ``year`` (flat outside it)."""
    (b_year, b_value), (t_year, t_value) = baseline, target
    if t_year <= b_year or year >= t_year:
        return t_value
    if year <= b_year:
        return b_value
    return b_value + (t_value - b_value) * (year - b_year) / (t_year - b_year)


def at_least_as_good(value: float, than: float, direction: str) -> bool:
    """Whether ``value`` is as good as ``than`` or better, for this direction."""
    if direction == "lager":
        return value <= than + TOLERANCE
    return value >= than - TOLERANCE


def verdict(baseline: tuple[int, float], target: tuple[int, float], direction: str,
            latest: tuple[int, float] | None) -> VerdictCode:
    """The verdict on a goal from its latest figure; 'onbekend' without a figure after the baseline."""
    if latest is None or latest[0] <= baseline[0]:
        return "onbekend"
    year, value = latest
    if at_least_as_good(value, target[1], direction):
        return "bereikt"
    if at_least_as_good(value, expected(baseline, target, year), direction):
        return "op-koers"
    return "achter"

"""Axes: nice tick values and the mapping from data to drawing units.

Ticks step by 1, 2 or 5 times a power of ten, or by 25, 250, ... (as in 0, 25, 50, 75), and
never by more decimals than the indicator's figures have, so every tick label is an exact,
round number: never the "0, 2, 5, 8, 10" that rounding 2.5-steps to whole numbers gives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MULTIPLES = (1.0, 2.0, 2.5, 5.0)


def decimals_of(step: float) -> int:
    """How many decimals a step needs to be written exactly (0.25 needs 2)."""
    for places in range(10):
        if abs(step * 10**places - round(step * 10**places)) < 1e-9:
            return places
    return 10


def nice_ticks(low: float, high: float, most: int, decimals: int) -> list[float]:
    """At most ``most`` round ticks from at or below ``low`` to at or above ``high``, with a step
    the indicator's ``decimals`` can write."""
    if high <= low:
        high = low + 10.0 ** -decimals
    for power in range(-decimals, 16):
        for multiple in MULTIPLES:
            step = multiple * 10.0**power
            if decimals_of(step) > decimals or (multiple == 2.5 and power < 1):
                continue
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            if last - first + 1 <= most:
                return [round(i * step, decimals_of(step)) for i in range(first, last + 1)]
    raise ValueError(f"no ticks for {low}..{high}")  # pragma: no cover - 10^15 steps always fit


@dataclass(frozen=True)
class Scale:
    """A linear map from a data interval onto a drawing interval (which may run backwards)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return self.start
        return self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low)


def year_step(first: int, last: int, width: float, label_width: float) -> int:
    """Label every n-th year so that year labels keep half a label's gap between them; when
    possible a step that labels both the first and the last year."""
    per_year = width / max(last - first + 1, 1)
    fits = [n for n in range(1, max(last - first, 1) + 1) if per_year * n >= label_width * 1.5]
    ends = [n for n in fits if (last - first) % n == 0 and n <= max((last - first) // 2, 1)]
    return (ends or fits or [max(last - first, 1)])[0]

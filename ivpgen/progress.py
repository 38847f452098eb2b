"""How a build reports what it is doing, engine-free: numbered steps and counted tasks.

The pipeline, the chart store and the PDF maker call a ``Progress``; the default does
nothing, so a caller that does not care (``ivpgen serve``, ``mkdocs build``, tests,
benchmarks) passes none. ``ivpgen build`` passes one that draws steps and progress bars
(``ivpgen.console``).
"""

from __future__ import annotations

from collections.abc import Callable

STEPS = ("config", "content", "charts", "pdfs", "pages")
"""The steps of a build, in order; the locale names them (console.step.<key>)."""

Tick = Callable[[], None]


class Progress:
    """Receives a build's steps and the progress of its counted tasks; this one ignores them."""

    def step(self, key: str, skipped: bool = False) -> None:
        """A step of ``STEPS`` starts (or is skipped, e.g. PDFs switched off)."""

    def task(self, key: str, total: int) -> Tick:
        """A task of ``total`` items starts (charts to draw, PDFs to make); call the returned
        function once per finished item. May be called from another thread."""
        return _nothing


def _nothing() -> None:
    """A tick that reports to no one."""


def ticker(progress: Progress | None, key: str, total: int) -> Tick | None:
    """The tick function for a task, or None when nobody listens or there is nothing to do."""
    if progress is None or total == 0:
        return None
    return progress.task(key, total)

"""What ``ivpgen build`` tells staff on the terminal: steps, progress bars, problems, a summary.

Built on rich (progress bars, colour, and terminal detection that honours NO_COLOR and
TERM=dumb in one well-kept library; tqdm would give the bar only). Colour and progress bars
appear only on a terminal; a log file or CI gets plain lines. ``--quiet`` shows nothing but
errors; ``--verbose`` adds the engine's own English lines and the debug messages, which are
otherwise left out (the steps and the summary say the same in the plan's language).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from rich.console import Console as RichConsole
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bars
from rich.text import Text

from ivpgen.i18n import Locale
from ivpgen.progress import STEPS, Progress, Tick

PLUGIN_PREFIX = re.compile(r"^ivpgen: ")
LABEL_STYLES = {logging.ERROR: "bold red", logging.WARNING: "bold yellow"}
TRANSLATED = (
    (re.compile(r"Excluding '(?P<file>.+)' from the site because it conflicts with '(?P<other>.+)'\."),
     "console.engine.conflict"),
)
"""The engine's English warnings that staff may meet, with the locale key of their translation.
Its info lines (cleaning, building to, built in, template skipped) are shown with --verbose only."""


class Console(Progress):
    """Steps, progress bars and log lines on standard error, in the plan's language."""

    def __init__(self, locale: Locale, quiet: bool = False, verbose: bool = False) -> None:
        self.locale = locale
        self.quiet = quiet
        self.verbose = verbose
        self.out = RichConsole(stderr=True, highlight=False, soft_wrap=True)
        self.bars: Bars | None = None

    @property
    def terminal(self) -> bool:
        return self.out.is_terminal

    def step(self, key: str, skipped: bool = False) -> None:
        self._stop_bars()
        if self.quiet:
            return
        text = self.locale.t(f"console.step.{key}")
        if skipped:
            text += self.locale.t("console.skipped")
        self.out.print(Text.assemble((f"{STEPS.index(key) + 1}/{len(STEPS)} ", "bold cyan"), text))

    def task(self, key: str, total: int) -> Tick:
        """A progress bar on a terminal; nothing elsewhere."""
        if self.quiet or not self.terminal:
            return super().task(key, total)
        if self.bars is None:
            self.bars = Bars(TextColumn("  {task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=self.out, transient=True)
            self.bars.start()
        bars = self.bars
        task: TaskID = bars.add_task(self.locale.t(f"console.task.{key}"), total=total)
        return lambda: bars.advance(task)

    def _stop_bars(self) -> None:
        if self.bars is not None:
            self.bars.stop()
            self.bars = None

    def close(self) -> None:
        """Take the progress bars off the terminal (also after a failure)."""
        self._stop_bars()

    def handler(self, engine: str) -> logging.Handler:
        """A logging handler that prints the engine's and ivpgen's records through this console."""
        return _Handler(self, engine)

    def line(self, label: str, message: str, level: int) -> None:
        style = LABEL_STYLES.get(level, "dim" if level < logging.INFO else "")
        if label:
            self.out.print(Text.assemble((label, style), "  ", message))
        else:
            self.out.print(Text(message, style="dim" if level < logging.INFO else ""))

    def summary(self, rows: list[tuple[str, str]], headline: str) -> None:
        """The one-screen summary at the end: a headline and label/value rows."""
        if self.quiet:
            return
        width = max(len(label) for label, _ in rows) + 2
        self.out.print(Text(headline, style="bold green"))
        for label, value in rows:
            self.out.print(Text.assemble(("  " + label.ljust(width), "bold"), value))


class _Handler(logging.Handler):
    """Formats log records for staff: Dutch labels, the engine's chatter only with --verbose."""

    def __init__(self, console: Console, engine: str) -> None:
        super().__init__(logging.DEBUG)
        self.console = console
        self.engine_plugins = f"{engine}.plugins.ivpgen"

    def emit(self, record: logging.LogRecord) -> None:
        message = self._message(record)
        if message:
            self.console.line(self._label(record.levelno), message, record.levelno)

    def _message(self, record: logging.LogRecord) -> str | None:
        """The text to show for a record, or None when this verbosity leaves it out."""
        console, level = self.console, record.levelno
        message = PLUGIN_PREFIX.sub("", record.getMessage())
        if record.name.startswith(self.engine_plugins) or console.verbose:
            keep = level >= logging.ERROR or (not console.quiet and (
                console.verbose or level >= logging.INFO))
            return message if keep else None
        if console.quiet and level < logging.ERROR:
            return None
        translated = self._translated(message)
        return translated or (message if level >= logging.WARNING else None)

    def _translated(self, message: str) -> str | None:
        """The engine's message in the plan's language; None for a line kept for --verbose."""
        for pattern, key in TRANSLATED:
            match = pattern.fullmatch(message)
            if match:
                return self.console.locale.t(key, **match.groupdict())
        return None

    def _label(self, level: int) -> str:
        t = self.console.locale.t
        if level >= logging.ERROR:
            return t("console.level.error")
        if level >= logging.WARNING:
            return t("console.level.warning")
        return t("console.level.debug") if level < logging.INFO and self.console.verbose else ""


def shown_path(folder: Path) -> str:
    """A folder as staff typed it: relative to the working folder when it is inside it."""
    try:
        return folder.resolve().relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return folder.as_posix() + "/"

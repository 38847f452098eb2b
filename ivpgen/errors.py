"""One exception tree for every problem a user can cause, with messages in plain Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
"""error: the build stops; warning: suspicious, stops a build only with --strict; info: for staff
to know (example text still in place, a warning settled by staff), never stops anything."""

@dataclass(frozen=True, order=True)
class Problem:
    """One finding about the content: where it is (file, line, field) and what is wrong."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "error"
    code: str = ""
    """The short code of a SMART warning (e.g. 'uitschieter'): staff settle the warning with it."""

    @property
    def text(self) -> str:
        """The message with its code, as staff read it."""
        return f"{self.message} (code: {self.code})" if self.code else self.message

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" veld '{self.field}':" if self.field else ""
        return f"{where}:{field} {self.text}"


EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2
"""The exit statuses of ``ivpgen build`` and ``ivpgen check``: fine, warnings under --strict,
errors (in the content or in mkdocs.yml)."""


def exit_status(problems: list[Problem], strict: bool) -> int:
    """The exit status for these problems: errors 2, warnings under --strict 1, else 0."""
    if any(p.severity == "error" for p in problems):
        return EXIT_ERRORS
    if strict and any(p.severity == "warning" for p in problems):
        return EXIT_WARNINGS
    return EXIT_OK


class IvpgenError(Exception):
    """Base of every error ivpgen reports to a user without a traceback."""


class ContentError(IvpgenError):
    """The content in content/ has one or more problems; each is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        super().__init__(f"De inhoud bevat {count} {noun}.")


class ConfigError(IvpgenError):
    """The ivpgen settings in mkdocs.yml are wrong."""


class ChartError(IvpgenError):
    """A chart could not be drawn; names the chart so the cause can be found."""


class PdfError(IvpgenError):
    """A printed summary could not be made; names the PDF."""

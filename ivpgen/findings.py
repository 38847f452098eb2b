"""Findings about content: a helper that turns a field location into a Problem with its line."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ivpgen.errors import Problem, Severity
from ivpgen.load import Loaded, dotted

Loc = tuple[str | int, ...]


@dataclass
class Finder:
    """Makes Problems for one source file, with the line of a field."""

    file: str
    line_of: Callable[[Loc], int]

    @classmethod
    def for_page(cls, loaded: Loaded, path: str, prefix: str) -> Finder:
        return cls(prefix + path, loaded.sources[path].meta.line_of)

    @classmethod
    def for_row(cls, file: str, line: int) -> Finder:
        """A finder for one row of a CSV file: every field is on that row's line."""
        return cls(file, lambda _loc: line)

    def at(self, loc: Loc, message: str, severity: Severity = "error", code: str = "") -> Problem:
        return Problem(self.file, self.line_of(loc), dotted(loc), message, severity, code)

    def reference(self, loc: Loc, value: str | None, known: Iterable[str],
                  what: str) -> Iterator[Problem]:
        """A problem when ``value`` is not one of the known ids, with a 'did you mean'."""
        known = list(known)
        if value is None or value in known:
            return
        message = f"{what} '{value}' bestaat niet."
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        if close:
            message += f" Bedoelt u '{close[0]}'?"
        elif known:
            message += f" Bekend zijn: {', '.join(sorted(known))}."
        yield self.at(loc, message)

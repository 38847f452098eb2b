"""Reading a rendered page as a browser would: a real HTML tokenizer (the standard library's
html.parser) that keeps track of the open elements, so text is only ever taken from text nodes
inside <main>, never from tags, attributes, scripts or the elements a reader skips.

Shared by the search index (what a page shows) and the glossary marking (first use of a term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
"""Elements without an end tag."""


@dataclass(frozen=True)
class Opened:
    """An element the parser is inside."""

    tag: str
    id: str
    skipped: bool


class Walker(HTMLParser):
    """Tracks the open elements; calls ``text`` for text inside <main> that is not skipped.

    Subclasses say which elements to skip (by tag or class) and react to ``opened``,
    ``closed`` and ``text``.
    """

    skip_tags: frozenset[str] = frozenset({"script", "style", "svg", "math", "template"})
    skip_classes: frozenset[str] = frozenset()

    def __init__(self, *, convert_charrefs: bool = True) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.stack: list[Opened] = []
        self._skipped = 0
        self._main = 0

    @property
    def reading(self) -> bool:
        """Inside <main> and outside every skipped element."""
        return self._main > 0 and self._skipped == 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in VOID:
            self.opened(tag, attributes)
            return
        classes = set(attributes.get("class", "").split())
        skipped = tag in self.skip_tags or bool(classes & self.skip_classes)
        self.stack.append(Opened(tag, attributes.get("id", ""), skipped))
        self._skipped += skipped
        self._main += tag == "main"
        self.opened(tag, attributes)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.opened(tag, {name: value or "" for name, value in attrs})  # <br/>, <path .../>

    def handle_endtag(self, tag: str) -> None:
        if all(element.tag != tag for element in self.stack):
            return  # a stray end tag, as a browser ignores it
        while self.stack:
            element = self.stack.pop()
            self._skipped -= element.skipped
            self._main -= element.tag == "main"
            self.closed(element.tag)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.reading:
            self.text(data)

    def inside(self, *tags: str) -> bool:
        return any(element.tag in tags for element in self.stack)

    def opened(self, tag: str, attributes: dict[str, str]) -> None:
        """An element started (void elements included)."""

    def closed(self, tag: str) -> None:
        """An element ended (also when its end was implied by an outer end tag)."""

    def text(self, data: str) -> None:
        """Text inside <main>, outside skipped elements."""


class TextEdits(Walker):
    """Rewrites text nodes of <main> in place: subclasses return (start, end, markup) edits
    for a piece of text as written (entities left as they are); every byte outside the edits
    stays as it was, tags and attributes included."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self._edits: list[tuple[int, int, str]] = []

    def text(self, data: str) -> None:
        line, column = self.getpos()
        offset = self._line_starts[line - 1] + column
        self._edits += [(offset + start, offset + end, markup)
                        for start, end, markup in self.edit(data)]

    def edit(self, data: str) -> list[tuple[int, int, str]]:
        """The edits of one text node, by position in ``data``."""
        return []

    def result(self) -> str:
        """The page with every edit made."""
        self.feed(self.html)
        self.close()
        pieces, done = [], 0
        for start, end, markup in self._edits:
            pieces += [self.html[done:start], markup]
            done = end
        return "".join(pieces) + self.html[done:]

"""Reading a rendered page as a browser would: a real HTML tokenizer (the standard library's
html.parser) that keeps track of the open elements, so text is only ever taken from text nodes
inside <main>, never from tags, attributes, scripts or the elements a reader skips.

One parse serves several readers (the glossary marking, the tel: links and the search index),
each with its own elements to skip. Readers that edit text return edits by position in the
page as written; ``apply`` makes them, and every other byte stays as the theme wrote it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
"""Elements without an end tag."""
UNREAD = frozenset({"script", "style", "svg", "math", "template"})
"""Elements whose text no reader wants."""


@dataclass(frozen=True)
class Opened:
    """An element the parser is inside, and which readers skip it."""

    tag: str
    id: str
    skipped_by: tuple[bool, ...]


class Reader:
    """One use of a page's text. ``text`` gets text inside <main>, outside the skipped
    elements, as written in the page (entities included), with its offset in the page."""

    skip_tags: frozenset[str] = UNREAD
    skip_classes: frozenset[str] = frozenset()

    def opened(self, tag: str, attributes: dict[str, str], walk: Walk) -> None:
        """An element started (void elements included), where this reader reads."""

    def closed(self, tag: str, walk: Walk) -> None:
        """An element ended (also when implied by an outer end tag), where this reader reads."""

    def text(self, raw: str, offset: int, walk: Walk) -> None:
        """A piece of text."""


class TextEdits(Reader):
    """A reader that rewrites text: (start, end, markup) edits by offset in the page."""

    def __init__(self) -> None:
        self.edits: list[tuple[int, int, str]] = []

    def text(self, raw: str, offset: int, walk: Walk) -> None:
        self.edits += [(offset + start, offset + end, markup)
                       for start, end, markup in self.edit(raw)]

    def edit(self, raw: str) -> list[tuple[int, int, str]]:
        """The edits of one piece of text, by position in it."""
        return []


class Walk(HTMLParser):
    """One parse of a page that hands its text to every reader where that reader reads."""

    def __init__(self, html: str, readers: Sequence[Reader]) -> None:
        super().__init__(convert_charrefs=False)  # text as written, so edits keep every byte
        self.readers = readers
        self.stack: list[Opened] = []
        self._open: Counter[str] = Counter()
        self._skipping = [0] * len(readers)
        self._reading: list[Reader] = []
        """The readers that read here: inside <main>, outside every element they skip."""
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.feed(html)
        self.close()

    def _enter(self, element: Opened, step: int) -> None:
        """Count an element in (step 1) or out (step -1) and update who reads here."""
        self._open[element.tag] += step
        if element.tag == "main" or any(element.skipped_by):
            for index, skipped in enumerate(element.skipped_by):
                self._skipping[index] += step * skipped
            inside = self._open["main"] > 0
            self._reading = [reader for reader, depth in zip(self.readers, self._skipping,
                                                             strict=True) if inside and not depth]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag not in VOID:
            classes = set(attributes.get("class", "").split())
            element = Opened(tag, attributes.get("id", ""), tuple(
                tag in r.skip_tags or bool(classes & r.skip_classes) for r in self.readers))
            self.stack.append(element)
            self._enter(element, 1)
        self._opened(tag, attributes)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._opened(tag, {name: value or "" for name, value in attrs})  # <br/>, <path .../>

    def handle_endtag(self, tag: str) -> None:
        if not self._open[tag]:
            return  # a stray end tag, as a browser ignores it
        while self.stack:
            element = self.stack.pop()
            self._enter(element, -1)
            for reader in self._reading:
                reader.closed(element.tag, self)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        readers = self._reading
        if readers:
            line, column = self.getpos()
            offset = self._line_starts[line - 1] + column
            for reader in readers:
                reader.text(data, offset, self)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _opened(self, tag: str, attributes: dict[str, str]) -> None:
        for reader in self._reading:
            reader.opened(tag, attributes, self)


def apply(html: str, editors: Sequence[TextEdits]) -> str:
    """The page with the editors' edits made (an edit overlapping an earlier one is dropped)."""
    pieces, done = [], 0
    for start, end, markup in sorted(edit for editor in editors for edit in editor.edits):
        if start >= done:
            pieces += [html[done:start], markup]
            done = end
    return "".join(pieces) + html[done:]

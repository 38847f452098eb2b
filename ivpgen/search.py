"""The search index, made from what each page shows.

The search plugin of MkDocs and ProperDocs indexes only a page's Markdown body, so goals,
actions, indicators and every generated page (per area, per indicator) were not found. Here
each rendered page's <main> is split into sections at its headings: one search document per
section, with the heading as title, the page's title, a link to the nearest anchor, and the
section's text as readers see it (cells and list items separated, charts, scripts, menus and
hidden text left out, columns of bare numbers dropped). The plugin puts these documents in the
search plugin's ``search/search_index.json``; the theme's own search script
(templates/assets/zoeken.js) searches them with the plugin's lunr files and Dutch stemming.

Engine-free.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from ivpgen.html_walk import UNREAD, Reader, Walk

SECTION_HEADINGS = frozenset({"h1", "h2", "h3"})
BLOCKS = frozenset({"p", "li", "dt", "dd", "div", "td", "th", "tr", "caption", "figcaption",
                    "h4", "h5", "h6", "blockquote", "section", "article", "table", "ul", "ol",
                    "dl", "br", "aside", "header", "footer"})
ENDINGS = {"dt": ": ", "td": "; ", "th": "; "}
"""What ends a block's text when it has no punctuation of its own; other blocks end with '. '."""
NUMBERS = re.compile(r"[\s\d.,%*–+()-]*")
"""A table cell of bare numbers: of no use to search, and most of a figures page's text."""
PUNCTUATION = ".:;!?"


@dataclass
class Section:
    """A stretch of a page under one heading, with the anchor that links to it."""

    anchor: str
    title: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()

    def end(self, ending: str) -> None:
        """End a block: add its ending unless the text already ends in punctuation (a table
        row's last '; ' becomes '. ')."""
        parts = self.parts
        while parts and not parts[-1].strip():
            parts.pop()
        if not parts:
            return
        parts[-1] = parts[-1].rstrip()
        if parts[-1][-1] == ";" and ending == ". ":
            parts[-1] = parts[-1][:-1] + "."
            parts.append(" ")
        elif parts[-1][-1] in PUNCTUATION:
            parts.append(" ")
        else:
            parts.append(ending)


class Sections(Reader):
    """Splits a rendered page's <main> into sections at its h1, h2 and h3 headings."""

    skip_tags = UNREAD | {"nav", "details", "form", "noscript", "button", "select", "textarea",
                          "figure"}
    skip_classes = frozenset({"visually-hidden", "chart__downloads"})

    def __init__(self) -> None:
        self.sections = [Section("", "")]
        self.heading: Section | None = None
        self.cell: list[str] | None = None

    def opened(self, tag: str, attributes: dict[str, str], walk: Walk) -> None:
        if tag in SECTION_HEADINGS:
            self.heading = Section(_anchor(walk), "")
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in BLOCKS:
            self.sections[-1].end(". ")

    def closed(self, tag: str, walk: Walk) -> None:
        if tag in SECTION_HEADINGS and self.heading is not None:
            self._heading(tag, self.heading)
            self.heading = None
        elif tag in ("td", "th") and self.cell is not None:
            text = "".join(self.cell)
            self.cell = None
            if not NUMBERS.fullmatch(text):
                self.sections[-1].parts.append(text)
                self.sections[-1].end(ENDINGS[tag])
        elif tag in BLOCKS:
            self.sections[-1].end(ENDINGS.get(tag, ". "))

    def text(self, raw: str, offset: int, walk: Walk) -> None:
        data = unescape(raw)
        if self.heading is not None:
            self.heading.parts.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        else:
            self.sections[-1].parts.append(data)

    def _heading(self, tag: str, heading: Section) -> None:
        title = heading.text
        if tag == "h1" and not self.sections[0].title:
            self.sections[0].title = title
        elif heading.anchor and all(s.anchor != heading.anchor for s in self.sections):
            self.sections.append(Section(heading.anchor, title))
        else:  # no anchor to link to: the heading is read as part of the section it is in
            self.sections[-1].parts.append(title)
            self.sections[-1].end(". ")

    def documents(self, url: str, title: str) -> list[dict[str, str]]:
        """The search documents: the page's opening and each section with text."""
        page_title = self.sections[0].title or title
        return [{"location": f"{url}#{section.anchor}" if section.anchor else url,
                 "title": section.title or page_title, "page": page_title, "text": section.text}
                for section in self.sections if section.text or not section.anchor]


def _anchor(walk: Walk) -> str:
    """A heading's own id, else the id of the nearest element around it (an action's list
    item, say), else '' (the heading then belongs to the section it is in)."""
    for element in reversed(walk.stack):
        if element.tag == "main":
            break
        if element.id:
            return element.id
    return ""


def page_documents(url: str, title: str, html: str) -> list[dict[str, str]]:
    """The search documents of one rendered page."""
    sections = Sections()
    Walk(html, [sections])
    return sections.documents(url, title)


class SearchDocuments:
    """The search documents of one build, page by page in the order they were rendered."""

    def __init__(self) -> None:
        self.pages: dict[str, list[dict[str, str]]] = {}

    def add(self, url: str, documents: list[dict[str, str]]) -> None:
        self.pages[url] = documents

    def write(self, index_file: Path) -> bool:
        """Put the documents into the search plugin's index file (its settings are kept, a
        prebuilt index of the old documents is dropped); False when there is no such file."""
        if not index_file.is_file():
            return False
        index: dict[str, Any] = json.loads(index_file.read_text(encoding="utf-8"))
        index.pop("index", None)
        index["docs"] = [doc for docs in self.pages.values() for doc in docs]
        index_file.write_text(json.dumps(index, sort_keys=True, separators=(",", ":"),
                                         ensure_ascii=False), encoding="utf-8")
        return True

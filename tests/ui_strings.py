"""Which UI strings of one locale a built site shows: the both-ways test of the language editions.

A locale's *phrases* are the fixed parts of its values (the text between {placeholders}) that
differ from the other locale's. A phrase is *checked* only when it cannot come from anywhere
but the theme: it is long enough to mean something (two words, or one of six letters or more),
it does not occur in the plan's own content (content/ and its config files, which stay as
written), and it does not occur in the other locale's values (en.yml names Dutch codes such as
'gepland (planned)'). What a site shows is its HTML text outside elements marked with another
language (plan content, the link to the other edition), the alternative texts and labels, the
chart drawings (SVG), the data files of the charts and the open data, the calendar files and the
PDF text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypdf

from ivpgen.yamlsrc import parse_yaml

LOCALE_DIR = Path(__file__).resolve().parents[1] / "ivpgen" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
UNREAD = frozenset({"script", "style", "code"})
"""Not read: scripts, styles, and code (ids and column names in the open data, not words)."""
MACHINE_KEYS = frozenset({"id", "key", "type", "enum", "const", "format", "pattern", "required",
                          "$id", "$schema", "$ref"})
"""Keys of a JSON data file whose values are codes, not words for readers."""


def values(code: str) -> dict[str, str]:
    """Every text of a locale by its dotted key (plural forms as key.one, key.other)."""
    data = parse_yaml((LOCALE_DIR / f"{code}.yml").read_text(encoding="utf-8")).data
    found: dict[str, str] = {}

    def walk(node: Any, key: str) -> None:
        if isinstance(node, dict):
            for name, child in node.items():
                walk(child, f"{key}.{name}" if key else str(name))
        else:
            found[key] = str(node)

    walk(data, "")
    return found


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def contains(haystack: str, phrase: str) -> bool:
    """The phrase as whole words (both already normalised)."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", haystack) is not None


def fragments(value: str) -> Iterator[str]:
    """The fixed parts of a value that mean something on their own."""
    for part in PLACEHOLDER.split(value):
        part = normal(part).strip(" .,:;()–-*%'\"")
        words = re.findall(r"[^\W\d_]+", part)
        if len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 6):
            yield part


@dataclass(frozen=True)
class Phrases:
    """The phrases of one locale that a site in the other must not show."""

    checked: frozenset[str]
    skipped: frozenset[str]
    """Phrases that content or the other locale could show too: not evidence either way."""


def phrases(code: str, other: str, corpus: str) -> Phrases:
    """The phrases of locale ``code`` that differ from locale ``other``, split into those a site
    can be checked for and those that the content or the other locale also use."""
    mine, theirs = values(code), values(other)
    their_text = normal(" ".join(theirs.values()))
    checked, skipped = set(), set()
    for key, value in mine.items():
        if key in ("locale", "cldr") or theirs.get(key) == value:
            continue
        for phrase in fragments(value):
            clash = contains(corpus, phrase) or contains(their_text, phrase)
            (skipped if clash else checked).add(phrase)
    return Phrases(frozenset(checked), frozenset(skipped - checked))


def content_corpus(root: Path, docs_dir: str = "content") -> str:
    """The plan's own text: everything under content/ and its config files, normalised."""
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted((root / docs_dir).rglob("*"))
             if p.is_file() and p.suffix in (".md", ".yml", ".yaml", ".csv")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("mkdocs*.yml"))]
    return normal(" ".join(texts))


class _Texts(HTMLParser):
    """The text a page shows in its own language: elements marked with another lang are left
    out, with everything inside them (unless marked back); attributes that are read count."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, str]] = []
        self.texts: list[str] = []
        self.unread = 0

    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else self.page_lang

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        lang = attributes.get("lang") or self.lang()
        if tag == "html":
            self.page_lang = lang
            return
        if lang == self.page_lang:
            self.texts += [v for k, v in attributes.items() if k in ATTRIBUTES]
        if tag in UNREAD:
            self.unread += 1
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        if tag in UNREAD:
            self.unread -= 1
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self.unread and self.lang() == self.page_lang:
            self.texts.append(data)


def html_text(html: str) -> str:
    parser = _Texts()
    parser.feed(html)
    return " ".join(parser.texts)


def svg_text(svg: str) -> str:
    """A chart drawing's words: its title, description and every label."""
    return " ".join(re.findall(r">([^<>]+)<", svg))


def json_text(text: str) -> str:
    """A data file's words: its strings, without ids, codes and schema keywords."""
    words: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                if key not in MACHINE_KEYS:
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, str):
            words.append(node)

    walk(json.loads(text))
    return " ".join(words)


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def site_texts(site: Path) -> dict[str, str]:
    """Every file a reader sees, with the words it shows, by path in the site."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            found[name] = html_text(path.read_text(encoding="utf-8"))
        elif path.suffix == ".svg" and name.startswith("grafieken/"):
            found[name] = svg_text(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json" and name.startswith(("grafieken/", "data/")):
            found[name] = json_text(path.read_text(encoding="utf-8"))
        elif (path.suffix == ".csv" and name.startswith("grafieken/")) or path.suffix == ".ics":
            found[name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            found[name] = pdf_text(path)
    return {name: normal(text) for name, text in found.items()}


def shown(texts: dict[str, str], checked: frozenset[str]) -> dict[str, list[str]]:
    """The checked phrases each file shows (only files that show any)."""
    words = {p: set(re.findall(r"\w+", p)) for p in checked}
    found: dict[str, list[str]] = {}
    for name, text in texts.items():
        present = set(re.findall(r"\w+", text))
        hits = sorted(p for p in checked if words[p] <= present and contains(text, p))
        if hits:
            found[name] = hits
    return found

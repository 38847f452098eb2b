"""Words residents know: the plan's glossary (type: glossary), the first use of each term on a
page marked up and linked to its definition, and a check for abbreviations it lacks.

Marking works on the rendered page with an HTML tokenizer (``html_walk``): only text nodes in
<main> change, never headings, links, code, attributes or hidden text, and everything else
stays byte for byte as the theme wrote it. Engine-free.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape

from ivpgen.errors import Problem
from ivpgen.findings import Finder
from ivpgen.html_walk import UNREAD, TextEdits, Walk, apply
from ivpgen.load import Loaded
from ivpgen.model import Content, GlossaryPage, Term
from ivpgen.yamlsrc import YamlData

ANCHOR_PREFIX = "begrip-"


def anchor(term: str) -> str:
    """The id of a term on the glossary page: begrip-riec, begrip-veilig-thuis."""
    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    return ANCHOR_PREFIX + (slug or "term")


def _form_pattern(form: str) -> str:
    """A form as a regular expression: any white space between its words; upper case as
    written (OM is not 'om'), lower case in any case (ondermijning, Ondermijning)."""
    pattern = r"\s+".join(re.escape(word) for word in form.split())
    return pattern if any(c.isupper() for c in form) else f"(?i:{pattern})"


@dataclass(frozen=True)
class Entry:
    """A term and its anchor on the glossary page."""

    term: Term
    anchor: str

    def markup(self, text: str, href: str) -> str:
        """The first use of the term on a page: a link to its definition, an abbreviation
        with its expansion in <abbr title>."""
        expansion = self.term.expansion
        written_out = " ".join(text.split()).casefold() == expansion.casefold()
        shown = text if written_out or not expansion else \
            f'<abbr title="{escape(expansion)}">{text}</abbr>'
        return f'<a class="term" href="{escape(href)}#{self.anchor}">{shown}</a>'


class Glossary:
    """The plan's terms, with one pattern that finds any of them in a text."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.entries = [Entry(t, anchor(t.term)) for t in terms]
        forms = sorted(((form, index) for index, t in enumerate(terms) for form in (t.term, *t.forms)),
                       key=lambda item: -len(item[0]))  # 'Veilig Thuis' before 'Veilig'
        self._entry_of = [index for _, index in forms]
        alternatives = "|".join(f"(?P<f{n}>{_form_pattern(form)})" for n, (form, _) in enumerate(forms))
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if forms else None
        self.words = {word for t in terms for form in (t.term, *t.forms)
                      for word in re.split(r"[\s-]+", form)} | {t.term for t in terms}
        """Every word of every term and form: an abbreviation among them is defined."""

    @cached_property
    def signature(self) -> str:
        """A digest of the terms: pages marked with other terms are not the same output."""
        return hashlib.sha256(repr(self.entries).encode("utf-8")).hexdigest()

    @property
    def alphabetical(self) -> list[Entry]:
        """The terms as the glossary page lists them: A to Z, ignoring case."""
        return sorted(self.entries, key=lambda e: (e.term.term.casefold(), e.term.term))

    def defines(self, abbreviation: str) -> bool:
        """The abbreviation (or each part of one like WCAG-EM) is a word of a term or form."""
        return abbreviation in self.words or all(
            part in self.words for part in abbreviation.split("-"))

    def find(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Every use of a term in a text: (start, end, entry)."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            form = int((match.lastgroup or "f0")[1:])
            yield match.start(), match.end(), self.entries[self._entry_of[form]]

    def mark(self, html: str, href: str) -> str:
        """The page with the first use of each term marked up and linked to ``href``#anchor."""
        marker = TermMarker(self, href)
        Walk(html, [marker])
        return apply(html, [marker])


def plan_glossary(content: Content) -> tuple[str, Glossary] | None:
    """The glossary page's path and its terms, if the plan has one."""
    for src, page in content.of_type(GlossaryPage).items():
        assert isinstance(page, GlossaryPage)
        return src, Glossary(page.terms)
    return None


class TermMarker(TextEdits):
    """Finds the first use of each term in the text of <main>, outside the elements where a
    link or an abbreviation does not belong."""

    skip_tags = UNREAD | {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "dfn", "code", "pre",
                          "kbd", "samp", "button", "label", "select", "option", "textarea",
                          "summary", "details", "title", "nav"}
    skip_classes = frozenset({"visually-hidden"})

    def __init__(self, glossary: Glossary, href: str) -> None:
        super().__init__()
        self.glossary = glossary
        self.href = href
        self.used: set[str] = set()

    def edit(self, raw: str) -> list[tuple[int, int, str]]:
        edits = []
        for start, end, entry in self.glossary.find(raw):
            if entry.anchor not in self.used:
                self.used.add(entry.anchor)
                edits.append((start, end, entry.markup(raw[start:end], self.href)))
        return edits


# --- the check: abbreviations the glossary lacks ---------------------------------------------

ABBREVIATION = re.compile(r"(?<![\w-])[A-Z]{2,}(?:-[A-Z]{2,})*(?!\w)")
"""A word in capitals (RIEC, GGD, WCAG-EM; not 'Halt' or GM0342)."""
_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+|\S+@\S+|\{\{[^}]*\}\}")
"""Code, link targets, HTML tags, addresses and shortcodes: not text residents read."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def review(loaded: Loaded, prefix: str) -> list[Problem]:
    """A warning for each abbreviation in capitals that the plan's glossary does not define,
    at its first use in each file. A plan without a glossary is not checked."""
    found = plan_glossary(loaded.content)
    if found is None:
        return []
    glossary_src, glossary = found
    page = loaded.content.pages[glossary_src]
    assert isinstance(page, GlossaryPage)
    where = prefix + glossary_src
    problems = _doubles(page, Finder.for_page(loaded, glossary_src, prefix))
    for src, source in sorted(loaded.sources.items()):
        seen: set[str] = set()
        for line, text in [*_front_matter(source.meta), *_body(source.body, source.body_line)]:
            for word in ABBREVIATION.findall(_NOT_PROSE.sub(" ", text)):
                if word not in seen and not glossary.defines(word):
                    seen.add(word)
                    problems.append(Problem(prefix + src, line, "", f"de afkorting '{word}' staat "
                                            f"niet in de begrippenlijst ({where}); leg daar uit wat "
                                            "ze betekent, zodat inwoners het begrijpen.", "warning"))
    return problems


def _doubles(page: GlossaryPage, finder: Finder) -> list[Problem]:
    """A term defined twice (also as 'Veilig Thuis' and 'veilig thuis'): one anchor each."""
    first: dict[str, int] = {}
    problems = []
    for index, term in enumerate(page.terms):
        earlier = first.setdefault(anchor(term.term), index)
        if earlier != index:
            problems.append(finder.at(("terms", index, "term"), f"'{term.term}' staat al in de "
                                      f"lijst (als '{page.terms[earlier].term}'); leg elk begrip "
                                      "één keer uit."))
    return problems


def _front_matter(meta: YamlData) -> Iterator[tuple[int, str]]:
    """Every text in the front matter with its line."""

    def walk(node: object, loc: tuple[str | int, ...]) -> Iterator[tuple[int, str]]:
        if isinstance(node, str):
            yield meta.line_of(loc), node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, (*loc, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, (*loc, index))

    return walk(meta.data, ())


def _body(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Every line of the Markdown body with its line in the file, code blocks left out."""
    fence = ""
    for number, line in enumerate(body.splitlines(), start=first_line):
        marker = _FENCE.match(line)
        if marker and (not fence or marker.group(1).startswith(fence)):
            fence = "" if fence else marker.group(1)
        elif not fence:
            yield number, line

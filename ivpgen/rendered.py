"""The last step of every page: one read of the rendered HTML that marks the first use of each
glossary term, turns phone numbers into tel: links and collects the page's search documents.

Engine-free; the plugin calls ``finish`` for each page after the theme has rendered it.
"""

from __future__ import annotations

from ivpgen.glossary import Glossary, TermMarker
from ivpgen.html_walk import TextEdits, Walk, apply
from ivpgen.participation import PhoneLinks
from ivpgen.search import Sections


def finish(html: str, url: str, title: str, glossary: Glossary | None,
           glossary_href: str) -> tuple[str, list[dict[str, str]]]:
    """The page as published and its search documents. ``glossary`` is None on the glossary
    page itself (and in a plan without one); ``glossary_href`` is its URL from this page."""
    editors: list[TextEdits] = [PhoneLinks()]
    if glossary is not None:
        editors.append(TermMarker(glossary, glossary_href))
    sections = Sections()
    Walk(html, [*editors, sections])
    return apply(html, editors), sections.documents(url, title)

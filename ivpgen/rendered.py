"""The last step of every page: one read of the rendered HTML that marks the first use of each
glossary term, turns phone numbers into tel: links and collects the page's search documents.

Engine-free; the plugin calls ``finish`` for each page after the theme has rendered it.
"""

from __future__ import annotations

import hashlib
import json

from ivpgen.fingerprint import code_digest
from ivpgen.glossary import Glossary, TermMarker
from ivpgen.html_walk import TextEdits, Walk, apply
from ivpgen.participation import PhoneLinks
from ivpgen.search import Sections
from ivpgen.store import Store


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


def finish_stored(store: Store, html: str, url: str, title: str, glossary: Glossary | None,
                  glossary_href: str) -> tuple[str, list[dict[str, str]]]:
    """``finish`` through the store: a page whose HTML did not change is not read again (on a
    warm build of a large plan that read is most of the time the build takes)."""
    parts = ("finish", code_digest(), url, title, glossary.signature if glossary else "",
             glossary_href, html)
    key = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
    if (entry := store.get(key)) is not None:
        stored = json.loads(entry.data)
        return stored["html"], stored["documents"]
    output, documents = finish(html, url, title, glossary, glossary_href)
    # In the data, not the metadata: the metadata's keys are sorted, and the search index
    # must keep each document's key order to stay byte-identical to a cold build.
    store.put(key, json.dumps({"html": output, "documents": documents}).encode("utf-8"))
    return output, documents

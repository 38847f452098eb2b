"""Editions of one plan in other languages, published side by side from the same content/.

A plan publishes each edition with its own config file (mkdocs.yml for Dutch, mkdocs.en.yml
for English with ``site_dir: site/en``); the plugin option ``editions`` tells each where the
others are: ``{en: en/}`` in mkdocs.yml, ``{nl: ../}`` in mkdocs.en.yml, or a full https://
address when an edition lives elsewhere. Pages are the same in every edition, so each page
links to itself in the others (a visible link named in that language, and ``hreflang``
alternates for search engines). Engine-free.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup

from ivpgen.i18n import Locale, load_locale

CONTENT_LANGUAGE = "nl"
"""The language plan content is written in: an edition in another language marks it (lang)."""


@dataclass(frozen=True)
class Edition:
    """One language edition of the plan, as seen from the site being built."""

    code: str
    """Its language, as in <html lang> and hreflang: 'nl', 'en'."""
    name: str
    """Its language named in that language: 'Nederlands', 'English'."""
    root: str
    """Its site root: relative to this site's root ('en/', '../'), '' for this edition itself,
    or a full https:// address."""

    @property
    def own(self) -> bool:
        return self.root == ""

    @property
    def absolute(self) -> bool:
        return self.root.startswith("https://")

    def href(self, url: str) -> str:
        """The same page in this edition, from the page at ``url`` (site-relative, as MkDocs
        writes page.url: '', 'thema/jeugd/', 'search.html')."""
        if self.absolute:
            return self.root + url
        return "../" * url.count("/") + self.root + url or "./"

    def alternate(self, url: str, site_url: str | None) -> str:
        """The address for <link rel="alternate" hreflang>: absolute when the site's own address
        is known (site_url), as search engines ask; else the same as ``href``."""
        if self.absolute or not site_url:
            return self.href(url)
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", self.root + url)

    @property
    def inside(self) -> bool:
        """Published in a folder of this site (e.g. 'en/'): kept when this site is rebuilt."""
        return bool(self.root) and not self.absolute and not self.root.startswith(("/", ".."))


def editions(locale: Locale, others: dict[str, str]) -> list[Edition]:
    """This edition first, then the others in the order the plugin option lists them; none
    when the plan has one edition only."""
    if not others:
        return []
    found = [Edition(locale.code, locale.t("site.language_name"), "")]
    found += [Edition(code, load_locale(code).t("site.language_name"), _folder(root))
              for code, root in others.items()]
    return found


def _folder(root: str) -> str:
    return root if root.endswith("/") else root + "/"


def kept_folders(found: list[Edition]) -> Iterator[str]:
    """The folders of this site that hold other editions: a rebuild must leave them in place."""
    for edition in found:
        if edition.inside:
            yield edition.root.rstrip("/")


def written_lang(locale: Locale) -> Markup:
    """The attribute that marks plan content with its language, as WCAG 3.1.2 asks, in an
    edition in another language (' lang="nl"'); empty in the content's own language."""
    if locale.code == CONTENT_LANGUAGE:
        return Markup("")
    return Markup(' lang="{}"').format(CONTENT_LANGUAGE)

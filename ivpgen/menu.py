"""The site's menu: the top level of the engine's navigation, with one rule of its own.

A section of priorities leads to the generated overview of the priorities ('Speerpunten'),
not to its first priority. Engine-free: it reads the navigation items' ``title``, ``url``,
``children``, ``is_section``, ``is_page``, ``is_homepage`` and ``active``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ivpgen.views.site import PRIORITIES_PAGE


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    current: str
    """aria-current: 'page' for this page, 'true' for the section it is in, '' otherwise."""


def menu(nav: Iterable[Any], src: str, links: dict[str, Any], home: str) -> list[MenuItem]:
    """The menu's top level: a page, or a section that leads to its first page; a section of
    priorities leads to the generated overview of the priorities instead. The home page is
    called ``home`` (a menu made from the files would show the plan's whole title)."""
    overview = links.get("pages", {}).get(PRIORITIES_PAGE, "")
    theme_urls = set(links.get("themes", {}).values())
    items = []
    for item in nav:
        target = item.children[0] if item.is_section and item.children else item
        url = getattr(target, "url", None)
        if url is None:
            continue
        current = ("page" if item.is_page else "true") if item.active else ""
        if overview and item.is_section and url in theme_urls:
            url = overview
            current = "page" if src == PRIORITIES_PAGE else current
        title = home if item.is_page and item.is_homepage else item.title or ""
        items.append(MenuItem(title, url, current))
    return items

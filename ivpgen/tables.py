"""Tables written in Markdown, made to read on a phone: each in a labelled scroll region.

A table wider than the screen scrolls inside its own box (never the page); the box is a
region with a name and a tab stop, so keyboard users can reach and scroll it, and the theme's
CSS shows a shadow at the edge that hides more columns.
"""

from __future__ import annotations

import re

from markupsafe import escape

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADERS = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def wrap_tables(html: str, label: str) -> str:
    """Every plain ``<table>`` in a page's HTML inside a labelled, focusable scroll region."""

    def wrap(match: re.Match[str]) -> str:
        headers = [_TAGS.sub("", h).strip() for h in _HEADERS.findall(match.group(1))]
        name = f"{label}: {', '.join(h for h in headers if h)}" if any(headers) else label
        return (f'<div class="table-wrap" role="region" tabindex="0" aria-label="{escape(name)}">'
                f"{match.group(0)}</div>")

    return _TABLE.sub(wrap, html)

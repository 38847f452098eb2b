"""Links and embeds in the pages' Markdown: broken links to pages, and content from other hosts.

A page that loads an image, video, script or stylesheet from another host would leak residents'
visits to that host; the site's Content-Security-Policy blocks it, so residents see a hole where
the author expected a picture. Both are reported with the file and the line.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ivpgen.errors import Problem

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`]*`")
_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_EMBED = re.compile(r"<(img|iframe|script|link|video|audio|source|embed|object|track|image)\b([^>]*)>",
                    re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\b(src|href|data|poster|srcset)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_OTHER_HOST = re.compile(r"^(https?:)?//", re.IGNORECASE)
_NOT_CHECKED = ("mailto:", "tel:", "#", "/")
_EMBED_NAMES = {"img": "een afbeelding", "image": "een afbeelding", "iframe": "een ingesloten "
                "pagina (iframe)", "script": "een script", "link": "een stylesheet",
                "video": "een video", "audio": "geluid", "source": "een video of geluid",
                "embed": "ingesloten inhoud", "object": "ingesloten inhoud",
                "track": "ondertitels"}


def lines_outside_code(body: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every line outside fenced code blocks, inline code removed."""
    fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=1):
        opening = _FENCE.match(line)
        if opening and (fence is None or opening.group(1)[0] == fence[0]):
            fence = None if fence else opening.group(1)
            continue
        if fence is None and not line.startswith("    "):
            yield number, _CODE_SPAN.sub("", line)


def review_page(src: str, body: str, first_line: int, shown: str, pages: set[str],
                docs_dir: Path, generated: Iterable[str] = ()) -> Iterator[Problem]:
    """Broken links (warnings) and content from other hosts (errors) in one page's Markdown."""
    generated = tuple(generated)
    for number, line in lines_outside_code(body):
        at = first_line + number - 1
        for match in _EMBED.finditer(line):
            tag = match.group(1).lower()
            for _name, value in _ATTRIBUTE.findall(match.group(2)):
                yield from _other_host(shown, at, value, _EMBED_NAMES[tag])
        for match in _LINK.finditer(line):
            image, target = match.group(1), match.group(2)
            if image:
                yield from _other_host(shown, at, target, "een afbeelding")
            yield from _broken(src, target, shown, at, pages, docs_dir, generated)
        reference = _REFERENCE.match(line)
        if reference:
            yield from _broken(src, reference.group(1), shown, at, pages, docs_dir, generated)


def _other_host(shown: str, line: int, url: str, what: str) -> Iterator[Problem]:
    if _OTHER_HOST.match(url):
        yield Problem(shown, line, "", f"deze pagina laadt {what} van een andere website ({url}). "
                      "Dat mag niet: de bezoeker wordt dan gevolgd en de site blokkeert het, zodat "
                      "er een gat in de pagina komt. Zet het bestand zelf in content/ (bijvoorbeeld "
                      "content/afbeeldingen/) en verwijs ernaar, of maak er een gewone link van.")


def _broken(src: str, target: str, shown: str, line: int, pages: set[str], docs_dir: Path,
            generated: tuple[str, ...]) -> Iterator[Problem]:
    if "://" in target or target.startswith(_NOT_CHECKED) or ":" in target.split("/", 1)[0]:
        return
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path or path.endswith("/"):
        return
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    if resolved.startswith(generated) or resolved in pages:
        return
    if not resolved.endswith(".md") and (docs_dir / resolved).is_file():
        return
    close = difflib.get_close_matches(resolved, sorted(pages), n=1, cutoff=0.6)
    hint = f" Bedoelt u '{close[0]}'?" if close else ""
    yield Problem(shown, line, "", f"de link naar '{target}' werkt niet: er is geen bestand "
                  f"'{resolved}' in content/.{hint}", "warning")

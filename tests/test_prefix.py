"""A site published in a subfolder (https://example.org/veiligheid/) works: every link of every
page, the 404 page included, leads to a file of the site under that prefix."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.conftest import run_ivpgen

SITE_URL = "https://example.org/veiligheid/"
MISSING = SITE_URL + "een/pagina/die/niet/bestaat/"
"""Where a server shows 404.html: any address under the prefix that has no file."""


class _Links(HTMLParser):
    """Every address a page links to or loads: href, src and form actions."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.found.append(value)


def links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.found


def target(site: Path, url: str) -> Path | None:
    """The file the server sends for an address of this site, or None if there is none."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(urlsplit(SITE_URL).path):
        return None
    rel = path.removeprefix(urlsplit(SITE_URL).path)
    file = site / rel
    if rel == "" or rel.endswith("/"):
        file = file / "index.html"
    return file if file.is_file() else None


def broken(site: Path, page: Path, address: str) -> list[str]:
    """The links of one page, seen from ``address``, that lead nowhere on this site."""
    bad = []
    for link in links(page.read_text(encoding="utf-8")):
        if link.startswith(("#", "mailto:", "tel:", "data:")):
            continue
        url = urljoin(address, link)
        if urlsplit(url).netloc == urlsplit(SITE_URL).netloc and target(site, url) is None:
            bad.append(f"{link} -> {url}")
    return bad


def test_every_link_works_under_a_path_prefix(mini: Path) -> None:
    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true")
    config.write_text(f"site_url: {SITE_URL}\n{text}", encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=mini)
    assert result.code == 0, result.output
    site = mini / "site"

    not_found = site / "404.html"
    assert broken(site, not_found, MISSING) == []
    assert {urljoin(MISSING, link) for link in links(not_found.read_text(encoding="utf-8"))} >= {
        SITE_URL, SITE_URL + "assets/ivpgen.css", SITE_URL + "cijfers/"}

    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 6
    for page in pages:
        address = SITE_URL + page.relative_to(site).as_posix().removesuffix("index.html")
        assert broken(site, page, address) == [], page
    checked = sum(len(links(p.read_text(encoding="utf-8"))) for p in pages)
    assert checked > 100
    assert any(link.endswith(".pdf") for p in pages for link in links(p.read_text(encoding="utf-8")))

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert addresses and all(target(site, url) for url in addresses)

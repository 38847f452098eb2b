"""Search (the theme's own script over the index ivpgen makes from every rendered page, with
the search plugin's lunr files and Dutch stemming) works from every page's header form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.browser

RESULTS = "#zoekresultaten-lijst"


def titles(page: Any) -> list[str]:
    page.wait_for_selector(f"{RESULTS} li", timeout=15_000)
    return [str(t) for t in page.locator(f"{RESULTS} h3").all_inner_texts()]


def test_search_from_the_header_finds_a_priority(open_page: Callable[..., Any]) -> None:
    opened = open_page("index.html", fresh=True)
    page = opened.page
    page.fill("#site-search-q", "drugshandel")
    page.click(".site-search button")
    assert "Ondermijning" in titles(page)
    assert page.url.endswith("search.html?q=drugshandel")
    assert page.inner_text("#zoekstatus").endswith("pagina's gevonden")
    page.locator(f"{RESULTS} a", has_text="Ondermijning").first.click()
    page.wait_for_load_state()
    assert "/thema/ondermijning/" in page.url
    assert not opened.console_errors, opened.console_errors
    assert all(url.startswith("http://127.0.0.1") for url in opened.requests)


@pytest.mark.parametrize(("query", "expected"), [
    ("jeugd", "Jeugdoverlast en -criminaliteit"),
    ("inbraak", "Cijfers"),
    ("Bibob", "Ondermijning"),
    ("Halt", "Partners"),
    ("jongeren", "Jeugdoverlast en -criminaliteit"),
])
def test_residents_words_find_the_plan(open_page: Callable[..., Any], query: str,
                                       expected: str) -> None:
    opened = open_page(f"search.html?q={query}", fresh=True)
    assert expected in titles(opened.page)
    marks = opened.page.locator(f"{RESULTS} mark").all_inner_texts()
    assert marks, f"no word marked in the snippets for {query!r}"
    assert not opened.console_errors, opened.console_errors


def test_typing_searches_and_no_results_is_said_in_dutch(open_page: Callable[..., Any]) -> None:
    page = open_page("search.html?q=xyzzyq", fresh=True).page
    page.locator("#zoekstatus", has_text="Geen").wait_for(timeout=15_000)  # (the CSP forbids eval)
    assert page.inner_text("#zoekstatus") == "Geen resultaten gevonden. Probeer een ander woord."
    page.fill("#zoekterm", "Halt")
    assert "Partners" in titles(page)

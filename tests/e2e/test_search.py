"""Search (MkDocs' search plugin with Dutch stemming) works from every page's header form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_search_from_the_header_finds_a_priority(open_page: Callable[..., Any]) -> None:
    opened = open_page("index.html", fresh=True)
    page = opened.page
    page.fill("#site-search-q", "drugshandel")
    page.click(".site-search button")
    page.wait_for_selector(".search-results article", timeout=15_000)
    assert page.url.endswith("search.html?q=drugshandel")
    titles = page.locator(".search-results article h3").all_inner_texts()
    assert "Ondermijning" in titles
    page.locator(".search-results a", has_text="Ondermijning").first.click()
    page.wait_for_load_state()
    assert "/thema/ondermijning/" in page.url
    assert not opened.console_errors, opened.console_errors
    assert all(url.startswith("http://127.0.0.1") for url in opened.requests)


def test_dutch_stemming_matches_other_word_forms(open_page: Callable[..., Any]) -> None:
    page = open_page("search.html?q=jongeren", fresh=True).page
    page.wait_for_selector(".search-results article", timeout=15_000)
    assert "Jeugdoverlast en -criminaliteit" in page.locator(
        ".search-results article h3").all_inner_texts()


def test_no_results_is_said_in_dutch(open_page: Callable[..., Any]) -> None:
    page = open_page("search.html?q=xyzzyq", fresh=True).page
    page.wait_for_selector(".search-results p", timeout=15_000)
    assert page.inner_text(".search-results") == (
        "Geen resultaten gevonden. Probeer een ander woord.")

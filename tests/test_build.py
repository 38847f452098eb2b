"""The example plan builds into a site where every page type shows the plan's real content."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape

from ivpgen.check import load_and_check
from ivpgen.model import Content, Theme
from tests.conftest import EPOCH, ROOT, page, run_ivpgen, tree_digest


@pytest.fixture(scope="module")
def content() -> Content:
    pages = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")]
    loaded, warnings = load_and_check(ROOT / "content", pages)
    assert warnings == []
    return loaded.content


def has(html: str, text: str) -> bool:
    return str(escape(text)) in html


def test_home_shows_plan_priorities_and_vision(example: Path, content: Content) -> None:
    html = page(example, "")
    plan = content.plan
    assert '<html lang="nl">' in html
    assert has(html, plan.title)
    assert f"{plan.period.start}–{plan.period.end}" in html
    for municipality in plan.municipalities:
        assert has(html, municipality.name)
    # The priorities as cards on their overview (the home page leads with their outcomes).
    overview = page(example, "speerpunten")
    cards = re.findall(r'<li class="outcome">(.*?)</li>\s*(?=<li class="outcome">|</ul>)', overview,
                       re.S)
    assert len(cards) == len(content.themes)
    for card, theme in zip(cards, content.themes.values(), strict=True):
        assert has(card, theme.title) and has(card, theme.summary)
        kept = sum(a.status != "vervallen" for a in theme.actions)
        assert f"van {kept} acties afgerond" in card
    assert "Onze visie" in html and "Gedrukte samenvatting" in html
    assert "Zo dachten inwoners mee" in html


@pytest.mark.parametrize("theme_id", ["ondermijning", "digitale-veiligheid", "zorg-en-veiligheid",
                                      "jeugd"])
def test_theme_page_shows_goals_actions_and_partners(example: Path, content: Content,
                                                     theme_id: str) -> None:
    theme = content.themes[theme_id]
    html = page(example, f"thema/{theme_id}")
    assert has(html, theme.title) and "Waarom dit speerpunt" in html
    assert 3 <= len(theme.goals) <= 5 and 6 <= len(theme.actions) <= 10
    for goal in theme.goals:
        assert has(html, goal.text)
    for action in theme.actions:
        assert has(html, action.title) and has(html, action.owner)
        assert f'<li class="action" id="{action.id}">' in html
    statuses = re.findall(r'<span class="status status--(\w+)">(\w+)</span>', html)
    assert {s for s, _ in statuses} >= {a.status for a in theme.actions}
    assert all(label == status.capitalize() for status, label in statuses), "status as text"
    for partner_id in theme.partners:
        assert has(html, content.partners[partner_id].name)


def test_indicators_page_has_every_indicator_as_a_table(example: Path, content: Content) -> None:
    overview = page(example, "cijfers")
    assert len(content.indicators) >= 8
    for indicator in content.indicators.values():
        assert has(overview, indicator.name)
        html = page(example, f"cijfers/{indicator.id}")
        assert has(html, indicator.unit) and has(html, indicator.source.name)
        # One table of figures per indicator; the charts' data tables (in <details>) come on top.
        assert f'<caption id="{indicator.id}-caption"' in html
        assert html.count('<table class="figures">') == 1
        assert "Illustratief cijfer" in html or not indicator.illustrative
    # Real figures are shown with a decimal comma and without the illustrative mark.
    assert re.search(r"<td>5,5</td>", page(example, "cijfers/woninginbraken"))


def test_participation_page_splits_upcoming_and_past(example: Path, content: Content) -> None:
    html = page(example, "meedoen")
    assert "Komende bijeenkomsten" in html and "Eerdere bijeenkomsten" in html
    for event in content.events:
        assert has(html, event.title) and has(html, event.location)
    assert len(content.events) >= 3


def test_progress_partners_and_free_pages(example: Path, content: Content) -> None:
    report = content.progress_reports[0]
    html = page(example, f"voortgang/{report.year}")
    assert has(html, report.summary)
    for action_id in report.actions:
        assert f"#{action_id}\"" in html
    partners = page(example, "partners")
    for partner in content.partners.values():
        assert has(partners, partner.name) and has(partners, partner.role)
    statement = page(example, "toegankelijkheid")
    assert "Toegankelijkheidsverklaring" in statement
    assert 'href="../toegankelijkheid/"' in page(example, "over")


def test_no_resource_from_another_host(example: Path) -> None:
    for html_file in example.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe|source)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{html_file}: {tag}"
        assert "Content-Security-Policy" in html


def test_front_matter_html_is_escaped(mini: Path) -> None:
    index = mini / "content" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("organisation: Gemeente Teststad",
                                  'organisation: "<script>alert(1)</script> Teststad"'),
                     encoding="utf-8")
    assert run_ivpgen("build", cwd=mini).code == 0
    html = (mini / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Teststad" in html


def test_builds_are_reproducible(example: Path, tmp_path: Path) -> None:
    """A cold build (a store of its own) gives the bytes of the example built from the store."""
    again = tmp_path / "again"
    store = {"IVPGEN_CACHE_DIR": str(tmp_path / "store")}
    assert run_ivpgen("build", "-d", str(again), cwd=ROOT, env={**EPOCH, **store}).code == 0
    assert tree_digest(again) == tree_digest(example)


def test_mkdocs_build_gives_the_same_site(example: Path, tmp_path: Path) -> None:
    other = tmp_path / "mkdocs-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(other)], cwd=ROOT,
                   check=True, env={**__import__("os").environ, **EPOCH})
    assert tree_digest(other) == tree_digest(example)


def test_theme_ids_come_from_file_names(content: Content) -> None:
    assert all(isinstance(t, Theme) for t in content.themes.values())
    assert list(content.themes) == ["ondermijning", "digitale-veiligheid", "zorg-en-veiligheid",
                                    "jeugd"]


def test_build_leaves_no_temporary_folders(mini: Path, own_store: None) -> None:
    assert run_ivpgen("build", cwd=mini).code == 0
    assert run_ivpgen("build", cwd=mini).code == 0
    # .cache/ is the chart cache, kept on purpose between builds.
    assert sorted(p.name for p in mini.iterdir()) == [".cache", "content", "mkdocs.yml", "site"]
    assert not list((mini / ".cache").rglob(".*.tmp"))
    shutil.rmtree(mini / "site")

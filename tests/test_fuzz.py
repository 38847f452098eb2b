"""Property-based tests: whatever staff type, the only outcomes are a build or a clean ContentError."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivpgen.check import load_and_check
from ivpgen.cli import main
from ivpgen.errors import ContentError
from tests.conftest import MINI, copy_plan

PAGES = ["index.md", "cijfers.md", "partners.md", "meedoen.md", "thema/inbraak.md",
         "voortgang/2024.md", "toegankelijkheid.md"]
THEME_KEYS = ["type", "title", "field", "summary", "goals", "actions", "partners", "order",
              "id", "text", "kind", "status", "deadline", "indicator", "baseline", "value", "year"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                    st.dates(), st.sampled_from(["theme", "lopend", "inbraken", "politie", "centrum",
                                                 "veilige woon- en leefomgeving", "<b>x</b>"]))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.sampled_from(THEME_KEYS), children, max_size=5)), max_leaves=20)
fuzz = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_plan(MINI, tmp_path_factory.mktemp("fuzz") / "plan")


def _outcome(plan: Path) -> None:
    """Load and check the plan; anything but success or ContentError fails the test."""
    try:
        load_and_check(plan / "content", PAGES)
    except ContentError as exc:
        assert exc.problems
        assert all(p.file and p.message for p in exc.problems)


@fuzz
@given(text=st.text(max_size=300))
def test_any_front_matter_text(plan: Path, text: str) -> None:
    (plan / "content/thema/inbraak.md").write_text(f"---\n{text}\n---\nTekst.\n", encoding="utf-8")
    _outcome(plan)


@fuzz
@given(data=st.dictionaries(st.sampled_from(THEME_KEYS), values, max_size=8))
def test_any_theme_structure(plan: Path, data: dict[str, Any]) -> None:
    front = yaml.safe_dump({"type": "theme", **data}, allow_unicode=True)
    (plan / "content/thema/inbraak.md").write_text(f"---\n{front}---\nTekst.\n", encoding="utf-8")
    _outcome(plan)


@fuzz
@given(rows=st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]),
                                      max_size=8), min_size=0, max_size=5), max_size=6),
       delimiter=st.sampled_from([",", ";"]))
def test_any_csv(plan: Path, rows: list[list[str]], delimiter: str) -> None:
    lines = [delimiter.join(["area", "year", "value"])] + [delimiter.join(r) for r in rows]
    (plan / "content/data/inbraken.csv").write_text("\n".join(lines), encoding="utf-8")
    _outcome(plan)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and "\r" not in s),
       owner=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and "\r" not in s),
       value=st.floats(-1e6, 1e6))
def test_valid_but_odd_content_always_builds(tmp_path: Path, title: str, owner: str,
                                             value: float, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "odd"
    shutil.rmtree(target, ignore_errors=True)
    copy_plan(MINI, target)
    path = target / "content/thema/inbraak.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Woninginbraak", f"title: {yaml.safe_dump(title).strip()}")
    text = text.replace("owner: Gemeente Teststad, team Veiligheid",
                        f"owner: {yaml.safe_dump(owner).strip()}")
    text = text.replace("target: {year: 2027, value: 3.0}", f"target: {{year: 2027, value: {value!r}}}")
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(target)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    if result.exit_code != 0:  # e.g. a title that is only a YAML document marker
        # A refused value is a content error in the file that holds it, never a crash.
        assert result.exit_code == 2, result.output
        assert "content/thema/inbraak.md:" in result.output, result.output
        assert "De site is niet bijgewerkt" in result.output
        return
    html = (target / "site/thema/inbraak/index.html").read_text(encoding="utf-8")
    assert "<script>" not in title or "<script>" not in html.split("<main", 1)[1]

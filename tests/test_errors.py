"""Bad input through the real command line: a mistake gives one plain-Dutch message naming file,
line and field, exit status 2, no traceback, and leaves the published site/ untouched.

The corpus (tests/test_corpus.py) holds every kind of mistake and runs them in-process; here a
YAML error, a validation error and a CSV error go through `python -m ivpgen` as staff run it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_ivpgen, tree_digest

INBRAAK = "content/thema/inbraak.md"

CASES = {
    "broken YAML": (
        INBRAAK, "summary: Minder inbraken in Teststad.", "summary: Minder: inbraken in Teststad.",
        "content/thema/inbraak.md:5: veld 'summary': YAML-fout: een dubbele punt op een onverwachte "
        "plek; zet tekst met ': ' erin tussen aanhalingstekens.",
    ),
    "invalid status": (
        INBRAAK, "    status: lopend", "    status: bezig",
        "content/thema/inbraak.md:23: veld 'actions[0].status': 'bezig' is geen geldige waarde; kies "
        "uit: gepland, lopend, afgerond, vertraagd, vervallen.",
    ),
    "non-numeric CSV cell": (
        "content/data/inbraken.csv", "centrum;2024;3,9", "centrum;2024;veel",
        "content/data/inbraken.csv:2: veld 'value': verwacht een getal, maar hier staat 'veel'.",
    ),
}


def _break(plan: Path, file: str, old: str, new: str) -> None:
    path = plan / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_and_site_untouched(mini: Path, case: str) -> None:
    first = run_ivpgen("build", cwd=mini)
    assert first.code == 0, first.output
    published = tree_digest(mini / "site")

    file, old, new, message = CASES[case]
    _break(mini, file, old, new)
    result = run_ivpgen("build", cwd=mini)

    assert result.code == 2, "errors in the content exit with status 2"
    assert message in result.output
    assert "Traceback" not in result.output
    assert "De site is niet bijgewerkt; site/ is ongewijzigd." in result.output
    assert tree_digest(mini / "site") == published
    assert not list(mini.glob(".site.*")), "an unfinished build was left behind"


def test_all_problems_are_reported_at_once(mini: Path) -> None:
    _break(mini, INBRAAK, "partners: [politie]", "partners: [politei]")
    _break(mini, "content/meedoen.md", "registration: gesloten", "registration: dicht")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert "content/meedoen.md\n  regel 14: fout: veld 'events[0].registration': 'dicht' is geen " \
        "geldige waarde" in result.output
    assert "content/thema/inbraak.md\n  regel 6: fout: veld 'partners[0]': partner 'politei'" \
        in result.output
    assert "2 fout(en), 0 waarschuwing(en)." in result.output


def test_one_mistake_gives_one_message(mini: Path) -> None:
    """A wrong page type or a misspelt key must not flood staff with follow-on errors."""
    _break(mini, "content/partners.md", "type: partners", "type: partner")
    _break(mini, INBRAAK, "summary: Minder", "summry: Minder")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert "2 fout(en), 0 waarschuwing(en)." in result.output, result.output


def test_check_is_clean_on_the_test_plan(mini: Path) -> None:
    result = run_ivpgen("check", "--strict", cwd=mini)
    assert result.code == 0, result.output
    lines = result.output.strip().splitlines()
    first, last = lines[0], lines[-1]
    assert first.startswith("Peildatum ") and "deadlines en bijeenkomsten" in first
    assert last == "0 fout(en), 0 waarschuwing(en), 1 ter info."  # its figures are illustrative
    assert all("ter info" in line for line in lines[2:-1])


def test_check_json_output_for_tools(mini: Path) -> None:
    import json

    _break(mini, INBRAAK, "indicator: inbraken", "indicator: inbraak")
    result = run_ivpgen("check", "--format", "json", cwd=mini)
    assert result.code == 2
    findings = json.loads(result.output)
    assert findings["notes"][0].startswith("Peildatum ")
    assert findings["problems"] == [{
        "file": "content/thema/inbraak.md", "line": 11, "field": "goals[0].indicator",
        "message": "indicator 'inbraak' bestaat niet. Bedoelt u 'inbraken'?", "severity": "error",
        "code": "",
    }]


def test_strict_build_fails_on_a_warning_and_keeps_site(mini: Path) -> None:
    assert run_ivpgen("build", cwd=mini).code == 0
    published = tree_digest(mini / "site")
    # A priority without goals is a warning (it still builds), not an error.
    text = (mini / INBRAAK).read_text(encoding="utf-8")
    goals = text[text.index("goals:"):text.index("actions:")]
    text = text.replace(goals, "goals: []\n").replace("    goal: minder-inbraken\n", "")
    (mini / INBRAAK).write_text(text, encoding="utf-8")

    lenient = run_ivpgen("check", cwd=mini)
    assert lenient.code == 0, lenient.output
    assert "content/thema/inbraak.md\n  regel 7: waarschuwing: veld 'goals': dit speerpunt heeft " \
        "geen doelen" in lenient.output
    strict = run_ivpgen("build", "--strict", cwd=mini)
    assert strict.code == 1
    assert "gestopt vanwege waarschuwingen (--strict)" in strict.output
    assert tree_digest(mini / "site") == published

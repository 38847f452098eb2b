"""Bad input: every mistake gives one plain-Dutch message naming file, line and field,
a non-zero exit, no traceback, and leaves the published site/ byte-for-byte untouched."""

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
    "unknown key": (
        INBRAAK, "summary: Minder", "summry: Minder",
        "content/thema/inbraak.md:5: veld 'summry': onbekend veld 'summry'. Bedoelt u 'summary'?",
    ),
    "wrong type with decimal comma": (
        INBRAAK, "baseline: {year: 2023, value: 4.2}", 'baseline: {year: 2023, value: "4,2"}',
        "content/thema/inbraak.md:13: veld 'goals[0].baseline.value': verwacht een getal, maar hier "
        "staat '4,2'. Schrijf een decimaal getal met een punt: 4.2.",
    ),
    "missing required field": (
        INBRAAK, "    status: lopend\n", "",
        "content/thema/inbraak.md:16: veld 'actions[0].status': dit verplichte veld ontbreekt.",
    ),
    "unknown partner": (
        INBRAAK, "partners: [politie]", "partners: [politei]",
        "content/thema/inbraak.md:6: veld 'partners[0]': partner 'politei' bestaat niet. "
        "Bedoelt u 'politie'?",
    ),
    "unknown indicator": (
        INBRAAK, "indicator: inbraken", "indicator: inbraak",
        "content/thema/inbraak.md:11: veld 'goals[0].indicator': indicator 'inbraak' bestaat niet. "
        "Bedoelt u 'inbraken'?",
    ),
    "unknown area in CSV": (
        "content/data/inbraken.csv", "teststad;2024", "testdorp;2024",
        "content/data/inbraken.csv:3: veld 'area': gebied 'testdorp' bestaat niet. "
        "Bedoelt u 'teststad'?",
    ),
    "duplicate key": (
        INBRAAK, "field: veilige", "title: Nog een titel\nfield: veilige",
        "content/thema/inbraak.md:4: veld 'title': de sleutel 'title' staat er twee keer "
        "(ook op regel 3); haal er één weg.",
    ),
    "front matter not closed": (
        "content/partners.md", "    role: Handhaaft en deelt cijfers.\n---\n",
        "    role: Handhaaft en deelt cijfers.\n",
        "content/partners.md:1: de kop (front matter) begint met '---' maar wordt nergens afgesloten; "
        "zet een regel '---' onder de laatste sleutel.",
    ),
    "date that does not exist": (
        INBRAAK, "deadline: 2027-06-30", "deadline: 2027-02-30",
        "content/thema/inbraak.md:22: veld 'actions[0].deadline': '2027-02-30' is geen bestaande datum.",
    ),
    "tab indentation": (
        INBRAAK, "    status: lopend", "\tstatus: lopend",
        "content/thema/inbraak.md:23: veld 'status': YAML-fout: een tab-teken; gebruik spaties om in "
        "te springen, geen tabs.",
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
    "missing CSV file": (
        "content/cijfers.md", "data/inbraken.csv", "data/inbraak.csv",
        "content/cijfers.md:14: veld 'indicators[0].measurements_file': dit databestand bestaat niet; "
        "controleer de naam en de map.",
    ),
    "javascript link": (
        "content/cijfers.md", 'url: "https://data.politie.nl"', 'url: "javascript:alert(1)"',
        "content/cijfers.md:10: veld 'indicators[0].source.url': 'javascript:alert(1)' is geen "
        "toegestane link; gebruik een adres dat met https:// begint of een pad binnen de site.",
    ),
    "blank line before the front matter": (
        "content/partners.md", "---\ntype: partners", "\n---\ntype: partners",
        "content/partners.md:2: de kop (front matter) moet op de eerste regel beginnen; haal de "
        "lege regels erboven weg.",
    ),
    "quote not closed": (
        INBRAAK, "summary: Minder inbraken in Teststad.", 'summary: "Minder inbraken in Teststad.',
        "content/thema/inbraak.md:5: veld 'summary': YAML-fout: een aanhalingsteken dat hier opent, "
        "wordt nergens gesloten.",
    ),
    "empty required value": (
        INBRAAK, "    title: Buurtpreventie-app in het centrum", "    title:",
        "content/thema/inbraak.md:17: veld 'actions[0].title': dit veld is leeg; vul een waarde in.",
    ),
    "unknown page type": (
        "content/partners.md", "type: partners", "type: partner",
        "content/partners.md:2: veld 'type': 'partner' is geen paginasoort; kies uit: plan, theme, "
        "indicators, partners, participation, progress, survey, glossary, page.",
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

    assert result.code != 0
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

"""`ivpgen check` teaches SMART: a sloppy plan gets one warning per weakness, a clean one none."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_ivpgen

SLOPPY_THEME = """---
type: theme
title: Overlast
field: veilige woon- en leefomgeving
summary: Minder overlast.
goals:
  - id: minder-overlast
    text: Minder overlast.
    kind: effect
  - id: inbraken-omhoog
    text: Inbraken per 1.000 inwoners.
    kind: effect
    indicator: inbraken
    area: centrum
    baseline: {year: 2023, value: 4.2}
    target: {year: 2027, value: 6.0}
actions:
  - id: iets-doen
    title: Iets doen aan overlast
    status: gepland
  - id: oude-actie
    title: Camera's plaatsen
    owner: Gemeente Teststad, team Veiligheid
    start: 2024-01-01
    deadline: 2024-06-30
    status: lopend
    done_when: Vier camera's hangen.
  - id: te-laat
    title: Evaluatie
    owner: Gemeente Teststad, team Veiligheid
    deadline: 2031-01-01
    status: gepland
    done_when: Het rapport is klaar.
---
"""

EXPECTED = [
    "content/thema/overlast.md",
    "  regel 7: waarschuwing: veld 'goals[0].baseline': dit effectdoel is niet meetbaar zonder een "
    "nulmeting; vul 'baseline' in. (code: geen-nulmeting)",
    "  regel 7: waarschuwing: veld 'goals[0].indicator': dit effectdoel is niet meetbaar zonder een "
    "indicator; vul 'indicator' in. (code: geen-indicator)",
    "  regel 7: waarschuwing: veld 'goals[0].target': dit effectdoel is niet meetbaar zonder een "
    "streefwaarde; vul 'target' in. (code: geen-streefwaarde)",
    "  regel 16: waarschuwing: veld 'goals[1].target': het doel (6) is slechter dan de nulmeting "
    "(4,2), terwijl bij 'Woninginbraken per 1.000 inwoners' lager beter is; controleer de "
    "streefwaarde. (code: verkeerde-richting)",
    "  regel 18: waarschuwing: veld 'actions[0].deadline': deze actie is niet SMART: wanneer is "
    "deze actie klaar? Vul een deadline in (JJJJ-MM-DD). (code: geen-deadline)",
    "  regel 18: waarschuwing: veld 'actions[0].done_when': deze actie is niet SMART: hoe weet "
    "iedereen dat deze actie klaar is? Beschrijf in 'done_when' wat er dan af is. (code: geen-klaar-als)",
    "  regel 18: waarschuwing: veld 'actions[0].owner': deze actie is niet SMART: wie trekt deze "
    "actie? Vul een organisatie of functie in (geen naam van een persoon). (code: geen-trekker)",
    "  regel 26: waarschuwing: veld 'actions[1].status': de status is 'lopend', maar de deadline "
    "(2024-06-30) is voorbij (peildatum 2026-01-01); kies 'vertraagd' of 'afgerond', of schuif de "
    "deadline op. (code: deadline-voorbij)",
    "  regel 31: waarschuwing: veld 'actions[2].deadline': de deadline (2031-01-01) valt buiten de "
    "looptijd van het plan (2024–2027). (code: deadline-buiten-looptijd)",
]


def test_sloppy_plan_gets_a_warning_per_weakness(mini: Path) -> None:
    (mini / "content/thema/overlast.md").write_text(SLOPPY_THEME, encoding="utf-8")
    cijfers = mini / "content/cijfers.md"
    text = cijfers.read_text(encoding="utf-8")
    text = text.replace("    unit: per 1.000 inwoners\n", "").replace(
        '    source: {name: Politie, url: "https://data.politie.nl"}\n', "")
    cijfers.write_text(text, encoding="utf-8")
    csv = mini / "content/data/inbraken.csv"
    csv.write_text("area;year;value\ncentrum;2020;4,0\ncentrum;2021;4,1\ncentrum;2022;41\n"
                   "centrum;2024;3,9\n", encoding="utf-8")

    lenient = run_ivpgen("check", cwd=mini, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert lenient.code == 0, lenient.output
    lines = lenient.output.splitlines()
    start = lines.index("content/thema/overlast.md")
    assert lines[start:start + len(EXPECTED)] == EXPECTED
    assert "regel 5: waarschuwing: veld 'indicators[0].source': deze indicator heeft geen bron" \
        in lenient.output
    assert "regel 5: waarschuwing: veld 'indicators[0].unit': deze indicator heeft geen eenheid" \
        in lenient.output
    assert "content/data/inbraken.csv\n  regel 4: waarschuwing: veld 'value': de waarde 41 voor " \
        "Centrum in 2022 ligt ver buiten de andere jaren (middelste waarde 4,05); is het een typefout?" \
        in lenient.output
    assert lines[-1] == "0 fout(en), 12 waarschuwing(en), 1 ter info."

    strict = run_ivpgen("check", "--strict", cwd=mini, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert strict.code == 1


def test_example_plan_is_clean() -> None:
    root = Path(__file__).resolve().parent.parent
    result = run_ivpgen("check", "--strict", cwd=root)
    assert result.code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("0 fout(en), 0 waarschuwing(en), "), "illustrative figures are info"


def _write(plan: Path, rel: str, old: str, new: str) -> None:
    path = plan / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


OUTLIERS = ("area;year;value;settled\n"
            "centrum;2019;4,0;\ncentrum;2020;0;uitschieter: coronajaar, de meldkamer lag stil\n"
            "centrum;2021;4,1;\ncentrum;2022;41;\ncentrum;2024;3,9;\n")


def test_a_settled_warning_is_info_for_that_figure_only(mini: Path) -> None:
    (mini / "content/data/inbraken.csv").write_text(OUTLIERS, encoding="utf-8")
    result = run_ivpgen("check", "--strict", cwd=mini, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.code == 1, result.output
    assert "content/data/inbraken.csv\n  regel 3: ter info: veld 'value': afgehandeld (coronajaar, " \
        "de meldkamer lag stil): de waarde 0 voor Centrum in 2020 ligt ver buiten de andere jaren " \
        "(middelste waarde 4,1); ontbreekt hier een cijfer? (code: uitschieter)\n" \
        "  regel 5: waarschuwing: veld 'value': de waarde 41 voor Centrum in 2022 ligt ver buiten " \
        "de andere jaren (middelste waarde 4); is het een typefout? (code: uitschieter)\n" \
        in result.output
    assert result.output.splitlines()[-1].startswith("0 fout(en), 1 waarschuwing(en), 2 ter info")

    (mini / "content/data/inbraken.csv").write_text(OUTLIERS.replace(";41;", ";4,1;"),
                                                    encoding="utf-8")
    settled = run_ivpgen("build", "--strict", cwd=mini, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert settled.code == 0, settled.output
    assert "WARNING" not in settled.output
    assert "2 meldingen ter info (voorbeeldtekst, illustratieve cijfers of afgehandelde " \
        "waarschuwingen); ivpgen check toont ze een voor een." in settled.output


def test_a_settled_note_that_no_longer_applies_or_names_no_warning_is_reported(mini: Path) -> None:
    _write(mini, "content/thema/inbraak.md", "    budget: 12500\n",
           "    budget: 12500\n    settled:\n      geen-trekker: de gemeente zoekt nog een trekker\n")
    stale = run_ivpgen("check", "--strict", cwd=mini)
    assert stale.code == 1
    assert "regel 27: waarschuwing: veld 'actions[0].settled.geen-trekker': de waarschuwing " \
        "'geen-trekker' komt hier niet (meer) voor; haal 'geen-trekker' weg onder 'settled'." \
        in stale.output
    _write(mini, "content/thema/inbraak.md", "geen-trekker:", "geen-trekkr:")
    unknown = run_ivpgen("check", cwd=mini)
    assert unknown.code == 2
    assert "regel 26: fout: veld 'actions[0].settled': 'geen-trekkr' is geen code van een " \
        "waarschuwing die hier kan voorkomen. Bedoelt u 'geen-trekker'?" in unknown.output


def test_dates_are_judged_against_the_reference_date_and_it_is_named(mini: Path) -> None:
    _write(mini, "content/index.md", "status: concept\n", "status: concept\nreference_date: 2025-01-15\n")
    _write(mini, "content/thema/inbraak.md", "start: 2024-01-01", "start: 2025-03-01")
    result = run_ivpgen("check", "--strict", cwd=mini)
    assert result.code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("Peildatum 15 januari 2025 (reference_date in index.md): deadlines en "
                        "bijeenkomsten worden hieraan afgemeten.")
    assert "content/thema/inbraak.md\n  regel 23: waarschuwing: veld 'actions[0].status': de status " \
        "is 'lopend', maar de actie begint pas op 2025-03-01 (peildatum 2025-01-15); kies 'gepland', " \
        "of vervroeg de startdatum. (code: lopend-voor-start)" in result.output
    assert "content/voortgang/2024.md\n  regel 5: waarschuwing: veld 'date': deze " \
        "voortgangsrapportage is gedateerd 2025-02-01, na de peildatum (2025-01-15); klopt de datum? " \
        "Is de rapportage klaar, zet dan 'reference_date' in index.md op of na die datum. " \
        "(code: na-peildatum)" in result.output
    build = run_ivpgen("build", "--strict", cwd=mini)
    assert build.code == 1
    assert "\nPeildatum 15 januari 2025 (reference_date in index.md)" in build.output
    assert "waarschuwing  content/voortgang/2024.md:5: veld 'date': deze voortgangsrapportage" \
        in build.output

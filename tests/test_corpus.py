"""The bad-input corpus: each broken input gives exactly its message, a non-zero exit, no
traceback, and leaves the published site/ untouched.

The builds run in-process (click's runner with catch_exceptions=False, so any traceback fails
the test); tests/test_errors.py runs a sample through the real command line.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivpgen.cli import main
from tests.conftest import MINI, copy_plan, tree_digest

INBRAAK = "content/thema/inbraak.md"
CIJFERS = "content/cijfers.md"
INDEX = "content/index.md"
CSV = "content/data/inbraken.csv"

Edit = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Edit:
    def edit(plan: Path) -> None:
        path = plan / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(file: str, data: bytes) -> Edit:
    def edit(plan: Path) -> None:
        (plan / file).parent.mkdir(parents=True, exist_ok=True)
        (plan / file).write_bytes(data)
    return edit


def copy(file: str, to: str) -> Edit:
    def edit(plan: Path) -> None:
        (plan / to).write_bytes((plan / file).read_bytes())
    return edit


def symlink(file: str, target: str) -> Edit:
    def edit(plan: Path) -> None:
        (plan / file).unlink(missing_ok=True)
        (plan / file).symlink_to(target)
    return edit


BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'lol'}]\n" for i in range(9))
PAGE = "---\ntitle: Extra\n{}---\nTekst.\n"

CORPUS: dict[str, tuple[Edit, str]] = {
    # YAML syntax
    "colon in text": (replace(INBRAAK, "summary: Minder inbraken", "summary: Let op: minder inbraken"),
                      "content/thema/inbraak.md:5: veld 'summary': YAML-fout: een dubbele punt op een "
                      "onverwachte plek; zet tekst met ': ' erin tussen aanhalingstekens."),
    "front matter not closed": (replace("content/partners.md", "cijfers.\n---\n", "cijfers.\n"),
                                "content/partners.md:1: de kop (front matter) begint met '---' maar "
                                "wordt nergens afgesloten; zet een regel '---' onder de laatste sleutel."),
    "tab": (replace(INBRAAK, "    status: lopend", "\tstatus: lopend"),
            "content/thema/inbraak.md:23: veld 'status': YAML-fout: een tab-teken; gebruik spaties om in "
            "te springen, geen tabs."),
    "duplicate key": (replace(INBRAAK, "field: veilige", "title: Nog een titel\nfield: veilige"),
                      "content/thema/inbraak.md:4: veld 'title': de sleutel 'title' staat er twee keer "
                      "(ook op regel 3); haal er één weg."),
    "quote not closed": (replace(INBRAAK, "summary: Minder", 'summary: "Minder'),
                         "content/thema/inbraak.md:5: veld 'summary': YAML-fout: een aanhalingsteken dat "
                         "hier opent, wordt nergens gesloten."),
    "alias bomb": (write("content/bom.md", f"---\n{BOMB}---\n".encode()),
                   "content/bom.md:2: veld 'l1[0]': YAML-verwijzingen (& en *) worden niet ondersteund; "
                   "schrijf de waarde voluit."),
    "deep nesting": (write("content/diep.md", f"---\na: {'[' * 10_000}{']' * 10_000}\n---\n".encode()),
                     "content/diep.md:2: veld 'a': YAML-fout: de gegevens zijn te diep genest."),
    "merge key": (write("content/merge.md", PAGE.format("<<: {a: 1}\n").encode()),
                  "content/merge.md:3: '<<' (samenvoegen) wordt niet ondersteund."),
    "python tag": (write("content/tag.md", PAGE.format("x: !!python/object:os.system ls\n").encode()),
                   "content/tag.md:3: veld 'x': het YAML-label 'tag:yaml.org,2002:python/object:os.system' "
                   "wordt niet ondersteund."),
    "list as front matter": (write("content/lijst.md", b"---\n- a\n- b\n---\n"),
                             "content/lijst.md:2: de kop (front matter) moet uit regels 'sleutel: waarde' "
                             "bestaan."),
    # Files
    "empty file": (write("content/leeg.md", b""),
                   "content/leeg.md:1: dit bestand is leeg; vul het of haal het weg."),
    "latin-1 file": (write("content/latin.md", PAGE.format("description: café\n").encode("latin-1")),
                     "content/latin.md:3: het bestand is niet als UTF-8 opgeslagen; sla het opnieuw op met "
                     "codering UTF-8."),
    "50 MB file": (write("content/groot.md", b"---\ntitle: Groot\n---\n" + b"x" * 50_000_000),
                   "content/groot.md:1: het bestand is groter dan 2 MB; splits het op."),
    "blank line before front matter": (replace("content/partners.md", "---\ntype", "\n---\ntype"),
                                       "content/partners.md:2: de kop (front matter) moet op de eerste "
                                       "regel beginnen; haal de lege regels erboven weg."),
    "page symlink out of content": (symlink("content/passwd.md", "/etc/passwd"),
                                    "content/passwd.md:1: dit bestand verwijst naar een plek buiten de map "
                                    "content/; zet het bestand zelf in content/."),
    # Types and values
    "unknown key": (replace(INBRAAK, "summary: Minder", "summry: Minder"),
                    "content/thema/inbraak.md:5: veld 'summry': onbekend veld 'summry'. Bedoelt u "
                    "'summary'?"),
    "decimal comma as text": (replace(INBRAAK, "value: 4.2}", 'value: "4,2"}'),
                              "content/thema/inbraak.md:13: veld 'goals[0].baseline.value': verwacht een "
                              "getal, maar hier staat '4,2'. Schrijf een decimaal getal met een punt: 4.2."),
    "decimal comma in braces": (replace(INBRAAK, "value: 4.2}", "value: 4,2}"),
                                "content/thema/inbraak.md:13: veld 'goals[0].baseline.2': '2' is geen veld; "
                                "staat er een komma in een getal? Schrijf decimalen met een punt, "
                                "bijvoorbeeld 4.2 in plaats van 4,2."),
    "missing required field": (replace(INBRAAK, "    status: lopend\n", ""),
                               "content/thema/inbraak.md:16: veld 'actions[0].status': dit verplichte veld "
                               "ontbreekt."),
    "empty required value": (replace(INBRAAK, "    title: Buurtpreventie-app in het centrum", "    title:"),
                             "content/thema/inbraak.md:17: veld 'actions[0].title': dit veld is leeg; vul "
                             "een waarde in."),
    "date that does not exist": (replace(INBRAAK, "deadline: 2027-06-30", "deadline: 2027-02-30"),
                                 "content/thema/inbraak.md:22: veld 'actions[0].deadline': '2027-02-30' is "
                                 "geen bestaande datum."),
    "Dutch date order": (replace(INBRAAK, "start: 2024-01-01", "start: 01-01-2024"),
                         "content/thema/inbraak.md:21: veld 'actions[0].start': '01-01-2024' is geen datum; "
                         "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-15."),
    "deadline before start": (replace(INBRAAK, "start: 2024-01-01", "start: 2028-01-01"),
                              "content/thema/inbraak.md:16: veld 'actions[0]': de deadline ligt vóór de "
                              "startdatum."),
    "NaN": (replace(CIJFERS, "year: 2023, value: 4.2", "year: 2023, value: .nan"),
            "content/cijfers.md:13: veld 'indicators[0].measurements[0].value': 'nan' is geen gewoon getal; "
            "vul een echte waarde in."),
    "infinity": (replace(CIJFERS, "year: 2023, value: 4.2", "year: 2023, value: .inf"),
                 "content/cijfers.md:13: veld 'indicators[0].measurements[0].value': 'inf' is geen gewoon "
                 "getal; vul een echte waarde in."),
    "negative population": (replace(INDEX, "population: 10000", "population: -5"),
                            "content/index.md:13: veld 'municipalities[0].population': moet groter zijn dan "
                            "0, maar hier staat -5."),
    "wrong CBS code": (replace(INDEX, "cbs_code: GM9999", "cbs_code: GM99"),
                       "content/index.md:12: veld 'municipalities[0].cbs_code': 'GM99' is geen "
                       "CBS-gemeentecode; schrijf GM en vier cijfers, bijvoorbeeld GM0342."),
    "period reversed": (replace(INDEX, "{start: 2024, end: 2027}", "{start: 2027, end: 2024}"),
                        "content/index.md:4: veld 'period': het eindjaar ligt vóór het beginjaar."),
    "invalid id": (replace(INBRAAK, "id: buurtpreventie", "id: Buurt Preventie"),
                   "content/thema/inbraak.md:16: veld 'actions[0].id': 'Buurt Preventie' is geen geldige "
                   "id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'buurt-preventie'."),
    "invalid status": (replace(INBRAAK, "    status: lopend", "    status: bezig"),
                       "content/thema/inbraak.md:23: veld 'actions[0].status': 'bezig' is geen geldige "
                       "waarde; kies uit: gepland, lopend, afgerond, vertraagd, vervallen."),
    "invalid time": (replace("content/meedoen.md", "start: '19:30'", "start: '25:00'"),
                     "content/meedoen.md:9: veld 'events[0].start': '25:00' is geen tijd; schrijf UU:MM "
                     "tussen aanhalingstekens, bijvoorbeeld '19:30'."),
    "zero capacity": (replace("content/meedoen.md", "capacity: 40", "capacity: 0"),
                      "content/meedoen.md:13: veld 'events[0].capacity': moet groter zijn dan 0, maar hier "
                      "staat 0."),
    "text instead of list": (replace(INBRAAK, "partners: [politie]", "partners: politie"),
                             "content/thema/inbraak.md:6: veld 'partners': verwacht een lijst (regels die "
                             "met '- ' beginnen)."),
    "number instead of group": (replace(INBRAAK, "baseline: {year: 2023, value: 4.2}", "baseline: 4.2"),
                                "content/thema/inbraak.md:13: veld 'goals[0].baseline': verwacht een groep "
                                "velden ('sleutel: waarde' op ingesprongen regels)."),
    "not a boolean": (replace(CIJFERS, "illustrative: true", "illustrative: misschien"),
                      "content/cijfers.md:11: veld 'indicators[0].illustrative': verwacht true of false, "
                      "maar hier staat 'misschien'."),
    "control character written as a YAML escape": (
        replace(INBRAAK, "title: Woninginbraak", 'title: "Woning\\einbraak"'),
        "content/thema/inbraak.md:3: veld 'title': een onzichtbaar stuurteken (#x001b) in de "
        "tekst; haal het weg (het komt vaak mee bij kopiëren en plakken)."),
    "unknown page type": (replace("content/partners.md", "type: partners", "type: partner"),
                          "content/partners.md:2: veld 'type': 'partner' is geen paginasoort; kies uit: "
                          "plan, theme, indicators, partners, participation, progress, survey, glossary, "
                          "page."),
    "javascript link": (replace(CIJFERS, 'url: "https://data.politie.nl"', 'url: "javascript:alert(1)"'),
                        "content/cijfers.md:10: veld 'indicators[0].source.url': 'javascript:alert(1)' is "
                        "geen toegestane link; gebruik een adres dat met https:// begint of een pad binnen "
                        "de site."),
    # References and ids
    "unknown partner": (replace(INBRAAK, "partners: [politie]", "partners: [politei]"),
                        "content/thema/inbraak.md:6: veld 'partners[0]': partner 'politei' bestaat niet. "
                        "Bedoelt u 'politie'?"),
    "unknown indicator": (replace(INBRAAK, "indicator: inbraken", "indicator: inbraak"),
                          "content/thema/inbraak.md:11: veld 'goals[0].indicator': indicator 'inbraak' "
                          "bestaat niet. Bedoelt u 'inbraken'?"),
    "unknown municipality": (replace(INBRAAK, "partners: [politie]", "municipalities: [testdorp]\n"
                                     "partners: [politie]"),
                             "content/thema/inbraak.md:6: veld 'municipalities[0]': gebied 'testdorp' "
                             "bestaat niet. Bedoelt u 'teststad'?"),
    "unknown area on a priority": (replace(INBRAAK, "partners: [politie]", "areas: [centrm]\n"
                                           "partners: [politie]"),
                                   "content/thema/inbraak.md:6: veld 'areas[0]': gebied 'centrm' bestaat "
                                   "niet. Bedoelt u 'centrum'?"),
    "unknown area on an action": (replace(INBRAAK, "    status: lopend", "    status: lopend\n"
                                          "    areas: [centrun]"),
                                  "content/thema/inbraak.md:24: veld 'actions[0].areas[0]': gebied "
                                  "'centrun' bestaat niet. Bedoelt u 'centrum'?"),
    "unknown area of an event": (replace("content/meedoen.md", "municipality: teststad",
                                         "areas: [centrm]"),
                                 "content/meedoen.md:12: veld 'events[0].areas[0]': gebied 'centrm' "
                                 "bestaat niet. Bedoelt u 'centrum'?"),
    "unknown icon": (replace(INBRAAK, "partners: [politie]", "icon: shiled\npartners: [politie]"),
                     "content/thema/inbraak.md:6: veld 'icon': icoon 'shiled' bestaat niet. Bedoelt u "
                     "'shield'?"),
    "unknown headline indicator": (replace(INBRAAK, "partners: [politie]", "headline: inbraak\n"
                                           "partners: [politie]"),
                                   "content/thema/inbraak.md:6: veld 'headline': indicator 'inbraak' "
                                   "bestaat niet. Bedoelt u 'inbraken'?"),
    "unknown goal area": (replace(INBRAAK, "area: centrum", "area: noord"),
                          "content/thema/inbraak.md:12: veld 'goals[0].area': gebied 'noord' bestaat niet. "
                          "Bekend zijn: centrum, teststad."),
    "unknown action in progress report": (replace("content/voortgang/2024.md", "buurtpreventie:",
                                                  "buurtwacht:"),
                                          "content/voortgang/2024.md:8: veld 'actions.buurtwacht': actie "
                                          "'buurtwacht' bestaat niet. Bekend zijn: buurtpreventie."),
    "same id twice": (replace(INBRAAK, "  - id: buurtpreventie", "  - id: buurtpreventie\n    title: Dubbel"
                              "\n    status: gepland\n  - id: buurtpreventie"),
                      "content/thema/inbraak.md:19: veld 'actions[1].id': de id 'buurtpreventie' is al "
                      "gebruikt (content/thema/inbraak.md:16); geef elk item een eigen id."),
    "second plan page": (copy(INDEX, "content/plan2.md"),
                         "content/plan2.md:1: veld 'type': er is al een pagina met 'type: plan' "
                         "(content/index.md); een site heeft er één."),
    # CSV
    "non-numeric CSV cell": (replace(CSV, "centrum;2024;3,9", "centrum;2024;veel"),
                             "content/data/inbraken.csv:2: veld 'value': verwacht een getal, maar hier staat "
                             "'veel'."),
    "empty CSV cell": (replace(CSV, "centrum;2024;3,9", "centrum;2024;"),
                       "content/data/inbraken.csv:2: veld 'value': verwacht een getal, maar hier staat ''."),
    "non-numeric CSV year": (replace(CSV, "centrum;2024;3,9", "centrum;twintig;3,9"),
                             "content/data/inbraken.csv:2: veld 'year': verwacht een heel getal, maar hier "
                             "staat 'twintig'."),
    "missing CSV column": (replace(CSV, "area;year;value", "area;jaar;value"),
                           "content/data/inbraken.csv:1: de kolom(men) year ontbreken in de eerste regel; "
                           "verwacht: area;year;value."),
    "unknown area in CSV": (replace(CSV, "teststad;2024", "testdorp;2024"),
                            "content/data/inbraken.csv:3: veld 'area': gebied 'testdorp' bestaat niet. "
                            "Bedoelt u 'teststad'?"),
    "missing CSV file": (replace(CIJFERS, "data/inbraken.csv", "data/inbraak.csv"),
                         "content/cijfers.md:14: veld 'indicators[0].measurements_file': dit databestand "
                         "bestaat niet; controleer de naam en de map."),
    "CSV path outside content": (replace(CIJFERS, "data/inbraken.csv", "../../etc/passwd"),
                                 "content/cijfers.md:14: veld 'indicators[0].measurements_file': het bestand "
                                 "ligt buiten de map content/; zet het databestand in content/."),
    "CSV symlink outside content": (symlink(CSV, "/etc/hostname"),
                                    "content/cijfers.md:14: veld 'indicators[0].measurements_file': het "
                                    "bestand ligt buiten de map content/; zet het databestand in content/."),
}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test plan with its published site, built once for every case of the corpus."""
    plan = copy_plan(MINI, tmp_path_factory.mktemp("corpus") / "plan")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(plan)
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return plan


@pytest.fixture
def published(baseline: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built test plan, with the working folder set to it."""
    plan = tmp_path / "plan"
    shutil.copytree(baseline, plan, symlinks=True)
    monkeypatch.chdir(plan)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return plan


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 40


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_broken_input(published: Path, case: str) -> None:
    edit, message = CORPUS[case]
    before = tree_digest(published / "site")
    edit(published)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 2, "errors in the content exit with status 2"
    assert message in result.output, result.output
    assert "Traceback" not in result.output
    assert tree_digest(published / "site") == before
    assert not [p for p in published.iterdir() if p.name.startswith(".site")]

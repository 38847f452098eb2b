"""`ivpgen new`: municipalities found the way staff type them, a folder never overwritten, the
questions in Dutch, and a new plan that passes `ivpgen check --strict` with its example text
listed as info. (tests/test_install.py builds new plans from the installed wheel.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivpgen.cli import main
from ivpgen.model import SAFETY_FIELDS
from ivpgen.municipalities import UnknownMunicipality, find, table
from tests.conftest import EPOCH, run_ivpgen


@pytest.mark.parametrize(("typed", "code"), [
    ("Helmond", "GM0794"), ("helmond", "GM0794"), ("  SOEST ", "GM0342"),
    ("Den Haag", "GM0518"), ("'s-Gravenhage", "GM0518"), ("den bosch", "GM0796"),
    ("Bergen (NH.)", "GM0373"), ("bergen nh", "GM0373"), ("sudwest fryslan", "GM1900"),
    ("Nuenen", "GM0820"), ("Hengelo", "GM0164"), ("GM0310", "GM0310"),
])
def test_a_municipality_is_found_however_it_is_typed(typed: str, code: str) -> None:
    assert find(typed).code == code


@pytest.mark.parametrize(("typed", "message"), [
    ("Helmund", "'Helmund' is geen Nederlandse gemeente (indeling 1 januari 2026). Bedoelt u Helmond?"),
    ("Den Hag", "Bedoelt u 's-Gravenhage?"),
    ("Bergen", "Er zijn 2 gemeenten met de naam 'Bergen': Bergen (L.) (GM0893) en Bergen (NH.) "
               "(GM0373)."),
    ("Atlantis", "Controleer de spelling"),
])
def test_a_name_that_is_not_one_municipality_gets_a_hint(typed: str, message: str) -> None:
    with pytest.raises(UnknownMunicipality, match=None) as raised:
        find(typed)
    assert message in str(raised.value)


def test_the_table_is_the_cbs_division_of_2026() -> None:
    municipalities = table()
    assert len(municipalities) == 342
    assert len({m.code for m in municipalities}) == 342
    assert len({m.id for m in municipalities}) == 342, "every municipality gets its own id"
    assert find("Amsterdam").population == 942504
    assert 18_000_000 < sum(m.population for m in municipalities) < 18_300_000


def test_a_folder_with_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "notities.txt").write_text("van mij", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(folder), "--municipality", "Soest"])
    assert result.exit_code == 2
    assert "is niet leeg" in result.output and "kies een andere map" in result.output
    assert [p.name for p in folder.iterdir()] == ["notities.txt"]


@pytest.mark.parametrize(("args", "message"), [
    (["--municipality", "Helmund"], "Bedoelt u Helmond?"),
    (["--municipality", "Baarn", "--municipality", "Soest", "--neighbourhood", "Centrum"],
     "noem dan precies één gemeente"),
    (["--municipality", "Soest", "--period", "2030-2027"], "de looptijd 2030-2027 klopt niet"),
    (["--municipality", "Soest", "--priority", "jeugt"], "Bedoelt u 'jeugd en veiligheid'?"),
    (["--municipality", "Soest", "--municipality", "soest"], "de gemeente 'Soest' staat er twee keer in"),
])
def test_a_wrong_flag_is_one_dutch_message_and_nothing_written(tmp_path: Path, args: list[str],
                                                                message: str) -> None:
    folder = tmp_path / "plan"
    result = CliRunner().invoke(main, ["new", str(folder), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not folder.exists()


def test_questions_are_asked_in_dutch_and_a_wrong_answer_asked_again(tmp_path: Path) -> None:
    answers = "\n".join(["Helmund", "Helmond", "", "Binnenstad", "Brandevoort", "", "2027",
                         "2027-2030", "9", "1,3"]) + "\n"
    folder = tmp_path / "helmond"
    result = CliRunner().invoke(main, ["new", str(folder)], input=answers,
                                env={"SOURCE_DATE_EPOCH": EPOCH["SOURCE_DATE_EPOCH"]})
    assert result.exit_code == 0, result.output
    assert "Voor welke gemeente is het plan?" in result.output
    assert "Bedoelt u Helmond?" in result.output
    assert "Werkt Helmond met wijken?" in result.output
    assert "'2027' is geen looptijd" in result.output
    assert "'9' is geen nummer uit de lijst" in result.output
    index = (folder / "content/index.md").read_text(encoding="utf-8")
    assert "  start: 2027\n  end: 2030\n" in index
    assert "    name: Binnenstad\n    kind: wijk\n    municipality: helmond\n" in index
    assert "  - id: nederland\n    name: Nederland\n    kind: land\n" in index
    themes = sorted(p.name for p in (folder / "content/thema").iterdir())
    assert themes == ["jeugd.md", "veilige-buurten.md"]


def test_a_joint_plan_names_the_municipalities_and_its_region(tmp_path: Path) -> None:
    folder = tmp_path / "samen"
    result = CliRunner().invoke(main, ["new", str(folder), "--municipality", "Baarn",
                                       "--municipality", "Eemnes", "--municipality", "De Bilt"],
                                env=EPOCH)
    assert result.exit_code == 0, result.output
    index = (folder / "content/index.md").read_text(encoding="utf-8")
    for code, population in (("GM0308", 25442), ("GM0317", 10063), ("GM0310", 43673)):
        assert f"cbs_code: {code}\n    population: {population}  # bron: CBS" in index
    assert "  - id: regio\n    name: Regio (drie gemeenten)\n    kind: regio\n" in index
    assert "status: concept" in index and "reference_date: 2026-01-01" in index
    rows = list(csv.DictReader((folder / "content/data/woninginbraken.csv").open(encoding="utf-8")))
    assert {r["area"] for r in rows} == {"baarn", "eemnes", "de-bilt", "regio"}
    assert {r["year"] for r in rows} == {"2022", "2023", "2024", "2025"}, "whole years before today"
    cijfers = (folder / "content/cijfers.md").read_text(encoding="utf-8")
    assert cijfers.count("illustrative: true") == 3, "every made-up figure is labelled"


def test_a_new_plan_passes_the_strict_check_with_its_example_text_as_info(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    made = run_ivpgen("new", str(folder), "--municipality", "Utrecht", "--neighbourhood",
                      "Overvecht", "--neighbourhood", "Kanaleneiland", "--priority", "zorg",
                      "--priority", "digitale veiligheid", cwd=tmp_path, env=EPOCH)
    assert made.code == 0, made.output
    result = run_ivpgen("check", "--strict", cwd=folder)
    assert result.code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Peildatum 1 januari 2026 (reference_date in index.md)")
    infos = [line for line in lines if line.startswith("  ") and "ter info: " in line]
    assert lines[-1] == f"0 fout(en), 0 waarschuwing(en), {len(infos)} ter info."
    marked = sum(text.count("VOORBEELD") for text in
                 (p.read_text(encoding="utf-8") for p in (folder / "content").rglob("*.md")))
    illustrative = 2  # one indicator per priority
    no_address = 1  # a new plan has no web address (site_url) yet: no QR code in the print
    assert len(infos) == marked + illustrative + no_address
    assert "mkdocs.yml\n  ter info: veld 'site_url': er is geen webadres" in result.output
    assert "  regel 9: ter info: veld 'goals[0]': nog voorbeeldtekst (VOORBEELD)" in result.output
    assert "cijfers van 'Meldingen van verward gedrag' zijn illustratief (bedacht). Vervang ze " \
        "in data/verward-gedrag.csv door echte cijfers" in result.output


def test_every_safety_field_gives_a_valid_priority(tmp_path: Path) -> None:
    folder = tmp_path / "alles"
    fields = [arg for field in SAFETY_FIELDS for arg in ("--priority", field)]
    made = run_ivpgen("new", str(folder), "--municipality", "Súdwest-Fryslân", "--period",
                      "2026-2029", *fields, cwd=tmp_path, env=EPOCH)
    assert made.code == 0, made.output
    result = run_ivpgen("check", "--strict", cwd=folder)
    assert result.code == 0, result.output
    assert "waarschuwing:" not in result.output and "fout:" not in result.output
    titles = [line.removeprefix("title: ") for p in sorted((folder / "content/thema").iterdir())
              for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("title: ")]
    assert len(titles) == len(SAFETY_FIELDS) == len(set(titles))
    assert not set(titles) & {field.capitalize() for field in SAFETY_FIELDS}, \
        "a priority's title says more than its safety field, shown next to it"

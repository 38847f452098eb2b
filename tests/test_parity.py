"""`ivpgen check --strict` judges a plan as `ivpgen build --strict` does: the same exit status and
a Dutch message naming the file, the line and the key, for the mistakes issue #9 found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_ivpgen

PLUGIN = "  - ivpgen:\n      pdf: false\n"
TEXT = "Deze site is getest.\n"  # line 5 of content/toegankelijkheid.md


@dataclass(frozen=True)
class Mistake:
    file: str
    old: str
    new: str
    status: int
    line: int
    field: str
    words: str


MISTAKES = {
    "too little contrast": Mistake("mkdocs.yml", PLUGIN, PLUGIN + '      primary_colour: "#8a8a8a"\n',
                                   2, 10, "plugins[0].ivpgen.primary_colour", "te weinig contrast"),
    "colour without #": Mistake("mkdocs.yml", PLUGIN, PLUGIN + "      primary_colour: 00587c\n",
                                2, 10, "plugins[0].ivpgen.primary_colour", "'00587c' is geen kleur"),
    "nav to a missing page": Mistake("mkdocs.yml", PLUGIN, PLUGIN + "nav:\n  - Home: index.md\n"
                                     "  - Cijfers: cijfer.md\n", 1, 12, "nav[1].Cijfers",
                                     "het menu verwijst naar 'cijfer.md'"),
    "unquoted #colour": Mistake("mkdocs.yml", PLUGIN, PLUGIN + "      primary_colour: #00587c\n",
                                2, 10, "plugins[0].ivpgen.primary_colour",
                                "zet de kleur tussen aanhalingstekens"),
    "another theme": Mistake("mkdocs.yml", "  name: ivpgen\n", "  name: readthedocs\n", 2, 5,
                             "theme.name", "het thema 'readthedocs'"),
    "broken Markdown link": Mistake("content/toegankelijkheid.md", TEXT, TEXT + "\nZie [de cijfers]"
                                    "(cijfer.md).\n", 1, 7, "", "de link naar 'cijfer.md' werkt niet"),
    "image from another host": Mistake("content/toegankelijkheid.md", TEXT,
                                       TEXT + "\n![logo](https://example.com/logo.png)\n", 2, 7, "",
                                       "laadt een afbeelding van een andere website"),
}


def _break(plan: Path, mistake: Mistake) -> None:
    path = plan / mistake.file
    text = path.read_text(encoding="utf-8")
    assert mistake.old in text, mistake.old
    path.write_text(text.replace(mistake.old, mistake.new, 1), encoding="utf-8")


@pytest.mark.parametrize("name", MISTAKES)
def test_check_and_build_agree_on_a_mistake(mini: Path, name: str) -> None:
    mistake = MISTAKES[name]
    _break(mini, mistake)
    line = mistake.line
    check = run_ivpgen("check", "--strict", cwd=mini)
    build = run_ivpgen("build", "--strict", cwd=mini)
    assert check.code == build.code == mistake.status, (check.output, build.output)
    label = "fout" if mistake.status == 2 else "waarschuwing"
    field = f"veld '{mistake.field}': " if mistake.field else ""
    assert f"{mistake.file}\n  regel " in check.output, check.output
    assert f"  regel {line}: {label}: {field}" in check.output, check.output
    at = f"{label}  {mistake.file}:{line}:{' ' + field.strip() if field else ''}"
    assert at in build.output, build.output
    for output in (check.output, build.output):
        assert mistake.words in output
        assert "Traceback" not in output
    assert not (mini / "site").exists(), "a refused build publishes nothing"

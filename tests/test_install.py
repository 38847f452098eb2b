"""The wheel stands on its own, as a municipality installs it: built from the sources, installed
in a fresh virtual environment outside the repository, it starts two new plans (three
municipalities; one municipality with five neighbourhoods) and builds each with --strict into a
site with HTML pages and PDFs, without a single warning.

Slow by nature (the environment installs matplotlib, WeasyPrint and the rest from the package
index): about a minute, most of it pip. One environment serves both plans.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import EPOCH, ROOT

SOURCES = ("pyproject.toml", "README.md", "ivpgen", "templates")
JOINT = ["--municipality", "Baarn", "--municipality", "Eemnes", "--municipality", "De Bilt"]
WIJKEN = ["--municipality", "Helmond", "--period", "2027-2030",
          *(arg for wijk in ("Binnenstad", "Helmond-Oost", "Helmond-Noord", "Rijpelberg",
                             "Brandevoort") for arg in ("--neighbourhood", wijk))]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "IVPGEN_ENGINE")}
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          env={**env, **EPOCH}, timeout=900, check=False)


@pytest.fixture(scope="module")
def venv_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel (and its pinned dependencies)."""
    work = tmp_path_factory.mktemp("install")
    src = work / "src"
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy(source, src / name)
    steps = [
        (sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", work / "dist", src),
        (sys.executable, "-m", "venv", work / "venv"),
    ]
    for step in steps:
        done = _run(*step, cwd=work)
        assert done.returncode == 0, done.stdout + done.stderr
    wheel = next((work / "dist").glob("ivpgen-*.whl"))
    done = _run(work / "venv/bin/pip", "install", "-q", "--no-compile", "-c",
                ROOT / "constraints.txt", wheel, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "venv/bin"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _new_and_build(venv_bin: Path, folder: Path, flags: list[str]) -> Path:
    made = _run(venv_bin / "ivpgen", "new", folder.name, *flags, cwd=folder.parent)
    assert made.returncode == 0, made.stdout + made.stderr
    built = _run(venv_bin / "ivpgen", "build", "--strict", cwd=folder)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    assert "WARNING" not in output and "Traceback" not in output
    return folder / "site"


def test_the_wheel_is_what_runs(venv_bin: Path) -> None:
    where = _run(venv_bin / "python", "-c", "import ivpgen.theme; print(ivpgen.theme.__file__)",
                 cwd=venv_bin)
    assert str(venv_bin.parent / "lib") in where.stdout, where.stdout + where.stderr


@pytest.mark.parametrize(("name", "flags", "places", "editions"), [
    ("samen", JOINT, ["Baarn", "Eemnes", "De Bilt"], 4),
    ("helmond", WIJKEN, ["Binnenstad", "Helmond-Oost", "Helmond-Noord", "Rijpelberg",
                         "Brandevoort"], 1),
])
def test_a_new_plan_builds_from_the_installed_wheel(venv_bin: Path, tmp_path: Path, name: str,
                                                   flags: list[str], places: list[str],
                                                   editions: int) -> None:
    site = _new_and_build(venv_bin, tmp_path / name, flags)
    pages = sorted(site.rglob("*.html"))
    themes = sorted((tmp_path / name / "content/thema").glob("*.md"))
    assert len(themes) == 3
    for theme in themes:
        assert (site / "thema" / theme.stem / "index.html").is_file()
    for path in pages:
        page = _page(path)
        assert ("html", {"lang": "nl"}) in page.tags, path
        assert sum(tag == "h1" for tag, _ in page.tags) == 1, path
        assert sum(tag == "main" for tag, _ in page.tags) == 1, path
    home = "".join(_page(site / "index.html").text)
    assert "Concept — nog niet vastgesteld door de gemeenteraad" in home
    assert "Dit is een concept, gemaakt met ivpgen new." in home
    indicator_pages = sorted((site / "cijfers").glob("*/index.html"))
    assert indicator_pages, "a page per indicator"
    for path in indicator_pages:
        figures = "".join(_page(path).text)
        missing = [place for place in places if place not in figures]
        assert not missing, f"{path}: no figures of {missing}"
    assert "Illustratief cijfer" in figures
    pdfs = sorted((site / "samenvatting").glob("samenvatting-*.pdf"))
    assert len(pdfs) == editions
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 3
        assert "Integraal Veiligheidsplan" in reader.pages[0].extract_text()

"""Shared helpers: copies of the test plans in a temp folder, and running the real CLI."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
IVPGEN = [sys.executable, "-m", "ivpgen"]
STORE = ROOT / ".cache" / "ivpgen-tests"
"""One store of charts and PDFs for every build in the suite (it is content-addressed, so plans
never mix up): each chart and PDF is made once per run, or never on a second run. A test that
needs a store of its own (cold builds, the store itself) takes the fixture ``own_store``."""
OWN_STORE = {"IVPGEN_CACHE_DIR": ""}
"""For a subprocess: build with the plan's own store (cache_dir in its mkdocs.yml)."""


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("IVPGEN_CACHE_DIR", str(STORE))


@pytest.fixture
def own_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in this test use the plan's own store (.cache/ivpgen next to its mkdocs.yml)."""
    monkeypatch.setenv("IVPGEN_CACHE_DIR", "")


@dataclass
class Result:
    code: int
    output: str


def run_ivpgen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run the real `ivpgen` command in a subprocess, as staff would, and capture all output."""
    proc = subprocess.run([*IVPGEN, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)
    return Result(proc.returncode, proc.stdout + proc.stderr)


def copy_plan(source: Path, target: Path) -> Path:
    """Copy a plan (mkdocs.yml + content/); it uses the packaged theme."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "content", target / "content")
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    return target


TERM = re.compile(r'<a class="term" href="[^"]*">(?:<abbr title="[^"]*">)?(.*?)(?:</abbr>)?</a>')


def page(site: Path, url: str) -> str:
    """A built page's HTML (url as in the site, '' for the home page), with the glossary's links
    around first uses of terms taken out, so tests can look for the words as written."""
    return TERM.sub(r"\1", (site / url / "index.html").read_text(encoding="utf-8"))


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below a folder with the SHA-256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def warnings_in(output: str) -> list[str]:
    """The warning lines of a build's output (labelled 'waarschuwing'; 'WARNING' under serve)."""
    return re.findall(r"(?m)^(?:waarschuwing|WARNING)\b.*$", output)


EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: a fixed "today" for the example


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan built once with `ivpgen build --strict`; tests only read it."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = run_ivpgen("build", "--strict", "-d", str(site), cwd=ROOT, env=EPOCH)
    assert result.code == 0, result.output
    assert not warnings_in(result.output)
    return site


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the small test plan."""
    return copy_plan(MINI, tmp_path / "plan")

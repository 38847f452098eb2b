"""Shared helpers: copies of the test plans in a temp folder, and running the real CLI."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stats import STATS

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
WIJKEN = ROOT / "tests" / "fixtures" / "wijken"
IVPGEN = [sys.executable, "-m", "ivpgen"]
STORE = ROOT / ".cache" / "ivpgen-tests"
"""One store of charts and PDFs for every build in the suite (it is content-addressed, so plans
never mix up): each chart and PDF is made once per run, or never on a second run. A test that
needs a store of its own (cold builds, the store itself) takes the fixture ``own_store``."""
OWN_STORE = {"IVPGEN_CACHE_DIR": ""}
"""For a subprocess: build with the plan's own store (cache_dir in its mkdocs.yml)."""


RUN_DIR = "IVPGEN_E2E_RUN"
"""The folder of this run's sites for the browser tests: made by the first pytest process (the
controller under pytest-xdist) and inherited by its workers, so a site is built once per run."""
_OWNS_RUN_DIR = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("IVPGEN_CACHE_DIR", str(STORE))
    if RUN_DIR not in os.environ:
        os.environ[RUN_DIR] = tempfile.mkdtemp(prefix="ivpgen-e2e-")
        config.stash[_OWNS_RUN_DIR] = True


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(_OWNS_RUN_DIR, False):
        shutil.rmtree(os.environ.pop(RUN_DIR), ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker hands its browser-test counts to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["e2e_stats"] = dict(STATS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    STATS.update(getattr(node, "workeroutput", {}).get("e2e_stats", {}))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if STATS:
        line = ", ".join(f"{key} {value}" for key, value in sorted(STATS.items()))
        terminalreporter.write_line(f"e2e ({os.environ.get('IVPGEN_E2E_CONFIG', 'mkdocs.yml')}): {line}")


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


@pytest.fixture(scope="session")
def wijken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan of one municipality with five neighbourhoods (tests/fixtures/wijken), built once
    with `ivpgen build --strict`, PDFs included; tests only read it."""
    site = tmp_path_factory.mktemp("wijken") / "site"
    result = run_ivpgen("build", "--strict", "-f", str(WIJKEN / "mkdocs.yml"), "-d", str(site),
                        cwd=ROOT, env=EPOCH)
    assert result.code == 0, result.output
    assert not warnings_in(result.output)
    return site


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the small test plan."""
    return copy_plan(MINI, tmp_path / "plan")

"""What `ivpgen build` tells staff: steps, progress bars and colour on a terminal only, a summary."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from ivpgen.pipeline import Pipeline
from ivpgen.plugin import IvpgenPlugin
from tests.conftest import IVPGEN, Result, run_ivpgen

STEPS = ["1/5 Instellingen controleren (mkdocs.yml)", "2/5 Inhoud controleren",
         "3/5 Grafieken tekenen", "4/5 Samenvattingen maken (pdf) – overgeslagen",
         "5/5 Pagina's schrijven"]
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-79]|9[0-7]|38;[0-9;]+)m")
"""An ANSI escape that sets a text colour (bold and reset are not colour)."""
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SUMMARY = re.compile(r"Klaar in \d+,\d s\. De site staat in site/\n"
                     r"  Pagina's +(\d+)\n"
                     r"  Grafieken +(\d+) grafieken, (\d+) opnieuw getekend, (\d+) uit de cache "
                     r"\(\d+,\d s\)\n"
                     r"  Samenvattingen +niet gemaakt \(pdf: false in mkdocs\.yml\)\n"
                     r"  Waarschuwingen +0\n"
                     r"  Map +site/\n"
                     r"  Tijd +\d+,\d s\n")


def run_in_terminal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run `ivpgen` with a pseudo-terminal as its standard output and error, as in a terminal."""
    leader, follower = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "100", **(env or {})})
    proc = subprocess.Popen([*IVPGEN, *args], cwd=cwd, env=environment, stdin=follower,
                            stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    output, deadline = b"", time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif proc.poll() is not None:
            break
    os.close(leader)
    return Result(proc.wait(timeout=10), output.decode("utf-8", "replace").replace("\r\n", "\n"))


def chart_count(plan: Path) -> str:
    """How many charts the plan has, as the pipeline counts them."""
    config = load_config(str(plan / "mkdocs.yml"))
    plugin = config.plugins["ivpgen"]
    assert isinstance(plugin, IvpgenPlugin)
    outcome = Pipeline().check(plugin.settings(config, get_files(config)))
    assert outcome.catalog is not None, outcome.problems
    return str(len(outcome.catalog.charts))


def plain(output: str) -> str:
    """What a reader sees: escapes removed, each redrawn line (\\r) reduced to its last state."""
    lines = [line.rsplit("\r", 1)[-1] for line in ESCAPE.sub("", output).split("\n")]
    return "\n".join(lines)


def test_on_a_terminal_steps_progress_bars_colour_and_summary(mini: Path, own_store: None) -> None:
    result = run_in_terminal("build", cwd=mini)
    assert result.code == 0, result.output
    assert COLOUR.search(result.output), "colour on a terminal"
    charts = chart_count(mini)
    bars = re.findall(r"Grafieken \S*━+\S* \S*(\d+)/(\d+)", result.output)
    assert bars and {total for _done, total in bars} == {charts}, "a progress bar for the charts"
    text = plain(result.output)
    for step in STEPS:
        assert step in text
    summary = SUMMARY.search(text)
    assert summary, text
    assert summary.groups()[1:] == (charts, charts, "0"), "a cold build draws every chart"


def test_in_a_log_no_colour_no_bars_the_same_steps_and_summary(mini: Path,
                                                              own_store: None) -> None:
    assert run_ivpgen("build", cwd=mini).code == 0  # the charts are in the store now
    result = run_ivpgen("build", cwd=mini)
    assert result.code == 0, result.output
    assert "\x1b[" not in result.output and "━" not in result.output
    lines = result.output.splitlines()
    assert [line for line in lines if re.match(r"\d/5 ", line)] == [
        *STEPS[:3], STEPS[3] + " (pdf: false in mkdocs.yml)", STEPS[4]]
    summary = SUMMARY.search(result.output)
    assert summary, result.output
    charts = chart_count(mini)
    assert summary.groups()[1:] == (charts, "0", charts), "a warm build takes every chart from the cache"
    assert "Cleaning site directory" not in result.output
    assert "Documentation built in" not in result.output


def test_no_colour_with_no_color_even_on_a_terminal(mini: Path) -> None:
    result = run_in_terminal("build", cwd=mini, env={"NO_COLOR": "1"})
    assert result.code == 0, result.output
    assert not COLOUR.search(result.output), "NO_COLOR: no colour"
    assert SUMMARY.search(plain(result.output))


def test_quiet_shows_nothing_but_errors(mini: Path) -> None:
    result = run_in_terminal("build", "--quiet", cwd=mini)
    assert result.code == 0
    assert plain(result.output).strip() == ""
    theme = mini / "content" / "thema" / "inbraak.md"
    theme.write_text(theme.read_text().replace("status: lopend", "status: bezig", 1))
    failed = run_ivpgen("build", "-q", cwd=mini)
    assert failed.code == 2
    lines = failed.output.splitlines()
    assert lines[0].startswith("fout  content/thema/inbraak.md:")
    assert all(line.startswith(("fout  ", "Fout: ")) for line in lines), failed.output


def test_verbose_keeps_the_engines_own_lines(mini: Path) -> None:
    result = run_ivpgen("build", "--verbose", cwd=mini)
    assert result.code == 0, result.output
    assert "Cleaning site directory" in result.output
    assert "Documentation built in" in result.output
    assert SUMMARY.search(result.output)


def test_warnings_are_labelled_in_dutch_and_counted(mini: Path) -> None:
    page = mini / "content" / "meedoen.md"
    page.write_text(page.read_text() + "\nZie [de bronnen](bronnen-weg.md).\n")
    result = run_ivpgen("build", cwd=mini)
    assert result.code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("waarschuwing  ")]
    assert warnings and "content/meedoen.md:" in warnings[0]
    assert re.search(rf"(?m)^  Waarschuwingen +{len(warnings)}$", result.output)

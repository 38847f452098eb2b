"""`ivpgen serve`: live preview for staff. An open page reloads by itself, under the site's
Content-Security-Policy, after a change to a Markdown page, a template or a CSV data file."""

from __future__ import annotations

import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import LOCAL_HOST, copy_mini, free_port, is_external, ivpgen_command

pytestmark = pytest.mark.browser

RELOAD_TIMEOUT_MS = 30_000
START_TIMEOUT_S = 60


@dataclass
class Preview:
    plan: Path
    base_url: str
    log: Path


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`ivpgen serve` stopped with exit {proc.returncode}:\n"
                        f"{log.read_text(encoding='utf-8', errors='replace')}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    pytest.fail(f"`ivpgen serve` did not answer on {url} within {START_TIMEOUT_S} s:\n"
                f"{log.read_text(encoding='utf-8', errors='replace')}", pytrace=False)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    """`ivpgen serve` on a copy of the mini plan with its own copy of home.html."""
    plan = tmp_path / "plan"
    config = copy_mini(plan, own_templates=True)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*ivpgen_command(), "serve", "-f", str(config),
                                 "-a", f"{LOCAL_HOST}:{port}"],
                                cwd=plan, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        base_url = f"http://{LOCAL_HOST}:{port}/"
        _wait_until_up(base_url, proc, log)
        yield Preview(plan, base_url, log)
    finally:
        # Ctrl+C, as staff would stop it: MkDocs then removes its temporary site folder.
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: '{old}' not found; the mini fixture changed"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _mark(page: Any) -> None:
    """A flag that only lives until the page is loaded anew."""
    page.evaluate("() => { window.__notReloaded = true; }")


def _wait_for_reload_showing(page: Any, text: str, what: str, log: Path) -> None:
    try:
        page.wait_for_function(
            """text => !window.__notReloaded && document.body &&
                       document.body.innerText.includes(text)""",
            arg=text, timeout=RELOAD_TIMEOUT_MS, polling=200)
    except Exception as exc:  # Playwright's TimeoutError
        still_old = page.evaluate("() => !!window.__notReloaded")
        pytest.fail(f"after {what}, the open page {page.url} did not "
                    f"{'reload' if still_old else 'show the change'} within "
                    f"{RELOAD_TIMEOUT_MS // 1000} s ({exc.__class__.__name__}); server log:\n"
                    f"{log.read_text(encoding='utf-8', errors='replace')[-3000:]}", pytrace=False)


def test_open_page_reloads_after_edits(browser: Any, preview: Preview) -> None:
    context = browser.new_context()
    context.route(lambda url: is_external(url), lambda route: route.abort())
    console: list[str] = []
    external: list[str] = []
    try:
        home = context.new_page()
        figures = context.new_page()
        for page in (home, figures):
            page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}")
                    if msg.type == "error" else None)
            page.on("request", lambda req: external.append(req.url)
                    if is_external(req.url) else None)
        home.goto(preview.base_url, wait_until="load")
        figures.goto(preview.base_url + "cijfers/inbraken/", wait_until="load")

        # Live reload is MkDocs' inline script; the CSP allows inline scripts only in serve mode.
        html = home.content()
        assert "livereload(" in html, "MkDocs did not inject its live reload script"
        assert "'unsafe-inline'" in html, "serve mode should allow MkDocs' inline script"
        assert not console, f"the preview page has console errors (CSP?):\n{console}"

        # (a) A Markdown page.
        _mark(home)
        _edit(preview.plan / "content" / "index.md", "Welkom bij het testplan.",
              "Welkom bij het testplan. Bewerkt in Markdown.")
        _wait_for_reload_showing(home, "Bewerkt in Markdown.", "an edit of content/index.md",
                                 preview.log)

        # (b) A template (the plan's own override of home.html, in its custom_dir).
        _mark(home)
        _edit(preview.plan / "overrides" / "home.html", "{% block content %}",
              '{% block content %}\n<p class="e2e-marker">Sjabloon bewerkt.</p>')
        _wait_for_reload_showing(home, "Sjabloon bewerkt.", "an edit of overrides/home.html",
                                 preview.log)

        # (c) The CSV data file: the indicator's page shows the new value in its table.
        table = figures.locator("table.figures")
        assert "8,7" not in table.inner_text()
        _mark(figures)
        _mark(home)
        _edit(preview.plan / "content" / "data" / "inbraken.csv", "teststad;2024;2,5",
              "teststad;2024;8,7")
        _wait_for_reload_showing(figures, "8,7", "an edit of content/data/inbraken.csv",
                                 preview.log)
        assert "8,7" in figures.locator("table.figures").inner_text()
        home.wait_for_function("() => !window.__notReloaded", timeout=RELOAD_TIMEOUT_MS)

        assert not console, f"console errors while reloading (CSP?):\n{console}"
        assert not external, f"the preview made requests to other hosts: {external}"
    finally:
        context.close()

"""The browser checks can fail: a copy of the mini plan with a deliberately broken page must be
caught by axe-core, the Nu HTML Checker and the request recorder, each naming the page and rule.
And ivpgen itself refuses a house style whose main colour has too little contrast."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import (
    TEMPLATES,
    AxeScript,
    Served,
    StaticServer,
    copy_mini,
    describe_violations,
    is_external,
    missing,
    page_url,
    run_axe,
    run_ivpgen,
    vnu_jar,
)

pytestmark = pytest.mark.browser

BROKEN_PAGE = "kapot/index.html"
LOW_CONTRAST = "#c8c8c8"  # 1.7:1 on white
EXTERNAL_IMAGE = "https://example.org/teller.png"  # recorded, then aborted by the test browser
BROKEN_MARKDOWN = f"""---
title: Kapotte pagina
---
# Kapotte pagina

Een plaatje zonder alternatieve tekst:

<img src="x.png">

#### Een overgeslagen kopniveau

<p style="color: {LOW_CONTRAST}">Lichtgrijze tekst op wit is slecht leesbaar.</p>
"""
# ivpgen refuses an image from another host in content/, so the tracking pixel comes in through a
# theme override: the request recorder must still catch what slips past the build.
TRACKER = f'<img src="{EXTERNAL_IMAGE}" alt="Bezoekersteller">'



@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    plan = tmp_path_factory.mktemp("kapot") / "plan"
    config = copy_mini(plan)
    (plan / "content" / "kapot.md").write_text(BROKEN_MARKDOWN, encoding="utf-8")
    overrides = plan / "overrides"
    overrides.mkdir()
    main = (TEMPLATES / "main.html").read_text(encoding="utf-8")
    assert "{{ page.content|written }}" in main
    (overrides / "main.html").write_text(main.replace("{{ page.content|written }}",
                                                      "{{ page.content|written }}\n" + TRACKER))
    config.write_text(config.read_text().replace("  name: ivpgen\n",
                                                 "  name: ivpgen\n  custom_dir: overrides\n"))
    site_dir = plan.parent / "site"
    proc = run_ivpgen("build", "-f", str(config), "-d", str(site_dir), cwd=plan)
    assert proc.returncode == 0, f"the broken page should still build:\n{proc.stdout}{proc.stderr}"
    assert (site_dir / BROKEN_PAGE).is_file()
    with StaticServer(site_dir) as served:
        yield served


def _open(browser: Any, served: Served, **context_args: Any) -> tuple[Any, Any, list[str],
                                                                     list[str]]:
    context = browser.new_context(**context_args)
    context.route(lambda url: is_external(url), lambda route: route.abort())
    page = context.new_page()
    requests: list[str] = []
    console: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
    page.goto(page_url(served.base_url, BROKEN_PAGE), wait_until="networkidle")
    return context, page, requests, console


def test_axe_names_the_broken_page_and_rules(browser: Any, broken_site: Served,
                                             axe_js: AxeScript) -> None:
    context, page, requests, console = _open(browser, broken_site)
    try:
        violations = run_axe(page, axe_js)["violations"]
        report = describe_violations(BROKEN_PAGE, violations)
        rules = {v["id"] for v in violations}
        assert {"image-alt", "heading-order"} <= rules, report
        for rule in ("image-alt", "heading-order"):
            assert f"{BROKEN_PAGE}: axe rule '{rule}'" in report
        # The site's Content-Security-Policy (style-src 'self') drops the inline style, so on the
        # real site the grey text is not grey and axe rightly finds no contrast problem ...
        colour = page.evaluate("() => getComputedStyle(document.querySelector('p[style]')).color")
        assert colour != "rgb(200, 200, 200)", "the CSP should have blocked the inline style"
        assert "color-contrast" not in rules
        # ... and the per-page console check reports the blocked style as an error.
        assert any("Content Security Policy" in line for line in console), console
        # The request recorder sees the image on another host.
        assert EXTERNAL_IMAGE in [url for url in requests if is_external(url)], requests
    finally:
        context.close()


def test_axe_reports_low_contrast(browser: Any, broken_site: Served, axe_js: AxeScript) -> None:
    """With CSP enforcement off, the inline style applies: axe's contrast rule must fire."""
    context, page, _, _ = _open(browser, broken_site, bypass_csp=True)
    try:
        colour = page.evaluate("() => getComputedStyle(document.querySelector('p[style]')).color")
        assert colour == "rgb(200, 200, 200)"
        violations = run_axe(page, axe_js)["violations"]
        report = describe_violations(BROKEN_PAGE, violations)
        assert {"image-alt", "heading-order", "color-contrast"} <= {v["id"] for v in violations}
        assert f"{BROKEN_PAGE}: axe rule 'color-contrast'" in report
    finally:
        context.close()


def test_vnu_names_the_broken_page(broken_site: Served) -> None:
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        missing("vnu.jar or Java is not installed")
    assert jar is not None and java is not None
    page = broken_site.root / BROKEN_PAGE
    proc = subprocess.run([java, "-jar", str(jar), "--format", "json", "--errors-only", str(page)],
                          capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(proc.stderr)["messages"]
    texts = [m["message"] for m in messages if m["type"] == "error"]
    assert proc.returncode != 0
    assert all(m["url"].endswith(BROKEN_PAGE) for m in messages)
    assert any("alt" in text and "img" in text for text in texts), texts
    assert any("heading" in text and "skipping" in text for text in texts), texts


def test_low_contrast_primary_colour_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    config = copy_mini(plan)
    text = config.read_text(encoding="utf-8")
    assert "  - ivpgen:\n" in text
    config.write_text(text.replace("  - ivpgen:\n", '  - ivpgen:\n      primary_colour: "#ffdd00"\n'),
                      encoding="utf-8")
    site_dir = tmp_path / "site"
    proc = run_ivpgen("build", "-f", str(config), "-d", str(site_dir), cwd=plan)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "contrast" in output and "#ffdd00" in output, output
    assert "Traceback" not in output
    assert not site_dir.exists()

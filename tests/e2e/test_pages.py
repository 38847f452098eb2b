"""Every page of the built site, in a real headless Chromium: accessible (axe-core, WCAG 2.1 AA
and best practice), valid HTML (Nu HTML Checker), no request to another host, readable without
JavaScript, usable by keyboard, reflows at 320 px and 200% zoom, and prints sensibly.

Each test runs once per HTML page (see conftest.pytest_generate_tests) and opens the page once
in one kind of browser (a desktop, a phone, no JavaScript, a narrow or zoomed window), running
every check that needs that browser on the same load: a page load is the expensive part, and a
failure still names the page and every rule that failed, not only the first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.charts import chart_text_checked
from tests.e2e.conftest import (
    BuiltSite,
    Opened,
    count_tables,
    describe_violations,
    is_external,
    run_axe,
)
from tests.e2e.stats import STATS

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Opened]

# Keyboard focus: how many Tab stops are followed per page at most.
MAX_TAB_STOPS = 80


def test_on_a_desktop(page_path: str, open_page: OpenPage, axe_js: str, site: BuiltSite) -> None:
    """At 1280 px: no request to another host, no console error, no axe-core violation, chart
    text of at least 12 px, a visible focus on every Tab stop, a working skip link, and a
    print style that hides the menu and prints the addresses of external links."""
    opened = open_page(page_path, wait_until="networkidle")
    charts = chart_text_checked(page_path, opened.page, 1280, site)  # loads every lazy image too
    problems = [*charts, *requests_checked(page_path, opened),
                *axe_checked(page_path, opened.page, axe_js), *focus_checked(page_path, opened.page)]
    opened.page.reload()
    problems += [*skip_link_checked(page_path, opened.page), *print_checked(page_path, opened.page)]
    assert not problems, "\n".join(problems)


def axe_checked(page_path: str, page: Any, axe_js: str) -> list[str]:
    result = run_axe(page, axe_js)
    violations = result["violations"]
    STATS["axe: pages checked"] += 1
    STATS["axe: violations"] += sum(len(v["nodes"]) for v in violations)
    if not violations:
        return []
    return [f"{page_path}: axe-core found {len(violations)} rule(s) violated:\n"
            + describe_violations(page_path, violations)]


def test_valid_html(site: BuiltSite, vnu_errors: dict[str, list[str]]) -> None:
    """The Nu HTML Checker over every page at once (one Java start for the whole site)."""
    STATS["vnu: pages checked"] += len(vnu_errors)
    STATS["vnu: errors"] += sum(len(errors) for errors in vnu_errors.values())
    found = [f"{page}: the Nu HTML Checker found {len(errors)} error(s):\n    " + "\n    ".join(errors)
             for page, errors in vnu_errors.items() if errors]
    assert not found, "\n".join(found)


def requests_checked(page_path: str, opened: Opened) -> list[str]:
    """No request to another host (those are never cached, so a shared browser cache hides
    none), and no console error (a Content-Security-Policy violation or a missing file)."""
    STATS["requests: pages checked"] += 1
    STATS["requests: to 127.0.0.1"] += len(opened.requests) - len(opened.external)
    STATS["requests: to other hosts"] += len(opened.external)
    problems = []
    if not opened.requests:
        problems.append(f"{page_path}: no request recorded at all, the recorder is broken")
    if opened.external:
        problems.append(f"{page_path}: requests to hosts other than 127.0.0.1 (no third-party "
                        "requests):\n    " + "\n    ".join(opened.external))
    if opened.console_errors:
        problems.append(f"{page_path}: errors in the browser console (a Content-Security-Policy "
                        "violation or a missing file):\n    " + "\n    ".join(opened.console_errors))
    return problems


def test_works_without_javascript(page_path: str, page_file: Path, open_page: OpenPage) -> None:
    page = open_page(page_path, java_script_enabled=False).page
    h1 = page.locator("h1")
    assert h1.count() == 1, f"{page_path}: without JavaScript, expected one h1, found {h1.count()}"
    assert h1.is_visible() and h1.inner_text().strip(), (
        f"{page_path}: without JavaScript, the h1 is not visible or empty")
    main = page.locator("main#inhoud")
    assert main.count() == 1 and main.is_visible(), (
        f"{page_path}: without JavaScript, main#inhoud is not visible")
    text = main.inner_text().strip()
    assert len(text) > len(h1.inner_text().strip()), (
        f"{page_path}: without JavaScript, the main content shows nothing but its heading")
    expected_tables = count_tables(page_file)
    # A table in a closed <details> (a chart's data) opens without JavaScript: open them all.
    # (On a wide screen the menu's <details> shows its content without a visible summary.)
    closed = page.locator("details:not([open]) > summary:visible")
    for _ in range(closed.count()):
        closed.first.click(timeout=5000)
    assert page.locator("details:not([open]) > summary:visible").count() == 0, (
        f"{page_path}: without JavaScript, a <details> does not open")
    tables = page.locator("table")
    visible = sum(1 for i in range(tables.count()) if tables.nth(i).is_visible())
    STATS["no-JS: pages checked"] += 1
    STATS["no-JS: tables shown"] += visible
    assert visible == expected_tables, (
        f"{page_path}: without JavaScript, {visible} of the {expected_tables} tables in the HTML "
        "are shown (after opening every <details>)")


def skip_link_checked(page_path: str, page: Any) -> list[str]:
    """The first Tab shows the skip link; Enter moves focus to the main content, and the next
    Tab stays inside it."""
    page.keyboard.press("Tab")
    first = page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        return {tag: el.tagName, cls: el.className, href: el.getAttribute('href'),
                text: el.textContent.trim(), inView: r.top >= 0 && r.left >= 0 &&
                r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0};
    }""")
    if first["tag"] != "A" or "skip-link" not in first["cls"].split():
        return [f"{page_path}: the first Tab focuses {first}, not the skip link"]
    problems = []
    if first["href"] != "#inhoud":
        problems.append(f"{page_path}: the skip link points at {first['href']}")
    if not first["inView"]:
        problems.append(f"{page_path}: the focused skip link is not visible in the viewport")
    page.keyboard.press("Enter")
    focused = page.evaluate("""() => new Promise(resolve => requestAnimationFrame(() =>
        requestAnimationFrame(() => resolve(document.activeElement && document.activeElement.id))))""")
    if focused != "inhoud":
        problems.append(f"{page_path}: Enter on the skip link moves focus to #{focused}, not to "
                        "#inhoud")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "() => !!document.activeElement.closest('#inhoud') || "
        "document.activeElement.compareDocumentPosition(document.getElementById('inhoud')) & "
        "Node.DOCUMENT_POSITION_PRECEDING")
    if not inside:
        problems.append(f"{page_path}: after the skip link, Tab goes back before the main content")
    return problems


UNFOCUSED_JS = """ids => ids.map(id => {
    const s = getComputedStyle(document.querySelector(`[data-e2e-stop="${id}"]`));
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow};
})"""
"""The focus styles of the Tab stops, read in one call once nothing has focus."""


def _transparent(colour: str) -> bool:
    """rgba(r, g, b, 0) or transparent, as getComputedStyle writes colours."""
    if colour == "transparent":
        return True
    if colour.startswith("rgba("):
        return float(colour[5:-1].split(",")[-1]) == 0
    return False


def _describe(element: dict[str, Any]) -> str:
    return f"<{element['tag'].lower()}> '{element['text'][:40]}' ({element['href'] or 'no href'})"


RECORD_FOCUS_JS = """() => {
    window.__e2eStops = [];
    document.addEventListener('focusin', event => {
        const el = event.target;
        if (!el.dataset.e2eStop) el.dataset.e2eStop = String(window.__e2eStops.length);
        const s = getComputedStyle(el);
        window.__e2eStops.push({
            id: el.dataset.e2eStop, tag: el.tagName, href: el.getAttribute('href'),
            text: (el.textContent || el.getAttribute('aria-label') || '').trim(),
            outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow,
            focusVisible: el.matches(':focus-visible')});
    }, true);
    // Elements a keyboard can reach: shown (not in a closed <details>, not display: none) and
    // not taken out of the tab order (tabindex="-1").
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const inClosedDetails = el => {
        const closed = el.parentElement && el.parentElement.closest('details:not([open])');
        const summary = closed && closed.querySelector(':scope > summary');
        return Boolean(closed) && !(summary && summary.contains(el));
    };
    return [...document.querySelectorAll(focusable)]
        .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0 && !inClosedDetails(el))
        .length;
}"""


def focus_checked(page_path: str, page: Any) -> list[str]:
    """Tab through the whole page; every stop must show an outline or shadow that it does not
    show unfocused (WCAG 2.4.7), and Tab must reach what a keyboard can reach."""
    candidates = page.evaluate(RECORD_FOCUS_JS)
    for _ in range(min(candidates, MAX_TAB_STOPS) + 1):
        page.keyboard.press("Tab")
    recorded: list[dict[str, Any]] = page.evaluate("() => window.__e2eStops")
    stops: list[dict[str, Any]] = []
    for stop in recorded:  # until focus comes round to the first stop again
        if any(seen["id"] == stop["id"] for seen in stops):
            break
        stops.append(stop)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.mouse.move(0, 0)  # no hover style either
    STATS["focus: tab stops checked"] += len(stops)
    if not stops:
        return [f"{page_path}: Tab reaches no element at all"]
    problems = []
    if stops[0]["href"] != "#inhoud":
        problems.append(f"{page_path}: the first tab stop is {stops[0]}")
    if len(stops) < min(candidates, MAX_TAB_STOPS) - 5:
        problems.append(f"{page_path}: Tab reached only {len(stops)} of about {candidates} "
                        "focusable elements")
    unfocused_styles = page.evaluate(UNFOCUSED_JS, [stop["id"] for stop in stops])
    unseen = []
    for stop, unfocused in zip(stops, unfocused_styles, strict=True):
        outline = (stop["outlineStyle"] not in ("none", "hidden") and stop["outlineWidth"] >= 1
                   and not _transparent(stop["outlineColor"]))
        shadow = stop["boxShadow"] not in ("none", "")
        focused = {k: stop[k] for k in ("outlineStyle", "outlineWidth", "outlineColor", "boxShadow")}
        if not (outline or shadow):
            unseen.append(f"{_describe(stop)}: no outline or box-shadow when focused {focused}")
        elif focused == unfocused:
            unseen.append(f"{_describe(stop)}: looks the same focused and unfocused {focused}")
        elif not stop["focusVisible"]:
            unseen.append(f"{_describe(stop)}: keyboard focus does not match :focus-visible")
    if unseen:
        problems.append(f"{page_path}: focus not visible (WCAG 2.4.7) on:\n    " + "\n    ".join(unseen))
    return problems


# The elements that stick out of the viewport sideways, unless ``allowed(el)`` excuses them.
STICKING_OUT_JS = """
    const vw = document.documentElement.clientWidth, bad = [];
    for (const el of document.body.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        if (s.display === 'none' || s.visibility === 'hidden') continue;
        // The content of a closed <details> is not shown (Chromium keeps its last layout).
        const closed = el.closest('details:not([open])');
        if (closed && !el.closest('summary')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if ((r.right > vw + 1 || r.left < -1) && !allowed(el)) {
            const cls = typeof el.className === 'string' && el.className ? ' class=' + el.className : '';
            bad.push(`<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${cls}> from ` +
                     `${Math.round(r.left)} to ${Math.round(r.right)} px: ` +
                     `"${el.textContent.trim().slice(0, 40)}"`);
        }
    }
"""

OVERFLOW_JS = """() => {
    const doc = document.documentElement;
    const allowed = el => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
""" + STICKING_OUT_JS + """
    return {vw, scrollWidth: doc.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
            bodyClientWidth: document.body.clientWidth, bad: bad.slice(0, 10),
            badCount: bad.length};
}"""


def reflow_checked(page_path: str, page: Any, width: int) -> list[str]:
    """WCAG 1.4.10: no horizontal page scroll at ``width`` CSS px. Tables may scroll inside
    their own box, nothing else."""
    page.set_viewport_size({"width": width, "height": 720})
    result = page.evaluate(OVERFLOW_JS)
    STATS[f"reflow: pages checked at {width} px"] += 1
    problems = []
    if result["scrollWidth"] > width:
        problems.append(f"{page_path}: at {width} CSS px the page scrolls sideways (scrollWidth "
                        f"{result['scrollWidth']})")
    if result["bodyScrollWidth"] > result["bodyClientWidth"]:
        problems.append(f"{page_path}: at {width} CSS px the body's content is wider than the "
                        f"body ({result['bodyScrollWidth']} > {result['bodyClientWidth']})")
    if result["bad"]:
        problems.append(f"{page_path}: at {width} CSS px {result['badCount']} element(s) stick "
                        "out of the page (WCAG 1.4.10 reflow):\n    " + "\n    ".join(result["bad"]))
    return problems


def print_checked(page_path: str, page: Any) -> list[str]:
    """Printed, the menu is hidden and every external link shows its address."""
    nav = page.locator(".site-nav")
    if not (nav.count() == 1 and nav.is_visible()):
        return [f"{page_path}: no visible .site-nav on screen"]
    page.emulate_media(media="print")
    problems = []
    if nav.is_visible():
        problems.append(f"{page_path}: the site menu (.site-nav) is printed")
    links = page.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .filter(a => a.getClientRects().length > 0)
        .map(a => ({href: a.href, raw: a.getAttribute('href'), text: a.textContent.trim(),
                    after: getComputedStyle(a, '::after').content}))""")
    page.emulate_media(media="screen")
    external = [link for link in links if link["raw"].startswith(("http:", "https:"))
                and is_external(link["href"])]
    STATS["print: pages checked"] += 1
    STATS["print: external links checked"] += len(external)
    hidden = [f"'{link['text']}' -> {link['raw']} (::after is {link['after']})"
              for link in external if link["raw"] not in link["after"]]
    if hidden:
        problems.append(f"{page_path}: printed external links do not show their address:\n    "
                        + "\n    ".join(hidden))
    return problems


PHONE_JS = """() => {
    // The nearest ancestor that scrolls sideways must be a named region with a tab stop.
    const allowed = el => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (s.overflowX === 'auto' || s.overflowX === 'scroll') {
                const named = (p.getAttribute('aria-label') || '').trim() ||
                    (p.getAttribute('aria-labelledby') &&
                     document.getElementById(p.getAttribute('aria-labelledby')));
                return p.getAttribute('role') === 'region' && !!named && p.tabIndex >= 0;
            }
        }
        return false;
    };
""" + STICKING_OUT_JS + """
    const h1 = document.querySelector('h1');
    return {vw, bad: bad.slice(0, 10), badCount: bad.length,
            h1Top: h1 ? h1.getBoundingClientRect().top + window.scrollY : null,
            mainTop: document.getElementById('inhoud').getBoundingClientRect().top + window.scrollY};
}"""


def test_on_a_phone(page_path: str, open_page: OpenPage, site: BuiltSite) -> None:
    """On a 375 x 812 phone the h1 starts within the first 400 px (a compact header, a folded
    menu), nothing is wider than the screen except inside a labelled scroll region, and chart
    text is at least 12 px; at 320 and 640 CSS px nothing scrolls sideways."""
    page = open_page(page_path, viewport={"width": 375, "height": 812}).page
    result = page.evaluate(PHONE_JS)
    STATS["phone: pages checked at 375 px"] += 1
    problems = []
    if result["h1Top"] is None:
        problems.append(f"{page_path}: no h1")
    elif result["h1Top"] > 400:
        problems.append(f"{page_path}: at 375 px the h1 starts at {result['h1Top']:.0f} px (main "
                        f"at {result['mainTop']:.0f} px); it must start within the first 400 px")
    if result["bad"]:
        problems.append(f"{page_path}: at 375 px {result['badCount']} element(s) are wider than "
                        "the screen outside a labelled, focusable scroll region:\n    "
                        + "\n    ".join(result["bad"]))
    problems += chart_text_checked(page_path, page, 375, site)
    # Reflow (WCAG 1.4.10) at 320 px, and at 1280 px zoomed to 200%: 640 CSS px (the layout
    # depends on CSS pixels only, so the same page is resized rather than loaded again).
    problems += [*reflow_checked(page_path, page, 320), *reflow_checked(page_path, page, 640)]
    assert not problems, "\n".join(problems)

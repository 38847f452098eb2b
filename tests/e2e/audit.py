"""`make audit`: check every page of site/ like the e2e suite does and write a readable report.

For staff to attach to their accessibility statement: per page the axe-core violations
(WCAG 2.1 A/AA and best practice), Nu HTML Checker errors, page weight and requests to other
hosts. Run: .venv/bin/python -m tests.e2e.audit [site] [report.md]
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.e2e.conftest import (
    AXE_TAGS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_HOST,
    StaticServer,
    axe_source,
    html_pages,
    page_url,
    run_vnu,
    vnu_jar,
)


def html_errors(site: Path, pages: list[str]) -> dict[str, list[str]]:
    """Nu HTML Checker errors per page, from one run over all pages."""
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        return {page: ["(niet gecontroleerd: vnu.jar of Java ontbreekt)"] for page in pages}
    return {page: [f"regel {m.get('lastLine', '?')}: {m.get('message')}" for m in messages]
            for page, messages in run_vnu(java, jar, site, pages).items()}


def audit_page(context: Any, url: str, axe_js: str) -> dict[str, Any]:
    """Load one page, record its requests and size, and run axe-core on it."""
    page = context.new_page()
    requests: list[str] = []
    sizes: list[int] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: sizes.append(len(response.body())) if response.ok else None)
    page.goto(url, wait_until="networkidle")
    page.evaluate(axe_js)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           AXE_TAGS)
    page.close()
    external = [r for r in requests if not r.startswith(f"http://{LOCAL_HOST}")]
    violations = [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(en)"
                  for v in result["violations"]]
    return {"violations": violations, "external": external, "bytes": sum(sizes),
            "requests": len(requests)}


def report(site: Path, results: dict[str, dict[str, Any]], errors: dict[str, list[str]]) -> str:
    total_v = sum(len(r["violations"]) for r in results.values())
    total_e = sum(len(e) for e in errors.values())
    total_x = sum(len(r["external"]) for r in results.values())
    lines = [
        "# Toegankelijkheidsrapport", "",
        f"Gemaakt op {dt.date.today():%d-%m-%Y} door `make audit` voor de site in `{site}`.", "",
        f"- Pagina's gecontroleerd: {len(results)}",
        f"- Problemen volgens axe-core (WCAG 2.1 A en AA, plus best practices): {total_v}",
        f"- Fouten volgens de Nu HTML Checker: {total_e}",
        f"- Verzoeken naar andere websites: {total_x}", "",
        "Automatische controles vinden ongeveer een derde van de toegankelijkheidsproblemen. "
        "Laat daarnaast een deskundige de site handmatig beoordelen (WCAG-EM).", "",
        "| pagina | axe | HTML | gewicht (kB) | verzoeken | andere websites |",
        "|---|---|---|---|---|---|",
    ]
    for page, r in results.items():
        lines.append(f"| {page} | {len(r['violations'])} | {len(errors[page])} | "
                     f"{r['bytes'] / 1000:.0f} | {r['requests']} | {len(r['external'])} |")
    for page, r in results.items():
        found = r["violations"] + errors[page] + [f"verzoek naar {u}" for u in r["external"]]
        if found:
            lines += ["", f"## {page}", ""] + [f"- {item}" for item in found]
    return "\n".join(lines) + "\n"


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    target = Path(sys.argv[2] if len(sys.argv) > 2 else "audit/toegankelijkheid.md")
    axe_js = axe_source()
    if axe_js is None or not CHROMIUM.exists() or not site.is_dir():
        print("audit: nodig zijn site/ (make site), Chromium en axe-core (make test installeert ze)")
        return 2
    pages = html_pages(site)
    with StaticServer(site) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        results = {page: audit_page(context, page_url(served.base_url, page), axe_js)
                   for page in pages}
        browser.close()
    errors = html_errors(site, pages)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report(site, results, errors), encoding="utf-8")
    problems = sum(len(r["violations"]) + len(r["external"]) for r in results.values())
    problems += sum(len(e) for e in errors.values())
    print(f"audit: {len(pages)} pagina's, {problems} problemen; rapport in {target}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

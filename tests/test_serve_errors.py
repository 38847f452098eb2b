"""`ivpgen serve` survives mistakes: a broken edit shows the problems in the page and the
terminal, the server keeps serving, and fixing the file recovers without a restart."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import IVPGEN

INBRAAK = "content/thema/inbraak.md"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(check: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def server(mini: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    port = _free_port()
    proc = subprocess.Popen([*IVPGEN, "serve", "-a", f"127.0.0.1:{port}"], cwd=mini, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: "Teststad" in _get(url)), "serve did not start"
        yield mini, url, proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _edit(plan: Path, old: str, new: str) -> None:
    path = plan / INBRAAK
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_broken_edit_is_shown_and_fix_recovers(server: tuple[Path, str, subprocess.Popen[str]]) -> None:
    plan, url, proc = server
    page = url + "thema/inbraak/"
    _edit(plan, "status: lopend", "status: bezig")
    assert _wait_for(lambda: "de laatste wijziging bevat fouten" in _get(page))
    html = _get(page)
    assert "content/thema/inbraak.md:23: veld &#39;actions[0].status&#39;: &#39;bezig&#39;" in html
    assert "status--lopend" in html, "the last good version stays visible"

    _edit(plan, "status: bezig", "status: afgerond")
    assert _wait_for(lambda: "status--afgerond" in _get(page))
    assert "de laatste wijziging bevat fouten" not in _get(page)
    assert proc.poll() is None, "the server kept running"


def test_preview_that_never_built_lists_the_problems(mini: Path) -> None:
    _edit(mini, "status: lopend", "status: bezig")
    port = _free_port()
    proc = subprocess.Popen([*IVPGEN, "serve", "-a", f"127.0.0.1:{port}"], cwd=mini, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: "De inhoud bevat fouten" in _get(url))
        assert "&#39;bezig&#39; is geen geldige waarde" in _get(url)
        _edit(mini, "status: bezig", "status: lopend")
        assert _wait_for(lambda: "Woninginbraak" in _get(url))
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "content/thema/inbraak.md:23: veld 'actions[0].status'" in output
    assert "Traceback" not in output

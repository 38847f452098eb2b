"""Golden SVGs of every chart kind, byte-identical renders, and the accessible SVG structure.

The golden files in tests/golden/ are the reviewed output for tests/fixtures/charts. After a
deliberate change to the drawing code, regenerate and review them:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_charts.py
    for f in tests/golden/*.svg; do rsvg-convert -z 1.5 -b white "$f" -o "${f%.svg}.png"; done

then look at every PNG (not committed) before committing the SVGs.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.render import render
from ivpgen.check import load_and_check
from ivpgen.i18n import load_locale
from ivpgen.style import Style
from ivpgen.views import SiteView
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "charts" / "content"
GOLDEN = ROOT / "tests" / "golden"
STYLE = Style("#1f4e79", "#f2b705", "#1a1a1a", "system-ui, Arial, sans-serif", None)
SVG = "{http://www.w3.org/2000/svg}"
# One chart of every kind (two of status: per priority, and stacked for the plan).
KINDS = {
    "trend": "trend-inbraken",
    "doel": "doel-minder-inbraken",
    "doel (hoger is beter)": "doel-meer-meldingen",
    "vergelijking": "vergelijking-inbraken",
    "status per speerpunt": "status-woninginbraak",
    "status van het plan": "status-plan",
    "tijdlijn": "tijdlijn",
    "partners": "partners",
    "velden": "velden",
}


def fixture_catalog() -> Catalog:
    pages = [p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*.md")]
    loaded, warnings = load_and_check(FIXTURE, pages)
    assert not [w for w in warnings if w.severity == "error"]
    return Catalog(SiteView(loaded.content), load_locale("nl"), STYLE)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return fixture_catalog()


@pytest.mark.parametrize("chart_id", KINDS.values(), ids=KINDS.keys())
def test_golden_svg(catalog: Catalog, chart_id: str) -> None:
    svg = render(catalog.charts[chart_id], strict=True)
    golden = GOLDEN / f"{chart_id}.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(svg, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert svg == golden.read_text(encoding="utf-8"), (
        f"{chart_id} differs from its golden file; if the change is intended, regenerate and "
        "review (see the module docstring)")


def test_two_renders_are_identical(catalog: Catalog) -> None:
    for chart in catalog.charts.values():
        assert render(chart) == render(chart), chart.id


DIGEST_SCRIPT = """
import hashlib
from ivpgen.charts.render import render
from tests.test_charts import fixture_catalog
catalog = fixture_catalog()
print(hashlib.sha256("".join(render(c) for c in catalog.charts.values()).encode()).hexdigest())
"""


def test_renders_do_not_depend_on_time_zone_or_build_time(catalog: Catalog) -> None:
    here = hashlib.sha256("".join(render(c) for c in catalog.charts.values()).encode())
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="Pacific/Kiritimati", LC_ALL="C")
    elsewhere = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT], cwd=ROOT, env=env,
                               capture_output=True, text=True, check=True, timeout=120)
    assert elsewhere.stdout.strip() == here.hexdigest()


def test_svg_is_accessible_and_self_contained(catalog: Catalog) -> None:
    for chart in catalog.charts.values():
        svg = render(chart)
        root = ET.fromstring(svg)  # noqa: S314 - our own output
        prefix = chart.prefix
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{prefix}-titel {prefix}-beschrijving"
        title, desc = root[0], root[1]
        assert (title.tag, title.get("id"), title.text) == (f"{SVG}title", f"{prefix}-titel",
                                                            chart.title)
        assert (desc.tag, desc.get("id"), desc.text) == (f"{SVG}desc", f"{prefix}-beschrijving",
                                                         chart.desc)
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)) and all(i.startswith(prefix + "-") for i in ids)
        # No inline style (blocked by the site's Content-Security-Policy) and no date.
        assert "style=" not in svg and "<style" not in svg and "<metadata" not in svg
        # Text stays text, in Dutch number format.
        assert root.iter(f"{SVG}text") and "<path d" in svg
        assert not re.search(r">\d+\.\d+<", svg), f"{chart.id}: a number with a decimal point"


def test_labels_use_the_decimal_comma(catalog: Catalog) -> None:
    svg = render(catalog.charts["doel-minder-inbraken"])
    assert ">4,8*<" in svg and "nulmeting 2022: 4,8" in svg and "doel 2026: 3,5" in svg

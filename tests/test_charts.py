"""Golden SVGs of every chart kind in every variant, byte-identical renders, and the accessible
SVG structure.

The golden files in tests/golden/ are the reviewed output for tests/fixtures/charts: <id>.svg
(wide screens), <id>.smal.svg (phones), <id>.print.svg (an A4 column). After a deliberate change
to the drawing code, regenerate them and look at every one as a reader would, at the width it
is shown at (the PNGs are not committed):

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_charts.py
    .venv/bin/python scripts/chart-png --width 640 -o /tmp/golden tests/golden/*[a-z].svg
    .venv/bin/python scripts/chart-png --width 340 -o /tmp/golden tests/golden/*.smal.svg
    .venv/bin/python scripts/chart-png --width 657 -o /tmp/golden tests/golden/*.print.svg
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.render import render
from ivpgen.charts.variants import VARIANTS, variants_of
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


def fixture_catalog(folder: Path = FIXTURE) -> Catalog:
    """The charts of a plan's content folder (the charts fixture unless another is given)."""
    pages = [p.relative_to(folder).as_posix() for p in folder.rglob("*.md")]
    loaded, warnings = load_and_check(folder, pages)
    assert not [w for w in warnings if w.severity == "error"]
    return Catalog(SiteView(loaded.content), load_locale("nl"), STYLE)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return fixture_catalog()


GOLDEN_CASES = [(chart_id, variant) for kind, chart_id in KINDS.items()
                for variant in VARIANTS if variant in variants_of(kind.split()[0])]


@pytest.mark.parametrize(("chart_id", "variant"), [(c, v.name) for c, v in GOLDEN_CASES],
                         ids=[f"{c}{v.suffix or '.breed'}" for c, v in GOLDEN_CASES])
def test_golden_svg(catalog: Catalog, chart_id: str, variant: str) -> None:
    svg = render(catalog.charts[chart_id], variant, strict=True)
    suffix = next(v.suffix for v in VARIANTS if v.name == variant)
    golden = GOLDEN / f"{chart_id}{suffix}.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(svg, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert svg == golden.read_text(encoding="utf-8"), (
        f"{chart_id} differs from its golden file; if the change is intended, regenerate and "
        "review (see the module docstring)")


def test_two_renders_are_identical(catalog: Catalog) -> None:
    for chart in catalog.charts.values():
        for variant in variants_of(chart.kind):
            assert render(chart, variant.name) == render(chart, variant.name), chart.id


DIGEST_SCRIPT = """
import hashlib
from ivpgen.charts.render import render
from ivpgen.charts.variants import VARIANTS, variants_of
from tests.test_charts import fixture_catalog
catalog = fixture_catalog()
print(hashlib.sha256("".join(render(c, "narrow") for c in catalog.charts.values()
                            if c.kind not in ("tijdlijn", "partners")).encode()).hexdigest())
"""


def test_renders_do_not_depend_on_time_zone_or_build_time(catalog: Catalog) -> None:
    here = hashlib.sha256("".join(render(c, "narrow") for c in catalog.charts.values()
                                  if c.kind not in ("tijdlijn", "partners")).encode())
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="Pacific/Kiritimati", LC_ALL="C")
    elsewhere = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT], cwd=ROOT, env=env,
                               capture_output=True, text=True, check=True, timeout=120)
    assert elsewhere.stdout.strip() == here.hexdigest()


def test_svg_is_accessible_and_self_contained(catalog: Catalog) -> None:
    for chart in catalog.charts.values():
        for variant in variants_of(chart.kind):
            svg = render(chart, variant.name)
            root = ET.fromstring(svg)  # noqa: S314 - our own output
            prefix = chart.prefix
            assert root.get("role") == "img"
            assert root.get("aria-labelledby") == f"{prefix}-titel {prefix}-beschrijving"
            title, desc = root[0], root[1]
            assert (title.tag, title.get("id"), title.text) == (f"{SVG}title", f"{prefix}-titel",
                                                                chart.title)
            assert (desc.tag, desc.get("id"), desc.text) == (f"{SVG}desc",
                                                             f"{prefix}-beschrijving", chart.desc)
            ids = [el.get("id") for el in root.iter() if el.get("id")]
            assert len(ids) == len(set(ids)) and all(i.startswith(prefix + "-") for i in ids)
            # No inline style (blocked by the site's Content-Security-Policy) and no date.
            assert "style=" not in svg and "<style" not in svg and "<metadata" not in svg
            # Text stays text, in Dutch number format.
            assert list(root.iter(f"{SVG}text")) and "<path d" in svg
            assert not re.search(r">\d+\.\d+<", svg), f"{chart.id}: a number with a decimal point"
            # Screen drawings are sized in CSS pixels (shown at their drawn width), print in points.
            unit = "pt" if variant.name == "print" else ""
            assert root.get("width") == f"{variant.width:g}{unit}", (chart.id, variant.name)


def test_labels_use_the_decimal_comma(catalog: Catalog) -> None:
    svg = render(catalog.charts["doel-minder-inbraken"])
    assert ">3,9*<" in svg and "nulmeting 2022: 4,8" in svg and "doel 2026: 3,5" in svg


def test_the_verdict_is_not_in_the_drawing(catalog: Catalog) -> None:
    """The page shows the verdict above the chart (and print beside it): once, not twice."""
    chart = catalog.charts["doel-minder-inbraken"]
    assert chart.verdict_label == "op koers"
    for variant in variants_of(chart.kind):
        root = ET.fromstring(render(chart, variant.name))  # noqa: S314 - our own output
        drawn = " ".join(el.text or "" for el in root.iter(f"{SVG}text"))
        assert "doel 2026: 3,5" in drawn and "Oordeel" not in drawn and "op koers" not in drawn

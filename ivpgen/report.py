"""``ivpgen report YEAR``: a new progress report file with today's statuses and verdicts as its
snapshot, for staff to add the summary and the narrative.

Engine-free. The file is written only when the content has no errors and the report does not
exist yet; it validates and builds as it is, and its 'changes' section stays empty until a
status or verdict differs from the report before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ivpgen.charts.catalog import Catalog
from ivpgen.i18n import Locale
from ivpgen.standing import of_catalog
from ivpgen.views import SiteView

FOLDER = "voortgang"


def report_path(docs_dir: Path, year: int) -> Path:
    """Where the report about ``year`` goes: content/voortgang/YEAR.md."""
    return docs_dir / FOLDER / f"{year}.md"


def snapshot(site: SiteView, catalog: Catalog) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every action's status, dates and note, and every measured goal's verdict and figure,
    as they are now."""
    actions = {a.id: _compact({"status": a.status, "start": a.start, "deadline": a.deadline,
                               "note": a.progress}) for a in site.all_actions}
    goals = {g.goal.id: _compact({"verdict": g.verdict,
                                  "year": g.latest.year if g.latest else None,
                                  "value": g.latest.value if g.latest else None})
             for g in of_catalog(catalog).goals if g.verdict}
    return actions, goals


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out the keys without a value, so the file holds only what is known; whole numbers
    are written without '.0', as staff write them."""
    return {key: int(value) if isinstance(value, float) and value.is_integer() else value
            for key, value in values.items() if value not in (None, "")}


def report_text(site: SiteView, catalog: Catalog, locale: Locale, year: int) -> str:
    """The report file: front matter with the snapshot, and a body with headings to fill in."""
    actions, goals = snapshot(site, catalog)
    front = {"type": "progress", "title": locale.t("report.title", year=year), "year": year,
             "date": site.today, "summary": locale.t("report.summary", year=year),
             "actions": actions, "goals": goals}
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{dumped}---\n\n{locale.t('report.body', year=year)}"

"""View objects: what the pages and the print editions show, computed in Python beforehand.

``site.SiteView`` holds the numbers every page shares (counts, verdicts, selections, areas);
one module per page kind (``home``, ``theme``, ``figures``, ``area``, ``lists``) builds the view
a template places. Engine-free, so the print summary uses the same numbers.
"""

from ivpgen.views.site import (
    Figure,
    GoalView,
    IndicatorTable,
    ReferenceSource,
    SiteView,
    reference,
    reference_date,
    source_date,
)

__all__ = ["Figure", "GoalView", "IndicatorTable", "ReferenceSource", "SiteView", "reference",
           "reference_date", "source_date"]

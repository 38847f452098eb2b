"""The site engine: MkDocs 1.6 or ProperDocs 1.6 (its maintained drop-in continuation).

Import this module before any ``mkdocs.*`` module. Under ``properdocs build`` ProperDocs has
already made every ``mkdocs.*`` import resolve to ``properdocs.*``; under ``mkdocs build``
nothing changes. When ``ivpgen`` itself runs, it uses MkDocs if that is installed, else
ProperDocs (``IVPGEN_ENGINE=properdocs`` chooses ProperDocs when both are there).
"""

from __future__ import annotations

import importlib.util
import os
import sys


def _choose() -> str:
    if "properdocs" in sys.modules:
        return "properdocs"  # properdocs' own command loaded us
    wanted = os.environ.get("IVPGEN_ENGINE", "").strip().lower()
    has_properdocs = importlib.util.find_spec("properdocs") is not None
    if wanted == "properdocs" and has_properdocs:
        return "properdocs"
    if importlib.util.find_spec("mkdocs") is None and has_properdocs:
        return "properdocs"
    return "mkdocs"


NAME = _choose()
"""The engine in use: 'mkdocs' or 'properdocs'; also the name of its root logger."""

if NAME == "properdocs":
    import properdocs.replacement  # noqa: F401 - makes every mkdocs.* import resolve to properdocs.*

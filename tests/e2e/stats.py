"""Counts for the closing summary ("e2e: ..."): what the browser tests really looked at, not
just what passed. Under pytest-xdist each worker counts its own; the controller adds them up."""

from __future__ import annotations

from collections import Counter

STATS: Counter[str] = Counter()

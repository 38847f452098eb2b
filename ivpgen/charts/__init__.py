"""Infographics from the plan: accessible, reproducible SVG charts, cached by content hash.

Engine-free (no MkDocs): ``Catalog`` builds every chart's words, data table and drawing spec
from the content; ``render`` draws one chart with matplotlib (Agg, object API) and makes the
SVG accessible; ``cache.chart_svgs`` takes what it can from the store and draws the rest.
"""

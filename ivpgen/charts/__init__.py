"""Infographics from the plan: accessible, reproducible SVG charts, cached by content hash.

Engine-free (no MkDocs): ``Catalog`` builds every chart's words, data table and drawing spec
from the content; ``render`` lays a chart out for one variant (wide screen, phone, A4 column:
``variants``), paints it with matplotlib and makes the SVG accessible; ``cache.chart_svgs``
takes what it can from the store and draws the rest; ``placing`` puts the files on the pages.
"""

"""Open data (Wet open overheid): the whole plan published with the site as ``data/plan.json``,
one CSV per table and a JSON Schema, with a page that explains every file and column.

Engine-free. Stages: ``records`` (the export format, as pydantic models), ``export`` (the
content turned into records), ``files`` (JSON, CSV and schema bytes), ``page`` (the data
page's view).
"""

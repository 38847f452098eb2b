"""Writing the open data: plan.json, one CSV per table and the JSON Schema, byte for byte the
same for the same plan."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ivpgen.opendata.records import LIST_SEPARATOR, OpenData, Record, record_model


def to_json(data: OpenData) -> str:
    """plan.json: the tables in a fixed order, two-space indents, UTF-8 text."""
    return json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def cell(value: Any) -> str:
    """One CSV cell: empty for none, true/false, ids joined by ';', whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_csv(table: str, data: OpenData) -> str:
    """One table as CSV (RFC 4180, comma, decimal point, UTF-8): the keys, then the records."""
    model = record_model(table)
    records = getattr(data, table)
    rows = [records] if isinstance(records, Record) else records
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(model.model_fields)
    for record in rows:
        writer.writerow(cell(getattr(record, key)) for key in model.model_fields)
    return out.getvalue()

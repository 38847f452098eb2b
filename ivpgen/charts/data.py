"""A chart's data table: built once, shown as HTML and offered as CSV and JSON downloads.

CSV is RFC 4180 (comma, decimal point, UTF-8) with the Dutch column labels as header; JSON
has the machine keys. Both hold the raw numbers, so they are the same figures as the chart.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ivpgen.charts.spec import Column, Table, Value
from ivpgen.i18n import Locale


def make_table(locale: Locale, caption: str, columns: Sequence[Column],
               rows: Iterable[Sequence[Value]], marks: Iterable[tuple[int, int]] = (),
               notes: Sequence[str] = ()) -> Table:
    """A table with every cell also formatted as residents read it."""
    raw = tuple(tuple(row) for row in rows)
    shown = tuple(tuple(_shown(locale, col, cell) for col, cell in zip(columns, row, strict=True))
                  for row in raw)
    return Table(caption, tuple(columns), raw, shown, frozenset(marks), tuple(notes))


def _shown(locale: Locale, column: Column, cell: Value) -> str:
    if cell is None or cell == "":
        return "–"
    if column.kind == "number" and isinstance(cell, int | float):
        return locale.number(cell, column.decimals)
    if column.kind == "date" and isinstance(cell, str):
        return locale.date(dt.date.fromisoformat(cell))
    return str(cell)


def to_csv(table: Table) -> str:
    """The table as CSV: a header of labels, then the raw values; empty cells stay empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(col.label for col in table.columns)
    for row in table.rows:
        writer.writerow("" if cell is None else _plain(cell) for cell in row)
    return out.getvalue()


def _plain(cell: Value) -> Value:
    """Whole numbers without '.0', so 462 stays 462 in the CSV."""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def to_json(chart_id: str, title: str, desc: str, table: Table,
            extra: dict[str, Any] | None = None) -> str:
    """The table as JSON: title, description, columns and one object per row."""
    document: dict[str, Any] = {
        "id": chart_id,
        "title": title,
        "description": desc,
        "columns": [{"key": c.key, "label": c.label, "type": c.kind} for c in table.columns],
        "rows": [{c.key: _plain(cell) for c, cell in zip(table.columns, row, strict=True)}
                 for row in table.rows],
        "notes": list(table.notes),
    }
    if table.marks:
        document["illustrative"] = [{"row": r, "column": table.columns[c].key}
                                    for r, c in sorted(table.marks)]
    document.update(extra or {})
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

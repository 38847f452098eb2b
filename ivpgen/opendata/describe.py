"""The open data described: the JSON Schema with a Dutch description of every table and column,
and the data page's view, which reads the same descriptions and the same schema."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ivpgen.errors import ConfigError
from ivpgen.i18n import Locale
from ivpgen.opendata.export import Export
from ivpgen.opendata.files import to_csv, to_json
from ivpgen.opendata.records import (
    FOLDER,
    LICENCES,
    SCHEMA_DIALECT,
    TABLES,
    OpenData,
    Record,
    record_model,
)

JSON_FILE = "plan.json"
SCHEMA_FILE = "schema.json"


def describe(locale: Locale, table: str, column: str) -> str:
    """A column's Dutch description: the table's own wording, else the shared one."""
    for key in (f"opendata.columns.{table}.{column}", f"opendata.column.{column}"):
        try:
            return locale.t(key)
        except ConfigError:
            continue
    raise ConfigError(f"De tekst 'opendata.columns.{table}.{column}' ontbreekt in "
                      f"{locale.code}.yml.")


def schema(locale: Locale, site_url: str | None) -> dict[str, Any]:
    """The JSON Schema of plan.json (draft 2020-12), generated from the records' models, with
    Dutch descriptions instead of the models' English titles."""
    generated = OpenData.model_json_schema()
    head: dict[str, Any] = {"$schema": SCHEMA_DIALECT}
    if site_url:
        head["$id"] = site_url.rstrip("/") + f"/{FOLDER}/{SCHEMA_FILE}"
    doc = {**head, **generated, "title": locale.t("opendata.schema_title"),
           "description": locale.t("opendata.schema_desc")}
    for table in TABLES:
        model = record_model(table)
        text = locale.t(f"opendata.tables.{table}")
        doc["properties"][table].pop("title", None)
        doc["properties"][table]["description"] = text
        definition = doc["$defs"][model.__name__]
        definition["title"] = table
        definition["description"] = text
        for column, prop in definition["properties"].items():
            prop.pop("title", None)
            prop["description"] = describe(locale, table, column)
    return doc


def kind(locale: Locale, prop: dict[str, Any]) -> str:
    """A column's type in words, read from its schema ('datum of leeg', 'getal', ...)."""
    options = prop.get("anyOf", [prop])
    real = [o for o in options if o.get("type") != "null"]
    words = _kind(locale, real[0] if real else {})
    return locale.t("opendata.kind.or_empty", kind=words) if len(real) < len(options) else words


def _kind(locale: Locale, prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return locale.t("opendata.kind.choice")
    if prop.get("format") == "date":
        return locale.t("opendata.kind.date")
    return locale.t(f"opendata.kind.{prop.get('type', 'string')}")


def choices(prop: dict[str, Any]) -> tuple[str, ...]:
    """The values a column may take, when the schema lists them (shown as code on the page)."""
    for option in prop.get("anyOf", [prop]):
        if "enum" in option:
            return tuple(map(str, option["enum"]))
    return ()


@dataclass(frozen=True)
class DataColumn:
    key: str
    kind: str
    description: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataFile:
    """One CSV file of the open data: its table, rows and columns."""

    table: str
    name: str
    description: str
    rows: int
    columns: tuple[DataColumn, ...]


class OpenDataSet:
    """The open data of one build: its files and what the data page says about them."""

    def __init__(self, export: Export, locale: Locale) -> None:
        self.export = export
        self.locale = locale

    @cached_property
    def data(self) -> OpenData:
        return self.export.data

    @cached_property
    def schema(self) -> dict[str, Any]:
        return schema(self.locale, self.export.site_url)

    @property
    def licence(self) -> str:
        return self.export.licence

    @property
    def licence_name(self) -> str:
        return self.locale.t(f"opendata.licence.{LICENCES[self.licence][0]}")

    @property
    def licence_url(self) -> str:
        return LICENCES[self.licence][1]

    def paths(self) -> dict[str, str]:
        """The site path of every file, by what it is: 'json', 'schema', or a table."""
        return {"json": f"{FOLDER}/{JSON_FILE}", "schema": f"{FOLDER}/{SCHEMA_FILE}",
                **{table: f"{FOLDER}/{table}.csv" for table in TABLES}}

    def files(self) -> list[tuple[str, str]]:
        """(path in the site, text) of plan.json, schema.json and every table's CSV."""
        paths = self.paths()
        schema_text = json.dumps(self.schema, ensure_ascii=False, indent=2) + "\n"
        return [(paths["json"], to_json(self.data)), (paths["schema"], schema_text),
                *((paths[table], to_csv(table, self.data)) for table in TABLES)]

    @cached_property
    def tables(self) -> list[DataFile]:
        """Every table with its description, number of rows and columns, in plan.json's order."""
        found = []
        for table in TABLES:
            model = record_model(table)
            props = self.schema["$defs"][model.__name__]["properties"]
            records = getattr(self.data, table)
            rows = 1 if isinstance(records, Record) else len(records)
            columns = tuple(DataColumn(key, kind(self.locale, props[key]),
                                       props[key]["description"], choices(props[key]))
                            for key in model.model_fields)
            found.append(DataFile(table, f"{table}.csv", self.locale.t(f"opendata.tables.{table}"),
                                  rows, columns))
        return found

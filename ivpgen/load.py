"""Read content/: split front matter, parse it strictly, validate it, read CSV figures.

Every problem is collected with its file, line and field; nothing is built until all
files have been read, so staff see every mistake at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ivpgen.errors import ContentError, Problem
from ivpgen.messages import describe_error, misspelt
from ivpgen.model import (
    PAGE_MODELS,
    Content,
    Indicator,
    IndicatorsPage,
    Measurement,
    Strict,
)
from ivpgen.yamlsrc import YamlData, YamlProblem, parse_yaml

MAX_PAGE_BYTES = 2_000_000
MAX_CSV_BYTES = 20_000_000
CSV_COLUMNS = ("area", "year", "value")


@dataclass
class Source:
    """One content file as read: its front matter with line numbers, and its Markdown body."""

    path: str
    meta: YamlData
    body: str
    body_line: int
    front: str = ""
    """The front matter as written, from the file's first line (the '---')."""


@dataclass
class Loaded:
    """The validated content plus what the build needs of each source file."""

    content: Content
    sources: dict[str, Source]
    problems: list[Problem]
    """Problems found while reading; the files they are in are left out of ``content``."""
    failed_types: set[str]
    """The page types (as written) of the files that could not be read or validated."""


def read_text(path: Path, shown: str, limit: int) -> str:
    """Read a UTF-8 text file, refusing huge files and other encodings with a clear problem."""
    if path.stat().st_size > limit:
        raise ContentError([Problem(shown, 1, "", f"het bestand is groter dan "
                                    f"{limit // 1_000_000} MB; splits het op.")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(shown, line, "", "het bestand is niet als UTF-8 opgeslagen; "
                                    "sla het opnieuw op met codering UTF-8.")]) from None
    return text.removeprefix("\ufeff")


def split_front_matter(text: str, shown: str) -> tuple[str, str, int]:
    """Return (front matter, body, first line of body); front matter is '' when absent."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and lines[first].rstrip() == "---":
            raise ContentError([Problem(shown, first + 1, "", "de kop (front matter) moet op de "
                                        "eerste regel beginnen; haal de lege regels erboven weg.")])
        return "", text, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1 : number - 1]), "".join(lines[number:]), number + 1
    raise ContentError([Problem(shown, 1, "", "de kop (front matter) begint met '---' maar wordt "
                                "nergens afgesloten; zet een regel '---' onder de laatste sleutel.")])


def read_source(docs_dir: Path, rel: str, shown: str) -> Source:
    """Read one Markdown file and parse its front matter with line numbers."""
    path = resolve_inside(docs_dir, rel)
    if path is None:
        raise ContentError([Problem(shown, 1, "", "dit bestand verwijst naar een plek buiten de map "
                                    "content/; zet het bestand zelf in content/.")])
    text = read_text(path, shown, MAX_PAGE_BYTES)
    if not text.strip():
        raise ContentError([Problem(shown, 1, "", "dit bestand is leeg; vul het of haal het weg.")])
    front, body, body_line = split_front_matter(text, shown)
    front = "\n" + front  # the '---' line: YAML line numbers are now file line numbers
    try:
        meta = parse_yaml(front) if front.strip() else YamlData({})
    except YamlProblem as exc:
        field = dotted(exc.path) or _key_on_line(front, exc.line)
        raise ContentError([Problem(shown, exc.line, field, exc.message)]) from None
    if meta.data is None:
        meta.data = {}
    return Source(rel, meta, body, body_line, front)


def _key_on_line(text: str, line: int) -> str:
    """The key written on a line of YAML ('  summary: x' gives 'summary'), for syntax errors."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    match = re.match(r"^[\s-]*([A-Za-z_][\w-]*)\s*:", lines[line - 1])
    return match.group(1) if match else ""


def validate(model: type[BaseModel], data: Any, yaml: YamlData, shown: str) -> tuple[Any, list[Problem]]:
    """Validate data against a model; translate every error into a Dutch problem."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        errors = exc.errors()
        hinted = {(*e["loc"][:-1], hint) for e in errors if (hint := misspelt(model, e)) is not None}
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in hinted:
                continue
            problems.append(Problem(shown, yaml.line_of(loc), dotted(loc),
                                    describe_error(model, error)))
        return None, problems


def _page_model(source: Source, shown: str) -> tuple[Strict | None, list[Problem]]:
    data = source.meta.data
    if not isinstance(data, dict):
        return None, [Problem(shown, 2, "", "de kop (front matter) moet uit regels "
                              "'sleutel: waarde' bestaan.")]
    kind = data.get("type", "page")
    model = PAGE_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        choices = ", ".join(PAGE_MODELS)
        return None, [Problem(shown, source.meta.line_of(("type",)), "type",
                              f"'{kind}' is geen paginasoort; kies uit: {choices}.")]
    return validate(model, data, source.meta, shown)


def load_content(docs_dir: Path, pages: Iterable[str], shown_prefix: str = "") -> Loaded:
    """Read and validate every Markdown page, collecting every problem instead of stopping."""
    problems: list[Problem] = []
    failed: set[str] = set()
    content = Content()
    sources: dict[str, Source] = {}
    for rel in sorted(pages):
        shown = shown_prefix + rel
        try:
            source = read_source(docs_dir, rel, shown)
        except ContentError as exc:
            problems.extend(exc.problems)
            failed.add("?")
            continue
        sources[rel] = source
        page, found = _page_model(source, shown)
        problems.extend(found)
        if page is not None:
            content.pages[rel] = page
        else:
            data = source.meta.data
            kind = data.get("type", "page") if isinstance(data, dict) else "?"
            failed.add(kind if isinstance(kind, str) and kind in PAGE_MODELS else "?")
    for rel, page in list(content.pages.items()):
        if isinstance(page, IndicatorsPage):
            content.pages[rel], found = _with_csv_figures(page, docs_dir, shown_prefix, sources[rel])
            problems.extend(found)
    return Loaded(content, sources, problems, failed)


def _with_csv_figures(page: IndicatorsPage, docs_dir: Path, prefix: str,
                      source: Source) -> tuple[IndicatorsPage, list[Problem]]:
    problems: list[Problem] = []
    indicators: list[Indicator] = []
    for index, indicator in enumerate(page.indicators):
        if indicator.measurements_file is None:
            indicators.append(indicator)
            continue
        field = ("indicators", index, "measurements_file")
        try:
            rows = read_csv(docs_dir, indicator.measurements_file, prefix)
        except ContentError as exc:
            first = exc.problems[0]
            if first.line == 0:
                exc.problems[0] = Problem(prefix + source.path, source.meta.line_of(field),
                                          dotted(field), first.message)
            problems.extend(exc.problems)
            indicators.append(indicator)
            continue
        measurements = [*indicator.measurements, *rows]
        indicators.append(indicator.model_copy(update={"measurements": measurements}))
    return page.model_copy(update={"indicators": indicators}), problems


def resolve_inside(docs_dir: Path, rel: str) -> Path | None:
    """The file ``rel`` inside docs_dir, or None when it (or a link in it) points outside."""
    root = docs_dir.resolve()
    target = (docs_dir / rel).resolve()
    return target if target.is_relative_to(root) else None


def read_csv(docs_dir: Path, rel: str, prefix: str) -> list[Measurement]:
    """Read measurements (area, year, value[, illustrative][, note][, settled]) from a CSV file.

    Both comma-separated files with decimal points and the semicolon-separated files with
    decimal commas that Dutch spreadsheet software writes are accepted.
    """
    path = resolve_inside(docs_dir, rel)
    shown = prefix + rel
    if path is None:
        raise ContentError([Problem(shown, 0, "", "het bestand ligt buiten de map content/; "
                                    "zet het databestand in content/.")])
    if not path.is_file():
        raise ContentError([Problem(shown, 0, "", "dit databestand bestaat niet; "
                                    "controleer de naam en de map.")])
    text = read_text(path, shown, MAX_CSV_BYTES)
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ContentError([Problem(shown, 1, "", f"de kolom(men) {', '.join(missing)} ontbreken in "
                                    f"de eerste regel; verwacht: area{delimiter}year{delimiter}value.")])
    problems: list[Problem] = []
    rows: list[Measurement] = []
    for row in reader:
        line = reader.line_num
        data = _csv_row(row, delimiter)
        measurement, found = validate(Measurement, data, YamlData(data, {(): line}), shown)
        problems.extend(found)
        if measurement is not None:
            measurement._origin = (shown, line)
            rows.append(measurement)
    if problems:
        raise ContentError(problems)
    return rows


def _csv_row(row: dict[str | None, Any], delimiter: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key is None or value is None:
            continue
        value = value.strip()
        if key == "value" and delimiter == ";":
            value = value.replace(",", ".")
        if key == "illustrative":
            if value:
                data[key] = value.lower() in ("true", "ja", "1")
        elif key == "settled":  # 'uitschieter: coronajaar' settles that warning on this row
            if value:
                code, _, reason = value.partition(":")
                data[key] = {code.strip(): reason.strip()}
        elif value != "" or key in CSV_COLUMNS:
            data[key] = value
    return data


def dotted(loc: tuple[str | int, ...]) -> str:
    """Render a location such as ('goals', 0, 'target') as 'goals[0].target'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

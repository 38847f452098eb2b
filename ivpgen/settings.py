"""mkdocs.yml read with line numbers and reviewed in plain Dutch, before the engine reads it.

``ivpgen check``, ``ivpgen build`` and the plugin all review mkdocs.yml here, so they judge
it alike: the theme, the plugin and its options (types, unknown keys, empty values, colours
and their contrast), and the menu (``nav``). Every problem names mkdocs.yml, the line and
the key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c

from ivpgen.errors import ConfigError, Problem, Severity
from ivpgen.house import house_style
from ivpgen.i18n import LOCALE_DIR, Locale, load_locale
from ivpgen.load import dotted
from ivpgen.options import IvpgenConfig
from ivpgen.pages import reserved
from ivpgen.style import Style
from ivpgen.yamlsrc import YamlData, YamlProblem, parse_yaml

Loc = tuple[str | int, ...]
THEME = "ivpgen"
THEME_ADVICE = "zet in mkdocs.yml:\n  theme:\n    name: ivpgen"
EDITION_ROOT = re.compile(r"https://[^\s]+|(\.\./)*[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/?|(\.\./)*\.\./?")
"""Where another edition is: a folder relative to this site (en/, ../, ../en/) or https://..."""
_TYPE_WORDS = {str: "tekst", bool: "true of false", int: "een heel getal", list: "een lijst"}


@dataclass(frozen=True)
class ConfigFile:
    """mkdocs.yml as read: its data, the line of every value and how messages name it."""

    path: Path
    shown: str
    yaml: YamlData
    text: str

    @property
    def data(self) -> dict[str, Any]:
        return self.yaml.data if isinstance(self.yaml.data, dict) else {}

    def problem(self, loc: Loc, message: str, severity: Severity = "error") -> Problem:
        return Problem(self.shown, self.yaml.line_of(loc), dotted(loc), message, severity)

    @property
    def docs_dir(self) -> Path:
        return self.path.parent / str(self.data.get("docs_dir") or "docs")

    def plugin_options(self) -> tuple[Loc, dict[str, Any]] | None:
        """Where the ivpgen plugin's options are (e.g. ('plugins', 1, 'ivpgen')) and what they are;
        None when the plugin is not listed."""
        plugins = self.data.get("plugins")
        items = plugins.items() if isinstance(plugins, dict) else enumerate(plugins or [])
        for index, item in items:
            if item == THEME:
                return ("plugins", index), {}
            if index == THEME:
                return ("plugins", THEME), item if isinstance(item, dict) else {}
            if isinstance(item, dict) and THEME in item:
                options = item[THEME]
                return ("plugins", index, THEME), options if isinstance(options, dict) else {}
        return None


def read_config(path: Path, shown: str | None = None) -> tuple[ConfigFile | None, list[Problem]]:
    """Read mkdocs.yml; a file that is missing or no valid YAML is one problem."""
    shown = shown or path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return None, [Problem(shown, 0, "", f"het instellingenbestand {shown} bestaat niet; start "
                              "ivpgen in de map van het plan, of geef het bestand op met -f.")]
    except UnicodeDecodeError:
        return None, [Problem(shown, 1, "", "het bestand is niet als UTF-8 opgeslagen.")]
    try:
        yaml = parse_yaml(text, any_tag=True)
    except YamlProblem as exc:
        return None, [Problem(shown, exc.line, dotted(exc.path), exc.message)]
    config = ConfigFile(path, shown, yaml, text)
    if not isinstance(yaml.data, dict):
        return None, [config.problem((), "het bestand moet uit regels 'sleutel: waarde' bestaan.")]
    return config, []


def review(config: ConfigFile) -> list[Problem]:
    """Every problem in mkdocs.yml that ivpgen knows of, errors and warnings."""
    problems = [*_theme(config), *_plugin(config), *_nav(config)]
    if not config.docs_dir.is_dir():
        problems.append(config.problem(("docs_dir",), f"de map met de inhoud "
                                       f"({config.data.get('docs_dir') or 'docs'}) bestaat niet."))
    return sorted(problems)


def _theme(config: ConfigFile) -> Iterator[Problem]:
    theme = config.data.get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    loc: Loc = ("theme", "name") if isinstance(theme, dict) else ("theme",)
    if name != THEME:
        shown = "geen thema" if name is None else f"het thema '{name}'"
        yield config.problem(loc, f"ivpgen werkt alleen met zijn eigen thema, hier staat {shown}; "
                             f"{THEME_ADVICE}")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom and not (config.path.parent / str(custom)).is_dir():
        yield config.problem(("theme", "custom_dir"), f"de map '{custom}' bestaat niet; maak de "
                             "map met uw eigen templates, of haal custom_dir weg.")


def _plugin(config: ConfigFile) -> Iterator[Problem]:
    found = config.plugin_options()
    if found is None:
        yield config.problem(("plugins",), "de plugin ivpgen staat niet onder 'plugins'; zet in "
                             "mkdocs.yml:\n  plugins:\n    - search\n    - ivpgen")
        return
    loc, options = found
    yield from _empty_values(config, loc, options)
    schema = IvpgenConfig(config_file_path=str(config.path))
    schema.load_dict({k: v for k, v in options.items() if v is not None})
    failed, warnings = schema.validate()
    known = [key for key, _ in schema._schema]
    for key, _message in warnings:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f" Bedoelt u '{close[0]}'?" if close else f" Bekend zijn: {', '.join(known)}."
        yield config.problem((*loc, key), f"'{key}' is geen instelling van ivpgen.{hint}")
    for key, _error in failed:
        option = dict(schema._schema)[key]
        kind = list if isinstance(option, c.ListOfItems) else getattr(option, "_type", str)
        wanted = _TYPE_WORDS.get(kind, "een andere waarde")
        choices = getattr(option, "choices", None)
        if choices:
            wanted = f"een van: {', '.join(choices)}"
        yield config.problem((*loc, key), f"verwacht {wanted}, maar hier staat "
                             f"'{options.get(key)}'.")
    if failed:
        return
    yield from _house_style(config, loc, schema)
    yield from _editions(config, loc, schema)


def _empty_values(config: ConfigFile, loc: Loc, options: dict[str, Any]) -> Iterator[Problem]:
    """An option without a value: often a colour whose '#' made the rest of the line a comment."""
    lines = config.text.splitlines()
    for key, value in options.items():
        if value is not None:
            continue
        line = config.yaml.line_of((*loc, key))
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        if "#" in written.partition(":")[2]:
            yield config.problem((*loc, key), "de waarde is leeg, want in YAML begint '#' een "
                                 "opmerking; zet de kleur tussen aanhalingstekens, bijvoorbeeld "
                                 f"{key}: \"#1f4e79\".")
        else:
            yield config.problem((*loc, key), "de waarde is leeg; vul een waarde in of haal de "
                                 "regel weg.")


def _house_style(config: ConfigFile, loc: Loc, options: IvpgenConfig) -> Iterator[Problem]:
    try:
        locale = load_locale(options.locale)
    except ConfigError as exc:
        yield config.problem((*loc, "locale"), str(exc))
        locale = load_locale("nl")
    _style, findings = house_style(options, config.docs_dir, locale.t)
    for finding in findings:
        yield config.problem((*loc, *finding.loc), finding.message, finding.severity)


def _editions(config: ConfigFile, loc: Loc, options: IvpgenConfig) -> Iterator[Problem]:
    """The other language editions: a known locale other than this one, at a folder or address."""
    known = sorted(p.stem for p in LOCALE_DIR.glob("*.yml"))
    for code, root in options.editions.items():
        where = (*loc, "editions", code)
        if code == options.locale:
            yield config.problem(where, f"'{code}' is de taal van deze editie zelf (locale); noem "
                                 "onder editions alleen de andere edities.")
        elif code not in known:
            yield config.problem(where, f"er is geen vertaling '{code}'; kies uit: "
                                 f"{', '.join(known)}.")
        if not isinstance(root, str) or not EDITION_ROOT.fullmatch(root):
            yield config.problem(where, f"'{root}' is geen map of webadres van een editie; "
                                 "schrijf de map van die editie ten opzichte van deze site, "
                                 "bijvoorbeeld en/ (of ../ vanuit een editie in een submap), of "
                                 "een adres dat met https:// begint.")


def style_of(options: IvpgenConfig, docs_dir: Path, locale: Locale) -> Style:
    """The house style set in the plugin options (its problems are reported by ``review``)."""
    return house_style(options, docs_dir, locale.t)[0]


def _nav(config: ConfigFile) -> Iterator[Problem]:
    """Menu entries that point at a page that is not in the content folder."""
    nav = config.data.get("nav")
    if not isinstance(nav, list) or not config.docs_dir.is_dir():
        return
    pages = sorted(p.relative_to(config.docs_dir).as_posix() for p in config.docs_dir.rglob("*")
                   if p.is_file())
    for loc, target in _nav_targets(nav, ("nav",)):
        if "://" in target or target.startswith(("/", "#", "mailto:")) or reserved(target):
            continue  # reserved: a page ivpgen generates (programmes, goals overview, data)
        if target.split("#", 1)[0] not in pages:
            close = difflib.get_close_matches(target, pages, n=1, cutoff=0.6)
            hint = f" Bedoelt u '{close[0]}'?" if close else ""
            yield config.problem(loc, f"het menu verwijst naar '{target}', maar die pagina staat "
                                 f"niet in {config.data.get('docs_dir') or 'docs'}/.{hint}",
                                 "warning")


def _nav_targets(items: list[Any], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for index, item in enumerate(items):
        if isinstance(item, str):
            yield (*loc, index), item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield (*loc, index, title), value
                elif isinstance(value, list):
                    yield from _nav_targets(value, (*loc, index, title))

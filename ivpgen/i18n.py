"""UI text and number/date formatting for one locale, read from ivpgen/locale/<code>.yml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale as BabelLocale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from ivpgen.errors import ConfigError
from ivpgen.yamlsrc import parse_yaml

LOCALE_DIR = Path(__file__).parent / "locale"


class Locale:
    """Looks up UI strings by dotted key and formats numbers, money and dates (CLDR via Babel).

    ``code`` is the language (``<html lang>``, the file name); the file's key ``cldr`` names
    the CLDR locale whose rules format numbers, dates and lists and choose plural forms
    (``en_GB``: 5 March 2024 and 'a, b and c', where plain ``en`` writes March 5, 2024).
    """

    def __init__(self, code: str, strings: dict[str, Any]) -> None:
        self.code = code
        self.strings = strings
        self.cldr = str(strings.get("cldr") or code)

    def t(self, key: str, **values: Any) -> str:
        """The text for ``key`` (e.g. 'status.lopend'), with {placeholders} filled in."""
        node = self._lookup(key)
        return str(node).format(**values) if values else str(node)

    def plural(self, key: str, count: int | Decimal, **values: Any) -> str:
        """The singular or plural text for ``count`` (CLDR plural rules): the key holds one text
        per plural form, e.g. ``{one: "{count} actie", other: "{count} acties"}``. A Decimal
        counts as shown: Decimal('1.0') is plural in English."""
        node = self._lookup(key)
        if not isinstance(node, dict) or "other" not in node:
            raise ConfigError(f"De tekst '{key}' in {self.code}.yml heeft geen vorm 'other'.")
        form = self._plural_form(count)
        return str(node.get(form, node["other"])).format(count=count, **values)

    def _lookup(self, key: str) -> Any:
        """The entry at a dotted key: a text, or a mapping of plural forms."""
        node: Any = self.strings
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ConfigError(f"De tekst '{key}' ontbreekt in {self.code}.yml.")
            node = node[part]
        return node

    @cached_property
    def _plural_form(self) -> Callable[[int | Decimal], str]:
        """The locale's CLDR plural rule, parsed once."""
        rule: Callable[[int | Decimal], str] = BabelLocale.parse(self.cldr).plural_form
        return rule

    def join(self, items: list[str]) -> str:
        """A list as a sentence says it: 'Baarn, Eemnes en Soest'; one item stays itself."""
        return format_list(items, locale=self.cldr) if items else ""

    def number(self, value: float | int | None, decimals: int = 1) -> str:
        """A number as the locale writes it: 5,5 and 47.000 in Dutch, 5.5 and 47,000 in English."""
        if value is None:
            return "–"
        return _decimal(value or 0, decimals, self.cldr)  # -0.0 and 0 hash alike: one form

    def money(self, value: float) -> str:
        return format_currency(value, "EUR", format="¤ #,##0", currency_digits=False,
                               locale=self.cldr)

    def filters(self) -> dict[str, Callable[..., str]]:
        """The Jinja filters both the site theme and the print templates use."""
        return {"number": self.number, "money": self.money, "date": self.date}

    def date(self, value: dt.date, style: str = "long") -> str:
        """A date as residents write it: 5 maart 2024, 5 March 2024."""
        return format_date(value, format=style, locale=self.cldr)


@lru_cache(maxsize=4)
def load_locale(code: str) -> Locale:
    """The locale with this code; a missing file is a configuration error."""
    path = LOCALE_DIR / f"{code}.yml"
    if not path.is_file():
        raise ConfigError(f"Er is geen vertaling '{code}'; kies uit: "
                          f"{', '.join(sorted(p.stem for p in LOCALE_DIR.glob('*.yml')))}.")
    return Locale(code, parse_yaml(path.read_text(encoding="utf-8")).data)


@lru_cache(maxsize=65_536)
def _decimal(value: float | int, decimals: int, cldr: str) -> str:
    """Babel's formatting, remembered: a large plan writes the same figures tens of thousands
    of times (tables, charts' text alternatives, tiles)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=cldr)

"""Every Dutch municipality (CBS division of 1 January 2026, see data/README.md), looked up
by name the way staff type it: any case, with or without accents, 'Den Haag' for
's-Gravenhage, 'Bergen' asked back because two municipalities have that name, and
"Bedoelt u …?" for a misspelling.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ivpgen.errors import IvpgenError

SOURCE = ("CBS, StatLine 37230ned (voorlopige cijfers, 1 januari 2026); gemeentelijke indeling "
          "1 januari 2026; licentie CC BY 4.0")
"""How the population figures are attributed wherever they are used."""
SOURCE_URL = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/37230ned/table"
DIVISION_DATE = "1 januari 2026"

ALIASES = {"den haag": "GM0518", "the hague": "GM0518", "den bosch": "GM0796",
           "s hertogenbosch": "GM0796", "hertogenbosch": "GM0796", "s gravenhage": "GM0518"}
"""Names people use for a municipality whose official CBS name differs."""


class UnknownMunicipality(IvpgenError):
    """A name that is not (exactly) one Dutch municipality; the message says what to type."""


@dataclass(frozen=True)
class CbsMunicipality:
    code: str
    name: str
    population: int

    @property
    def id(self) -> str:
        return slug(self.name)


def slug(text: str) -> str:
    """An id for a name: 'Bergen (NH.)' gives 'bergen-nh', 'Súdwest-Fryslân' 'sudwest-fryslan'."""
    return re.sub(r"[^a-z0-9]+", "-", _plain(text)).strip("-")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _normal(text: str) -> str:
    """A name for comparing: no case, accents or punctuation ("'s-Gravenhage" -> 's gravenhage')."""
    return " ".join(re.findall(r"[a-z0-9]+", _plain(text)))


def _base(name: str) -> str:
    """The name without what CBS adds to tell namesakes apart: 'Bergen (NH.)' -> 'bergen'."""
    return _normal(re.split(r"[(,]", name, maxsplit=1)[0])


@cache
def table() -> tuple[CbsMunicipality, ...]:
    """All municipalities, from the CSV file shipped in the package."""
    text = files("ivpgen.data").joinpath("gemeenten.csv").read_text(encoding="utf-8")
    return tuple(CbsMunicipality(row["code"], row["name"], int(row["population"]))
                 for row in csv.DictReader(io.StringIO(text)))


def find(query: str) -> CbsMunicipality:
    """The one municipality meant by ``query`` (a name or a CBS code such as GM0794)."""
    wanted = _normal(query)
    by_code = {m.code: m for m in table()}
    code = wanted.replace(" ", "").upper()
    if re.fullmatch(r"GM[0-9]{4}", code) and code in by_code:
        return by_code[code]
    for candidates in ([m for m in table() if _normal(m.name) == wanted],
                       [by_code[ALIASES[wanted]]] if wanted in ALIASES else [],
                       [m for m in table() if _base(m.name) == wanted]):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            raise UnknownMunicipality(_ambiguous(query, candidates))
    raise UnknownMunicipality(_unknown(query, wanted))


def _ambiguous(query: str, candidates: list[CbsMunicipality]) -> str:
    names = " en ".join(f"{m.name} ({m.code})" for m in candidates)
    return (f"Er zijn {len(candidates)} gemeenten met de naam '{query.strip()}': {names}. Schrijf "
            f"de naam zoals het CBS die schrijft, bijvoorbeeld '{candidates[-1].name}', of de CBS-code.")


def _unknown(query: str, wanted: str) -> str:
    names = {_normal(m.name): m.name for m in table()}
    by_code = {m.code: m.name for m in table()}
    names.update({alias: by_code[code] for alias, code in ALIASES.items()})
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.75)
    hint = (f" Bedoelt u {names[close[0]]}?" if close
            else " Controleer de spelling; ivpgen kent de namen zoals het CBS ze schrijft.")
    return f"'{query.strip()}' is geen Nederlandse gemeente (indeling {DIVISION_DATE}).{hint}"

"""Strict YAML reading: plain data plus the line of every value, duplicate keys refused.

PyYAML alone keeps the last of two duplicate keys and reads YAML 1.1 surprises
(``19:30`` as the number 1170, ``no`` as false); staff need neither. The resolver
here follows the YAML 1.2 core schema for the scalars we accept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

MAX_DEPTH = 50
MAX_NODES = 200_000


class YamlProblem(Exception):
    """A YAML text that cannot be read; ``line`` is 1-based within the YAML text."""

    def __init__(self, line: int, message: str, path: Path = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


@dataclass
class YamlData:
    """The data of one YAML document and the line on which each value starts."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of the value at ``path``, or of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core scalars: true/false, decimal numbers, null, ISO dates."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"), list("0123456789")
)


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe scalars, with YAML 1.2 integers: 0342 is the decimal number 342, not octal."""


_Constructor.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(node.value))


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Constructor,
    _Resolver,
):
    """The pure-Python parser: slower, but its error messages are the ones we translate."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _FastLoader(CParser, _Constructor, _Resolver):
        """LibYAML's parser, about ten times faster, for the (usual) case without errors."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

_YAML_MESSAGES = {
    "found character '\\t' that cannot start any token": (
        "een tab-teken; gebruik spaties om in te springen, geen tabs"
    ),
    "mapping values are not allowed here": (
        "een dubbele punt op een onverwachte plek; zet tekst met ': ' erin tussen aanhalingstekens"
    ),
    "found undefined alias": "een verwijzing (*) naar een anker (&) dat niet bestaat",
    "found unexpected end of stream": "het bestand houdt midden in een waarde op; "
    "controleer of alle aanhalingstekens en haakjes gesloten zijn",
    "expected <block end>, but found '-'": "een lijst-item ('-') dat verkeerd is ingesprongen",
    "could not find expected ':'": "een regel zonder 'sleutel: waarde'; mist er hier of op de regel "
    "erboven een dubbele punt",
    "found character": "een teken waarmee een waarde niet mag beginnen; zet de tekst tussen "
    "aanhalingstekens",
    "expected <block end>": "de inspringing klopt niet; zet sleutels die bij elkaar horen precies "
    "onder elkaar",
}


def _translate(exc: yaml.MarkedYAMLError) -> YamlProblem:
    if exc.context and "quoted scalar" in exc.context and exc.context_mark:
        return YamlProblem(exc.context_mark.line + 1, "YAML-fout: een aanhalingsteken dat hier "
                           "opent, wordt nergens gesloten.")
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or str(exc)
    for english, dutch in _YAML_MESSAGES.items():
        if problem.startswith(english):
            return YamlProblem(line, f"YAML-fout: {dutch}.")
    return YamlProblem(line, f"YAML-fout: de tekst is geen geldige YAML ({problem}).")


def parse_yaml(text: str, any_tag: bool = False) -> YamlData:
    """Parse one YAML document into plain data with a line for each value.

    LibYAML parses when it is there; on any syntax error the Python parser parses again, so
    the message and line are always the ones staff see documented. ``any_tag`` reads values
    with an unknown tag (mkdocs.yml's ``!ENV``, ``!relative``) as their plain text.
    """
    if yaml.__with_libyaml__:
        try:
            fast = _FastLoader(text)
            node = fast.get_single_node()
        except yaml.YAMLError:
            pass
        else:
            fast.dispose()
            return _data(fast, node, any_tag)
    return _parse_slowly(text, any_tag)


def _data(loader: Any, node: Node | None, any_tag: bool) -> YamlData:
    result = YamlData(None)
    if node is not None:
        result.data = _Walker(loader, result.lines, any_tag).value(node, ())
    return result


def _parse_slowly(text: str, any_tag: bool) -> YamlData:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise YamlProblem(line, f"een onzichtbaar stuurteken (#x{exc.character:04x}) in de tekst; "
                          "haal het weg (het komt vaak mee bij kopiëren en plakken).") from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _translate(exc) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML-fout: {exc}.") from None
    except RecursionError:
        first = next((i for i, line in enumerate(text.splitlines(), 1) if line.strip()), 1)
        raise YamlProblem(first, "YAML-fout: de gegevens zijn te diep genest.") from None
    finally:
        loader.dispose()
    return _data(loader, node, any_tag)


class _Walker:
    """Turns composed nodes into plain data, refusing aliases, duplicates and odd keys."""

    def __init__(self, loader: _Loader, lines: dict[Path, int], any_tag: bool = False) -> None:
        self.loader = loader
        self.lines = lines
        self.seen: set[int] = set()
        self.any_tag = any_tag

    def value(self, node: Node, path: Path) -> Any:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            raise YamlProblem(line, "YAML-verwijzingen (& en *) worden niet ondersteund; "
                              "schrijf de waarde voluit.", path)
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise YamlProblem(self.lines.get(path[:1], line),
                              "YAML-fout: de gegevens zijn te diep genest.", path[:1])
        if len(self.seen) > MAX_NODES:
            raise YamlProblem(line, "YAML-fout: de gegevens zijn te groot; splits ze op.", path[:1])
        self.lines[path] = line
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(key_line, "'<<' (samenvoegen) wordt niet ondersteund.", path)
            key = self.scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise YamlProblem(key_line, "een sleutel moet een woord zijn.", path)
            key = str(key)
            if key in result:
                first = self.lines[(*path, key)]
                raise YamlProblem(key_line, f"de sleutel '{key}' staat er twee keer "
                                  f"(ook op regel {first}); haal er één weg.", (*path, key))
            self.lines[(*path, key)] = key_line
            result[key] = self.value(value_node, (*path, key))
            self.lines[(*path, key)] = key_line
        return result

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        if node.tag not in _ALLOWED_TAGS:
            if self.any_tag:
                return node.value
            raise YamlProblem(node.start_mark.line + 1,
                              f"het YAML-label '{node.tag}' wordt niet ondersteund.", path)
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            raise YamlProblem(node.start_mark.line + 1,
                              f"'{node.value}' is geen bestaande datum.", path) from None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str) and (control := _CONTROL.search(value)):
            raise YamlProblem(node.start_mark.line + 1, f"een onzichtbaar stuurteken "
                              f"(#x{ord(control.group()):04x}) in de tekst; haal het weg (het komt "
                              "vaak mee bij kopiëren en plakken).", path)
        return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters (tab and line breaks aside): invisible, and not allowed in XML (SVG, PDF)."""

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

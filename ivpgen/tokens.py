"""A municipality's NL Design System theme: the design tokens ivpgen needs, from its JSON file.

NL Design System theme packages (npm, e.g. ``@gemeente-denhaag/design-tokens-components``) ship
their tokens as JSON in one of three shapes, all read here:

- Style Dictionary output: nested groups whose leaves are ``{"value": ..., "original": ...}``;
- the W3C design-tokens format: leaves are ``{"$value": ..., "$type": ...}``;
- plain nested values: ``{"utrecht": {"document": {"color": "#282828"}}}``.

References such as ``{denhaag.color.green.3}`` are resolved. For each thing ivpgen needs
(``ROLES``) the candidates are tried in order; the first that is there and usable wins. A
colour is usable when it has enough contrast everywhere the theme puts it (``ivpgen.style``):
a brand green too light for links on grey makes way for the theme's own link colour.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

ROLES: dict[str, tuple[str, ...]] = {
    "primary": (
        "ivpgen.color.primary",
        "basis.color.accent-1.color-default",
        "utrecht.button.primary-action.background-color",
        "nl.button.primary-action.background-color",
        "of.color.primary",
        "utrecht.link.color",
        "nl.link.color",
        "ams.links.color",
    ),
    "text": (
        "ivpgen.color.text",
        "basis.color.default.color-document",
        "utrecht.document.color",
        "nl.document.color",
        "ams.color.text.default",
        "of.color.fg",
    ),
    "accent": (
        "ivpgen.color.accent",
        "basis.color.highlight.bg-hover",
        "utrecht.mark.background-color",
        "nl.mark.background-color",
        "ams.mark.background-color",
    ),
    "font": (
        "ivpgen.font-family",
        "basis.text.font-family.default",
        "utrecht.document.font-family",
        "nl.document.font-family",
        "ams.typography.font-family",
        "of.typography.sans-serif.font-family",
    ),
}
"""What ivpgen reads from a tokens file, each with the token names it tries, in order. A theme
may name ivpgen's own tokens (ivpgen.color.primary, ...) to choose for itself."""
_REFERENCE = re.compile(r"\{([^{}]+)\}")
MAX_DEPTH = 10


class TokensError(ValueError):
    """The file is not a design-tokens JSON file: the line (0 if none) and the JSON reader's words."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail


@dataclass(frozen=True)
class Found:
    """The token used for a role and its value (resolved, still as the theme wrote it)."""

    role: str
    token: str
    value: str


def flatten(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every token as (dotted name, value), whichever of the three shapes the file has."""
    if isinstance(data, dict):
        for key in ("$value", "value"):
            if key in data and not isinstance(data[key], dict):
                yield ".".join(path), data[key]
                return
        for name, child in data.items():
            if not str(name).startswith("$"):
                yield from flatten(child, (*path, str(name)))
    elif isinstance(data, str | int | float) and path:
        yield ".".join(path), data


def parse_tokens(text: str) -> dict[str, str]:
    """The tokens of a JSON text as a flat name -> value mapping."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TokensError(exc.lineno, exc.msg) from None
    if not isinstance(data, dict):
        raise TokensError(0, "")
    return {name: str(value) for name, value in flatten(data)}


def resolve(tokens: dict[str, str], value: str) -> str:
    """A value with every {reference} replaced by the referred token's value."""
    for _ in range(MAX_DEPTH):
        if "{" not in value:
            break
        value = _REFERENCE.sub(lambda m: tokens.get(m.group(1).strip(), m.group(0)), value)
    return value


def pick(tokens: dict[str, str], role: str,
         judge: Callable[[str], str | None]) -> tuple[Found | None, list[tuple[Found, str]]]:
    """The first candidate token for a role that is in the file and that ``judge`` accepts
    (it returns None), and the candidates it turned down with its reason."""
    refused: list[tuple[Found, str]] = []
    for name in ROLES[role]:
        if name in tokens:
            found = Found(role, name, resolve(tokens, tokens[name]))
            reason = judge(found.value)
            if reason is None:
                return found, refused
            refused.append((found, reason))
    return None, refused

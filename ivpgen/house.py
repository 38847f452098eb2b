"""The house style from the plugin options: tokens file, colours, typeface, logo, favicon, fonts.

An option written in mkdocs.yml wins; what it leaves open comes from the NL Design System
tokens file (``tokens``), then from ivpgen's defaults. Every finding names the option it is
about, so ``ivpgen.settings`` can report it with mkdocs.yml's line: errors for what cannot be
used, info for which tokens were used and which were not found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ivpgen.errors import Severity
from ivpgen.style import (
    DEFAULT_ACCENT,
    DEFAULT_FONT,
    DEFAULT_PRIMARY,
    DEFAULT_TEXT,
    Style,
    low_contrast,
    parse,
)
from ivpgen.stylefiles import FontFile, Image, StyleFileError, read_bytes, read_font, read_image
from ivpgen.tokens import ROLES, TokensError, parse_tokens, pick

Translate = Callable[..., str]
COLOURS = {"primary": DEFAULT_PRIMARY, "accent": DEFAULT_ACCENT, "text": DEFAULT_TEXT}
GENERIC_FAMILIES = {"system-ui", "-apple-system", "sans-serif", "serif", "monospace", "cursive",
                    "fantasy", "ui-sans-serif", "ui-serif"}
MAX_TOKENS = 20_000_000


@dataclass(frozen=True)
class Finding:
    """One thing to tell staff about the house style, tied to a plugin option."""

    key: str | int | tuple[str | int, ...]
    message: str
    severity: Severity = "error"

    @property
    def loc(self) -> tuple[str | int, ...]:
        return self.key if isinstance(self.key, tuple) else (self.key,)


@dataclass
class _Reading:
    """What has been read so far: values, where each came from, and the findings."""

    t: Translate
    folder: Path
    findings: list[Finding] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    """Per role the option that set it: e.g. 'primary_colour' or 'tokens'."""
    sources: list[str] = field(default_factory=list)

    def error(self, key: str | tuple[str | int, ...], message: str,
              severity: Severity = "error") -> None:
        self.findings.append(Finding(key, message, severity))


def house_style(options: Any, docs_dir: Path, t: Translate) -> tuple[Style, list[Finding]]:
    """The Style the options describe, and every finding about it."""
    reading = _Reading(t, docs_dir)
    _explicit(reading, options)
    if options.tokens:
        _tokens(reading, options.tokens)
    for role, default in (*COLOURS.items(), ("font", options.font or DEFAULT_FONT)):
        reading.values.setdefault(role, default)
    logo = _image(reading, options.logo, "logo")
    favicon = _image(reading, options.favicon, "favicon")
    fonts = tuple(font for index, name in enumerate(options.font_files)
                  if (font := _font(reading, name, index)) is not None)
    _logo_alt(reading, options)
    values = reading.values
    style = Style(values["primary"], values["accent"], values["text"], values["font"], logo,
                  (options.logo_alt or "").strip(), favicon, fonts, tuple(reading.sources))
    if fonts and style.family.lower() in GENERIC_FAMILIES:
        reading.error("font_files", t("style.fonts_need_family", family=style.family))
    if not any(f.severity == "error" for f in reading.findings):
        for role, message in style.contrast_problems(t):
            reading.error(reading.origin.get(role, f"{role}_colour"), message)
    return style, reading.findings


def _explicit(reading: _Reading, options: Any) -> None:
    """The colours and the font stack written in mkdocs.yml itself."""
    for role in COLOURS:
        written = getattr(options, f"{role}_colour")
        if written is None:
            continue
        colour = parse(written)
        if colour is None:
            reading.error(f"{role}_colour", reading.t("style.not_a_colour", value=written))
            colour = COLOURS[role]
        reading.values[role] = colour
        reading.origin[role] = f"{role}_colour"
    if options.font is not None:
        if any(c in options.font for c in ";{}<>"):
            reading.error("font", reading.t("style.bad_font"))
        reading.values["font"] = options.font
        reading.origin["font"] = "font"


def _tokens(reading: _Reading, name: str) -> None:
    """The roles mkdocs.yml leaves open, from the tokens file; info on what was used and not."""
    t = reading.t
    try:
        tokens = parse_tokens(read_bytes(reading.folder, name, t, MAX_TOKENS).decode("utf-8-sig"))
    except StyleFileError as exc:
        reading.error("tokens", str(exc))
        return
    except (TokensError, UnicodeDecodeError) as exc:
        line = exc.line if isinstance(exc, TokensError) else 1
        key = "style.tokens_unreadable" if line else "style.tokens_no_groups"
        reading.error("tokens", t(key, name=name, line=line))
        return
    reading.sources.append(PurePosixPath(name).as_posix())
    used, missing = [], []
    for role in ROLES:
        if role in reading.values:
            continue
        found, refused = pick(tokens, role, _font_judge(t) if role == "font" else _colour_judge(role, t))
        missing += [t("style.tokens_refused", token=f.token, value=f.value, reason=reason)
                    for f, reason in refused]
        if found is None:
            missing.append(t("style.tokens_role_missing", role=t(f"style.role.{role}"),
                             tried=", ".join(ROLES[role])))
            continue
        value = found.value if role == "font" else parse(found.value) or ""
        reading.values[role] = value
        reading.origin[role] = "tokens"
        used.append(t("style.tokens_role_used", role=t(f"style.role.{role}"), value=value,
                      token=found.token))
    if used:
        reading.error("tokens", t("style.tokens_used", name=name, used="; ".join(used)), "info")
    if missing:
        reading.error("tokens", t("style.tokens_missing", name=name, missing="; ".join(missing)),
                      "info")


def _colour_judge(role: str, t: Translate) -> Callable[[str], str | None]:
    """Why a token's value cannot be this role's colour (None when it can)."""

    def judge(value: str) -> str | None:
        colour = parse(value)
        if colour is None:
            return t("style.tokens_no_colour")
        low = next(low_contrast({role: colour}), None)
        return low.short(t) if low else None

    return judge


def _font_judge(t: Translate) -> Callable[[str], str | None]:
    def judge(value: str) -> str | None:
        usable = bool(value.strip()) and not any(c in value for c in ";{}<>")
        return None if usable else t("style.tokens_no_font")

    return judge


def _image(reading: _Reading, name: str | None, role: str) -> Image | None:
    if not name:
        return None
    try:
        image = read_image(reading.folder, name, role, reading.t)
    except StyleFileError as exc:
        reading.error(role, str(exc))
        return None
    reading.sources.append(PurePosixPath(name).as_posix())
    return image


def _font(reading: _Reading, name: str, index: int) -> FontFile | None:
    try:
        font = read_font(reading.folder, name, reading.t)
    except StyleFileError as exc:
        reading.error(("font_files", index), str(exc))
        return None
    reading.sources.append(PurePosixPath(name).as_posix())
    return font


def _logo_alt(reading: _Reading, options: Any) -> None:
    """A logo needs words for readers who cannot see it; words without a logo are a slip."""
    alt = (options.logo_alt or "").strip()
    if options.logo and not alt:
        reading.error("logo", reading.t("style.logo_needs_alt"))
    elif alt and not options.logo:
        reading.error("logo_alt", reading.t("style.alt_without_logo"), "warning")

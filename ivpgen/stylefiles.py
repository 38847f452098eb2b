"""The house style's own files: a logo and a favicon (SVG or PNG) and font files (WOFF2 or TTF).

Each file is judged by its bytes, not by its name: a PNG renamed to .svg, a JPEG, a WOFF 1 or
an OpenType-CFF font is refused with a message that says what the file really is. An SVG may
carry neither scripts, event handlers nor references to other files or hosts: it is published
as it is, opened on its own by a browser and drawn into the PDF, so it is refused rather than
silently changed (the municipality's designer fixes the original once).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FONT_FORMATS = {b"wOF2": "woff2", b"\x00\x01\x00\x00": "truetype", b"true": "truetype"}
OTHER_KINDS = {b"\xff\xd8\xff": "jpeg", b"GIF8": "gif", b"RIFF": "webp", b"%PDF": "pdf",
               b"wOFF": "woff", b"OTTO": "otf", b"\x00\x00\x01\x00": "ico", b"PK": "zip"}
_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.IGNORECASE)
ASSET_DIR = "assets/huisstijl"
"""Where the logo, the favicon and the font files are published in the site."""
MAX_IMAGE = 2_000_000
MAX_FONT = 5_000_000

Translate = Callable[..., str]


class StyleFileError(ValueError):
    """A house-style file that cannot be used; the message is for staff (Dutch)."""


@dataclass(frozen=True)
class Published:
    """A checked file as the site publishes it (under ASSET_DIR) and the PDF embeds it."""

    name: str
    digest: str
    data: bytes = field(repr=False, compare=False)

    @property
    def path(self) -> str:
        return f"{ASSET_DIR}/{self.name}"

    @property
    def mime(self) -> str:
        raise NotImplementedError

    def data_uri(self) -> str:
        return f"data:{self.mime};base64," + base64.b64encode(self.data).decode("ascii")


@dataclass(frozen=True)
class Image(Published):
    """A logo or favicon: its kind and drawing size."""

    kind: str
    """'svg' or 'png'."""
    width: float
    height: float

    @property
    def mime(self) -> str:
        return "image/svg+xml" if self.kind == "svg" else "image/png"


@dataclass(frozen=True)
class FontFile(Published):
    """A font file, with the weight and style read from the font itself."""

    format: str
    """'woff2' or 'truetype' (the CSS format() keyword)."""
    weight: int
    italic: bool

    @property
    def mime(self) -> str:
        return "font/woff2" if self.format == "woff2" else "font/ttf"


def sniff(data: bytes) -> str:
    """What a file is by its first bytes: svg, png, woff2, truetype, another known kind, or ''."""
    if data.startswith(PNG_MAGIC):
        return "png"
    for magic, kind in {**FONT_FORMATS, **OTHER_KINDS}.items():
        if data.startswith(magic):
            return kind
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:4096].lower():
        return "svg"
    return ""


def read_bytes(folder: Path, name: str, t: Translate, limit: int) -> bytes:
    """A file of the plan, relative to content/; missing, a folder or too big is an error."""
    path = folder / name
    if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
        raise StyleFileError(t("style.file_outside", name=name))
    if not path.is_file():
        raise StyleFileError(t("style.file_missing", name=name, folder=folder.name))
    data = path.read_bytes()
    if len(data) > limit:
        raise StyleFileError(t("style.file_too_big", name=name, size=len(data) // 1000,
                               limit=limit // 1000))
    return data


def read_image(folder: Path, name: str, role: str, t: Translate) -> Image:
    """A logo or favicon: an SVG (checked for scripts and outside references) or a PNG."""
    data = read_bytes(folder, name, t, MAX_IMAGE)
    kind = sniff(data)
    if kind not in ("svg", "png"):
        raise StyleFileError(t("style.not_an_image", name=name, kind=_kind_word(kind, t)))
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    if suffix in ("svg", "png") and suffix != kind:
        raise StyleFileError(t("style.wrong_suffix", name=name, suffix=suffix, kind=kind.upper()))
    width, height = svg_size(data, name, t) if kind == "svg" else png_size(data, name, t)
    digest = hashlib.sha256(data).hexdigest()
    return Image(f"{role}-{digest[:10]}.{kind}", digest, data, kind, width, height)


def png_size(data: bytes, name: str, t: Translate) -> tuple[float, float]:
    """Width and height of a PNG, read and verified with Pillow."""
    from PIL import Image as PilImage

    try:
        with PilImage.open(io.BytesIO(data)) as image:
            image.verify()
            return float(image.width), float(image.height)
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise StyleFileError(t("style.broken_file", name=name, kind="PNG")) from exc


def svg_size(data: bytes, name: str, t: Translate) -> tuple[float, float]:
    """Check an SVG (safe XML, nothing active, nothing outside) and return its drawing size."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise StyleFileError(t("style.broken_file", name=name, kind="SVG")) from exc
    if root.tag != f"{SVG_NS}svg":
        raise StyleFileError(t("style.broken_file", name=name, kind="SVG"))
    for element in root.iter():
        reason = _unsafe(element)
        if reason:
            raise StyleFileError(t("style.unsafe_svg", name=name, reason=reason))
    return _viewbox(root, name, t)


def _unsafe(element: Element) -> str:
    """Why an SVG element is not allowed in a logo ('' when it is fine)."""
    tag = element.tag.rsplit("}", 1)[-1]
    if tag in _FORBIDDEN_TAGS:
        return f"<{tag}>"
    for attribute, value in element.attrib.items():
        local = attribute.rsplit("}", 1)[-1]
        if local.lower().startswith("on"):
            return f"{local}=\"…\""
        if local == "href" and not (value.startswith("#") or _SAFE_DATA.match(value)):
            return f"href=\"{value[:60]}\""
        for target in _URL.findall(value):
            if not target.startswith("#"):
                return f"url({target[:60]})"
    text = element.text or ""
    if tag == "style":
        if _IMPORT.search(text):
            return "@import"
        for target in _URL.findall(text):
            if not target.startswith("#") and not _SAFE_DATA.match(target):
                return f"url({target[:60]})"
    return ""


def _viewbox(root: Element, name: str, t: Translate) -> tuple[float, float]:
    """The SVG's size from its viewBox, else from width and height in plain numbers or px."""
    box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    try:
        if len(box) == 4:
            return float(box[2]), float(box[3])
        return float(root.get("width", "").removesuffix("px")), \
            float(root.get("height", "").removesuffix("px"))
    except ValueError as exc:
        raise StyleFileError(t("style.svg_no_size", name=name)) from exc


def read_font(folder: Path, name: str, t: Translate) -> FontFile:
    """A WOFF2 or TrueType font file, with its weight and style from its OS/2 table."""
    data = read_bytes(folder, name, t, MAX_FONT)
    kind = sniff(data)
    if kind not in ("woff2", "truetype"):
        raise StyleFileError(t("style.not_a_font", name=name, kind=_kind_word(kind, t)))
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        table = font["OS/2"]
        weight, italic = int(table.usWeightClass), bool(table.fsSelection & 1)
    except (TTLibError, KeyError, struct.error, AssertionError) as exc:
        raise StyleFileError(t("style.broken_file", name=name, kind=kind.upper())) from exc
    digest = hashlib.sha256(data).hexdigest()
    suffix = "woff2" if kind == "woff2" else "ttf"
    stem = re.sub(r"[^a-z0-9-]+", "-", PurePosixPath(name).stem.lower()).strip("-") or "font"
    return FontFile(f"{stem}-{digest[:10]}.{suffix}", digest, data, kind, weight, italic)


def _kind_word(kind: str, t: Translate) -> str:
    return t(f"style.kind.{kind}") if kind else t("style.kind.unknown")

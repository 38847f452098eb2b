"""Turn matplotlib's SVG into an accessible, compact SVG file (shown as an image, downloadable).

- ``role="img"`` and ``aria-labelledby`` pointing at a ``<title>`` and a ``<desc>``;
- every id starts with the chart's prefix, so several charts on one page never clash, and
  ids nothing refers to are dropped;
- ``style`` attributes become presentation attributes and the ``<style>`` element goes: the
  site's Content-Security-Policy (``style-src 'self'``) blocks inline styles in an inlined SVG;
- text keeps its text; its font is the house-style font stack;
- the size is in CSS pixels for a screen variant (so a browser shows it at its drawn size),
  in points for print; coordinates are rounded to two decimals.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

PRESENTATION = frozenset({
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity",
    "stroke-miterlimit", "opacity", "font-size", "font-weight", "font-style", "text-anchor",
    "clip-path", "dominant-baseline",
})
DROPPED = frozenset({"font-family"})
_URL = re.compile(r"url\(#([^)]+)\)")
_NO_ROTATION = re.compile(r"^rotate\(-?0 [-\d.]+ [-\d.]+\)$")
_NUMBER = re.compile(r"-?\d+\.\d{3,}")
ROUNDED = frozenset({"x", "y", "d", "transform", "width", "height", "viewBox"})


class SvgError(ValueError):
    """matplotlib wrote something this module does not know how to make accessible."""


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def accessible_svg(raw: str, prefix: str, title: str, desc: str, font: str,
                   unit: str = "pt") -> str:
    """The accessible form of matplotlib's SVG output (see the module docstring)."""
    root = ET.fromstring(raw)  # noqa: S314 - matplotlib's own output, not outside input
    for defs in root.findall(f"{{{SVG_NS}}}defs"):
        for style in defs.findall(f"{{{SVG_NS}}}style"):
            defs.remove(style)
    for element in root.iter():
        _inline_style(element)
    _rename_ids(root, prefix)
    _tidy(root)
    title_el = ET.Element(f"{{{SVG_NS}}}title", id=f"{prefix}-titel")
    title_el.text = title
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", id=f"{prefix}-beschrijving")
    desc_el.text = desc
    root[0:0] = [title_el, desc_el]
    root.attrib.pop("version", None)
    for name in ("width", "height"):
        root.set(name, root.attrib[name].removesuffix("pt") + ("" if unit == "px" else unit))
    root.set("role", "img")
    root.set("aria-labelledby", f"{prefix}-titel {prefix}-beschrijving")
    root.set("font-family", font)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    return ET.tostring(root, encoding="unicode")


def _inline_style(element: ET.Element) -> None:
    """style="fill: #fff; stroke: none" -> fill="#fff" stroke="none"."""
    style = element.attrib.pop("style", None)
    if style is None:
        return
    for declaration in style.split(";"):
        if not declaration.strip():
            continue
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if name in DROPPED:
            continue
        if name not in PRESENTATION:
            raise SvgError(f"unknown style property '{name}' in matplotlib's SVG")
        element.set(name, value)


def _references(root: ET.Element) -> list[str]:
    """Every id referred to (url(#id) or href="#id"), in document order, each once."""
    found: dict[str, None] = {}
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in (f"{{{XLINK_NS}}}href", "href") and value.startswith("#"):
                found[value[1:]] = None
            for match in _URL.finditer(value):
                found[match.group(1)] = None
    return list(found)


def _rename_ids(root: ET.Element, prefix: str) -> None:
    """Referenced ids become prefix-1, prefix-2, ...; other ids are dropped."""
    names = {old: f"{prefix}-{n}" for n, old in enumerate(_references(root), start=1)}
    for element in root.iter():
        old = element.attrib.pop("id", None)
        if old in names:
            element.set("id", names[old])
        for name, value in list(element.attrib.items()):
            if name in (f"{{{XLINK_NS}}}href", "href") and value[1:] in names:
                element.set(name, "#" + names[value[1:]])
            elif "url(#" in value:
                element.set(name, _URL.sub(lambda m: f"url(#{names[m.group(1)]})", value))


def _tidy(element: ET.Element) -> None:
    """Drop layout whitespace, empty groups' wrappers and no-op rotations; one-line paths."""
    children: list[ET.Element] = []
    for child in element:
        _tidy(child)
        if _tag(child) == "g" and not child.attrib:
            children.extend(child)
        else:
            children.append(child)
    element[:] = children
    if _tag(element) != "text":
        if element.text is not None and not element.text.strip():
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip():
                child.tail = None
    if "d" in element.attrib:
        element.set("d", " ".join(element.attrib["d"].split()))
    for name in ROUNDED & element.attrib.keys():
        element.set(name, _NUMBER.sub(_round, element.attrib[name]))
    if _NO_ROTATION.match(element.attrib.get("transform", "")):
        del element.attrib["transform"]


def _round(match: re.Match[str]) -> str:
    """A coordinate with at most two decimals (a hundredth of a pixel is invisible)."""
    text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def standalone(svg: str) -> str:
    """The SVG as a file of its own, for the download link."""
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg + "\n"

"""Finish WeasyPrint's tag tree so that PDF/UA checkers can read every table and heading.

A WeasyPrint finisher (``write_pdf(finisher=...)``), run on the PDF's objects before they are
written, so the bytes stay reproducible and no second PDF library is needed:

* **Table headers get a /Scope** (PDF/UA-1 §7.5): a header cell in the table head is a column
  header, one in the body a row header (our templates write ``<th scope="row">`` there).
  WeasyPrint links data cells to their headers with /Headers and /IDs but leaves /Scope out,
  and checkers that look at the header cells (``pdfua`` rule UA-15-003) cannot see the link.
* **A heading's text is one marked-content item.** WeasyPrint marks every line of text
  separately and always writes /K as an array. Both are valid, but a heading whose /K is an
  array cannot be evaluated by ``pdfua`` 0.1.3 (rule UA-14-001 reads ``is_integer`` of the
  array, which pikepdf refuses). So a heading's lines are joined into one marked-content
  sequence, and a lone kid is written as itself: heading -> span -> MCID.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pydyf

HEADINGS = {f"/H{level}" for level in range(1, 7)}
_MARKS = (b"BDC", b"BMC")


class Tree:
    """The structure elements of one PDF, found by their references."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.objects: dict[bytes, Any] = {obj.reference: obj for obj in pdf.objects[1:]}

    def elements(self) -> Iterator[pydyf.Dictionary]:
        for obj in self.pdf.objects[1:]:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem":
                yield obj

    def get(self, reference: object) -> Any:
        return self.objects.get(reference) if isinstance(reference, bytes) else None

    def role(self, reference: object) -> str | None:
        element = self.get(reference)
        return element.get("S") if isinstance(element, pydyf.Dictionary) else None


def finish(_document: object, pdf: pydyf.PDF) -> None:
    """Scope every table header and give every heading one marked-content item."""
    tree = Tree(pdf)
    for element in list(tree.elements()):
        if element.get("S") == "/TH":
            scope_header(tree, element)
        elif element.get("S") in HEADINGS:
            join_heading(tree, element)


def scope_header(tree: Tree, cell: pydyf.Dictionary) -> None:
    """A header cell in the table head heads its column; elsewhere it heads its row."""
    row = tree.get(cell.get("P"))
    group = tree.role(row.get("P")) if isinstance(row, pydyf.Dictionary) else None
    attributes = cell.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
    attributes["Scope"] = "/Column" if group == "/THead" else "/Row"


def join_heading(tree: Tree, heading: pydyf.Dictionary) -> None:
    """Join the heading's lines into its first line's marked content; leave any other shape."""
    kids = [tree.get(ref) for ref in heading["K"]] if isinstance(heading.get("K"), list) else []
    if not kids or not all(_one_mcid(kid) for kid in kids):
        return
    if len({kid["Pg"] for kid in kids}) != 1:
        return  # a heading split over two pages keeps its lines apart
    mcids = [kid["K"][0] for kid in kids]
    if len(kids) > 1 and not _join_content(tree, kids[0]["Pg"], mcids):
        return
    for kid in kids[1:]:
        kid.free = "f"
    heading["K"] = heading["K"][0]
    kids[0]["K"] = mcids[0]


def _one_mcid(kid: object) -> bool:
    """A text element with exactly one marked-content item."""
    return isinstance(kid, pydyf.Dictionary) and isinstance(kid.get("K"), list) and \
        len(kid["K"]) == 1 and isinstance(kid["K"][0], int) and "Pg" in kid


def _join_content(tree: Tree, page: bytes, mcids: list[int]) -> bool:
    """End the first item's marked content after the last one's text, in the page's stream;
    drop the joined items from the page's parent tree. False when the stream has another shape."""
    stream = tree.get(tree.get(page)["Contents"]).stream
    starts = [_start(stream, mcid) for mcid in mcids]
    if None in starts:
        return False
    drop: list[int] = []
    for before, start in pairwise(starts):
        assert before is not None and start is not None
        between = stream[before + 2:start - 1]
        if sum(op in _MARKS for op in between) or between.count(b"EMC") != 1:
            return False
        end = before + 2 + between.index(b"EMC")
        drop += [end, start - 1, start, start + 1]
    for index in sorted(drop, reverse=True):
        del stream[index]
    numbers = _page_numbers(tree, page)
    for mcid in mcids[1:]:
        numbers[mcid] = "null"
    return True


def _start(stream: list[Any], mcid: int) -> int | None:
    """The index of the property list of marked content ``mcid`` (after its tag, before BDC)."""
    for index, op in enumerate(stream):
        if isinstance(op, pydyf.Dictionary) and op.get("MCID") == mcid and \
                index + 1 < len(stream) and stream[index + 1] == b"BDC":
            return index
    return None


def _page_numbers(tree: Tree, page: bytes) -> list[Any]:
    """The parent tree's array for one page: the structure element of each MCID."""
    root = tree.get(tree.pdf.catalog["StructTreeRoot"])
    nums = tree.get(root["ParentTree"])["Nums"]
    index = tree.pdf.page_references.index(page)
    assert nums[2 * index] == index  # WeasyPrint lists the pages first, in order
    numbers: list[Any] = nums[2 * index + 1]
    return numbers

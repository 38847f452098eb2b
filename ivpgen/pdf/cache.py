"""Make only the PDFs whose input changed; the rest come from the store.

A PDF's key is the SHA-256 of its HTML document (which holds all its input: text, data,
charts as SVG, print CSS), its creation date, the WeasyPrint version and the code that acts on
the PDF after its HTML. The store keeps each PDF with its page count, so the site can say how
many pages a PDF has without opening it.
Missing PDFs are made by the runner (WeasyPrint's layout is CPU-bound), collected, then stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path

from ivpgen.errors import PdfError
from ivpgen.fingerprint import modules_digest
from ivpgen.pdf.poster import tighter
from ivpgen.progress import Progress, ticker
from ivpgen.runner import Runner, TaskError
from ivpgen.store import Store

VARIANT = "pdf/ua-1"
"""Tagged PDF for accessibility (PDF/UA-1): structure tree, /Lang, title, alt texts."""
AFTER_HTML = ("cache.py", "poster.py", "tags.py")
"""The modules that act on a PDF after its HTML (rendering, the poster's tighter layout, our
finishing of the tags): their code is part of every PDF's key, so a new ivpgen never serves a
PDF its predecessor made."""

PNG_DPI = 200
"""The poster's picture: A4 at 200 dpi is 1654 pixels wide, sharp enough for a newsletter."""
MACHINE_MESSAGES = re.compile(r"HarfBuzz|fontTools|Fontconfig|Pango|font", re.IGNORECASE)
"""WeasyPrint messages about this computer (font subsetting, font libraries), not about content."""


@cache
def finish_version() -> str:
    return modules_digest(Path(__file__).parent, AFTER_HTML)


@cache
def weasyprint_version() -> str:
    return version("weasyprint")


def raster_variant() -> str:
    """What a poster's PNG depends on besides its PDF: the rasteriser and the resolution."""
    return f"pypdfium2 {version('pypdfium2')} {PNG_DPI} dpi"


def pdf_key(html: str, created: dt.datetime, png: bool = False) -> str:
    digest = hashlib.sha256()
    for part in (html, created.isoformat(), weasyprint_version(), VARIANT, finish_version(),
                 raster_variant() if png else ""):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class PdfFile:
    """One PDF: where it goes in the site, its bytes and its number of pages."""

    path: str
    data: bytes
    pages: int
    png: bytes | None = None
    """The first page as a picture (posters only)."""


@dataclass(frozen=True)
class PdfReport:
    total: int
    made: int
    seconds: float
    warnings: tuple[str, ...] = ()
    """WeasyPrint's messages about the documents, each with the PDF it concerns."""
    machine: tuple[str, ...] = ()
    """WeasyPrint's messages about this computer (fonts, libraries), each kind once."""


@dataclass
class Job:
    """One PDF to make: where it goes, how to render its HTML, its date, and optionally the
    fingerprint of its inputs (when that is in the store, the HTML is not even rendered)."""

    path: str
    render: Callable[[], str]
    created: dt.datetime
    fingerprint: str | None = None
    png: bool = False
    """Also make a picture of the first page (a poster)."""

    @cached_property
    def html(self) -> str:
        return self.render()

    @property
    def key(self) -> str:
        return pdf_key(self.html, self.created, self.png)

    @property
    def png_key(self) -> str:
        return hashlib.sha256(f"{self.key}\0png".encode()).hexdigest()


def pdfs(jobs: list[Job], store: Store, runner: Runner,
         progress: Progress | None = None) -> tuple[list[PdfFile], PdfReport]:
    """Every job's PDF, in job order, from the store or made (a progress task 'pdfs' for the
    ones made); and what had to be made."""
    started = time.perf_counter()
    files = {job.path: found for job in jobs if (found := _stored(job, store)) is not None}
    missing = [job for job in jobs if job.path not in files]
    tick = ticker(progress, "pdfs", len(missing))
    try:
        made = runner.map(make_pdf, [(job.html, job.created, job.key, job.png)
                                     for job in missing],
                          [job.path for job in missing], on_done=tick)
    except TaskError as exc:
        raise PdfError(f"de samenvatting {exc.name} kon niet worden gemaakt: {exc.cause}") from exc
    warnings: list[str] = []
    machine: dict[str, None] = {}
    for job, (data, pages, messages, png) in zip(missing, made, strict=True):
        store.put(job.key, data, {"pages": pages, "path": job.path})
        if png is not None:
            store.put(job.png_key, png, {"path": job.path})
        _remember(job, store)
        files[job.path] = PdfFile(job.path, data, pages, png)
        for message in messages:
            if MACHINE_MESSAGES.search(message):
                machine.setdefault(message, None)
            else:
                warnings.append(f"{job.path}: {message}")
    report = PdfReport(len(jobs), len(missing), time.perf_counter() - started, tuple(warnings),
                       tuple(machine))
    return [files[job.path] for job in jobs], report


def _stored(job: Job, store: Store) -> PdfFile | None:
    """The job's PDF (and picture) from the store: by the fingerprint of its inputs, else by
    its HTML."""
    keys: dict[str, object] = {}
    if job.fingerprint:
        pointer = store.get(job.fingerprint)
        keys = pointer.meta if pointer else {}
    key, png_key = keys.get("key"), keys.get("png")
    entry = store.get(key) if isinstance(key, str) else None
    if entry is None:
        entry, png_key = store.get(job.key), job.png_key
        if entry is not None:
            _remember(job, store)
    if entry is None or not isinstance(entry.meta.get("pages"), int):
        return None
    png = store.get(png_key) if job.png and isinstance(png_key, str) else None
    if job.png and png is None:
        return None
    return PdfFile(job.path, entry.data, entry.meta["pages"], png.data if png else None)


def _remember(job: Job, store: Store) -> None:
    """Point the fingerprint of the job's inputs at its PDF (and picture), for the next
    build's fast path."""
    if job.fingerprint:
        store.put(job.fingerprint, b"", {"key": job.key, "png": job.png_key})


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def make_pdf(job: tuple[str, dt.datetime, str, bool]
             ) -> tuple[bytes, int, list[str], bytes | None]:
    """One PDF with WeasyPrint: tagged, dated ``created``, its /ID fixed to the key; with
    ``png``, also its first page as a picture.

    WeasyPrint's warnings (unsupported CSS, a missing font) are returned, not printed, so the
    build can report them under the PDF's name. Runs in a worker process.
    """
    import weasyprint  # heavy import: only where PDFs are made

    from ivpgen.pdf import tags

    html, created, key, png = job
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html).render(pdf_variant=VARIANT)
        if png and len(document.pages) > 1:  # a poster that runs over: its tighter layout
            document = weasyprint.HTML(string=tighter(html)).render(pdf_variant=VARIANT)
        document.metadata.created = document.metadata.modified = created.strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        data = document.write_pdf(pdf_variant=VARIANT, pdf_identifier=key[:32].encode("ascii"),
                                  finisher=tags.finish)
    finally:
        logger.removeHandler(collect)
    assert data is not None
    return data, len(document.pages), collect.messages, rasterise(data) if png else None


def rasterise(data: bytes) -> bytes:
    """The PDF's first page as a PNG at PNG_DPI, with PDFium (pypdfium2): the same pixels and
    bytes every time (Pillow writes no date into a PNG)."""
    import pypdfium2  # heavy import: only where posters are made

    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=PNG_DPI / 72).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()

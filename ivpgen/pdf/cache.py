"""Make only the PDFs whose input changed; the rest come from the store.

A PDF's key is the SHA-256 of its HTML document (which holds all its input: text, data,
charts as SVG, print CSS), its creation date and the WeasyPrint version. The store keeps each
PDF with its page count, so the site can say how many pages a PDF has without opening it.
Missing PDFs are made by the runner (WeasyPrint's layout is CPU-bound), collected, then stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.metadata import version

from ivpgen.errors import PdfError
from ivpgen.progress import Progress, ticker
from ivpgen.runner import Runner, TaskError
from ivpgen.store import Store

VARIANT = "pdf/ua-1"
FINISH = "tags-1"
"""The version of our finishing of WeasyPrint's tags (``tags.py``): part of every PDF's key."""
"""Tagged PDF for accessibility (PDF/UA-1): structure tree, /Lang, title, alt texts."""
MACHINE_MESSAGES = re.compile(r"HarfBuzz|fontTools|Fontconfig|Pango|font", re.IGNORECASE)
"""WeasyPrint messages about this computer (font subsetting, font libraries), not about content."""


@cache
def weasyprint_version() -> str:
    return version("weasyprint")


def pdf_key(html: str, created: dt.datetime) -> str:
    digest = hashlib.sha256()
    for part in (html, created.isoformat(), weasyprint_version(), VARIANT, FINISH):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class PdfFile:
    """One PDF: where it goes in the site, its bytes and its number of pages."""

    path: str
    data: bytes
    pages: int


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

    @cached_property
    def html(self) -> str:
        return self.render()

    @property
    def key(self) -> str:
        return pdf_key(self.html, self.created)


def pdfs(jobs: list[Job], store: Store, runner: Runner,
         progress: Progress | None = None) -> tuple[list[PdfFile], PdfReport]:
    """Every job's PDF, in job order, from the store or made (a progress task 'pdfs' for the
    ones made); and what had to be made."""
    started = time.perf_counter()
    files = {job.path: found for job in jobs if (found := _stored(job, store)) is not None}
    missing = [job for job in jobs if job.path not in files]
    tick = ticker(progress, "pdfs", len(missing))
    try:
        made = runner.map(make_pdf, [(job.html, job.created, job.key) for job in missing],
                          [job.path for job in missing], on_done=tick)
    except TaskError as exc:
        raise PdfError(f"de samenvatting {exc.name} kon niet worden gemaakt: {exc.cause}") from exc
    warnings: list[str] = []
    machine: dict[str, None] = {}
    for job, (data, pages, messages) in zip(missing, made, strict=True):
        store.put(job.key, data, {"pages": pages, "path": job.path})
        _remember(job, store)
        files[job.path] = PdfFile(job.path, data, pages)
        for message in messages:
            if MACHINE_MESSAGES.search(message):
                machine.setdefault(message, None)
            else:
                warnings.append(f"{job.path}: {message}")
    report = PdfReport(len(jobs), len(missing), time.perf_counter() - started, tuple(warnings),
                       tuple(machine))
    return [files[job.path] for job in jobs], report


def _stored(job: Job, store: Store) -> PdfFile | None:
    """The job's PDF from the store: by the fingerprint of its inputs, else by its HTML."""
    key = None
    if job.fingerprint:
        pointer = store.get(job.fingerprint)
        key = pointer.meta.get("key") if pointer else None
    entry = store.get(key) if isinstance(key, str) else None
    if entry is None:
        entry = store.get(job.key)
        if entry is not None:
            _remember(job, store)
    if entry is None or not isinstance(entry.meta.get("pages"), int):
        return None
    return PdfFile(job.path, entry.data, entry.meta["pages"])


def _remember(job: Job, store: Store) -> None:
    """Point the fingerprint of the job's inputs at its PDF, for the next build's fast path."""
    if job.fingerprint:
        store.put(job.fingerprint, b"", {"key": job.key})


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def make_pdf(job: tuple[str, dt.datetime, str]) -> tuple[bytes, int, list[str]]:
    """One PDF with WeasyPrint: tagged, dated ``created``, its /ID fixed to the key.

    WeasyPrint's warnings (unsupported CSS, a missing font) are returned, not printed, so the
    build can report them under the PDF's name. Runs in a worker process.
    """
    import weasyprint  # heavy import: only where PDFs are made

    from ivpgen.pdf import tags

    html, created, key = job
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html).render(pdf_variant=VARIANT)
        document.metadata.created = document.metadata.modified = created.strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        data = document.write_pdf(pdf_variant=VARIANT, pdf_identifier=key[:32].encode("ascii"),
                                  finisher=tags.finish)
    finally:
        logger.removeHandler(collect)
    assert data is not None
    return data, len(document.pages), collect.messages

"""Make only the PDFs whose input changed; the rest come from ``.cache/ivpgen/pdf/``.

A PDF's key is the SHA-256 of its HTML document (which holds all its input: text, data,
charts as SVG, print CSS), its creation date and the WeasyPrint version. ``manifest.json``
records each edition's key and page count, so the site can say how many pages a PDF has
without opening it, and PDFs no edition uses any more are removed. Missing PDFs are made in a
process pool (WeasyPrint's layout is CPU-bound), collected, then written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ivpgen.errors import PdfError

MANIFEST = "manifest.json"
VARIANT = "pdf/ua-1"
"""Tagged PDF for accessibility (PDF/UA-1): structure tree, /Lang, title, alt texts."""


@cache
def weasyprint_version() -> str:
    return version("weasyprint")


def pdf_key(html: str, created: dt.datetime) -> str:
    digest = hashlib.sha256()
    for part in (html, created.isoformat(), weasyprint_version(), VARIANT):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class PdfFile:
    """One edition's PDF: where it goes in the site, its bytes and its number of pages."""

    path: str
    data: bytes
    pages: int


@dataclass(frozen=True)
class PdfReport:
    total: int
    made: int
    seconds: float
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Job:
    path: str
    html: str
    created: dt.datetime


class PdfCache:
    """PDFs from ``folder`` when their key is there, else made with WeasyPrint."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder
        self.workers = workers or os.cpu_count() or 1

    def pdfs(self, jobs: list[Job]) -> tuple[list[PdfFile], PdfReport]:
        started = time.perf_counter()
        keys = {job.path: pdf_key(job.html, job.created) for job in jobs}
        known = self.manifest().get("pdfs", {})
        found: dict[str, PdfFile] = {}
        for job in jobs:
            entry = known.get(job.path, {})
            data = self._read(keys[job.path]) if entry.get("key") == keys[job.path] else None
            if data is not None:
                found[job.path] = PdfFile(job.path, data, int(entry["pages"]))
        missing = [job for job in jobs if job.path not in found]
        made, warnings = make_all(missing, keys, self.workers)
        self.folder.mkdir(parents=True, exist_ok=True)
        for pdf in made:
            _write_atomic(self.folder / f"{keys[pdf.path]}.pdf", pdf.data)
        files = {**found, **{pdf.path: pdf for pdf in made}}
        self._write_manifest(keys, files)
        ordered = [files[job.path] for job in jobs]
        return ordered, PdfReport(len(jobs), len(made), time.perf_counter() - started,
                                  tuple(warnings))

    def _read(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}.pdf").read_bytes()
        except OSError:
            return None

    def manifest(self) -> dict[str, Any]:
        path = self.folder / MANIFEST
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data

    def _write_manifest(self, keys: dict[str, str], files: dict[str, PdfFile]) -> None:
        manifest = {"weasyprint": weasyprint_version(), "pdfs": {
            path: {"key": key, "pages": files[path].pages, "size": len(files[path].data)}
            for path, key in sorted(keys.items())}}
        _write_atomic(self.folder / MANIFEST,
                      (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
        used = set(keys.values())
        for path in self.folder.glob("*.pdf"):
            if path.stem not in used:
                path.unlink(missing_ok=True)


def make_all(jobs: list[Job], keys: dict[str, str], workers: int) -> tuple[list[PdfFile], list[str]]:
    """Make the PDFs, in a process pool when there is more than one; a failure names its file."""
    if not jobs:
        return [], []
    if len(jobs) == 1 or workers <= 1:
        results = [_checked(job, keys[job.path]) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=_context()) as pool:
            futures = [pool.submit(make_pdf, job.html, job.created, keys[job.path]) for job in jobs]
            results = [_result(job, future.result) for job, future in zip(jobs, futures, strict=True)]
    made = [PdfFile(job.path, data, pages) for job, (data, pages, _) in zip(jobs, results, strict=True)]
    warnings = [f"{job.path}: {w}" for job, (_, _, ws) in zip(jobs, results, strict=True) for w in ws]
    return made, warnings


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["weasyprint"])
        return context
    return multiprocessing.get_context("spawn")


def _checked(job: Job, key: str) -> tuple[bytes, int, list[str]]:
    return _result(job, lambda: make_pdf(job.html, job.created, key))


def _result(job: Job, get: Any) -> tuple[bytes, int, list[str]]:
    try:
        result: tuple[bytes, int, list[str]] = get()
    except Exception as exc:
        raise PdfError(f"de samenvatting {job.path} kon niet worden gemaakt: {exc}") from exc
    return result


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def make_pdf(html: str, created: dt.datetime, key: str) -> tuple[bytes, int, list[str]]:
    """One PDF with WeasyPrint: tagged, dated ``created``, its /ID fixed to the key.

    WeasyPrint's warnings (unsupported CSS, a missing font) are returned, not printed, so the
    build can report them under the PDF's name. Runs in a worker process.
    """
    import weasyprint  # heavy import: only where PDFs are made

    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html).render(pdf_variant=VARIANT)
        document.metadata.created = document.metadata.modified = created.strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        data = document.write_pdf(pdf_variant=VARIANT, pdf_identifier=key[:32].encode("ascii"))
    finally:
        logger.removeHandler(collect)
    assert data is not None
    return data, len(document.pages), collect.messages


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)

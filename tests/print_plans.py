"""The print stage of a plan without building its site: for tests that render one edition or
poster of a plan (the full build makes every edition)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pypdf
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from ivpgen.pdf.cache import make_pdf
from ivpgen.pdf.render import PrintContext
from ivpgen.pipeline import Outcome, Pipeline
from ivpgen.pipeline import print_context as context_of
from ivpgen.progress import Progress
from ivpgen.runner import Runner

CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def print_context(config_file: Path, store: Path) -> tuple[PrintContext, Outcome]:
    """The plan checked and its charts drawn: what the print stage gets from the pipeline."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    settings = config.plugins["ivpgen"].settings(config, get_files(config))  # type: ignore[attr-defined]
    settings.store_dir = store
    pipeline = Pipeline(Runner(1))
    try:
        outcome = pipeline.check(settings)
        assert not outcome.failed, [p for p in outcome.problems if p.severity == "error"]
        pipeline._charts(outcome, pipeline.store(settings), Progress())
    finally:
        pipeline.close()
    ctx = context_of(settings, outcome)
    return ctx, outcome


def pdf(html: str, png: bool = False) -> tuple[pypdf.PdfReader, bytes]:
    """The HTML made into a PDF as the build makes it; the PDF read, and its bytes."""
    import io

    data, _pages, _messages, _png = make_pdf((html, CREATED, "0" * 64, png))
    return pypdf.PdfReader(io.BytesIO(data)), data


def alt_texts(node: Any) -> list[str]:
    """Every /Alt in a structure tree (the tagged PDF's figures)."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        return [alt for child in node for alt in alt_texts(child)]
    if isinstance(node, dict):
        own = [str(node["/Alt"])] if "/Alt" in node else []
        return own + (alt_texts(node["/K"]) if "/K" in node else [])
    return []

"""One parallel runner for expensive work (drawing charts, making PDFs).

A process pool is started on first use and kept for the life of the process, so that
``ivpgen serve`` pays the start-up once, not on every rebuild. Workers come from a forkserver
(safe to start from MkDocs' serve threads). Results are collected in order; a failure is
raised with the name of the item that failed.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class TaskError(Exception):
    """A task failed in a worker; ``name`` says which item it was working on."""

    def __init__(self, name: str, cause: BaseException) -> None:
        super().__init__(f"{name}: {cause}")
        self.name = name
        self.cause = cause


class Runner:
    """Runs a function over items, in worker processes when that is worth it."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Sequence[T], names: Sequence[str],
            min_parallel: int = 2, on_done: Callable[[], None] | None = None) -> list[R]:
        """fn(item) for every item, in order; in the pool when there are at least min_parallel.
        ``on_done`` is called once per finished item (for a progress bar), in any order."""
        if len(items) < max(min_parallel, 2) or self.workers <= 1:
            results = []
            for item, name in zip(items, names, strict=True):
                results.append(_call(fn, item, name))
                if on_done is not None:
                    on_done()
            return results
        pool = self._get_pool()
        futures = [pool.submit(fn, item) for item in items]
        if on_done is not None:
            for future in futures:
                future.add_done_callback(lambda _future: on_done())
        return [_result(future, name) for future, name in zip(futures, names, strict=True)]

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context())
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _call(fn: Callable[[T], R], item: T, name: str) -> R:
    try:
        return fn(item)
    except Exception as exc:
        raise TaskError(name, exc) from exc


def _result(future: Future[R], name: str) -> R:
    try:
        return future.result()
    except Exception as exc:
        raise TaskError(name, exc) from exc

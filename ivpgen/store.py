"""One content-addressed store for built assets (chart SVGs, PDFs): a key gives bytes and metadata.

A key is a hash of everything that shapes an asset, so an entry never goes stale: it is only
ever unused. Entries are therefore never removed because one build did not need them (two
plans, or ``serve`` and ``build``, may share a store); the store is pruned by age and size.
Layout: ``<root>/<key[:2]>/<key>`` holds the bytes and ``<key>.json`` the metadata; both are
written atomically, so a reader in another process never sees half a file.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 1_000_000_000
"""Above this size the least recently used entries are removed."""
MAX_AGE_DAYS = 60
"""Entries no build has read for this long are removed."""
PRUNE_EVERY_SECONDS = 3600
TOUCH_AFTER_SECONDS = 86_400
"""A read refreshes an entry's time when it is older than this (cheap, and good enough for LRU)."""
_MARKER = ".pruned"


@dataclass(frozen=True)
class Entry:
    data: bytes
    meta: dict[str, Any]


class Store:
    """Assets by key in a folder, shared by every build that points at it."""

    def __init__(self, root: Path, max_bytes: int = MAX_BYTES, max_age_days: float = MAX_AGE_DAYS) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.max_age = max_age_days * 86_400

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The entry stored under key, or None."""
        path = self._path(key)
        try:
            data = path.read_bytes()
            meta = json.loads(path.with_name(f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict):
            return None
        self._touch(path)
        return Entry(data, meta)

    def put(self, key: str, data: bytes, meta: dict[str, Any] | None = None) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, data)
        _write_atomic(path.with_name(f"{key}.json"),
                      json.dumps(meta or {}, sort_keys=True).encode("utf-8"))

    def _touch(self, path: Path) -> None:
        now = time.time()
        try:
            if now - path.stat().st_mtime > TOUCH_AFTER_SECONDS:
                os.utime(path, (now, now))
        except OSError:
            pass

    def prune(self, force: bool = False) -> int:
        """Remove old entries, then the least recently used until the store fits; at most
        once an hour unless forced. Returns how many entries were removed."""
        marker = self.root / _MARKER
        now = time.time()
        try:
            if not force and now - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
                return 0
        except OSError:
            pass
        entries = sorted(self._entries(), key=lambda item: item[1])  # oldest first
        total = sum(size for _, _, size in entries)
        removed = 0
        for path, mtime, size in entries:
            if now - mtime <= self.max_age and total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            path.with_name(f"{path.name}.json").unlink(missing_ok=True)
            total -= size
            removed += 1
        if self.root.is_dir():
            marker.touch()
        return removed

    def _entries(self) -> list[tuple[Path, float, int]]:
        """(path, time last used, size) of every asset in the store."""
        found = []
        for path in self.root.glob("??/*"):
            if path.suffix in (".json", ".tmp") or path.name.startswith("."):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path, stat.st_mtime, stat.st_size))
        return found


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)

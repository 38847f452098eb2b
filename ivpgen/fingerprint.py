"""A fingerprint of everything a build reads: content, theme, locale files, ivpgen's own code.

Used as a fast path: when the fingerprint of a PDF's inputs is in the store, the PDF is taken
without even rendering its HTML. Any change to any input gives a new fingerprint (the HTML is
then rendered and hashed, and only editions whose HTML changed are made again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

BIG = 1_000_000
"""Files larger than this are fingerprinted by size and modification time, not by their bytes."""


def folder_digest(folders: Iterable[Path], digest: hashlib._Hash | None = None) -> hashlib._Hash:
    """Add every file below the folders (path, and bytes or size and time) to a digest."""
    digest = digest or hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            stat = path.stat()
            digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0".encode())
            if stat.st_size > BIG:
                digest.update(str(stat.st_mtime_ns).encode())
            else:
                digest.update(path.read_bytes())
    return digest


def modules_digest(folder: Path, names: Iterable[str]) -> str:
    """A short digest of some of a package's modules: stored assets they made are keyed by it,
    so a changed module never serves what its predecessor made."""
    digest = hashlib.sha256()
    for name in names:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


@cache
def code_digest() -> str:
    """ivpgen's own code and data (templates of the package are in its theme folder)."""
    return folder_digest([Path(__file__).parent]).hexdigest()


def inputs_digest(docs_dir: Path, template_dirs: Iterable[Path], settings: str) -> str:
    """The fingerprint of one build's inputs: content, theme folders, settings, ivpgen itself."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(settings.encode("utf-8"))
    return folder_digest([docs_dir, *template_dirs], digest).hexdigest()

"""Results that are slow to make and depend only on their inputs (QR codes, figures, compiled templates),
kept in .cache/omlaegning/ under the handbook's folder so the next build, in a new process, reads them.

An entry's name is the SHA-256 of everything it is made from, so a changed input is a new entry and an
entry is never stale. Its first line is the SHA-256 of the rest: an entry that was cut short or changed
on disk is made again. The cache only saves time: when the folder cannot be written, the result is made
every time, and deleting the folder is always safe. .gitignore keeps it out of the repository.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..atomicfile import write_atomically

CACHE_DIR = Path(".cache") / "omlaegning"


def key(*parts: str | bytes) -> str:
    """The SHA-256 of the parts, each prefixed by its length so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data) + data)
    return digest.hexdigest()


class DiskCache:
    def __init__(self, root: Path | None):
        """root: the handbook's folder; None keeps nothing on disk."""
        self.folder = root / CACHE_DIR if root is not None else None

    def path(self, section: str, entry: str) -> Path | None:
        return self.folder / section / entry if self.folder is not None else None

    def read(self, section: str, entry: str) -> bytes | None:
        """The entry's bytes, or None when it is missing or damaged."""
        path = self.path(section, entry)
        try:
            stored = path.read_bytes() if path is not None else None
        except OSError:
            return None
        if stored is None:
            return None
        check, _, data = stored.partition(b"\n")
        return data if check == hashlib.sha256(data).hexdigest().encode("ascii") else None

    def write(self, section: str, entry: str, data: bytes) -> None:
        """Store the entry whole or not at all: a temporary file renamed into place, so a reader in another
        process (parallel tests, a second build) never sees half an entry."""
        path = self.path(section, entry)
        if path is None:
            return
        try:
            write_atomically(path, hashlib.sha256(data).hexdigest().encode("ascii") + b"\n", data)
        except OSError:
            pass  # a read-only checkout: the result is simply made again next time

    def keep_only(self, section: str, entries: set[str]) -> None:
        """Delete the section's other entries: for results that replace the last ones (the whole rendered
        handbook, what check said, the sanitized pages), so each save under `mkdocs serve` does not leave more behind."""
        folder = self.folder / section if self.folder is not None else None
        try:
            for other in folder.iterdir() if folder is not None and folder.is_dir() else ():
                if other.name not in entries and not other.name.startswith("."):  # not a half-written entry
                    other.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout: the old entries stay

    def text(self, section: str, entry: str, make: Callable[[], str]) -> str:
        """The stored text of the entry, or make it, store it and return it."""
        data = self.read(section, entry)
        if data is not None:
            return data.decode("utf-8")
        made = make()
        self.write(section, entry, made.encode("utf-8"))
        return made

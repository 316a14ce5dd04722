"""An export written into its folder: only the files whose content changed, each replaced atomically, and
deleting only files an earlier export wrote (listed in MARKER)."""
from __future__ import annotations

from pathlib import Path

from .atomicfile import write_atomically

# Written into every export with the list of files it wrote: a later export only ever replaces a
# folder it made itself, and deletes nothing else.
MARKER = ".omlaegning-eksport"
_MARKER_HEADER = "Lavet af 'omlaegning export'. Filerne herunder skrives om eller slettes ved næste eksport.\n"


def _written_before(target: Path) -> set[str]:
    marker = target / MARKER
    if not marker.is_file():
        return set()
    return {line for line in marker.read_text(encoding="utf-8").splitlines()[1:] if line}


def sync(target: Path, files: dict[str, bytes]) -> list[str]:
    """Make target hold files: write what differs, delete what an earlier export wrote and this one
    does not. Returns the paths written or deleted."""
    changed = []
    files = {**files, MARKER: (_MARKER_HEADER + "".join(f"{rel}\n" for rel in sorted(files))).encode("utf-8")}
    previous = _written_before(target)
    for rel, content in files.items():
        path = target / rel
        if not (path.is_file() and path.read_bytes() == content):
            write_atomically(path, content)
            changed.append(rel)
    for rel in sorted(previous - files.keys()):
        path = target / rel
        if path.is_file():
            path.unlink()
            changed.append(rel)
            for folder in path.parents:  # folders left empty by the deletion
                if folder == target or any(folder.iterdir()):
                    break
                folder.rmdir()
    return changed

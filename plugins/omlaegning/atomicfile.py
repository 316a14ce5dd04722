"""A file replaced whole or not at all: readers in other processes (zensical serve, parallel tests, a second
build) see the old file or the new one, never half of one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, *chunks: bytes) -> None:
    """Write the chunks one after the other (no joined copy of a large file in memory) into a temporary file
    beside `path`, named with a leading dot, and rename it into place; on failure the temporary file goes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

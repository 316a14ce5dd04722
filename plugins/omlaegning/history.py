"""When each content file last changed, from git: "Senest opdateret" shows content, not build time."""
from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from .filekinds import CONTENT_DIRS


def last_changed(root: Path) -> dict[str, datetime.date]:
    """The last commit date of every file under the content folders, from a single git log.

    Files outside git (or no git at all) have no date; pages then show none rather than a wrong one.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--relative",
             "--", *CONTENT_DIRS],
            capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, datetime.date] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)  # git log is newest first
    return dates

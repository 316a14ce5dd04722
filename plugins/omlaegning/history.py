"""The content's git history: "Senest opdateret" and "Hvad er nyt" show content changes, not build time."""
from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .filekinds import CONTENT_DIRS


@dataclass(frozen=True)
class Change:
    date: datetime.date
    status: str  # "A" added, "M" modified, "D" deleted
    file: str    # relative to the content root


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...] = ()  # newest first

    def last_changed(self) -> dict[str, datetime.date]:
        dates: dict[str, datetime.date] = {}
        for change in self.changes:
            dates.setdefault(change.file, change.date)
        return dates


def read_history(root: Path) -> History:
    """All changes to the content folders, from a single git log.

    Outside git (or without git) there is no history; pages then show no date rather than a wrong one.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-status", "--no-renames",
             "--relative", "--", *CONTENT_DIRS],
            capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return History()
    changes, date = [], None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            date = datetime.date.fromisoformat(line[1:])
        elif line and date is not None:
            status, file = line.split("\t", 1)
            changes.append(Change(date, status, file))
    return History(tuple(changes))


def last_commit_time(root: Path) -> int | None:
    """Seconds since the epoch of the last commit, or None outside git."""
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(result.stdout) if result.stdout.strip() else None


def edition_date() -> datetime.date:
    """The date of the handbook's edition: that of SOURCE_DATE_EPOCH (the last commit's, set by the build
    or the publishing workflow), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.date.today()
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()

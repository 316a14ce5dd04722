"""The content's git history: "Senest opdateret" and "Hvad er nyt" show content changes, not build time.

What a change means to a reader is written by the editor in the commit message, one line per
change beginning with "Nyt:" (docs/redaktoerer.md explains it); the rest of the message is for
the editors themselves.
"""
from __future__ import annotations

import datetime
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .folders import CONTENT_DIRS


@dataclass(frozen=True)
class Change:
    date: datetime.date
    status: str  # "A" added, "M" modified, "D" deleted
    file: str    # relative to the content root
    # The commit's sentences for readers (its "Nyt:" lines), the same for each file it changed.
    nyt: tuple[str, ...] = ()
    commit: str = field(default="", compare=False)  # which changes belong together


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
            ["git", "-C", str(root), "log", "--format=%x00%cs%x1f%H%x1f%B%x1e", "--name-status", "--no-renames",
             "--relative", "--", *CONTENT_DIRS],
            capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return History()
    changes = []
    for entry in result.stdout.split("\0")[1:]:
        head, _, files = entry.partition("\x1e")
        date, commit, message = head.split("\x1f", 2)
        nyt = tuple(m.group(1).strip() for m in _READER_LINE.finditer(message))
        for line in files.splitlines():
            if line:
                status, file = line.split("\t", 1)
                changes.append(Change(datetime.date.fromisoformat(date), status, file, nyt, commit))
    return History(tuple(changes))


# "Nyt: Roskilde Kommunes side fortæller nu om recoveryskolen ARK." at the start of a line.
_READER_LINE = re.compile(r"^Nyt:[ \t]*(\S.*)$", re.MULTILINE)


def last_commit_time(root: Path) -> int | None:
    """Seconds since the epoch of the last commit, or None outside git."""
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(result.stdout) if result.stdout.strip() else None


def edition_date(commit_time: int | None = None) -> datetime.date:
    """The date of the handbook's edition: that of SOURCE_DATE_EPOCH where the environment sets it (the
    convention for reproducible builds), else of `commit_time` (the last commit's), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or commit_time
    if epoch is None:
        return datetime.date.today()
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()

"""Line and column of a place in a text, counted as the editor's text editor counts them (both from 1)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    line: int
    column: int



# Editors, git and GitHub end a line at \r\n, \r or \n only. YAML also ends one at U+0085, U+2028
# and U+2029 (pasted from web pages and PDFs), and str.splitlines() at still more characters, so
# every position is counted here from the character's index instead.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def editor_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


class Lines:
    """Line and column of a character index, as an editor counts them (both from 1)."""

    def __init__(self, text: str):
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def at(self, index: int) -> Position:
        line = bisect_right(self._starts, index)
        return Position(line, index - self._starts[line - 1] + 1)

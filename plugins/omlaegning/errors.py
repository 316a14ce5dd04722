"""Content errors: what an editor did wrong, where, said in Danish.

Every problem found in the YAML becomes one ContentError; the loader collects all
of them and raises ContentErrors once, so an editor sees every mistake in one run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


def format_field(path: FieldPath) -> str:
    """Show a field path the way an editor counts: list items from 1.

    ("aktiviteter", 2, "titel") -> "aktiviteter[3].titel"
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


# Line breaks and control characters an editor may have put in a key, an id or a value that a
# message quotes ("a\nb"): shown the way YAML writes them in quotes, so each error stays one line.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(text: str) -> str:
    return _INVISIBLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def _workflow_escape(text: str, *, in_property: bool = False) -> str:
    """GitHub's escaping for workflow commands (%, line breaks; in properties also : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if self.field:
            return _visible(f"{where}: felt '{self.field}': {self.message}")
        return _visible(f"{where}: {self.message}")

    def github_annotation(self) -> str:
        """The same error as a GitHub Actions workflow command, shown on the line."""
        return (
            f"::error file={_workflow_escape(self.file, in_property=True)},line={self.line},col={self.column},"
            f"title=Fejl i indholdet::{_workflow_escape(str(self))}"
        )


class ContentErrors(Exception):
    """All content errors of one load; nothing may be built from such content."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self, afterwards: str = "Håndbogen bygges først, når alle fejl er rettet.") -> str:
        """The errors for the terminal; `afterwards`: what happens until they are fixed (a build stops)."""
        lines = [f"{len(self.errors)} fejl i håndbogens indhold:"]
        lines += [str(error) for error in self.errors]
        lines.append(f"Ret fejlene i YAML-filerne ovenfor. {afterwards}")
        return "\n".join(lines)


# Under `mkdocs serve`, what the preview shows until the errors are fixed.
PREVIEW_KEEPS_LAST_GOOD = "Forhåndsvisningen viser den seneste udgave uden fejl, indtil de er rettet."
PREVIEW_SHOWS_ERRORS = "Forhåndsvisningen viser fejlene, indtil de er rettet."


class YamlErrors(Exception):
    """A file that cannot be read as YAML at all: its errors, each at its place."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))

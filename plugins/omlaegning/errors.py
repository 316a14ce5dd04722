"""Content errors: what an editor did wrong, where, said in Danish.

Every problem found in the YAML becomes one ContentError; the loader collects all
of them and raises ContentErrors once, so an editor sees every mistake in one run.
"""
from __future__ import annotations

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
            return f"{where}: felt '{self.field}': {self.message}"
        return f"{where}: {self.message}"

    def github_annotation(self) -> str:
        """The same error as a GitHub Actions workflow command, shown on the line."""
        return (
            f"::error file={self.file},line={self.line},col={self.column},"
            f"title=Fejl i indholdet::{self}"
        )


class ContentErrors(Exception):
    """All content errors of one load; nothing may be built from such content."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"{len(self.errors)} fejl i håndbogens indhold:"]
        lines += [str(error) for error in self.errors]
        lines.append("Ret fejlene i YAML-filerne ovenfor. Håndbogen bygges først, når alle fejl er rettet.")
        return "\n".join(lines)

"""A generated page, and a figure drawn for one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str                  # relative to the site root, e.g. "principper/ressourcer.md"
    title: str                 # its title in the navigation
    markdown: str
    sources: tuple[str, ...]   # the YAML files the page is made from, relative to the project root
    # What "Redigér denne side" opens when the page is made from several files, or from none of its own:
    # its main YAML file, or a folder ("concept/principper/") whose files it gathers.
    edit: str | None = None
    kind: str = ""             # its kind in kinds.KINDS

    @property
    def edit_file(self) -> str | None:
        """The one YAML file an editor changes to change this page, if there is one."""
        if self.edit:
            return None if self.edit.endswith("/") else self.edit
        return self.sources[0] if len(self.sources) == 1 else None

    @property
    def edit_target(self) -> str | None:
        """The file, or the folder (ending in /), that the page's edit button opens."""
        return self.edit or self.edit_file


@dataclass(frozen=True)
class Figure:
    path: str
    width: int    # drawn size, so the page keeps its place for the figure while it loads
    height: int

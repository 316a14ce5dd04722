"""What the preview shows when the content has errors before it was ever good: the errors, in Danish.

Under `mkdocs serve` a mistake normally keeps the last good pages with the errors under their titles. When the
very first build already fails there are no good pages to keep, so the handbook is this one page
until the files are fixed; the next save that fixes them brings the whole handbook back.
"""
from __future__ import annotations

from ..errors import ContentErrors
from .pages import Page, RenderedHandbook
from .text import plain

TITLE = "Fejl i indholdet"


def error_handbook(error: ContentErrors) -> RenderedHandbook:
    lines = "\n".join(f"- {plain(item)}" for item in error.errors)
    markdown = (f"# Håndbogen kan ikke vises endnu {{#fejl-i-indholdet}}\n\n"
                f"{len(error.errors)} fejl i YAML-filerne forhindrer, at håndbogen kan laves. Hver fejl står "
                "med fil, linje og kolonne:\n\n"
                f"{lines}\n\n"
                "Ret fejlene, og gem filen. Siden skifter selv til håndbogen, så snart alle fejl er rettet.\n")
    return RenderedHandbook([Page("index.md", TITLE, markdown, ())], [{TITLE: "index.md"}], [], [], {}, {})

"""What the preview shows when the content has errors before it was ever good: the errors, in Danish.

Under `mkdocs serve` a mistake normally keeps the last good pages with the errors under their titles. When the
very first build already fails there are no good pages to keep, so the handbook is this one page
until the files are fixed; the next save that fixes them brings the whole handbook back. It stands at the
front page and at every published page's address (links.lock), so a preview reopened on any page finds the
errors there instead of a missing page.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ContentErrors
from ..lockfile import read_lock
from .pages import Page, RenderedHandbook
from .text import plain

TITLE = "Fejl i indholdet"


def _published_pages(root: Path) -> list[str]:
    """The published pages' paths ('principper/ressourcer.md'), from links.lock; none if it cannot be read."""
    try:
        published = read_lock(root)
    except ContentErrors:
        return []
    return [f"{link.strip('/')}.md" for _, link, target in published if link != "/" and not target and "#" not in link]


def error_handbook(error: ContentErrors, root: Path) -> RenderedHandbook:
    lines = "\n".join(f"- {plain(item)}" for item in error.errors)
    markdown = (f"# Håndbogen kan ikke vises endnu {{#fejl-i-indholdet}}\n\n"
                f"{len(error.errors)} fejl i YAML-filerne forhindrer, at håndbogen kan laves. Hver fejl står "
                "med fil, linje og kolonne:\n\n"
                f"{lines}\n\n"
                "Ret fejlene, og gem filen. Siden skifter selv til håndbogen, så snart alle fejl er rettet.\n")
    pages = [Page(path, TITLE, markdown, ()) for path in ["index.md", *_published_pages(root)]]
    return RenderedHandbook(pages, [{TITLE: "index.md"}], [], [], {}, {})

"""Every anchor on a page must be unique, or a link on a slide lands in the wrong place.

Section anchors are fixed in the templates and entity anchors come from ids in YAML,
so an id such as 'kilder' on an activity would collide with the sources section.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..links import ANCHOR
from ..yamlsource import line_of_key




def _where_defined(root: Path, sources: tuple[str, ...], anchor: str) -> tuple[str, int, int]:
    """The page's YAML file and position where `id: anchor` stands, or the page's first file."""
    for source in sources:
        if found := line_of_key(root / source, "id", anchor):
            return source, *found
    return sources[0], 1, 1


def check_unique_anchors(pages, root: Path) -> None:
    errors = []
    for page in pages:
        for anchor, count in Counter(ANCHOR.findall(page.markdown)).items():
            if count == 1:
                continue
            source, line, column = _where_defined(root, page.sources, anchor)
            errors.append(ContentError(
                source, line, column, "id",
                f"Ankeret '#{anchor}' findes {count} gange på siden {page.path}; et id må ikke hedde "
                "det samme som et fast afsnit eller et andet id på siden. Vælg et andet id."))
    if errors:
        raise ContentErrors(errors)

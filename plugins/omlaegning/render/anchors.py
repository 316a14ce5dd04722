"""Every anchor on a page must be unique, or a link on a slide lands in the wrong place.

Section anchors are fixed in the templates and entity anchors come from ids in YAML,
so an id such as 'kilder' on an activity would collide with the sources section.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..links import ANCHOR




def _where_defined(root: Path, sources: tuple[str, ...], anchor: str) -> tuple[str, int, int]:
    """The page's YAML file and line where `id: anchor` stands, or the page's first file."""
    pattern = re.compile(rf"^(\s*(?:-\s+)?)id:\s*['\"]?{re.escape(anchor)}['\"]?\s*$")
    for source in sources:
        for number, line in enumerate((root / source).read_text(encoding="utf-8").splitlines(), start=1):
            match = pattern.match(line)
            if match:
                return source, number, len(match.group(1)) + 1
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

"""Every anchor on a page must be unique, or a link on a slide lands in the wrong place.

Section anchors are fixed in the templates and entity anchors come from ids in YAML,
so an id such as 'kilder' on an activity would collide with the sources section.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import ContentErrors
from ..lockfile import ANCHOR
from ..locate import error_at_id


def check_unique_anchors(pages, root: Path) -> None:
    errors = []
    for page in pages:
        for anchor, count in Counter(ANCHOR.findall(page.markdown)).items():
            if count > 1:
                errors.append(error_at_id(root, page.sources, anchor, (
                    f"Ankeret '#{anchor}' findes {count} gange på siden {page.path}; et id må ikke hedde "
                    "det samme som et fast afsnit eller et andet id på siden. Vælg et andet id.")))
    if errors:
        raise ContentErrors(errors)

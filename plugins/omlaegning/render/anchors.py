"""Every anchor on a page must be unique, or a link on a slide lands in the wrong place.

Section anchors are fixed in the templates and entity anchors come from ids in YAML,
so an id such as 'kilder' on an activity would collide with the sources section.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import ContentError, ContentErrors

_ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)


def _id_line(yaml_file: Path, anchor: str) -> int:
    pattern = re.compile(rf"^\s*(-\s+)?id:\s*['\"]?{re.escape(anchor)}['\"]?\s*$")
    for number, line in enumerate(yaml_file.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def check_unique_anchors(pages, root: Path) -> None:
    errors = []
    for page in pages:
        for anchor, count in Counter(_ANCHOR.findall(page.markdown)).items():
            if count == 1:
                continue
            source = page.edit_file or page.sources[0]
            errors.append(ContentError(
                source, _id_line(root / source, anchor), 1, "id",
                f"Ankeret '#{anchor}' findes {count} gange på siden {page.path}; et id må ikke hedde "
                "det samme som et fast afsnit eller et andet id på siden. Vælg et andet id."))
    if errors:
        raise ContentErrors(errors)

"""Every anchor on a page must be unique, or a link on a slide lands in the wrong place.

Section anchors are fixed in the templates and entity anchors come from ids in YAML,
so an id such as 'kilder' on an activity would collide with the sources section.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import ContentError, ContentErrors, FieldPath
from ..links import ANCHOR
from ..yamlsource import read_again


def _paths_of_id(data: object, anchor: str, path: FieldPath = ()) -> list[FieldPath]:
    """Where in a file's data an entity has `id: anchor`, in the file's order."""
    found = [path + ("id",)] if isinstance(data, dict) and data.get("id") == anchor else []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found += _paths_of_id(value, anchor, path + (key,))
    return found


def error_at_id(root: Path, sources: tuple[str, ...], entity_id: str, message: str) -> ContentError:
    """The error at the last `id: entity_id` in the files (in a collision the other one is a fixed
    name or stands higher up), or at the top of the first file when no file has it.

    Only on a mistake are the files read again."""
    for source in reversed(sources):
        document = read_again(root / source, source)
        if document and (paths := _paths_of_id(document.data, entity_id)):
            return document.error(paths[-1], message)
    return ContentError(sources[0], 1, 1, "", message)


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

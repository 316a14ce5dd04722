"""Where in the YAML an id stands, for errors found after loading (anchors, short links, published links).

Only on a mistake are the files read again, so the loaded content keeps no positions.
"""
from __future__ import annotations

from pathlib import Path

from .errors import ContentError, FieldPath, format_field
from .yamlsource import read_again


def _paths_of_id(data: object, anchor: str, path: FieldPath = ()) -> list[FieldPath]:
    """Where in a file's data an entity has `id: anchor`, in the file's order."""
    found = [path + ("id",)] if isinstance(data, dict) and data.get("id") == anchor else []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found += _paths_of_id(value, anchor, path + (key,))
    return found


def error_at_id(root: Path, sources: tuple[str, ...], entity_id: str, message: str) -> ContentError:
    """The error at the last `id: entity_id` in the files (in a collision the other one is a fixed
    name or stands higher up), or at the top of the first file when no file has it."""
    for source in reversed(sources):
        document = read_again(root / source, source)
        if document and (paths := _paths_of_id(document.data, entity_id)):
            return document.error(paths[-1], message)
    return ContentError(sources[0], 1, 1, "", message)


def error_at_text(root: Path, sources: tuple[str, ...], text: str, message: str) -> ContentError:
    """The error where `text` is written in the files, named by the field it stands in; at the top of
    the first file when no file holds it (or the page has no file of its own)."""
    for source in sources:
        document = read_again(root / source, source)
        content = (root / source).read_text(encoding="utf-8") if document else ""
        if (index := content.find(text)) < 0:
            continue
        line = content.count("\n", 0, index) + 1
        column = index - content.rfind("\n", 0, index)
        # The field whose value begins last before the text is the one it stands in.
        before = [(where.line, where.column, path) for path, where in document.values.items()
                  if (where.line, where.column) <= (line, column)]
        field = format_field(max(before)[2]) if before else ""
        return ContentError(source, line, column, field, message)
    return ContentError(sources[0] if sources else "", 1, 1, "", message)

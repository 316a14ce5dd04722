"""Fields that slipped into the block text above them.

A line such as "status: planlagt" indented under "beskrivelse: |" is no field to YAML: it becomes
part of the text, shows on the page as text, and the field is silently missing. A line inside a
block text that begins with the name of a field the enclosing entry has is therefore an error
naming both lines. Meant as text, it is written with a capital letter ("Status: planlagt"),
which no field name has.
"""
from __future__ import annotations

from collections.abc import Callable

from .errors import ContentError, format_field
from .yamlsource import YamlDocument


def fields_inside_texts(doc: YamlDocument, fields_at: Callable[[tuple], list[str]]) -> list[ContentError]:
    """fields_at(path): the field names the model accepts in the mapping at path."""
    errors = []
    for path, lines in doc.key_like_lines.items():
        if not path or not isinstance(path[-1], str):
            continue
        entry, text_field = path[:-1], path[-1]
        known = fields_at(entry)
        text_key = doc.keys.get(path)
        for where, name in lines:
            if name not in known or text_key is None:
                continue
            errors.append(ContentError(doc.file, where.line, where.column, format_field(entry + (name,)), (
                f"Linjen ligner feltet '{name}', men står inde i teksten '{text_field}' (linje {text_key.line}) "
                f"og ville blive vist som tekst. Ryk '{name}:' ud, så den står lige under '{text_field}:' "
                f"med {text_key.column - 1} mellemrum foran; er linjen ment som tekst, så skriv "
                f"'{name.capitalize()}:' med stort.")))
    return errors

"""libyaml under the YAML reader: the same checks and positions, several times faster.

Kept for its numbers (see the commit that split yamlsource.py): on the real content, loading the
handbook takes a third of the time with it. Its contract: wherever libyaml and PyYAML may disagree,
it gives up and PyYAML reads the file, so every message and position an editor sees stays PyYAML's
own; tests/test_yamlsource.py holds it to that for every real file and every known disagreement.
"""
from __future__ import annotations

import re

import yaml

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: everything goes through the Python parser
    CParser = None

from .errors import YamlErrors
from .positions import Lines
from .yamltree import Builder, Loader, YamlDocument, documents


class _LibyamlMayDiffer(yaml.YAMLError):
    """Input on which libyaml and PyYAML are known to disagree: PyYAML reads it instead."""


class _FastLoader(Loader):
    """Loader with libyaml's parser under it: the same checks and nodes, several times faster.

    Only the events come from libyaml; composing the nodes stays Loader's own. Where the two
    parsers differ (tags, anchors and directives; empty values, which libyaml places at the next
    token; '?' inside [...] or {...}, which PyYAML refuses), it gives up and PyYAML reads the file.
    """

    def __init__(self, text: str):
        super().__init__(text)  # the Python reader's state; _character_errors has checked the text
        self._events = CParser(text)
        self.check_event, self.peek_event = self._events.check_event, self._events.peek_event
        self._flow: list[bool] = []  # for each open collection: is it [...] or {...}

    def get_event(self):
        event = self._events.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.tag or event.anchor or not event.style and (
                    not event.value or "?" in event.value and any(self._flow)):
                raise _LibyamlMayDiffer()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag or event.anchor:
                raise _LibyamlMayDiffer()
            self._flow.append(bool(event.flow_style))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._flow.pop()
        elif kind is yaml.DocumentStartEvent and (event.version or event.tags):
            raise _LibyamlMayDiffer()
        return event

    def dispose(self):
        self._events.dispose()
        super().dispose()


# Text libyaml reads otherwise than PyYAML: "|#" or ">-#" (a block text and a comment to libyaml,
# an error to PyYAML) and U+FEFF inside the file (libyaml skips it and counts columns differently).
_LIBYAML_DIFFERS = re.compile("[|>][-+0-9]*#|\ufeff")


def parse_valid(file: str, text: str) -> YamlDocument | None:
    """The document, when libyaml reads it without any problem; otherwise None, and the pure-Python
    parser reads it again, so every message and position an editor sees stays PyYAML's own."""
    if CParser is None or _LIBYAML_DIFFERS.search(text):
        return None
    loader = _FastLoader(text)
    try:
        nodes = documents(loader)
        if len(nodes) > 1:
            return None
        builder = Builder(file, loader, text, Lines(text))
        data = builder.build(nodes[0], ()) if nodes else None
    except (yaml.YAMLError, YamlErrors, RecursionError):
        return None
    finally:
        loader.dispose()
    return None if builder.errors else YamlDocument(file, data, builder.values, builder.keys, builder.key_like_lines)

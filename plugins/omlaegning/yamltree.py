"""Compose a YAML text into plain data, recording the line and column of every value and key.

PyYAML's loaders keep the last of two equal keys and forget where each value stood. We compose the
node tree ourselves so that duplicate keys become errors and every field path can be traced back to
its line for the editor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import ContentError, FieldPath, YamlErrors, format_field
from .positions import Lines, Position
from .yamlmessages import KEY_NOT_TEXT, MAX_DEPTH, MERGE, TOO_DEEP, error_at, twice, unreadable_scalar


@dataclass
class YamlDocument:
    file: str
    data: object
    # Where each value starts, and where each mapping key starts (for unknown fields).
    values: dict[FieldPath, Position]
    keys: dict[FieldPath, Position]
    # Lines inside block texts (| and >) that begin like a field ("status: ..."): where, and the name.
    key_like_lines: dict[FieldPath, list[tuple[Position, str]]] = field(default_factory=dict)

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of a field, or of the nearest enclosing value that exists."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return Position(1, 1)

    def error(self, path: FieldPath, message: str, *, key: bool = False) -> ContentError:
        where = self.position(path, key=key)
        return ContentError(self.file, where.line, where.column, format_field(path), message)


class AliasUsed(yaml.MarkedYAMLError):
    pass


class TooDeep(yaml.MarkedYAMLError):
    pass


class Loader(yaml.SafeLoader):
    """A safe loader that refuses aliases (they can multiply a small file into gigabytes) and
    nesting deeper than MAX_DEPTH (it would exhaust Python's stack), each where it begins."""

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise AliasUsed(problem="alias", problem_mark=event.start_mark)
        if self._depth > MAX_DEPTH:
            raise TooDeep(problem="too deep", problem_mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def documents(loader: Loader) -> list[yaml.Node]:
    """The root node of each YAML document in the text (the handbook allows one)."""
    nodes = []
    while loader.check_node():
        nodes.append(loader.get_node())
    return nodes



# A line that begins like a YAML field: a lower-case name, a colon, then a space or the line's end.
_KEY_LIKE = re.compile(r"^[ \t]*([a-z_]+):(?=[ \t]|$)", re.MULTILINE)


class Builder:
    """Turns composed nodes into Python values while recording positions."""

    def __init__(self, file: str, loader: Loader, text: str, lines: Lines):
        self.file = file
        self.loader = loader
        self.text = text
        self.lines = lines
        self.values: dict[FieldPath, Position] = {}
        self.keys: dict[FieldPath, Position] = {}
        self.errors: list[ContentError] = []
        self.key_like_lines: dict[FieldPath, list[tuple[Position, str]]] = {}

    def build(self, node: yaml.Node, path: FieldPath) -> object:
        where = self.values[path] = self.lines.at(node.start_mark.index)
        if len(path) > MAX_DEPTH:
            raise YamlErrors([error_at(self.file, where, TOO_DEEP)])
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.style in ("|", ">"):
            if found := [(self.lines.at(m.start(1)), m.group(1))
                         for m in _KEY_LIKE.finditer(self.text, node.start_mark.index, node.end_mark.index)]:
                self.key_like_lines[path] = found
        try:
            return self.loader.construct_object(node)
        # PyYAML's constructors fail in many ways on an explicit tag they cannot read: '!!bool maybe'
        # with KeyError, '!!int ""' with IndexError, '!!timestamp x' with AttributeError.
        except (yaml.constructor.ConstructorError, ValueError, OverflowError, LookupError, AttributeError):
            # A tagged value starts at its tag.
            tagged = self.text.startswith("!", node.start_mark.index)
            self.errors.append(error_at(self.file, where, unreadable_scalar(node, tagged), format_field(path)))
            return node.value

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict:
        result: dict = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            where = self.lines.at(key_node.start_mark.index)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.errors.append(error_at(self.file, where, MERGE))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(error_at(self.file, where, KEY_NOT_TEXT))
                continue
            key = key_node.value
            if key in first_seen:
                self.errors.append(error_at(self.file, where, twice(first_seen[key]), format_field(path + (key,))))
                continue
            first_seen[key] = where.line
            self.keys[path + (key,)] = where
            result[key] = self.build(value_node, path + (key,))
        return result

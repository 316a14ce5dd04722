"""Read one YAML file into plain data plus the line and column of every value.

The text is checked first (encoding, size, characters YAML cannot hold), then composed with our own
loader (yamltree.py: duplicate keys, aliases and depth refused, positions kept); libyaml reads it when
it surely reads it as PyYAML would (yamlfast.py). Every message is Danish (yamlmessages.py).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import yamlfast
from .errors import ContentError, YamlErrors
from .positions import Lines
from .yamlmessages import (ALIAS, SECOND_DOCUMENT, TOO_DEEP, UNREADABLE, character_errors, decode, error_at,
                           syntax_error)
from .yamltree import AliasUsed, Builder, Loader, TooDeep, YamlDocument, documents

__all__ = ["YamlDocument", "YamlErrors", "parse_yaml", "read_again", "read_yaml"]


def parse_yaml(file: str, raw: bytes) -> YamlDocument:
    """Parse YAML bytes; `file` is the name shown in messages. Raises YamlErrors."""
    text = decode(file, raw)
    if errors := character_errors(file, text):
        raise YamlErrors(errors)
    if (document := yamlfast.parse_valid(file, text)) is not None:
        return document
    lines = Lines(text)
    loader = Loader(text)
    try:
        nodes = documents(loader)
        if len(nodes) > 1:
            raise YamlErrors([error_at(file, lines.at(nodes[1].start_mark.index), SECOND_DOCUMENT)])
        builder = Builder(file, loader, text, lines)
        data = builder.build(nodes[0], ()) if nodes else None
    except AliasUsed as error:
        raise YamlErrors([error_at(file, lines.at(error.problem_mark.index), ALIAS)]) from None
    except TooDeep as error:
        raise YamlErrors([error_at(file, lines.at(error.problem_mark.index), TOO_DEEP)]) from None
    except yaml.MarkedYAMLError as error:
        raise YamlErrors([syntax_error(file, text, lines, error)]) from None
    except yaml.YAMLError:
        raise YamlErrors([ContentError(file, 1, 1, "", UNREADABLE)]) from None
    except RecursionError:
        raise YamlErrors([ContentError(file, 1, 1, "", TOO_DEEP)]) from None
    finally:
        loader.dispose()
    if builder.errors:
        raise YamlErrors(builder.errors)
    return YamlDocument(file, data, builder.values, builder.keys, builder.key_like_lines)


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    return parse_yaml(shown_as, path.read_bytes())


def read_again(path: Path, shown_as: str) -> YamlDocument | None:
    """A file read once more after loading, for positions the models do not keep; None when it
    cannot be read any longer (saved again, broken, during `mkdocs serve`)."""
    try:
        return read_yaml(path, shown_as)
    except (YamlErrors, OSError):
        return None

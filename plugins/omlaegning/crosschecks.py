"""Checks across the content files, once each file is valid on its own: every id defined once, every list's
ids distinct, every reference pointing at something that exists, every number used once."""
from __future__ import annotations

import difflib
from pathlib import Path

from .errors import ContentError
from .kinds import Content
from .messages import ascii_id
from .models import Model
from .models.references import reference_kind, walk
from .yamlsource import YamlDocument

Loaded = list[tuple[Content, YamlDocument, Model]]


class Declared:
    """What broken files still tell about ids, so one broken file gives its own errors and
    not a cascade of "no such id" elsewhere: ids seen in their raw data, and entity kinds
    whose list file could not be read at all."""

    def __init__(self):
        self.ids: set[tuple[str, str]] = set()
        self.unknown_kinds: set[str] = set()

    def covers(self, kind: str, entity_id: str) -> bool:
        return kind in self.unknown_kinds or (kind, entity_id) in self.ids

    def add_broken_file(self, kind: Content, rel: str, data: object) -> None:
        if kind.one_per_file:
            self.ids.add((kind.name, Path(rel).stem))
        elif kind.entities:
            entity_kind, field = kind.entities
            items = data.get(field) if isinstance(data, dict) else None
            if not isinstance(items, list):
                self.unknown_kinds.add(entity_kind)
                return
            self.ids |= {(entity_kind, item["id"]) for item in items
                         if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _entities(kind: Content, model: Model) -> list[tuple[str, tuple, Model]]:
    """The top-level entities a file defines, as (entity kind, path in file, model)."""
    if kind.one_per_file:
        return [(kind.name, (), model)]
    if kind.entities:
        entity_kind, field = kind.entities
        return [(entity_kind, (field, i), item) for i, item in enumerate(getattr(model, field))]
    return []


def _duplicate_ids_in_list(doc: YamlDocument, path: tuple, value: list) -> list[ContentError]:
    errors, seen = [], {}
    for index, item in enumerate(value):
        item_id = getattr(item, "id", None)
        if item_id is None:
            continue
        if item_id in seen:
            errors.append(doc.error(
                path + (index, "id"),
                f"id '{item_id}' bruges allerede af punkt {seen[item_id] + 1} i listen; "
                "et anker skal være entydigt på siden."))
        seen.setdefault(item_id, index)
    return errors


# Danish neuter nouns take 'intet' ("intet princip"), the others 'ingen' ("ingen fase").
_NEUTER = frozenset({"princip", "begreb"})


def _dangling(target: str, ref_id: str, defined: dict) -> str:
    known = sorted(i for k, i in defined if k == target)
    message = f"Der findes {'intet' if target in _NEUTER else 'ingen'} {target} med id '{ref_id}'."
    # 'opfølgning' for 'opfoelgning': Danish letters are compared the way ids spell them.
    guess = difflib.get_close_matches(ascii_id(ref_id), known, n=1)
    if guess:
        message += f" Mente du '{guess[0]}'?"
    return message


def check_links(loaded: Loaded, declared: Declared) -> tuple[dict[tuple[str, str], str], list[ContentError]]:
    """Every id defined once, every list's ids distinct, every reference pointing somewhere."""
    errors: list[ContentError] = []
    defined: dict[tuple[str, str], tuple[YamlDocument, tuple]] = {}
    for kind, doc, model in loaded:
        for entity_kind, path, entity in _entities(kind, model):
            key = (entity_kind, entity.id)
            if key in defined:
                first_doc, first_path = defined[key]
                line = first_doc.position(first_path + ("id",)).line
                errors.append(doc.error(
                    path + ("id",),
                    f"id '{entity.id}' findes allerede i {first_doc.file} (linje {line}); "
                    "et id skal være entydigt."))
            else:
                defined[key] = (doc, path)
    for kind, doc, model in loaded:
        for path, info, value in walk(model):
            entity_list = kind.entities is not None and path == (kind.entities[1],)
            if isinstance(value, list) and not entity_list:  # entity lists were checked above
                errors += _duplicate_ids_in_list(doc, path, value)
            target = reference_kind(info)
            if target is None or value is None:
                continue
            refs = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, ref_id in refs:
                if (target, ref_id) not in defined and not declared.covers(target, ref_id):
                    where = path if index is None else path + (index,)
                    errors.append(doc.error(where, _dangling(target, ref_id, defined)))
    files = {key: doc.file for key, (doc, _) in defined.items()}
    return files, errors


def unique_numbers(entries: Loaded, name: str) -> list[ContentError]:
    errors, seen = [], {}
    for kind, doc, model in entries:
        if kind.name != name:
            continue
        if model.nummer in seen:
            errors.append(doc.error(
                ("nummer",), f"nummer {model.nummer} bruges også af {seen[model.nummer]}; "
                             "hvert nummer må kun bruges én gang."))
        seen.setdefault(model.nummer, doc.file)
    return errors

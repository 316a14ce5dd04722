"""Load concept/ and data/: read every YAML file, validate it, check ids and references.

All errors are collected before anything is raised, so an editor sees every mistake
of a pull request in one run, each with file, line and field.
"""
from __future__ import annotations

import difflib
import fnmatch
import re
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from .blocktext import fields_inside_texts
from .errors import ContentError, ContentErrors
from .handbook import Handbook
from .folders import CONTENT_DIRS
from .kinds import CONTENT_KINDS, RESERVED_IDS, Content
from .messages import ascii_id
from .models import ID_PATTERN, Model
from .models.references import reference_kind, walk
from .validation import allowed_fields, validation_errors
from .yamlsource import YamlDocument, YamlErrors, parse_yaml

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


def _content_files(root: Path) -> list[str]:
    found = []
    for folder in CONTENT_DIRS:
        base = root / folder
        if base.is_dir():
            found += [p.relative_to(root).as_posix() for p in base.rglob("*")
                      if p.is_file() and not p.name.startswith(".")]  # .gitkeep, .DS_Store
    return sorted(found)


def _kind_of(rel: str) -> Content | None:
    path = PurePosixPath(rel)
    for kind in CONTENT_KINDS:
        pattern = PurePosixPath(kind.pattern)
        if str(path.parent) == str(pattern.parent) and fnmatch.fnmatchcase(path.name, pattern.name):
            return kind
    return None


class _Unchanged:
    """Under `mkdocs serve` every save loads the whole handbook again. A file whose bytes are the same as
    last time, and which was valid then, keeps the document and model it gave: only the saved file is
    parsed and validated again. The checks across files (ids, references, numbers) always run."""

    def __init__(self):
        self.root: Path | None = None
        self.files: dict[str, tuple[bytes, YamlDocument, Model]] = {}

    def get(self, root: Path, rel: str, raw: bytes) -> tuple[YamlDocument, Model] | None:
        if root != self.root:  # another handbook (tests load many): forget the last one's files
            self.root, self.files = root, {}
        known = self.files.get(rel)
        return known[1:] if known is not None and known[0] == raw else None

    def keep(self, rel: str, raw: bytes, doc: YamlDocument, model: Model) -> None:
        self.files[rel] = (raw, doc, model)


_UNCHANGED = _Unchanged()


def _read_and_validate(root: Path, remember: bool) -> tuple[Loaded, Declared, list[ContentError]]:
    loaded: Loaded = []
    declared = Declared()
    errors: list[ContentError] = []
    for rel in _content_files(root):
        kind = _kind_of(rel)
        if kind is None:
            errors.append(ContentError(
                rel, 1, 1, "",
                "Filen hører ikke til nogen indholdstype. Principper ligger i concept/principper/, "
                "faser i concept/faser/, vejledninger i concept/vejledninger/ og kommuner i "
                "data/kommuner/, alle med endelsen .yaml."))
            continue
        stem = PurePosixPath(rel).stem
        if kind.one_per_file and (not re.match(ID_PATTERN, stem) or stem in RESERVED_IDS):
            errors.append(ContentError(
                rel, 1, 1, "",
                f"Filnavnet '{stem}' kan ikke bruges som id: brug små bogstaver a-z, tal og bindestreg "
                "(ikke æ, ø, å, mellemrum eller 'index'), fx 'herning.yaml'."))
            continue
        raw = (root / rel).read_bytes()
        if (unchanged := _UNCHANGED.get(root, rel, raw)) is not None:
            loaded.append((kind, *unchanged))
            continue
        try:
            doc = parse_yaml(rel, raw)
        except YamlErrors as error:
            errors += error.errors
            declared.add_broken_file(kind, rel, None)
            continue
        if doc.data is None:
            errors.append(ContentError(rel, 1, 1, "", "Filen er tom eller indeholder kun kommentarer; " + (
                "skriv indholdet, eller slet filen." if kind.one_per_file
                else "håndbogen kan ikke bygges uden dens indhold.")))
            declared.add_broken_file(kind, rel, None)
            continue
        misplaced = fields_inside_texts(doc, lambda path, model=kind.model: allowed_fields(model, path))
        errors += misplaced
        try:
            model = kind.model.model_validate(doc.data)
        except ValidationError as error:
            errors += validation_errors(kind.model, doc, error)
            declared.add_broken_file(kind, rel, doc.data)
            continue
        if misplaced:
            declared.add_broken_file(kind, rel, doc.data)
            continue
        if kind.one_per_file and model.id != stem:
            errors.append(doc.error(
                ("id",), f"id '{model.id}' skal være det samme som filnavnet ('{stem}'), "
                         "så webadressen kan findes ud fra filen."))
            declared.add_broken_file(kind, rel, None)
        elif remember:
            _UNCHANGED.keep(rel, raw, doc, model)
        loaded.append((kind, doc, model))
    for kind in CONTENT_KINDS:
        if not kind.one_per_file and not (root / kind.pattern).is_file():
            errors.append(ContentError(kind.pattern, 1, 1, "", "Filen mangler; den skal findes."))
    return loaded, declared, errors


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


def _check_links(loaded: Loaded, declared: Declared) -> tuple[dict[tuple[str, str], str], list[ContentError]]:
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


def _unique_numbers(entries: Loaded, name: str) -> list[ContentError]:
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


def load_handbook(root: Path, remember: bool = True) -> Handbook:
    """Load and check all content under `root`. Raises ContentErrors listing every problem.
    remember: keep each valid file for the next load in this process (as `mkdocs serve` loads again after every
    save); a single build need not hold every file's document in memory after loading."""
    root = Path(root)
    loaded, declared, errors = _read_and_validate(root, remember)
    files, link_errors = _check_links(loaded, declared)
    errors += link_errors
    for kind in CONTENT_KINDS:
        if kind.one_per_file and "nummer" in kind.model.model_fields:  # their number orders them
            errors += _unique_numbers(loaded, kind.name)
    if errors:
        raise ContentErrors(errors)

    files.update({(kind.name, ""): doc.file for kind, doc, _ in loaded if not kind.one_per_file})
    return Handbook(root, {kind.field: _value(kind, loaded) for kind in CONTENT_KINDS}, files)


def _value(kind: Content, loaded: Loaded) -> object:
    """A kind's content: its entities in their order, or the one file's model."""
    models = [model for k, _, model in loaded if k is kind]
    return sorted(models, key=kind.order) if kind.one_per_file else models[0]

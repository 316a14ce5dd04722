"""Load concept/ and data/: read every YAML file, validate it, check ids and references.

All errors are collected before anything is raised, so an editor sees every mistake
of a pull request in one run, each with file, line and field.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from .blocktext import fields_inside_texts
from .crosschecks import Declared, Loaded, check_links, unique_numbers
from .errors import ContentError, ContentErrors
from .folders import CONTENT_DIRS
from .handbook import Handbook
from .kinds import CONTENT_KINDS, RESERVED_IDS, Content
from .models import ID_PATTERN, Model
from .validation import allowed_fields, validation_errors
from .yamlsource import YamlDocument, YamlErrors, parse_yaml


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


def load_handbook(root: Path, remember: bool = True) -> Handbook:
    """Load and check all content under `root`. Raises ContentErrors listing every problem.
    remember: keep each valid file for the next load in this process (as `mkdocs serve` loads again after every
    save); a single build need not hold every file's document in memory after loading."""
    root = Path(root)
    loaded, declared, errors = _read_and_validate(root, remember)
    files, link_errors = check_links(loaded, declared)
    errors += link_errors
    for kind in CONTENT_KINDS:
        if kind.one_per_file and "nummer" in kind.model.model_fields:  # their number orders them
            errors += unique_numbers(loaded, kind.name)
    if errors:
        raise ContentErrors(errors)

    files.update({(kind.name, ""): doc.file for kind, doc, _ in loaded if not kind.one_per_file})
    return Handbook(root, {kind.field: _value(kind, loaded) for kind in CONTENT_KINDS}, files)


def _value(kind: Content, loaded: Loaded) -> object:
    """A kind's content: its entities in their order, or the one file's model."""
    models = [model for k, _, model in loaded if k is kind]
    return sorted(models, key=kind.order) if kind.one_per_file else models[0]

"""Which YAML file holds which model: the map from the content folders to the models.

Folders hold one entity per file, named by its id (adding a municipality is adding
a file); single files hold a whole list.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import models


@dataclass(frozen=True)
class FileKind:
    name: str           # the entity kind references name, and the JSON Schema's file name
    pattern: str        # relative to the project root
    model: type[models.Model]
    one_per_file: bool  # the file is one entity whose id must match the file name
    # For a file holding a list of entities: (their entity kind, the list's field).
    entities: tuple[str, str] | None = None


FILE_KINDS = (
    FileKind("haandbog", "concept/haandbog.yaml", models.Haandbog, False),
    FileKind("kilder", "concept/kilder.yaml", models.KildeFil, False, ("kilde", "kilder")),
    FileKind("recovery", "concept/recovery.yaml", models.Recovery, False),
    FileKind("ordliste", "concept/ordliste.yaml", models.Ordliste, False, ("begreb", "begreber")),
    FileKind("partnerskab", "concept/partnerskab.yaml", models.Partnerskab, False),
    FileKind("udviklingsforloeb", "concept/udviklingsforloeb.yaml", models.Udviklingsforloeb, False),
    FileKind("selvevaluering", "concept/selvevaluering.yaml", models.Selvevaluering, False),
    FileKind("omdirigeringer", "concept/omdirigeringer.yaml", models.Omdirigeringer, False),
    FileKind("fase", "concept/faser/*.yaml", models.Fase, True),
    FileKind("princip", "concept/principper/*.yaml", models.Princip, True),
    FileKind("vejledning", "concept/vejledninger/*.yaml", models.Vejledning, True),
    FileKind("kommune", "data/kommuner/*.yaml", models.Kommune, True),
)

# A folder's overview page is its index; an entity with this id would take its place.
RESERVED_IDS = frozenset({"index"})

CONTENT_DIRS = ("concept", "data")

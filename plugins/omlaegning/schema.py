"""JSON Schema for each kind of YAML file, made from the models (for yaml-language-server), and the wrapper every
published schema shares."""
from __future__ import annotations

import json
from pathlib import Path

from .kinds import CONTENT_KINDS


SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(schema: dict, title: str) -> dict:
    """A schema as the handbook publishes it, for editors and for the open data: its draft first, our title."""
    return {"$schema": SCHEMA_DRAFT, **schema, "title": title}


def schemas() -> dict[str, dict]:
    return {f"{kind.name}.schema.json": json_schema(kind.model.model_json_schema(), f"Omlægningshåndbogen: {kind.pattern}")
            for kind in CONTENT_KINDS}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written

"""JSON Schema for each kind of YAML file, made from the models (for yaml-language-server)."""
from __future__ import annotations

import json
from pathlib import Path

from .kinds import CONTENT_KINDS


def schemas() -> dict[str, dict]:
    result = {}
    for kind in CONTENT_KINDS:
        schema = kind.model.model_json_schema()
        result[f"{kind.name}.schema.json"] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **schema,
            "title": f"Omlægningshåndbogen: {kind.pattern}",
        }
    return result


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written

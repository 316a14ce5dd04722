"""Open data: the validated content as JSON, published with the site, with its JSON Schema.

The JSON is the models dumped as they are, so the schema comes from the same models as the
editors' schemas (in serialization mode: dates as 'ÅÅÅÅ-MM-DD', addresses as text).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..handbook import Handbook
from ..kinds import ENTITY_ID, KINDS, Kind, label
from ..schema import json_schema

FOLDER = "data"
WHOLE = "omlaegningshaandbogen"


class Afsendermaerke(BaseModel):
    """Hvem indholdet kommer fra; det samme mærke står øverst på siden med indholdet."""

    model_config = ConfigDict(extra="forbid")

    id: Literal["koncept", "haandbog", "kommune"]
    tekst: str = Field(description="Mærket, som læseren ser det, fx 'Kommunens egne oplysninger'.")
    forklaring: str = Field(description="Hvad mærket betyder for denne slags indhold.")


_PARTS = tuple(kind for kind in KINDS if kind.open_data)


def _part_type(kind: Kind) -> tuple:
    content = kind.content
    if kind.open_data.entities_only:
        entity_model = content.model.model_fields[content.entities[1]].annotation
        return (entity_model, Field(description=f"Alle {kind.open_data.part}; andre felter henviser til dem med deres id."))
    return (list[content.model] if content.one_per_file else content.model, ...)


AabneData = create_model(
    "AabneData", __doc__="Hele Omlægningshåndbogens indhold, valideret: konceptet og kommunernes erfaringer.",
    __config__=ConfigDict(extra="forbid", title="Omlægningshåndbogen"),
    afsender=(dict[str, Afsendermaerke], Field(
        description="Hvem indholdet i hver del kommer fra, med delens navn som nøgle: Social- og "
                    "Boligstyrelsens koncept, håndbogens egen sammenfatning eller kommunens egne oplysninger.")),
    **{kind.open_data.part: _part_type(kind) for kind in _PARTS})


@dataclass(frozen=True)
class DataFile:
    path: str         # in the site, e.g. "data/kommuner/herning.json"
    title: str        # what it holds, for the Data page
    schema: str       # the path of the schema it validates against
    content: str


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# The schemas depend on the models only: made once per process, not again on each save under serve.
@functools.cache
def _schema(model: type[BaseModel], title: str) -> str:
    return _json(json_schema(model.model_json_schema(mode="serialization"), title))


@functools.cache
def _entity_schema(model: type[BaseModel], title: str) -> str:
    """The model's schema with the marker every entity file carries first."""
    schema = model.model_json_schema(mode="serialization")
    marker = Afsendermaerke.model_json_schema()
    schema["properties"] = {"afsender": {**marker, "title": "Afsender"}, **schema["properties"]}
    schema["required"] = ["afsender", *schema.get("required", [])]
    return _json(json_schema(schema, title))


def _whole_part(kind: Kind, value: object) -> object:
    return getattr(value, kind.content.entities[1]) if kind.open_data.entities_only else value


def open_data(handbook: Handbook) -> tuple[list[DataFile], dict[str, str]]:
    """The data files (the whole content first, then one per entity) and the schemas, by path."""
    values = {kind.name: getattr(handbook, kind.content.field) for kind in _PARTS}
    whole = AabneData(afsender={kind.open_data.part: kind.afsender.as_data() for kind in _PARTS},
                      **{kind.open_data.part: _whole_part(kind, values[kind.name]) for kind in _PARTS})
    schemas = {f"{FOLDER}/skema/{WHOLE}.schema.json": _schema(AabneData, "Omlægningshåndbogen: hele indholdet")}
    files = [DataFile(f"{FOLDER}/{WHOLE}.json", "Hele håndbogens indhold",
                      f"{FOLDER}/skema/{WHOLE}.schema.json", _json(whole.model_dump(mode="json")))]
    for kind in _PARTS:
        rule, content = kind.open_data, kind.content
        if rule.path is None:
            continue
        schema_path = f"{FOLDER}/skema/{content.model.__name__.lower()}.schema.json"
        schemas[schema_path] = _entity_schema(content.model, f"Omlægningshåndbogen: {rule.schema_title}")
        entities = values[kind.name] if content.one_per_file else [values[kind.name]]
        for value in entities:
            path = rule.path.replace(ENTITY_ID, value.id) if content.one_per_file else rule.path
            data = {"afsender": kind.afsender.as_data(), **value.model_dump(mode="json")}
            files.append(DataFile(f"{FOLDER}/{path}.json", label(rule.title, value), schema_path, _json(data)))
    return files, schemas

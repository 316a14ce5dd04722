"""Open data: the validated content as JSON, published with the site, with its JSON Schema.

The JSON is the models dumped as they are, so the schema comes from the same models as the
editors' schemas (in serialization mode: dates as 'ÅÅÅÅ-MM-DD', addresses as text).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..handbook import Handbook
from .afsender import BY_PAGE_KIND
from ..models import (Fase, Haandbog, Kilde, KildeFil, Kommune, Ordliste, Partnerskab, Princip, Recovery,
                      Selvevaluering, Udviklingsforloeb, Vejledning)

FOLDER = "data"
WHOLE = "omlaegningshaandbogen"
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class Afsendermaerke(BaseModel):
    """Hvem indholdet kommer fra; det samme mærke står øverst på siden med indholdet."""

    model_config = ConfigDict(extra="forbid")

    id: Literal["koncept", "haandbog", "kommune"]
    tekst: str = Field(description="Mærket, som læseren ser det, fx 'Kommunens egne oplysninger'.")
    forklaring: str = Field(description="Hvad mærket betyder for denne slags indhold.")


# The page kind each part of the whole file is shown on, for its marker.
PART_KINDS = {"haandbog": "forside", "kilder": "data", "faser": "fase", "principper": "princip",
              "recovery": "recovery", "partnerskab": "partnerskab", "udviklingsforloeb": "udviklingsforloeb",
              "vejledninger": "vejledning", "selvevaluering": "selvevaluering", "ordliste": "ordliste",
              "kommuner": "kommune"}


class AabneData(BaseModel):
    """Hele Omlægningshåndbogens indhold, valideret: konceptet og kommunernes erfaringer."""

    model_config = ConfigDict(extra="forbid", title="Omlægningshåndbogen")

    afsender: dict[str, Afsendermaerke] = Field(
        description="Hvem indholdet i hver del kommer fra, med delens navn som nøgle: Social- og "
                    "Boligstyrelsens koncept, håndbogens egen sammenfatning eller kommunens egne oplysninger.")
    haandbog: Haandbog
    kilder: list[Kilde] = Field(description="Alle kilder; andre felter henviser til dem med deres id.")
    faser: list[Fase]
    principper: list[Princip]
    recovery: Recovery
    partnerskab: Partnerskab
    udviklingsforloeb: Udviklingsforloeb
    vejledninger: list[Vejledning]
    selvevaluering: Selvevaluering
    ordliste: Ordliste
    kommuner: list[Kommune]


# What each schema describes, as a reader of the data would say it.
SCHEMA_TITLES = {KildeFil: "kilderne", Fase: "en fase", Princip: "et princip",
                 Recovery: "recovery og rehabilitering", Partnerskab: "partnerskabet",
                 Udviklingsforloeb: "udviklingsforløbene", Vejledning: "en vejledning", Ordliste: "ordlisten",
                 Kommune: "en kommunes erfaringer", Selvevaluering: "selvevalueringens udsagn"}


@dataclass(frozen=True)
class DataFile:
    path: str         # in the site, e.g. "data/kommuner/herning.json"
    title: str        # what it holds, for the Data page
    schema: str       # the path of the schema it validates against
    content: str


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _schema(model: type[BaseModel], title: str) -> str:
    return _json({"$schema": SCHEMA_DRAFT, **model.model_json_schema(mode="serialization"), "title": title})


def _entity_schema(model: type[BaseModel], title: str) -> str:
    """The model's schema with the marker every entity file carries first."""
    schema = model.model_json_schema(mode="serialization")
    marker = Afsendermaerke.model_json_schema()
    schema["properties"] = {"afsender": {**marker, "title": "Afsender"}, **schema["properties"]}
    schema["required"] = ["afsender", *schema.get("required", [])]
    return _json({"$schema": SCHEMA_DRAFT, **schema, "title": title})


def _marker(kind: str) -> dict[str, str]:
    return BY_PAGE_KIND[kind].as_data()


def open_data(handbook: Handbook) -> tuple[list[DataFile], dict[str, str]]:
    """The data files (the whole content first, then one per entity) and the schemas, by path."""
    whole = AabneData(
        haandbog=handbook.haandbog, kilder=list(handbook.kilder.values()), faser=handbook.faser,
        principper=handbook.principper, recovery=handbook.recovery, partnerskab=handbook.partnerskab,
        udviklingsforloeb=handbook.udviklingsforloeb, vejledninger=handbook.vejledninger,
        selvevaluering=handbook.selvevaluering,
        ordliste=handbook.ordliste, kommuner=handbook.kommuner,
        afsender={part: _marker(kind) for part, kind in PART_KINDS.items()})
    schemas = {f"{FOLDER}/skema/{WHOLE}.schema.json": _schema(AabneData, "Omlægningshåndbogen: hele indholdet")}
    files = [DataFile(f"{FOLDER}/{WHOLE}.json", "Hele håndbogens indhold",
                      f"{FOLDER}/skema/{WHOLE}.schema.json", _json(whole.model_dump(mode="json")))]

    def add(path: str, title: str, model: type[BaseModel], value: BaseModel, kind: str) -> None:
        schema_path = f"{FOLDER}/skema/{model.__name__.lower()}.schema.json"
        if schema_path not in schemas:  # one schema per kind, not one per file
            schemas[schema_path] = _entity_schema(model, f"Omlægningshåndbogen: {SCHEMA_TITLES[model]}")
        content = {"afsender": _marker(kind), **value.model_dump(mode="json")}
        files.append(DataFile(f"{FOLDER}/{path}.json", title, schema_path, _json(content)))

    add("kilder", "Kilder", KildeFil, KildeFil(kilder=list(handbook.kilder.values())), PART_KINDS["kilder"])
    for fase in handbook.faser:
        add(f"faser/{fase.id}", f"Fase {fase.nummer}: {fase.titel}", Fase, fase, "fase")
    for princip in handbook.principper:
        add(f"principper/{princip.id}", f"Princip {princip.nummer}: {princip.titel}", Princip, princip, "princip")
    add("recovery", handbook.recovery.titel, Recovery, handbook.recovery, "recovery")
    add("partnerskab", handbook.partnerskab.titel, Partnerskab, handbook.partnerskab, "partnerskab")
    add("udviklingsforloeb", handbook.udviklingsforloeb.titel, Udviklingsforloeb, handbook.udviklingsforloeb, "udviklingsforloeb")
    for vejledning in handbook.vejledninger:
        add(f"vejledninger/{vejledning.id}", f"Vejledning: {vejledning.titel}", Vejledning, vejledning, "vejledning")
    add("selvevaluering", handbook.selvevaluering.titel, Selvevaluering, handbook.selvevaluering, "selvevaluering")
    add("ordliste", "Ordliste", Ordliste, handbook.ordliste, "ordliste")
    for kommune in handbook.kommuner:
        add(f"kommuner/{kommune.id}", kommune.navn, Kommune, kommune, "kommune")
    return files, schemas


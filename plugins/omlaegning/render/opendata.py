"""Open data: the validated content as JSON, published with the site, with its JSON Schema.

The JSON is the models dumped as they are, so the schema comes from the same models as the
editors' schemas (in serialization mode: dates as 'ÅÅÅÅ-MM-DD', addresses as text).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..handbook import Handbook
from ..models import (Fase, Haandbog, Kilde, KildeFil, Kommune, Ordliste, Partnerskab, Princip, Recovery,
                      Selvevaluering, Udviklingsforloeb, Vejledning)

FOLDER = "data"
WHOLE = "omlaegningshaandbogen"
SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class AabneData(BaseModel):
    """Hele Omlægningshåndbogens indhold, valideret: konceptet og kommunernes erfaringer."""

    model_config = ConfigDict(extra="forbid", title="Omlægningshåndbogen")

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


def open_data(handbook: Handbook) -> tuple[list[DataFile], dict[str, str]]:
    """The data files (the whole content first, then one per entity) and the schemas, by path."""
    whole = AabneData(
        haandbog=handbook.haandbog, kilder=list(handbook.kilder.values()), faser=handbook.faser,
        principper=handbook.principper, recovery=handbook.recovery, partnerskab=handbook.partnerskab,
        udviklingsforloeb=handbook.udviklingsforloeb, vejledninger=handbook.vejledninger,
        selvevaluering=handbook.selvevaluering,
        ordliste=handbook.ordliste, kommuner=handbook.kommuner)
    schemas = {f"{FOLDER}/skema/{WHOLE}.schema.json": _schema(AabneData, "Omlægningshåndbogen: hele indholdet")}
    files = [DataFile(f"{FOLDER}/{WHOLE}.json", "Hele håndbogens indhold",
                      f"{FOLDER}/skema/{WHOLE}.schema.json", _json(whole.model_dump(mode="json")))]

    def add(path: str, title: str, model: type[BaseModel], value: BaseModel) -> None:
        schema_path = f"{FOLDER}/skema/{model.__name__.lower()}.schema.json"
        if schema_path not in schemas:  # one schema per kind, not one per file
            schemas[schema_path] = _schema(model, f"Omlægningshåndbogen: {SCHEMA_TITLES[model]}")
        files.append(DataFile(f"{FOLDER}/{path}.json", title, schema_path, _json(value.model_dump(mode="json"))))

    add("kilder", "Kilder", KildeFil, KildeFil(kilder=list(handbook.kilder.values())))
    for fase in handbook.faser:
        add(f"faser/{fase.id}", f"Fase {fase.nummer}: {fase.titel}", Fase, fase)
    for princip in handbook.principper:
        add(f"principper/{princip.id}", f"Princip {princip.nummer}: {princip.titel}", Princip, princip)
    add("recovery", handbook.recovery.titel, Recovery, handbook.recovery)
    add("partnerskab", handbook.partnerskab.titel, Partnerskab, handbook.partnerskab)
    add("udviklingsforloeb", handbook.udviklingsforloeb.titel, Udviklingsforloeb, handbook.udviklingsforloeb)
    for vejledning in handbook.vejledninger:
        add(f"vejledninger/{vejledning.id}", f"Vejledning: {vejledning.titel}", Vejledning, vejledning)
    add("selvevaluering", handbook.selvevaluering.titel, Selvevaluering, handbook.selvevaluering)
    add("ordliste", "Ordliste", Ordliste, handbook.ordliste)
    for kommune in handbook.kommuner:
        add(f"kommuner/{kommune.id}", kommune.navn, Kommune, kommune)
    return files, schemas


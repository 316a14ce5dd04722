"""Value types several models share: periods, dates known to a month or a year, amounts, statuses."""
from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from ..formatting import PRAECISIONER
from .base import TAL_GRAENSE, KildeRef, Model, Tekst, kilder_field

Praecision = Literal[tuple(PRAECISIONER)]


def _first_day_error(dato: datetime.date, praecision: str) -> str | None:
    """The message when a date known only to its month, quarter, half-year or year is not that period's first day."""
    months = PRAECISIONER[praecision]
    if months and (dato.day != 1 or (dato.month - 1) % months):
        start = dato.replace(month=dato.month - (dato.month - 1) % months, day=1)
        return (f"Med praecision '{praecision}' skal datoen være periodens første dag, her "
                f"{start.isoformat()} i stedet for {dato.isoformat()}.")
    return None


class Periode(Model):
    start: datetime.date = Field(description="Første dag, ÅÅÅÅ-MM-DD. Kendes kun måned, kvartal, halvår eller år, "
                                             "så brug periodens første dag og sæt 'praecision'.")
    slut: datetime.date | None = Field(None, description="Sidste dag, ÅÅÅÅ-MM-DD; udelades, hvis den ikke kendes. "
                                                         "Med 'praecision' den sidste periodes første dag, fx "
                                                         "2022-01-01 for 'til og med 2022'.")
    praecision: Praecision = Field(
        "dag", description="Hvor præcist kilden angiver start og slut: 'dag', 'maaned', 'kvartal', 'halvaar' "
                           "eller 'aar'. Opdigt aldrig dage, kilden ikke nævner.")

    @model_validator(mode="after")
    def _ends_after_start(self):
        if self.slut is not None and self.slut < self.start:
            raise ValueError("Perioden slutter, før den begynder ('slut' ligger før 'start').")
        for dato in (self.start, self.slut):
            if dato is not None and (error := _first_day_error(dato, self.praecision)):
                raise ValueError(error)
        return self


class Budget(Model):
    beloeb: int = Field(ge=0, le=TAL_GRAENSE, description="Beløbet i hele kroner, uden punktummer: 3750000.")
    tekst: Tekst = Field(description="Hvad beløbet dækker, og hvem det kommer fra.")
    kilder: list[KildeRef] = kilder_field()


class Milepael(Model):
    dato: datetime.date = Field(
        description="Datoen, ÅÅÅÅ-MM-DD. Kendes kun måned, kvartal, halvår eller år, så brug periodens "
                    "første dag og sæt 'praecision'.")
    praecision: Praecision = Field(
        "dag", description="Hvor præcis datoen er: 'dag', 'maaned', 'kvartal', 'halvaar' eller 'aar'.")
    tekst: Tekst
    kilder: list[KildeRef] = kilder_field()

    @model_validator(mode="after")
    def _first_day_of_its_period(self):
        # The timeline draws an imprecise date as its whole month, quarter, half-year or year.
        if error := _first_day_error(self.dato, self.praecision):
            raise ValueError(error)
        return self


# How far an activity had come, as the YAML writes it and as the reader sees it.
STATUS = {"planlagt": "Planlagt", "afproevning": "Under afprøvning", "i-drift": "I drift", "afsluttet": "Afsluttet"}
Status = Literal[tuple(STATUS)]

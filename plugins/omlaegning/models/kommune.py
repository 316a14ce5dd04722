"""A municipality's experiences: one file per municipality in data/kommuner/."""
from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from .base import (TAL_GRAENSE, Celle, FaseRef, Id, KildeRef, MarkdownTekst, Model, PrincipRef, Tal, Tekst, kilder_field,
                   soegeord_field)
from .values import STATUS, Budget, Milepael, Periode, Status


class Projekt(Model):
    navn: Tekst = Field(description="Projektets navn, fx 'Styrmand i eget liv'.")
    periode: Periode | None = Field(None, description="Projektets periode.")
    budget: Budget | None = Field(None, description="Projektets budget.")
    ejer: Tekst | None = Field(None, description="Den enhed i kommunen, der ejer projektet.")
    kilder: list[KildeRef] = kilder_field()


class _Afsnit(Model):
    # What activities and plans begin with: each is a section of the municipality's page, anchored by its id.
    id: Id
    titel: Tekst
    beskrivelse: MarkdownTekst


class Aktivitet(_Afsnit):
    """En aktivitet eller vej i kommunens omlægning; id'et bliver afsnittets anker."""

    status: Status | None = Field(
        None, description="Hvor langt aktiviteten var nået ifølge kilderne: "
                          + ", ".join(f"'{s}'" for s in list(STATUS)[:-1]) + f" eller '{list(STATUS)[-1]}'.")
    status_pr: datetime.date | None = Field(
        None, description="Datoen på den kilde, status stammer fra, ÅÅÅÅ-MM-DD; skal med, når 'status' er sat. "
                          "Vises som måned og år: 'pr. april 2021'.")
    principper: list[PrincipRef] = Field(default=[], description="Principper, aktiviteten viser i praksis.")
    faser: list[FaseRef] = Field(default=[], description="Faser, aktiviteten hører til.")
    kilder: list[KildeRef] = kilder_field()

    @model_validator(mode="after")
    def _status_has_its_date(self):
        # A status without its date reads as today's: a project that ended years ago looks ongoing.
        if self.status is not None and self.status_pr is None:
            raise ValueError("En status gælder på et bestemt tidspunkt: skriv også 'status_pr' med datoen på "
                             "kilden, fx status_pr: 2021-04-21.")
        return self


def _fits_the_columns(row: list, info: ValidationInfo) -> list:
    # Checked per row, so the error points at the row; 'kolonner' is validated before 'raekker'.
    kolonner = info.data.get("kolonner")
    if kolonner is not None and len(row) != len(kolonner):
        celler = "1 celle" if len(row) == 1 else f"{len(row)} celler"
        raise ValueError(f"Rækken har {celler}, men tabellen har {len(kolonner)} kolonner.")
    return row


class Tabel(Model):
    """Tal fra kilderne som en tabel. Tal skrives som tal (1234), årstal i kolonner som tekst ('2016')."""

    id: Id
    titel: Tekst
    kolonner: list[Tekst] = Field(min_length=2, description="Kolonneoverskrifter; årstal skrives som tekst ('2016').")
    raekker: list[Annotated[list[Celle], AfterValidator(_fits_the_columns)]] = Field(
        min_length=1, description="Én liste pr. række, lige så lang som 'kolonner'.")
    note: Tekst | None = Field(None, description="En kort note under tabellen.")
    kilder: list[KildeRef] = kilder_field()


class Noegletal(Model):
    """Et enkelt tal fra kilderne, fx antallet af borgere i socialpsykiatrien."""

    navn: Tekst = Field(description="Hvad tallet tæller, fx 'Borgere i socialpsykiatrien'.")
    vaerdi: Tal = Field(description="Tallet, uden punktummer: 1234 eller 12.5.")
    cirka: bool = Field(False, description="true, hvis kilden kun angiver tallet omtrent.")
    tidspunkt: Tekst | None = Field(None, description="Hvornår tallet gælder, fx '2019'.")
    kilder: list[KildeRef] = kilder_field()


class Plan(_Afsnit):
    """En plan eller strategi, kommunens omlægning bygger på; id'et bliver afsnittets anker."""

    fokusomraader: list[Tekst] = Field(default=[], description="Planens temaer eller fokusområder.")
    kilder: list[KildeRef] = kilder_field()


class Enhed(Model):
    navn: Tekst = Field(description="Enhedens navn, fx 'Styregruppe'.")
    rolle: Tekst = Field(description="Hvad enheden gør i omlægningen.")
    deltagere: list[Tekst] = Field(default=[], description="Hvem der sidder i enheden (roller, ikke navne).")


class Kommune(Model):
    """En kommunes erfaringer med omlægning (data/kommuner/<id>.yaml)."""

    id: Id
    navn: Tekst = Field(description="Kommunens navn, fx 'Herning Kommune'.")
    resume: MarkdownTekst = Field(description="Kort fortalt: hvad kommunen gjorde.")
    projekt: Projekt | None = Field(None, description="Kommunens projekt i omlægningen, hvis den har et.")
    rolle_i_partnerskabet: Tekst | None = Field(
        None, description="Kommunens rolle, fx 'Partnerskabskommune 2019-2022'.")
    partnere: list[Tekst] = Field(default=[], description="Samarbejdspartnere i og uden for kommunen.")
    aktiviteter: list[Aktivitet] = Field(default=[], description="Kommunens aktiviteter eller veje i omlægningen.")
    planer: list[Plan] = Field(default=[], description="Planer og strategier, omlægningen bygger på.")
    organisation: list[Enhed] = Field(default=[], description="Hvordan arbejdet er organiseret.")
    noegletal: list[Noegletal] = Field(default=[], description="Enkeltstående tal fra kilderne.")
    tal: list[Tabel] = Field(default=[], description="Tal fra kilderne som tabeller.")
    tidslinje: list[Milepael] = Field(default=[], description="Milepæle; de sorteres efter dato på siden.")
    resultater: MarkdownTekst | None = Field(None, description="Resultater og erfaringer indtil nu.")
    kildegrundlag: MarkdownTekst | None = Field(
        None, description="Hvad kilderne ikke siger noget om; vises, når kilderne er tynde.")
    faser: list[FaseRef] = Field(default=[], description="Faser, kommunens erfaringer belyser.")
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()

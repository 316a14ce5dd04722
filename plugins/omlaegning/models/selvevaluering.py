"""The self-assessment "Hvor langt er vi?": statements per principle and phase, and the scale."""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from .base import FaseRef, Id, MarkdownTekst, Model, PrincipRef, Tekst, VejledningRef
from .concept import Link

# The answer "don't know" is stored under this id; a level of the scale may not take it.
VED_IKKE = "ved-ikke"


class Svarmulighed(Model):
    """Et svar, læseren kan vælge, med sin forklaring."""

    navn: Tekst = Field(description="Svaret, som læseren ser det, fx 'I gang'.")
    forklaring: Tekst = Field(description="Hvad svaret betyder, i én sætning.")


def _not_ved_ikke(level_id: str) -> str:
    if level_id == VED_IKKE:
        raise ValueError(f"Id'et '{VED_IKKE}' bruges til svaret i 'ved_ikke'; giv trinnet et andet id.")
    return level_id


class Niveau(Svarmulighed):
    """Et trin på skalaen. Id'et gemmes med læsernes svar, så skift det ikke, når det er udgivet."""

    id: Annotated[Id, AfterValidator(_not_ved_ikke)]


class Udsagn(Model):
    """Et udsagn, kommunen tager stilling til. Id'et gemmes med læsernes svar og i deres filer."""

    id: Id
    tekst: Tekst = Field(description="Udsagnet, skrevet fra kommunens side, fx 'Vi har ...'.")
    princip: PrincipRef | None = Field(None, description="Princippet, udsagnet hører til (eller 'fase').")
    fase: FaseRef | None = Field(None, description="Fasen, udsagnet hører til (eller 'princip').")
    maalgrupper: list[VejledningRef] = Field(
        min_length=1, description="Hvem i kommunen udsagnet især gælder: id'er på vejledninger, fx 'myndighed'.")
    afsnit: Link = Field(description="Afsnittet i håndbogen, der forklarer udsagnet, skrevet som i "
                                     "links.lock, fx '/principper/ressourcer/#hvordan'.")

    @model_validator(mode="after")
    def _one_group(self):
        if (self.princip is None) == (self.fase is None):
            raise ValueError("Et udsagn hører til enten et princip eller en fase: skriv 'princip:' eller "
                             "'fase:', ikke begge og ikke ingen af dem.")
        return self


class Selvevaluering(Model):
    """concept/selvevaluering.yaml: siden "Hvor langt er vi?" med udsagn pr. princip og pr. fase."""

    titel: Tekst
    intro: MarkdownTekst
    skala: list[Niveau] = Field(min_length=2, max_length=5,
                                description="Skalaens trin, fra 'ikke begyndt' til 'forankret' (2-5 trin).")
    ved_ikke: Svarmulighed = Field(description="Svaret for dem, der ikke ved, hvor kommunen står.")
    udsagn: list[Udsagn] = Field(min_length=1, description="Udsagnene; de vises samlet under deres princip "
                                                            "eller fase, i den rækkefølge, de står her.")

"""concept/tilgaengelighed.yaml: the accessibility statement the Danish web accessibility law asks for,
in the shape of the EU model statement (implementing decision (EU) 2018/1523)."""
from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from .base import Id, KildeRef, MarkdownTekst, Model, Tekst, kilder_field

# The compliance status as the YAML writes it, and the model statement's words for it.
OVERHOLDELSE = {
    "fuldt": "fuldt ud i overensstemmelse med",
    "delvist": "delvist i overensstemmelse med",
    "ikke": "ikke i overensstemmelse med",
}
Overholdelse = Literal[tuple(OVERHOLDELSE)]
# Who evaluated the website, and how the statement says it.
VURDERET_AF = {"selv": "en selvevaluering", "ekstern": "en vurdering fra en ekstern part"}
VurderetAf = Literal[tuple(VURDERET_AF)]

# How old the last review may be; the statement is reviewed at least once a year.
GENNEMGANG_DAGE = 365

_EMAIL = re.compile(r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[a-z]{2,}$")
_TELEFON = re.compile(r"^\+?[0-9][0-9 ]{6,18}[0-9]$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' er ikke en e-mailadresse; skriv den som navn@domæne.dk.")
    return value


def _telefon(value: str) -> str:
    if not _TELEFON.match(value):
        raise ValueError(f"'{value}' er ikke et telefonnummer; skriv kun cifre og mellemrum, gerne med +45 foran.")
    return value


# Validators rather than patterns, so that the editor reads what is wrong in Danish.
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_email),
    Field(description="En fælles postkasse (aldrig en persons adresse), fx redaktion@eksempel.dk."),
]
Telefon = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_telefon),
    Field(description="Et fælles telefonnummer til redaktionen eller myndigheden (aldrig en persons), "
                      "med cifre og mellemrum, gerne med +45 foran."),
]


class Vurdering(Model):
    """One way the handbook was evaluated; its id names the check in the test suite that does it."""

    id: Id = Field(description="Kontrollens id. Testene tjekker, at hver kontrol, erklæringen nævner, "
                               "faktisk kører i håndbogens tests: 'axe', 'nu', 'tastatur' eller 'pdf'.")
    titel: Tekst = Field(description="Kontrollens navn, som læseren ser det.")
    tekst: MarkdownTekst = Field(description="Hvad kontrollen tjekker, og hvor ofte.")


class Mangel(Model):
    """Content that is not accessible, and why."""

    id: Id
    titel: Tekst = Field(description="Hvad der ikke er tilgængeligt, kort.")
    tekst: MarkdownTekst = Field(description="Hvorfor, og hvad læseren kan gøre i stedet.")
    punkter: list[Tekst] = Field(default=[], description="Enkelte mangler, hvis der er flere af samme slags.")


class Kontakt(Model):
    """How readers reach the editors. The footer's 'Giv besked om en fejl på siden' uses the mailbox
    when it is set; until then the page and the footer point to a prefilled GitHub issue."""

    navn: Tekst = Field(description="Redaktionens navn som funktion, aldrig en person.")
    email: Email | None = Field(None, description="Redaktionens funktionspostkasse. Så længe den mangler, "
                                                  "skriver 'omlaegning check' en bemærkning.")
    telefon: Telefon | None = Field(None, description="Redaktionens eller myndighedens fælles telefonnummer. "
                                                      "Så længe det mangler, skriver 'omlaegning check' en "
                                                      "bemærkning.")


class Tilgaengelighed(Model):
    """concept/tilgaengelighed.yaml: håndbogens tilgængelighedserklæring."""

    titel: Tekst
    myndighed: Tekst = Field(description="Den offentlige myndighed, der har ansvaret for webstedet.")
    intro: MarkdownTekst = Field(description="Erklæringens indledning: hvem den gælder for, og hvilke regler.")
    status: Overholdelse = Field(description="Om webstedet overholder kravene: 'fuldt', 'delvist' eller 'ikke'. "
                                             "Med 'fuldt' må der ikke stå noget under 'ikke_tilgaengeligt'.")
    vurderet_af: VurderetAf = Field(description="Hvem der har vurderet webstedet: 'selv' (en selvevaluering) "
                                                "eller 'ekstern' (en ekstern part).")
    vurdering: list[Vurdering] = Field(min_length=1, description="Hvordan webstedet er vurderet: de kontroller, "
                                                                 "der køres.")
    ikke_tilgaengeligt: list[Mangel] = Field(
        default=[], description="Indhold, der ikke er tilgængeligt, og hvorfor; også det, håndbogen "
                                "bevidst lader være, som mangler i PDF'erne.")
    kontakt: Kontakt = Field(description="Hvordan læserne når redaktionen.")
    klage: MarkdownTekst = Field(description="Vejen til Digitaliseringsstyrelsen, når myndigheden ikke har "
                                             "svaret inden for 10 arbejdsdage, eller svaret ikke kan bruges.")
    udarbejdet: datetime.date = Field(description="Dagen, erklæringen blev skrevet, ÅÅÅÅ-MM-DD.")
    senest_gennemgaaet: datetime.date = Field(
        description="Dagen, erklæringen sidst blev gennemgået, ÅÅÅÅ-MM-DD. Den skal gennemgås mindst én gang om "
                    "året; er datoen mere end et år gammel, stopper 'omlaegning check' og byggeriet.")
    kilder: list[KildeRef] = kilder_field("De regler, erklæringen bygger på: id'er fra concept/kilder.yaml.")

    # Field validators, not a model validator, so that each error points at the line of the field to change.
    @field_validator("ikke_tilgaengeligt")
    @classmethod
    def _none_when_fully_compliant(cls, value: list[Mangel], info: ValidationInfo) -> list[Mangel]:
        if value and info.data.get("status") == "fuldt":
            raise ValueError("Med status 'fuldt' må der ikke stå noget under 'ikke_tilgaengeligt'; vælg "
                             "'delvist', eller fjern punkterne, når de er rettet.")
        return value

    @field_validator("senest_gennemgaaet")
    @classmethod
    def _reviewed_within_a_year(cls, value: datetime.date, info: ValidationInfo) -> datetime.date:
        today = datetime.date.today()
        if value > today:
            raise ValueError(f"Datoen {value.isoformat()} ligger i fremtiden; skriv den dag, erklæringen "
                             "faktisk blev gennemgået.")
        if (today - value).days > GENNEMGANG_DAGE:
            raise ValueError(f"Erklæringen blev sidst gennemgået {value.isoformat()}, for mere end et år siden. "
                             "Gennemgå den (status, mangler og kontakt), og skriv dagens dato her.")
        made = info.data.get("udarbejdet")
        if made is not None and value < made:
            raise ValueError(f"Datoen ligger før 'udarbejdet' ({made.isoformat()}); en gennemgang kommer efter, "
                             "at erklæringen er skrevet.")
        return value

    @property
    def status_tekst(self) -> str:
        return OVERHOLDELSE[self.status]

    @property
    def vurderet_af_tekst(self) -> str:
        return VURDERET_AF[self.vurderet_af]

    @property
    def mangler_kontakt(self) -> list[str]:
        """The contact fields still empty, as the YAML names them."""
        return [f"kontakt.{name}" for name in ("email", "telefon") if getattr(self.kontakt, name) is None]

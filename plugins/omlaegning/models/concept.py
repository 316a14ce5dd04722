"""The concept: sources, phases, principles, recovery, guidance per audience, glossary."""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, UrlConstraints, model_validator

from .base import (SITE_LINK_PATTERN, BegrebRef, Id, KildeRef, KommuneRef, MarkdownTekst, Model, PrincipRef,
                   Tekst, kilder_field, soegeord_field)
from .values import Budget, Milepael, Periode


class Kilde(Model):
    """Et dokument eller en webside, som håndbogens oplysninger bygger på."""

    id: Id
    titel: Tekst = Field(description="Dokumentets eller sidens titel.")
    udgiver: Tekst = Field(description="Organisationen bag, fx 'Herning Kommune'.")
    type: Literal["dokument", "webside"] = Field(description="'dokument' eller 'webside'.")
    dato: datetime.date | None = Field(None, description="Udgivelses- eller mødedato, ÅÅÅÅ-MM-DD.")
    # Only https: readers follow these links, and the messages tell editors so.
    url: Annotated[HttpUrl, UrlConstraints(allowed_schemes=["https"])] | None = Field(
        None, description="Offentlig webadresse (https://), hvis kilden findes online.")
    note: Tekst | None = Field(None, description="Kort note om kilden, fx hvad den er.")
    kildedokument: Tekst | None = Field(
        None, description="Når kilden ikke har en offentlig webadresse: navnet på det gemte kildedokument, "
                          "redaktionen har oplysningerne fra, fx 'herlev-plan-for-udvikling-af-socialpsykiatrien-2019'.")


class KildeFil(Model):
    """concept/kilder.yaml: alle kilder."""

    kilder: list[Kilde] = Field(min_length=1, description="Alle kilder, håndbogen henviser til.")


class Haandbog(Model):
    """concept/haandbog.yaml: håndbogens titel og forsidens tekster."""

    titel: Tekst
    undertitel: Tekst
    intro: MarkdownTekst = Field(description="Forsidens indledning.")
    om_faserne: MarkdownTekst = Field(
        description="Hvad faserne bygger på; vises på forsiden og på hver faseside.")
    kilder: list[KildeRef] = kilder_field()


class Fase(Model):
    """En fase i en omlægning (concept/faser/<id>.yaml)."""

    id: Id
    nummer: int = Field(ge=1, le=20, description="Fasens plads i rækkefølgen, 1 er den første.")
    titel: Tekst
    kort: Tekst = Field(description="Én sætning om fasen til forsidens overblik.")
    formaal: MarkdownTekst = Field(description="Hvad fasen skal opnå.")
    trin: list[Tekst] = Field(min_length=1, description="Typiske trin i fasen.")
    deltagere: list[Tekst] = Field(min_length=1, description="Hvem der typisk deltager.")
    resultat: list[Tekst] = Field(min_length=1, description="Hvad fasen munder ud i.")
    principper: list[PrincipRef] = Field(default=[], description="Principper, der især er i spil.")
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()


class Princip(Model):
    """Et af de otte principper (concept/principper/<id>.yaml) med Hvad, Hvorfor og Hvordan."""

    id: Id
    nummer: int = Field(ge=1, le=8, description="Princippets nummer, 1-8.")
    titel: Tekst
    kort: Tekst = Field(description="Én sætning, der sammenfatter princippet.")
    hvad: MarkdownTekst = Field(description="Hvad princippet betyder.")
    hvorfor: MarkdownTekst = Field(description="Hvorfor: faglige og juridiske begrundelser.")
    hvordan: MarkdownTekst = Field(description="Hvordan princippet ændrer praksis.")
    lovgrundlag: list[Tekst] = Field(default=[], description="Relevante paragraffer, fx '§ 81'.")
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()


class Definition(Model):
    id: Id
    begreb: Tekst
    tekst: MarkdownTekst
    kilder: list[KildeRef] = kilder_field()


class _Tekstafsnit(Model):
    # What a recovery value and a section of a guidance begin with: each is a section anchored by its id.
    id: Id
    titel: Tekst
    tekst: MarkdownTekst


class Vaerdi(_Tekstafsnit):
    """En recovery-værdi."""

    kilder: list[KildeRef] = kilder_field()


class Recovery(Model):
    """concept/recovery.yaml: definitioner af recovery og rehabilitering og recovery-værdierne."""

    titel: Tekst
    intro: MarkdownTekst
    definitioner: list[Definition] = Field(min_length=1, description="Definitioner af recovery og rehabilitering.")
    vaerdier: list[Vaerdi] = Field(min_length=1, description="Recovery-værdierne.")
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()


class Afsnit(_Tekstafsnit):
    """Et afsnit i en vejledning; id'et bliver afsnittets anker."""

    principper: list[PrincipRef] = Field(default=[], description="Principper, afsnittet handler om.")


class Vejledning(Model):
    """Vejledning til én målgruppe (concept/vejledninger/<id>.yaml)."""

    id: Id
    nummer: int = Field(ge=1, le=20, description="Rækkefølgen i menuen.")
    titel: Tekst = Field(description="Målgruppens navn, fx 'Myndighed'.")
    hvem: Tekst = Field(description="Hvem vejledningen er til, i én sætning.")
    intro: MarkdownTekst
    afsnit: list[Afsnit] = Field(min_length=1, description="Vejledningens afsnit; hvert afsnit får sit eget anker.")
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()


class Begreb(Model):
    """Et ord i ordlisten."""

    id: Id
    term: Tekst
    definition: MarkdownTekst
    synonymer: list[Tekst] = Field(default=[], description="Andre ord og stavemåder, læsere søger på.")
    se_ogsaa: list[BegrebRef] = Field(default=[], description="Beslægtede begreber i ordlisten.")
    forkortelser: list[Tekst] = Field(
        default=[], description="Forkortelser og ord, der på alle sider får en lille forklaring, når man holder "
                                "musen over dem (eller trykker på dem), fx 'SMART'. Kræver 'kort'.")
    kort: Tekst | None = Field(None, description="Forklaringen i én kort sætning, som den vises over ordet.")
    kilder: list[KildeRef] = kilder_field()

    @model_validator(mode="after")
    def _abbreviations_have_their_explanation(self):
        if self.forkortelser and self.kort is None:
            raise ValueError("Skriv også 'kort' med én sætning, der forklarer ordet; den vises over ordet på siderne.")
        return self


class Ordliste(Model):
    """concept/ordliste.yaml."""

    intro: MarkdownTekst
    begreber: list[Begreb] = Field(min_length=1, description="Ordlistens begreber; de sorteres alfabetisk på siden.")



class FaellesRamme(Model):
    """Partnerskabets fælles ramme med sine egne kilder, som også står på kommunernes sider."""

    tekst: MarkdownTekst
    kilder: list[KildeRef] = kilder_field()


class Partnerskab(Model):
    """concept/partnerskab.yaml: partnerskabet om omlægning af socialpsykiatrien 2019-2022."""

    titel: Tekst
    intro: MarkdownTekst
    periode: Periode = Field(description="Partnerskabets periode.")
    forloeb: list[Milepael] = Field(default=[], description="Milepæle i partnerskabets forløb; de sorteres efter dato.")
    kommuner: list[KommuneRef] = Field(min_length=1, description="Partnerskabskommunerne.")
    maalgrupper: list[Tekst] = Field(min_length=1, description="Hvem i kommunen initiativet var rettet mod.")
    formaal: list[Tekst] = Field(min_length=1, description="Det, initiativet skulle bidrage til.")
    faelles_ramme: FaellesRamme = Field(
        description="Det, alle partnerskabskommuner havde til fælles; vises på hver partnerskabskommunes side.")
    referencenetvaerk: MarkdownTekst
    evaluering: MarkdownTekst = Field(description="Hvordan partnerskabet skulle dokumenteres og evalueres.")
    resultater: MarkdownTekst = Field(description="Hvad evalueringen og den viden, partnerskabet skabte, fandt.")
    finansiering: list[Budget] = Field(min_length=1, description="Beløb og hvad de dækker.")
    oekonomi: MarkdownTekst = Field(
        description="Økonomi og ressourcer: hvad puljen betalte, hvad forløbene tilbyder, og hvad kilderne siger om udgifter.")
    baggrund: MarkdownTekst
    soegeord: list[Tekst] = soegeord_field()
    kilder: list[KildeRef] = kilder_field()


class Begivenhed(Model):
    """Et arrangement med dato, fx et informationsmøde; id'et bliver ankeret."""

    id: Id
    dato: datetime.date = Field(description="Dagen, ÅÅÅÅ-MM-DD.")
    titel: Tekst
    form: Tekst = Field(description="Hvordan og hvor længe, fx 'Online, 1 time, gratis'.")
    kilder: list[KildeRef] = kilder_field()


class Udviklingsforloeb(Model):
    """concept/udviklingsforloeb.yaml: Social- og Boligstyrelsens tilbud om udviklingsforløb fra 2023."""

    titel: Tekst
    intro: MarkdownTekst
    varighed: Tekst = Field(description="Forløbets længde, fx '1,5 år'.")
    indhold: MarkdownTekst = Field(description="Hvad kommunen får, og hvordan forløbet begynder.")
    informationsmoeder: list[Begivenhed] = Field(default=[], description="Informationsmøder med dato.")
    kilder: list[KildeRef] = kilder_field()


Link = Annotated[
    str,
    StringConstraints(pattern=SITE_LINK_PATTERN),
    Field(description="Et link i håndbogen, som det står i links.lock, fx '/principper/ressourcer/#hvordan'."),
]


class Omdirigering(Model):
    """Hvor et udgivet link er flyttet hen."""

    fra: Link = Field(description="Det gamle link, fx '/kommuner/herning/#en-indgang'.")
    til: Link = Field(description="Hvor det nu findes, fx '/kommuner/herning/#en-dor'.")
    grund: Tekst | None = Field(None, description="Hvorfor det er flyttet.")


class Omdirigeringer(Model):
    """concept/omdirigeringer.yaml: omdirigeringer for links, der er flyttet."""

    omdirigeringer: list[Omdirigering] = Field(default=[], description="Flyttede links.")

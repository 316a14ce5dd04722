"""Every kind of content and page, declared once.

A kind may have content (YAML files and the model that validates them), a page (one per entity or a
single one), a part in the open data and short links for presenters. The loader, the handbook, the
pages, the navigation, the open data, the short links, the editors' JSON schemas and the tests all
read this table; adding a page kind is adding an entry here (see CONTRIBUTING.md).

The order of KINDS is the order the pages are made and the open data is written in.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .afsender import HAANDBOG, KOMMUNE, KONCEPT, SYNTHESIS, Afsender
from .formatting import dato
from .handbook import danish_sort_key
from .models import (Fase, Haandbog, KildeFil, Kommune, Model, Omdirigeringer, Ordliste, Partnerskab, Princip,
                     Recovery, Selvevaluering, Tilgaengelighed, Udviklingsforloeb, Vejledning)

ENTITY_ID = "{id}"


@dataclass(frozen=True)
class Content:
    """Where a kind's YAML lies and what it holds."""

    name: str           # the kind of file: in references to its entities, errors and schema/<name>.schema.json
    pattern: str        # relative to the project root; with a '*', each file is one entity named by its id
    model: type[Model]
    field: str          # the Handbook attribute that holds it (a sorted list for one entity per file)
    # For a file holding a list of entities: (their entity kind, the list's field).
    entities: tuple[str, str] | None = None
    # The order of one-per-file entities; by their 'nummer' unless said otherwise.
    order: Callable[[Model], object] = lambda entity: entity.nummer

    @property
    def one_per_file(self) -> bool:
        return "*" in self.pattern


@dataclass(frozen=True)
class Page:
    """The kind's page: templates/<kind>.md.j2 renders it with the entity (or content) under the kind's name.

    Its edit button opens the kind's YAML file; an overview's opens the folder of what it gathers, and a
    page without content of its own opens concept/."""

    path: str                              # under docs/; with '{id}', one page per entity
    title: str | Callable[[Model], str]    # in the navigation
    nav: str                               # the navigation section it is listed in (NAV_SECTIONS)
    nav_place: int = 0                     # its place among the kinds of its section, when not theirs in KINDS
    # An overview of every entity of that content kind: made from, and edited in, their folder.
    gathers: str | None = None


@dataclass(frozen=True)
class OpenData:
    """The kind's part of the open data: in the whole file, and in a file of its own."""

    part: str                                  # its name in the whole file, data/omlaegningshaandbogen.json
    path: str | None = None                    # data/<path>.json; with '{id}', one per entity; None: whole file only
    title: str | Callable[[Model], str] = ""  # of its own file, on the Data page
    schema_title: str = ""                     # what its schema describes, as a reader of the data would say it
    # In the whole file, the list of entities the file holds (Content.entities) rather than the file itself.
    entities_only: bool = False


@dataclass(frozen=True)
class ShortLinks:
    """The kind's short links /l/<id>/: one to each page, one to each item of `sections` (their anchors).
    A section's key is its own id on a single page, '<page id>-<section id>' on an entity's page."""

    group: str                             # where the presenters' page lists them (shortlinks.GROUPS)
    title: str | Callable[[Model], str]
    sections: str | None = None            # a list field whose items have ids that are anchors on the page
    section_title: Callable[[Model, Model], str] | None = None


@dataclass(frozen=True)
class Kind:
    """One kind: its name (also its template's and its page's kind), and what it has of the above."""

    name: str
    # Whose content the page holds, shown on the page and in the kind's open data.
    afsender: Afsender | None = None
    content: Content | None = None
    page: Page | None = None
    open_data: OpenData | None = None
    short_links: ShortLinks | None = None

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"


def _titel(value) -> str:
    return value.titel


def _numbered(value) -> str:
    return f"{value.nummer}. {value.titel}"


def _one_file(name: str, afsender: Afsender, model: type[Model], nav: str, described: str, *, group: str,
              sections: str | None = None, section_title: Callable[[Model, Model], str] | None = None) -> Kind:
    """A kind held in one file, concept/<name>.yaml, with its page <name>.md and its open data <name>.json,
    each titled by its 'titel', and a short link to the page (and to each of its `sections`)."""
    return Kind(name, afsender, Content(name, f"concept/{name}.yaml", model, name), Page(f"{name}.md", _titel, nav),
                OpenData(name, name, _titel, described), ShortLinks(group, _titel, sections, section_title))


def _per_file(name: str, folder: str, afsender: Afsender, model: type[Model], page: Page,
              data_title: Callable[[Model], str], described: str, short_links: ShortLinks) -> Kind:
    """A kind with one entity per file, concept/<folder>/<id>.yaml, held in the handbook's <folder>, with its
    open data data/<folder>/<id>.json."""
    return Kind(name, afsender, Content(name, f"concept/{folder}/*.yaml", model, folder), page,
                OpenData(folder, f"{folder}/{ENTITY_ID}", data_title, described), short_links)


NAV_SECTIONS = ("Forside", "Faser", "Principper", "Baggrund", "Vejledning", "Kommunernes erfaringer", "Værktøjer",
                # mkdocs.yml adds the hand-written pages about the handbook to this section.
                "Om håndbogen")

# The data page's marker, also on the sources' open data, which are listed there.
_DATA = Afsender("haandbog", HAANDBOG, "Filerne rummer alt håndbogens indhold; hver fil siger selv, hvem "
                 "indholdet kommer fra.")

KINDS: tuple[Kind, ...] = (
    Kind("forside",
         Afsender("haandbog", HAANDBOG, "Håndbogen bygger på Social- og Boligstyrelsens koncept, men er ikke selv "
                  "konceptet. Hver side siger øverst, hvem indholdet kommer fra."),
         Content("haandbog", "concept/haandbog.yaml", Haandbog, "haandbog"),
         Page("index.md", "Forside", "Forside"),
         OpenData("haandbog")),
    Kind("kilder", _DATA,
         Content("kilder", "concept/kilder.yaml", KildeFil, "kildefil", ("kilde", "kilder")),
         open_data=OpenData("kilder", "kilder", "Kilder", "kilderne", entities_only=True)),
    _per_file("fase", "faser",
              Afsender("haandbog", HAANDBOG, "Faserne er håndbogens eget forslag til et forløb, ikke en officiel "
                       "model fra Social- og Boligstyrelsen."),
              Fase, Page("faser/{id}.md", _numbered, "Faser"), lambda f: f"Fase {f.nummer}: {f.titel}", "en fase",
              ShortLinks("faser", lambda f: f"Fase {f.nummer}: {f.titel}")),
    Kind("principper",
         Afsender("koncept", KONCEPT, "De otte principper og deres titler er Social- og Boligstyrelsens. Sætningen "
                  "efter hver titel er håndbogens egen."),
         page=Page("principper/index.md", "Oversigt", "Principper", gathers="princip")),
    _per_file("princip", "principper",
              Afsender("koncept", KONCEPT, "Princippets titel og opdelingen i Hvad, Hvorfor og Hvordan er Social- og "
                       "Boligstyrelsens. Teksten under overskrifterne er håndbogens egen sammenfatning; konceptets "
                       "egen tekst om princippet er ikke blandt håndbogens kilder."),
              Princip, Page("principper/{id}.md", _numbered, "Principper"),
              lambda p: f"Princip {p.nummer}: {p.titel}", "et princip", ShortLinks("principper", _numbered)),
    _one_file("recovery", Afsender("haandbog", HAANDBOG, SYNTHESIS), Recovery, "Baggrund",
              "recovery og rehabilitering", group="baggrund", sections="vaerdier",
              section_title=lambda r, v: f"Recovery-værdi: {v.titel}"),
    _one_file("partnerskab", Afsender("haandbog", HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                                      "Socialstyrelsen og kommunerne har offentliggjort om partnerskabet."),
              Partnerskab, "Baggrund", "partnerskabet", group="baggrund"),
    _one_file("udviklingsforloeb", Afsender("haandbog", HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                                            "Social- og Boligstyrelsen har offentliggjort om forløbene."),
              Udviklingsforloeb, "Baggrund", "udviklingsforløbene", group="baggrund", sections="informationsmoeder",
              section_title=lambda u, m: f"{m.titel} {dato(m.dato)}"),
    _per_file("vejledning", "vejledninger",
              Afsender("haandbog", HAANDBOG, "Vejledningen er skrevet af håndbogen ud fra kilderne nederst; "
                       "konceptets egne guider til målgrupperne er ikke blandt kilderne."),
              Vejledning, Page("vejledning/{id}.md", _titel, "Vejledning"), lambda v: f"Vejledning: {v.titel}",
              "en vejledning", ShortLinks("vejledning", lambda v: f"Vejledning: {v.titel}", "afsnit",
                                          lambda v, s: f"{v.titel}: {s.titel}")),
    Kind("kommuner",
         Afsender("kommune", KOMMUNE, "Oversigten samler, hvad kommunerne selv har skrevet, genfortalt med "
                  "håndbogens ord."),
         page=Page("kommuner/index.md", "Oversigt", "Kommunernes erfaringer", gathers="kommune")),
    Kind("sammenligning",
         Afsender("kommune", KOMMUNE, "Sammenligningen stiller kommunernes egne oplysninger side om side."),
         page=Page("sammenligning.md", "Side om side", "Kommunernes erfaringer", gathers="kommune")),
    Kind("kommune",
         Afsender("kommune", KOMMUNE, "Siden genfortæller med håndbogens ord, hvad kommunen selv har skrevet i de "
                  "kilder, der står nederst. Andre kilder er nævnt ved navn."),
         Content("kommune", "data/kommuner/*.yaml", Kommune, "kommuner", order=lambda k: danish_sort_key(k.navn)),
         Page("kommuner/{id}.md", lambda k: k.navn, "Kommunernes erfaringer"),
         OpenData("kommuner", "kommuner/{id}", lambda k: k.navn, "en kommunes erfaringer"),
         ShortLinks("kommuner", lambda k: k.navn, "aktiviteter", lambda k, s: f"{k.navn}: {s.titel}")),
    Kind("ordliste", Afsender("haandbog", HAANDBOG, SYNTHESIS),
         Content("ordliste", "concept/ordliste.yaml", Ordliste, "ordliste", ("begreb", "begreber")),
         Page("ordliste.md", "Ordliste", "Værktøjer", nav_place=2),
         OpenData("ordliste", "ordliste", "Ordliste", "ordlisten")),
    # After the principles' and phases' pages: it checks that the sections its statements link to exist.
    _one_file("selvevaluering", Afsender("haandbog", HAANDBOG, SYNTHESIS), Selvevaluering, "Værktøjer",
              "selvevalueringens udsagn", group="vejledning"),
    Kind("data", _DATA, page=Page("data.md", "Åbne data", "Værktøjer", nav_place=3)),
    Kind("tilgaengelighed",
         Afsender("haandbog", HAANDBOG, "Redaktionens egen erklæring om, hvor tilgængeligt håndbogens "
                  "websted er; den er ikke en del af konceptet."),
         Content("tilgaengelighed", "concept/tilgaengelighed.yaml", Tilgaengelighed, "tilgaengelighed"),
         Page("tilgaengelighed.md", "Tilgængelighedserklæring", "Om håndbogen", nav_place=1)),
    # After every other page: it lists the pages each change touched.
    Kind("nyt", Afsender("haandbog", HAANDBOG, "Redaktionens egne noter om, hvad der er ændret."),
         page=Page("nyt.md", "Hvad er nyt", "Om håndbogen")),
    Kind("oplaegsholdere", Afsender("haandbog", HAANDBOG, SYNTHESIS),
         page=Page("oplaegsholdere.md", "Til oplægsholdere", "Værktøjer", nav_place=1)),
    Kind("omdirigeringer", content=Content("omdirigeringer", "concept/omdirigeringer.yaml", Omdirigeringer,
                                           "omdirigeringer")),
)

BY_NAME = {kind.name: kind for kind in KINDS}
CONTENT_KINDS = tuple(kind.content for kind in KINDS if kind.content)
PAGE_KINDS = tuple(kind for kind in KINDS if kind.page)

# A folder's overview page is its index; an entity with this id would take its place.
RESERVED_IDS = frozenset({"index"})


def label(text: str | Callable[[Model], str], value: Model | None) -> str:
    """A title as the registry gives it: a text, or made from the entity."""
    return text if isinstance(text, str) else text(value)


"""Who says what: whose content each page kind holds, shown at the top of the page and in its open data.

The one place that decides it. Pages get the marker from their kind (pages.py), open-data files from
the kind of page the same entity is shown on (opendata.py), the focus view copies it from the page.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Afsender:
    id: str          # also the marker's CSS class: afsender-<id>
    label: str       # what the reader sees first
    forklaring: str  # one sentence on what that means for this kind of page

    def html(self) -> str:
        """The marker as one paragraph of raw HTML, placed under the page title."""
        return (f'<p class="afsender afsender-{self.id}"><strong>{html.escape(self.label)}.</strong> '
                f"{html.escape(self.forklaring)}</p>")

    def as_data(self) -> dict[str, str]:
        return {"id": self.id, "tekst": self.label, "forklaring": self.forklaring}


KONCEPT = "Fra Social- og Boligstyrelsens koncept"
HAANDBOG = "Håndbogens egen sammenfatning"
KOMMUNE = "Kommunens egne oplysninger"

_SYNTHESIS = ("Håndbogen har selv skrevet siden ud fra kilderne nederst. Den er ikke en del af "
              "Social- og Boligstyrelsens koncept.")

# Page kind (render.pages.PAGE_PATHS) -> whose content its page holds.
BY_PAGE_KIND: dict[str, Afsender] = {
    "forside": Afsender("haandbog", HAANDBOG, "Håndbogen bygger på Social- og Boligstyrelsens koncept, "
                        "men er ikke selv konceptet. Hver side siger øverst, hvem indholdet kommer fra."),
    "fase": Afsender("haandbog", HAANDBOG, "Faserne er håndbogens eget forslag til et forløb, ikke en "
                     "officiel model fra Social- og Boligstyrelsen."),
    "principper": Afsender("koncept", KONCEPT, "De otte principper og deres titler er Social- og "
                           "Boligstyrelsens. Sætningen efter hver titel er håndbogens egen."),
    "princip": Afsender("koncept", KONCEPT, "Princippets titel og opdelingen i Hvad, Hvorfor og Hvordan "
                        "er Social- og Boligstyrelsens. Teksten under overskrifterne er håndbogens egen "
                        "sammenfatning; konceptets egen tekst om princippet er ikke blandt håndbogens kilder."),
    "recovery": Afsender("haandbog", HAANDBOG, _SYNTHESIS),
    "partnerskab": Afsender("haandbog", HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                            "Socialstyrelsen og kommunerne har offentliggjort om partnerskabet."),
    "udviklingsforloeb": Afsender("haandbog", HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                                  "Social- og Boligstyrelsen har offentliggjort om forløbene."),
    "selvevaluering": Afsender("haandbog", HAANDBOG, _SYNTHESIS),
    "vejledning": Afsender("haandbog", HAANDBOG, "Vejledningen er skrevet af håndbogen ud fra kilderne "
                           "nederst; konceptets egne guider til målgrupperne er ikke blandt kilderne."),
    "kommuner": Afsender("kommune", KOMMUNE, "Oversigten samler, hvad kommunerne selv har skrevet, "
                         "genfortalt med håndbogens ord."),
    "kommune": Afsender("kommune", KOMMUNE, "Siden genfortæller med håndbogens ord, hvad kommunen selv "
                        "har skrevet i de kilder, der står nederst. Andre kilder er nævnt ved navn."),
    "sammenligning": Afsender("kommune", KOMMUNE, "Sammenligningen stiller kommunernes egne oplysninger "
                              "side om side."),
    "ordliste": Afsender("haandbog", HAANDBOG, _SYNTHESIS),
    "data": Afsender("haandbog", HAANDBOG, "Filerne rummer alt håndbogens indhold; hver fil siger selv, "
                     "hvem indholdet kommer fra."),
    "nyt": Afsender("haandbog", HAANDBOG, "Redaktionens egne noter om, hvad der er ændret."),
    "oplaegsholdere": Afsender("haandbog", HAANDBOG, _SYNTHESIS),
}

# A section inside a concept page whose text is the handbook's own (the principles' Hvad, Hvorfor, Hvordan).
SAMMENFATNING = Afsender("haandbog", HAANDBOG, "Skrevet af håndbogen med egne ord.")


def with_marker(kind: str, markdown: str) -> str:
    """The page with its kind's marker right under its title."""
    title = re.search(r"^# .*$", markdown, re.MULTILINE)
    return f"{markdown[:title.end()]}\n\n{BY_PAGE_KIND[kind].html()}\n{markdown[title.end():]}"

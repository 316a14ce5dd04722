"""Who says what: whose content each page kind holds, shown at the top of the page and in its open data.

Each kind in kinds.KINDS names its marker; pages carry it under their title, open-data files beside their
content, and the focus view copies it from the page.
"""
from __future__ import annotations

import html
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


_KONCEPT = "Fra Social- og Boligstyrelsens koncept"
_HAANDBOG = "Håndbogens egen sammenfatning"
_KOMMUNE = "Kommunens egne oplysninger"

_SYNTHESIS = ("Håndbogen har selv skrevet siden ud fra kilderne nederst. Den er ikke en del af "
              "Social- og Boligstyrelsens koncept.")

# Whose content each kind's page holds (kinds.KINDS names the one for each kind).
FORSIDE = Afsender("haandbog", _HAANDBOG, "Håndbogen bygger på Social- og Boligstyrelsens koncept, "
                     "men er ikke selv konceptet. Hver side siger øverst, hvem indholdet kommer fra.")
FASE = Afsender("haandbog", _HAANDBOG, "Faserne er håndbogens eget forslag til et forløb, ikke en "
                     "officiel model fra Social- og Boligstyrelsen.")
PRINCIPPER = Afsender("koncept", _KONCEPT, "De otte principper og deres titler er Social- og "
                     "Boligstyrelsens. Sætningen efter hver titel er håndbogens egen.")
PRINCIP = Afsender("koncept", _KONCEPT, "Princippets titel og opdelingen i Hvad, Hvorfor og Hvordan "
                     "er Social- og Boligstyrelsens. Teksten under overskrifterne er håndbogens egen "
                     "sammenfatning; konceptets egen tekst om princippet er ikke blandt håndbogens kilder.")
RECOVERY = Afsender("haandbog", _HAANDBOG, _SYNTHESIS)
PARTNERSKAB = Afsender("haandbog", _HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                     "Socialstyrelsen og kommunerne har offentliggjort om partnerskabet.")
UDVIKLINGSFORLOEB = Afsender("haandbog", _HAANDBOG, "Håndbogen fortæller her med egne ord, hvad "
                     "Social- og Boligstyrelsen har offentliggjort om forløbene.")
SELVEVALUERING = Afsender("haandbog", _HAANDBOG, _SYNTHESIS)
VEJLEDNING = Afsender("haandbog", _HAANDBOG, "Vejledningen er skrevet af håndbogen ud fra kilderne "
                     "nederst; konceptets egne guider til målgrupperne er ikke blandt kilderne.")
KOMMUNER = Afsender("kommune", _KOMMUNE, "Oversigten samler, hvad kommunerne selv har skrevet, "
                     "genfortalt med håndbogens ord.")
KOMMUNE = Afsender("kommune", _KOMMUNE, "Siden genfortæller med håndbogens ord, hvad kommunen selv "
                     "har skrevet i de kilder, der står nederst. Andre kilder er nævnt ved navn.")
SAMMENLIGNING = Afsender("kommune", _KOMMUNE, "Sammenligningen stiller kommunernes egne oplysninger "
                     "side om side.")
ORDLISTE = Afsender("haandbog", _HAANDBOG, _SYNTHESIS)
DATA = Afsender("haandbog", _HAANDBOG, "Filerne rummer alt håndbogens indhold; hver fil siger selv, "
                     "hvem indholdet kommer fra.")
NYT = Afsender("haandbog", _HAANDBOG, "Redaktionens egne noter om, hvad der er ændret.")
OPLAEGSHOLDERE = Afsender("haandbog", _HAANDBOG, _SYNTHESIS)


# A section inside a concept page whose text is the handbook's own (the principles' Hvad, Hvorfor, Hvordan).
SAMMENFATNING = Afsender("haandbog", _HAANDBOG, "Skrevet af håndbogen med egne ord.")


"""Who says what: whose content each page kind holds, shown at the top of the page and in its open data.

Each kind's entry in kinds.KINDS says whose content it is, with these labels; pages carry the marker under
their title, open-data files beside their content, and the focus view copies it from the page.
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


# The labels a reader sees first.
KONCEPT = "Fra Social- og Boligstyrelsens koncept"
HAANDBOG = "Håndbogens egen sammenfatning"
KOMMUNE = "Kommunens egne oplysninger"

# What a page the handbook wrote itself from its sources says about that.
SYNTHESIS = ("Håndbogen har selv skrevet siden ud fra kilderne nederst. Den er ikke en del af "
              "Social- og Boligstyrelsens koncept.")

# A section inside a concept page whose text is the handbook's own (the principles' Hvad, Hvorfor, Hvordan).
SAMMENFATNING = Afsender("haandbog", HAANDBOG, "Skrevet af håndbogen med egne ord.")


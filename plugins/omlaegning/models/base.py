"""Building blocks shared by every model: strictness, ids, references, text kinds."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Model(BaseModel):
    """Unknown fields are errors and nothing is coerced: "2020" is not a number."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="Fast id med små bogstaver a-z, tal og bindestreg (ikke æ, ø, å). "
                      "Bruges i webadresser og ankre og må ikke ændres, når det er udgivet."),
]


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to the id of another entity of `kind`."""

    kind: str


def ref(kind: str, description: str):
    """A reference type: an id that must exist among the entities of `kind`."""
    return Annotated[Id, Ref(kind), Field(description=description)]


KildeRef = ref("kilde", "Id på en kilde i concept/kilder.yaml.")
PrincipRef = ref("princip", "Id på et princip i concept/principper/.")
FaseRef = ref("fase", "Id på en fase i concept/faser/.")
BegrebRef = ref("begreb", "Id på et begreb i concept/ordliste.yaml.")

Tekst = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Almindelig tekst (ingen Markdown)."),
]

_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)", re.MULTILINE)


def _no_headings(text: str) -> str:
    # Headings and their anchors come from ids in the templates, never from a Danish text.
    if _HEADING.search(text):
        raise ValueError("Overskrifter (linjer der begynder med #) laves af håndbogen selv; "
                         "brug **fed skrift** eller et nyt afsnit i stedet.")
    return text


# Markdown is allowed only in fields typed MarkdownTekst; raw HTML in them is shown as text.
MarkdownTekst = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_headings),
    Field(description="Tekst, hvor Markdown er tilladt: afsnit, **fed**, *kursiv*, lister og links. "
                      "HTML vises som tekst."),
]


def kilder_field(description: str = "Kilder til oplysningerne: id'er fra concept/kilder.yaml."):
    return Field(min_length=1, description=description)

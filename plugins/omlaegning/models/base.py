"""Building blocks shared by every model: strictness, ids, references, text kinds."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..formatting import tal

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A link inside the handbook as it is published: a page, or a page and an anchor ("/principper/ressourcer/#hvordan").
SITE_LINK_PATTERN = r"^/([a-z0-9-]+/)*(#[a-z0-9-]+)?$"


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
KommuneRef = ref("kommune", "Id på en kommune i data/kommuner/.")
VejledningRef = ref("vejledning", "Id på en vejledning i concept/vejledninger/, fx 'myndighed'.")

# Characters a text in double quotes can still hold ("\0", "\v", "\x02"): nothing for a reader,
# and STX/ETX are the marks of Python-Markdown's own placeholders for stashed HTML.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Every character Python, a browser or YAML may break a line at.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _no_control_characters(text: str) -> None:
    if found := _CONTROL.search(text):
        raise ValueError(f"Teksten indeholder et usynligt styretegn (U+{ord(found.group()):04X}); slet det.")


def _one_line(text: str) -> str:
    # A line break in a title would split the heading from its {#id} anchor, in a cell the table row.
    if _LINE_BREAK.search(text):
        raise ValueError("Teksten skal stå på én linje; brug et felt med Markdown til længere tekst.")
    _no_control_characters(text)
    return text


def _plain_line(text: str) -> str:
    _one_line(text)
    # Titles also reach places the theme un-escapes (Material's <title> uses striptags),
    # so < and > are refused here rather than trusted to escaping.
    if "<" in text or ">" in text:
        raise ValueError("Tegnene < og > kan ikke bruges i en almindelig tekst; skriv fx 'under' eller 'over'.")
    return text


Tekst = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_plain_line),
    Field(description="Almindelig tekst på én linje uden < og > (ingen Markdown)."),
]

# ATX headings ("# x", and "#x", which Python-Markdown also accepts) and setext underlines ("===", "---"
# under a line of text), wherever a line may start: also inside quotes, list items and boxes.
_HEADING = re.compile(r"^[ \t>]*(?:(?:[-+*]|\d+[.)])[ \t]+[ \t>]*)*#{1,6}(?!#)|^[ \t>]*\S.*\n[ \t>]*(=+|-+)[ \t]*$",
                      re.MULTILINE)
# Inline links [tekst](mål) and reference definitions [navn]: mål.
# Like Markdown, a target may hold balanced brackets: [x](javascript:alert(1)) has the target
# 'javascript:alert(1)'.
# Reference definitions are looked for anywhere, not only at a line's start: Python-Markdown also
# reads them inside quotes, list items and boxes, and with the address on the next line.
# This check teaches the editor; the sanitizer (sanitize.py) is what keeps pages safe.
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)|\[[^\]]+\]:[ \t]*(?:\n[ \t>]*)?<?(\S*?)>?(?:\s|$)")
# Web and mail links, or a plain relative path: nothing a browser could run (javascript:, data:,
# or a scheme hidden behind an HTML entity such as &#58;).
_SAFE_TARGET = re.compile(r"^(https?://[^\s&]+|mailto:[^\s&:]+|[A-Za-z0-9._~/#?=%-]*)$")


def _safe_markdown(text: str) -> str:
    _no_control_characters(text)
    # Headings and their anchors come from ids in the templates, never from a Danish text.
    if _HEADING.search(text):
        raise ValueError("Overskrifter (linjer der begynder med #) laves af håndbogen selv; "
                         "brug **fed skrift** eller et nyt afsnit i stedet.")
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not _SAFE_TARGET.match(target):
            raise ValueError(f"Linket '{target}' er ikke tilladt; et link skal gå til en webadresse "
                             "(https://...), en e-mail (mailto:...) eller en side i håndbogen.")
    return text


# Markdown is allowed only in fields typed MarkdownTekst; raw HTML in them is shown as text.
MarkdownTekst = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_safe_markdown),
    Field(description="Tekst, hvor Markdown er tilladt: afsnit, **fed**, *kursiv*, lister og links "
                      "til https://, mailto: eller sider i håndbogen. HTML vises som tekst."),
]


# No figure in a municipality's sources comes near a quadrillion; far larger numbers are typing
# mistakes (and babel cannot format 10**25 and more).
TAL_GRAENSE = 10**15


def _showable_value(value: int | float | str) -> int | float | str:
    if isinstance(value, str):
        return _one_line(value)
    if math.isnan(value):
        raise ValueError("'.nan' er ikke et tal, håndbogen kan vise; skriv tallet med cifre.")
    if abs(value) > TAL_GRAENSE:  # also .inf, and 1e400, which YAML reads as infinity
        raise ValueError(f"Tallet er for stort til håndbogen (grænsen er {tal(TAL_GRAENSE)}, også for "
                         "negative tal); tjek, om der er tastet cifre for meget.")
    return value


# For editors' schema checks; JSON Schema applies the bounds to numbers only, so they fit Celle too.
_BOUNDS = Field(json_schema_extra={"minimum": -TAL_GRAENSE, "maximum": TAL_GRAENSE})
Tal = Annotated[int | float, AfterValidator(_showable_value), _BOUNDS]
# A table cell: a number (checked like Tal) or a text on one line. One validator on the whole union
# gives one message; a Tal inside the union would add the text's "expected a text" to it.
Celle = Annotated[int | float | str, AfterValidator(_showable_value), _BOUNDS]


def kilder_field(description: str = "Kilder til oplysningerne: id'er fra concept/kilder.yaml."):
    return Field(min_length=1, description=description)


def soegeord_field():
    return Field(default=[], description="Ord og stavemåder, læsere søger på, og som ikke står i teksten, "
                                         "fx 'recoveryorienteret' eller 'komme i gang'. Læseren ser dem ikke; "
                                         "søgningen finder siden på dem.")

"""Pydantic's validation errors said in Danish, for editors rather than programmers."""
from __future__ import annotations

import datetime
import difflib
import re

from pydantic_core import ErrorDetails

from .formatting import tal
from .models.base import ID_PATTERN
from .models.concept import Link

LINK_PATTERN = next(m.pattern for m in Link.__metadata__ if getattr(m, "pattern", None))


def _number(value: int | float) -> str:
    """A number as Danish text, or as typed when it is too large for babel (10**25 and more)."""
    try:
        return tal(value)
    except (ArithmeticError, ValueError):
        return str(value)


def _kind(value: object) -> str:
    """What an editor wrote, named in Danish."""
    if value is None:
        return "et tomt felt"
    if isinstance(value, bool):
        return f"sand/falsk-værdien '{'true' if value else 'false'}'"
    if isinstance(value, int):
        return f"tallet {value}"
    if isinstance(value, float):
        return f"kommatallet {value}"
    if isinstance(value, str):
        return f"teksten '{value}'" if len(value) <= 40 else "en tekst"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en gruppe af felter"
    if isinstance(value, datetime.date):
        return f"datoen {value.isoformat()}"
    return "en værdi af forkert slags"


_EXPECTED = {
    "string_type": "en tekst",
    "int_type": "et helt tal",
    "float_type": "et tal",
    "bool_type": "true eller false",
    "list_type": "en liste (linjer der begynder med '- ')",
    "model_type": "en gruppe af felter",
    "date_type": "en dato skrevet ÅÅÅÅ-MM-DD",
    "url_type": "en webadresse",
}


# Editors write ids in Danish; an id spells æ, ø and å the way a URL can hold them.
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae", " ": "-", "_": "-"})


def ascii_id(text: str) -> str:
    """'Opfølgning' -> 'opfoelgning': the id an editor most likely meant."""
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "", text.lower().translate(_ASCII))).strip("-")


_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"]
_DANISH_DATE = re.compile(r"\s*(\d{1,2})\.?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\s*", re.IGNORECASE)


def _date_hint(value: object, siblings: list[str]) -> str:
    """How to write the date the editor wrote another way, or knows only to the month or year."""
    if not isinstance(value, str):
        return ""
    precise = "praecision" in siblings
    if danish := _DANISH_DATE.fullmatch(value):
        day, month, year = int(danish.group(1)), _MONTHS.index(danish.group(2).lower()) + 1, danish.group(3)
        return f" Skriv den som {year}-{month:02d}-{day:02d}."
    if month := re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value):
        first = f"{month.group(1)}-{int(month.group(2)):02d}-01"
        return f" Kendes kun måneden, så skriv {first}" + (" og sæt 'praecision: maaned' under datoen." if precise else ".")
    if year := re.fullmatch(r"\s*(\d{4})\s*", value):
        return f" Kendes kun året, så skriv {year.group(1)}-01-01" + (" og sæt 'praecision: aar' under datoen." if precise else ".")
    if precise:
        return (" Kendes kun måned, kvartal, halvår eller år, så skriv periodens første dag og sæt "
                "'praecision' under datoen, fx 'praecision: maaned'.")
    return ""


def _number_hint(value: str) -> str:
    """A whole number written as text: in quotes, or the way people write amounts ('3.750.000 kr.')."""
    if value.strip().isdigit():
        # Without quotes YAML reads digits as a number, so these were typed.
        return f"Forventede et helt tal, men '{value}' står i anførselstegn og er derfor tekst; fjern anførselstegnene."
    digits = re.sub(r"\D", "", value)
    if digits and re.fullmatch(r"[\d.\s]+(kr\.?)?", value.strip()):
        return f"Forventede et helt tal, men der står '{value}'. Skriv kun cifrene, uden punktummer, mellemrum og kr.: {digits}."
    return f"Forventede et helt tal, men der står '{value}'. Skriv kun cifre, fx 3750000."


def _wrong_type(expected: list[str], value: object) -> str:
    """'Forventede X, men fik Y.', with a hint when a text was allowed and YAML read something else."""
    shown = ", ".join(_EXPECTED[kind] for kind in expected[:-1])
    shown = f"{shown} eller {_EXPECTED[expected[-1]]}" if shown else _EXPECTED[expected[-1]]
    message = f"Forventede {shown}, men fik {_kind(value)}."
    if "string_type" in expected and isinstance(value, (bool, int, float, datetime.date)):
        message += " Sæt værdien i anførselstegn, hvis den skal stå som tekst."
    return message


def union_message(errors: list[ErrorDetails]) -> str:
    """One message for a value that fits none of the kinds a field allows (a number or a text)."""
    if not all(error["type"] in _EXPECTED for error in errors):
        return " / ".join(sorted({danish_message(error) for error in errors}))
    kinds = sorted({error["type"] for error in errors}, key=list(_EXPECTED).index)
    if "int_type" in kinds and "float_type" in kinds:
        kinds.remove("int_type")  # "et tal" covers both
    return _wrong_type(kinds, errors[0].get("input"))


def danish_message(error: ErrorDetails, allowed_fields: list[str] | None = None) -> str:
    """allowed_fields: the fields of the entry the error lies in, for suggestions."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        return "Feltet mangler og skal udfyldes."
    if kind == "extra_forbidden":
        message = "Ukendt felt."
        if allowed_fields:
            guess = difflib.get_close_matches(str(error["loc"][-1]), allowed_fields, n=1)
            if guess:
                message += f" Mente du '{guess[0]}'?"
            message += " Tilladte felter her: " + ", ".join(allowed_fields) + "."
        return message
    if kind == "int_type" and isinstance(value, str):
        return _number_hint(value)
    if kind == "model_type" and isinstance(value, list):
        return ("Forventede en gruppe af felter, men fik en liste. Fjern '- ' foran det første felt, så "
                "felterne står lige under hinanden.")
    if kind == "date_type":
        return _wrong_type([kind], value) + _date_hint(value, allowed_fields or [])
    if kind in _EXPECTED:
        return _wrong_type([kind], value)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        suggestion = ascii_id(str(value))
        return (f"'{value}' er ikke et gyldigt id: brug kun små bogstaver a-z, tal og enkelte "
                "bindestreger (ikke æ, ø, å eller mellemrum), " +
                (f"altså '{suggestion}'." if suggestion and suggestion != value else "fx 'en-indgang'."))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == LINK_PATTERN:
        return (f"'{value}' er ikke et link i håndbogen: skriv det som i links.lock, med / før og efter hver "
                "del og kun små bogstaver a-z, tal og bindestreg, fx '/kommuner/herning/' eller "
                "'/kommuner/herning/#en-indgang'.")
    if kind == "string_pattern_mismatch":
        return f"'{value}' har ikke den form, feltet kræver."
    if kind == "string_too_long":
        return f"Teksten er for lang (højst {ctx.get('max_length')} tegn)."
    if kind == "string_too_short":  # the loader says more where it knows the field
        return "Feltet er tomt; skriv en tekst."
    if kind == "too_short":
        if ctx.get("min_length") == 1:
            return "Listen må ikke være tom; den skal have mindst ét punkt."
        return f"Listen skal have mindst {ctx.get('min_length')} punkter."
    if kind == "too_long":
        return f"Listen må højst have {ctx.get('max_length')} punkter."
    if kind in ("greater_than_equal", "greater_than"):
        return f"Tallet skal være mindst {_number(ctx.get('ge', ctx.get('gt')))}, men er {_number(value)}."
    if kind in ("less_than_equal", "less_than"):
        return f"Tallet må højst være {_number(ctx.get('le', ctx.get('lt')))}, men er {_number(value)}."
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"Værdien skal være en af: {expected}; fik {_kind(value)}."
    if kind.startswith("url_"):
        if kind == "url_parsing" and str(value).lower().startswith(("https://", "http://")):
            return (f"'{value}' er ikke en gyldig webadresse; efter https:// skal der stå et domæne som "
                    "example.org, uden mellemrum.")
        return f"'{value}' er ikke en gyldig webadresse; den skal begynde med https://."
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"Ugyldig værdi ({kind}): {_kind(value)}."

"""Danish formats for what readers see: "23. november 2026", "3.750.000 kr."."""
from __future__ import annotations

import datetime

# Every precision a date may have, and how many months a date of it stands for (0: the day itself).
# A date known only to its month, quarter, half-year or year is that period's first day.
PRAECISIONER = {"dag": 0, "maaned": 1, "kvartal": 3, "halvaar": 6, "aar": 12}
_DATE_PATTERNS = {"dag": "d. MMMM y", "maaned": "MMMM y", "aar": "y"}
LOCALE = "da_DK"

# babel (CLDR's Danish) is imported when a text is first formatted, not with this module: loading its
# locale data was a third of `omlaegning check`, which formats nothing.


def dato(value: datetime.date, praecision: str = "dag") -> str:
    if praecision == "kvartal":
        return f"{(value.month - 1) // 3 + 1}. kvartal {value.year}"
    if praecision == "halvaar":
        return f"{1 if value.month <= 6 else 2}. halvår {value.year}"
    from babel.dates import format_date
    return format_date(value, _DATE_PATTERNS[praecision], locale=LOCALE)


def tal(value: int | float) -> str:
    from babel.numbers import format_decimal
    return format_decimal(value, locale=LOCALE)


def beloeb(kroner: int) -> str:
    return f"{tal(kroner)} kr."


def periode(start: datetime.date, slut: datetime.date | None, praecision: str = "dag") -> str:
    if slut is None:
        return f"fra {dato(start, praecision)}"
    return f"{dato(start, praecision)} – {dato(slut, praecision)}"

"""Danish formats for what readers see: "23. november 2026", "3.750.000 kr."."""
from __future__ import annotations

import datetime
import decimal

# Every precision a date may have, and how many months a date of it stands for (0: the day itself).
# A date known only to its month, quarter, half-year or year is that period's first day.
PRAECISIONER = {"dag": 0, "maaned": 1, "kvartal": 3, "halvaar": 6, "aar": 12}
# Written out here rather than read from babel: loading its locale data took a third of `omlaegning check`.
MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december")
# Danish numbers as CLDR writes them: "." between thousands, "," before at most three decimals, which
# are rounded half to even; a number that rounds to zero keeps its sign ("-0").
_DECIMALER = decimal.Decimal("0.001")


def dato(value: datetime.date, praecision: str = "dag") -> str:
    if praecision == "kvartal":
        return f"{(value.month - 1) // 3 + 1}. kvartal {value.year}"
    if praecision == "halvaar":
        return f"{1 if value.month <= 6 else 2}. halvår {value.year}"
    if praecision == "maaned":
        return f"{MAANEDER[value.month - 1]} {value.year}"
    if praecision == "aar":
        return str(value.year)
    if praecision != "dag":
        raise KeyError(praecision)
    return f"{value.day}. {MAANEDER[value.month - 1]} {value.year}"


def tal(value: int | float) -> str:
    """Raises decimal.InvalidOperation (an ArithmeticError) from 10**25 on, where 28 digits no longer hold it."""
    number = decimal.Decimal(str(value)).quantize(_DECIMALER, rounding=decimal.ROUND_HALF_EVEN)
    whole, _, fraction = f"{abs(number):f}".partition(".")
    sign = "-" if number.is_signed() else ""
    fraction = fraction.rstrip("0")
    return sign + f"{int(whole):,}".replace(",", ".") + (f",{fraction}" if fraction else "")


def beloeb(kroner: int) -> str:
    return f"{tal(kroner)} kr."


def periode(start: datetime.date, slut: datetime.date | None, praecision: str = "dag") -> str:
    if slut is None:
        return f"fra {dato(start, praecision)}"
    return f"{dato(start, praecision)} – {dato(slut, praecision)}"

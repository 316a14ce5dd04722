import datetime

import pytest

from omlaegning import formatting


@pytest.mark.parametrize("value,precision,shown", [
    (datetime.date(2026, 11, 23), "dag", "23. november 2026"),
    (datetime.date(2023, 9, 13), "dag", "13. september 2023"),
    (datetime.date(2021, 4, 1), "maaned", "april 2021"),
    (datetime.date(2019, 1, 1), "aar", "2019"),
    (datetime.date(2019, 7, 1), "halvaar", "2. halvår 2019"),
    (datetime.date(2020, 4, 1), "kvartal", "2. kvartal 2020"),
])
def test_danish_dates(value, precision, shown):
    assert formatting.dato(value, precision) == shown


@pytest.mark.parametrize("kroner,shown", [(3750000, "3.750.000 kr."), (8800000, "8.800.000 kr."), (500, "500 kr.")])
def test_danish_amounts(kroner, shown):
    assert formatting.beloeb(kroner) == shown


def test_decimal_comma():
    assert formatting.tal(1.5) == "1,5"


def test_period():
    assert formatting.periode(datetime.date(2020, 1, 1), datetime.date(2022, 9, 30)) == \
        "1. januar 2020 – 30. september 2022"
    assert formatting.periode(datetime.date(2023, 1, 26), None) == "fra 26. januar 2023"


# formatting.py writes Danish numbers itself (babel's locale data took a third of `omlaegning check`);
# these are the cases where a hand-written formatter is most likely to differ from CLDR's Danish.
@pytest.mark.parametrize("value,shown", [
    (-1234, "-1.234"), (1234567.891234, "1.234.567,891"), (0.0025, "0,002"), (0.0015, "0,002"),
    (999.9995, "1.000"), (-0.0004, "-0"), (1e16, "10.000.000.000.000.000"), (1e-7, "0"), (2.0, "2"),
])
def test_danish_numbers_round_half_to_even_at_three_decimals(value, shown):
    assert formatting.tal(value) == shown


def test_numbers_beyond_28_digits_are_refused_as_before():
    with pytest.raises(ArithmeticError):
        formatting.tal(10**25)


def test_the_same_as_babel_on_many_numbers_and_dates():
    babel = pytest.importorskip("babel.numbers")
    from babel.dates import format_date
    values = [n * 7919 ** k / 10 ** d for n in (-3, 1, 7) for k in range(6) for d in range(6)]
    assert [formatting.tal(v) for v in values] == [babel.format_decimal(v, locale="da_DK") for v in values]
    days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=n) for n in range(0, 366, 17)]
    assert [formatting.dato(d) for d in days] == [format_date(d, "d. MMMM y", locale="da_DK") for d in days]

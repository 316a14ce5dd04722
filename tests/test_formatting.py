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

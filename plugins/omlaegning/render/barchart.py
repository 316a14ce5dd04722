"""Bar charts of a municipality's tables: one bar per number, grouped by row, a colour per column."""
from __future__ import annotations

from dataclasses import dataclass

from .. import formatting
from ..models import Tabel
from .figures import CHAR_WIDTH, FIGURE_WIDTH, LINE_HEIGHT, wrap

CHART_WIDTH = FIGURE_WIDTH
# Okabe-Ito colours: told apart also with colour blindness, each at least 3:1 on white.
SERIES_COLOURS = ("#0b5394", "#b45f06", "#38761d", "#a61c5c", "#5b3d9b")
MISSING = ("-", "–", "")
# More bars than this make a chart harder to read than its table.
MAX_BARS = 50
_DIGIT_WIDTH = 7.6  # the widest digits of the fonts readers have, at 12 px


@dataclass(frozen=True)
class ChartBar:
    x: float
    y: float
    width: float
    colour: str
    value: str


@dataclass(frozen=True)
class Category:
    label: str
    lines: tuple[str, ...]  # the label as drawn above its bars, wrapped
    y: float                # the first line's baseline


@dataclass(frozen=True)
class Legend:
    label: str
    lines: tuple[str, ...]
    colour: str
    x: float
    y: float


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    height: float
    plot_left: float
    categories: list[Category]
    bars: list[ChartBar]
    legend: list[Legend]
    width: int = CHART_WIDTH


def _numbers(tabel: Tabel) -> list[list[float | None]] | None:
    """The table's values (every column but the first) as numbers, or None if it is not numbers."""
    values = []
    for row in tabel.raekker:
        cells = []
        for cell in row[1:]:
            if isinstance(cell, (int, float)):
                cells.append(cell)
            elif isinstance(cell, str) and cell.strip() in MISSING:
                cells.append(None)
            else:
                return None
        values.append(cells)
    return values


def bar_chart(tabel: Tabel) -> BarChart | None:
    """Horizontal bars for a table of numbers; None when a chart would not help.

    The shorter side of the table becomes the series (colours), the longer the categories,
    so one row over seven half-years gives seven bars and six rows of one number six bars."""
    values = _numbers(tabel)
    # Bars start at zero: a negative number would need an axis this small chart does not have.
    if values is None or sum(v is not None for row in values for v in row) < 2 or \
            any(v < 0 for row in values for v in row if v is not None):
        return None
    rows = [str(row[0]) for row in tabel.raekker]
    columns = tabel.kolonner[1:]
    if len(rows) < len(columns):
        categories, series = columns, rows
        value = lambda category, serie: values[serie][category]  # noqa: E731
    else:
        categories, series = rows, columns
        value = lambda category, serie: values[category][serie]  # noqa: E731
    if len(series) > len(SERIES_COLOURS) or len(categories) * len(series) > MAX_BARS:
        return None
    largest = max(v for row in values for v in row if v is not None)
    # Each category's name stands on its own lines above its bars, so it can be long and never cut.
    value_width = max(len(formatting.tal(v)) for row in values for v in row if v is not None) * _DIGIT_WIDTH + 8
    plot_left = 4.0
    plot_width = CHART_WIDTH - plot_left - value_width
    legend, y = [], 4.0
    if len(series) > 1:
        x = plot_left
        for number, name in enumerate(series):
            lines = wrap(name, CHART_WIDTH - plot_left - 20)
            width = max(len(line) for line in lines) * CHAR_WIDTH
            if x > plot_left and x + 20 + width > CHART_WIDTH:
                x, y = plot_left, y + 20
            legend.append(Legend(name, lines, SERIES_COLOURS[number], x, y))
            x += 20 + width + 16
            y += LINE_HEIGHT * (len(lines) - 1)
        y += 28
    chart_categories, bars = [], []
    for c, name in enumerate(categories):
        lines = wrap(name, CHART_WIDTH - plot_left)
        chart_categories.append(Category(name, lines, y + 11))
        y += LINE_HEIGHT * len(lines) + 2
        for s in range(len(series)):
            v = value(c, s)
            if v is not None:
                width = plot_width * v / largest if largest > 0 else 0
                bars.append(ChartBar(plot_left, y, max(width, 1.0), SERIES_COLOURS[s], formatting.tal(v)))
            y += 16
        y += 10
    description = (f"Søjlediagram over tabellen '{tabel.titel}': "
                   f"{len(categories)} grupper{f' med {len(series)} serier' if len(series) > 1 else ''}. "
                   "Alle tal står i tabellen.")
    return BarChart(tabel.titel, description, y + 4, plot_left, chart_categories, bars, legend)

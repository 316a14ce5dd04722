"""Figures drawn at build time as SVG: timelines and bar charts of a municipality's tables.

Python places every mark; templates/*.svg.j2 only draw them. Readers never depend on a
figure alone: each one stands beside the table it is drawn from, which is the text
equivalent for screen readers, print and search.
"""
from __future__ import annotations

import datetime
import math
import textwrap
from dataclasses import dataclass

from .. import formatting
from ..models import Milepael, Periode, Tabel

# Drawn sizes in px: no wider than a phone's text column (358 px at 390 px), so a figure is never
# shrunk there and its 12 px text stays 12 px. Labels wrap onto more lines instead of being cut.
TIMELINE_WIDTH = 340
CHART_WIDTH = 340
LINE_HEIGHT = 15
# Okabe-Ito colours: told apart also with colour blindness, each at least 3:1 on white.
SERIES_COLOURS = ("#0b5394", "#b45f06", "#38761d", "#a61c5c", "#5b3d9b")
MISSING = ("-", "–", "")
# More bars than this make a chart harder to read than its table.
MAX_BARS = 50
_CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character
_DIGIT_WIDTH = 7.6  # the widest digits of the fonts readers have, at 12 px


def _wrap(label: str, width: float) -> tuple[str, ...]:
    """A label in lines that fit `width` px, broken between words."""
    lines = textwrap.wrap(label, max(int(width / _CHAR_WIDTH), 1), break_long_words=False, break_on_hyphens=False)
    return tuple(lines) or ("",)


# --- timelines ----------------------------------------------------------------------

def _end_of(date: datetime.date, praecision: str) -> datetime.date:
    """The last day a date of the given precision may mean: 2019 with 'aar' runs to 31 December."""
    months = formatting.PRAECISIONER[praecision]
    if not months:
        return date
    month = date.month - 1 + months
    return datetime.date(date.year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Bar:
    label: str
    lines: tuple[str, ...]  # the label as drawn, wrapped
    x: float
    width: float
    y: float
    label_x: float
    anchor: str


@dataclass(frozen=True)
class Marker:
    number: int
    x: float           # the marker's centre
    span_x: float      # the stretch of time an imprecise date covers
    span_width: float
    y: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    title: str
    description: str
    height: float
    bars: list[Bar]
    markers: list[Marker]
    ticks: list[Tick]
    axis_y: float
    width: int = TIMELINE_WIDTH


def numbered_milestones(milestones: list[Milepael]) -> list[tuple[int, Milepael]]:
    """Milestones in date order, numbered from 1 as in the figure and its table."""
    return list(enumerate(sorted(milestones, key=lambda m: m.dato), start=1))


def timeline(title: str, periods: list[tuple[str, Periode]], milestones: list[Milepael]) -> Timeline | None:
    """Periods as labelled bars and milestones as numbered markers on one time axis."""
    if not periods and not milestones:
        return None
    numbered = numbered_milestones(milestones)
    spans = [(m.dato, _end_of(m.dato, m.praecision)) for _, m in numbered]
    dates = [d for _, p in periods for d in (p.start, _end_of(p.slut, p.praecision) if p.slut else p.start)] + [d for s in spans for d in s]
    first, last = min(dates).year, max(dates).year + 1
    left, right = 24.0, TIMELINE_WIDTH - 24.0
    origin = datetime.date(first, 1, 1)
    days = (datetime.date(last, 1, 1) - origin).days

    def x(date: datetime.date) -> float:
        return left + (right - left) * (date - origin).days / days

    day = datetime.timedelta(days=1)
    bars, y = [], 14.0
    for label, periode in periods:
        # A period runs to the end of its last day; an open one runs to the end of the axis.
        start, end = x(periode.start), x(_end_of(periode.slut, periode.praecision) + day) if periode.slut else right
        text = f"{label}: {formatting.periode(periode.start, periode.slut, periode.praecision)}"
        lines = _wrap(text, right - left)
        # The label sits above its bar, starting where the bar starts or ending where it ends,
        # whichever keeps it inside the figure; a label of several lines starts at the left edge.
        width = max(len(line) for line in lines) * _CHAR_WIDTH
        if start + width <= right:
            anchor, label_x = "start", start
        elif end - width >= left:
            anchor, label_x = "end", end
        else:
            anchor, label_x = "start", left
        y += LINE_HEIGHT * (len(lines) - 1)
        bars.append(Bar(text, lines, start, max(end - start, 2.0), y + 16, label_x, anchor))
        y += 40
    markers, lane_ends = [], []
    for (number, _), (start, end) in zip(numbered, spans):
        span_x, span_end = x(start), x(end + day) if end != start else x(start)
        centre = (span_x + span_end) / 2
        reach = (min(span_x, centre - 11), max(span_end, centre + 11))
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end + 4 <= reach[0]), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(reach[1])
        lane_ends[lane] = reach[1]
        markers.append(Marker(number, centre, span_x, span_end - span_x, y + 14 + 26 * lane))
    axis_y = y + 26 * len(lane_ends) + (8 if lane_ends else 0)
    # Year labels are about 30 px wide: label every year while they fit, else every second, third...
    step = math.ceil((last - first) * 32 / (right - left))
    ticks = [Tick(x(datetime.date(year, 1, 1)), str(year)) for year in range(first, last + 1)]
    ticks = [t if (int(t.label) - first) % step == 0 and int(t.label) < last else Tick(t.x, "") for t in ticks]
    description = "; ".join(b.label for b in bars)
    if numbered:
        first_date, last_date = (formatting.dato(m.dato, m.praecision) for m in (numbered[0][1], numbered[-1][1]))
        description += ("; " if description else "") + (
            f"1 milepæl ({first_date})" if len(numbered) == 1 else
            f"{len(numbered)} milepæle fra {first_date} til {last_date}, nummereret som i tabellen")
    return Timeline(title, description + ".", axis_y + 34, bars, markers, ticks, axis_y)


# --- bar charts ----------------------------------------------------------------------

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
            lines = _wrap(name, CHART_WIDTH - plot_left - 20)
            width = max(len(line) for line in lines) * _CHAR_WIDTH
            if x > plot_left and x + 20 + width > CHART_WIDTH:
                x, y = plot_left, y + 20
            legend.append(Legend(name, lines, SERIES_COLOURS[number], x, y))
            x += 20 + width + 16
            y += LINE_HEIGHT * (len(lines) - 1)
        y += 28
    chart_categories, bars = [], []
    for c, name in enumerate(categories):
        lines = _wrap(name, CHART_WIDTH - plot_left)
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

"""Timelines: periods as bars and milestones as numbered markers on one axis of dates."""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from .. import formatting
from ..models import Milepael, Periode
from .figures import CHAR_WIDTH, FIGURE_WIDTH, LINE_HEIGHT, wrap

TIMELINE_WIDTH = FIGURE_WIDTH


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
        lines = wrap(text, right - left)
        # The label sits above its bar, starting where the bar starts or ending where it ends,
        # whichever keeps it inside the figure; a label of several lines starts at the left edge.
        width = max(len(line) for line in lines) * CHAR_WIDTH
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

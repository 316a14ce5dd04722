"""Figures drawn at build time as SVG: timelines (timeline.py) and bar charts of a municipality's tables
(barchart.py), and what they share: how their text is measured and wrapped.

Python places every mark; templates/*.svg.j2 only draw them. Readers never depend on a
figure alone: each one stands beside the table it is drawn from, which is the text
equivalent for screen readers, print and search.
"""
from __future__ import annotations

import textwrap

# Drawn sizes in px: no wider than a phone's text column (358 px at 390 px), so a figure is never
# shrunk there and its 12 px text stays 12 px. Labels wrap onto more lines instead of being cut.
FIGURE_WIDTH = 340
LINE_HEIGHT = 15
CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character


def wrap(label: str, width: float) -> tuple[str, ...]:
    """A label in lines that fit `width` px, broken between words."""
    lines = textwrap.wrap(label, max(int(width / CHAR_WIDTH), 1), break_long_words=False, break_on_hyphens=False)
    return tuple(lines) or ("",)

"""'Hvad er nyt': the content's changes per month, as readers see them."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..history import History

# How many months with changes "Hvad er nyt" shows.
NEWS_MONTHS = 12


@dataclass
class NewsEntry:
    """One change as readers see it: the editor's sentences and the pages it changed, never file names."""
    date: datetime.date
    sentences: tuple[str, ...]  # the commit's "Nyt:" lines; none: only which pages changed
    pages: list


def month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def news_months(history: History) -> list[datetime.date]:
    """The months "Hvad er nyt" shows, newest first; a page's "Senest opdateret" links to its month there."""
    return list(dict.fromkeys(month(c.date) for c in history.changes))[:NEWS_MONTHS]


def news(history: History, pages: list) -> list[tuple[datetime.date, list[NewsEntry]]]:
    """Changes per month, newest first: one entry per commit with the editor's sentences and
    the pages made from the files it changed (a file's own page, else every page built from it)."""
    shown = news_months(history)
    pages_of = {}
    for page in pages:
        for source in page.sources:
            pages_of.setdefault(source, []).append(page)
    own = {p.edit_file: [p] for p in pages if p.edit_file}
    entries: dict[str, NewsEntry] = {}
    for change in history.changes:
        if month(change.date) not in shown:
            break
        # A commit with sentences is one entry; commits without, and changes made outside git,
        # are one "Opdateret" entry per day.
        entry = entries.setdefault(change.commit if change.nyt else change.date.isoformat(),
                                   NewsEntry(change.date, change.nyt, []))
        for page in own.get(change.file) or pages_of.get(change.file, []):
            if page not in entry.pages:
                entry.pages.append(page)
    months: dict[datetime.date, list[NewsEntry]] = {m: [] for m in shown}
    for entry in entries.values():
        if entry.sentences or entry.pages:
            months[month(entry.date)].append(entry)
    return list(months.items())

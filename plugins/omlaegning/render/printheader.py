"""The line a printed page carries at the top: where to find the page online, and which edition it is."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..formatting import dato
from ..paths import page_url
from .pages import RenderedHandbook


@dataclass(frozen=True)
class PrintHeader:
    address: str          # the page's short link when it has one (it never changes), else its address
    canonical: str | None  # the page's published address, when the handbook's public address is known
    edition: str          # the handbook's edition as a Danish date


def print_header(rendered: RenderedHandbook, page_path: str, public_url: str | None,
                 edition: datetime.date) -> PrintHeader:
    base = public_url.rstrip("/") if public_url else ""
    short = next((s.path for s in rendered.short_links if s.page == page_path and not s.anchor), None)
    canonical = base + page_url(page_path) if base else None
    return PrintHeader(base + (short or page_url(page_path)), canonical, dato(edition))

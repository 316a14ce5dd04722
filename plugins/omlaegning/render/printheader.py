"""The line a printed page carries at the top: where to find the page online, and which edition it is."""
from __future__ import annotations

from dataclasses import dataclass

from ..paths import page_url


@dataclass(frozen=True)
class PrintHeader:
    address: str          # the page's short link when it has one (it never changes), else its address
    canonical: str | None  # the page's published address, when the handbook's public address is known
    edition: str          # the handbook's edition as a Danish date


def print_header(short_links: dict[str, str], page_path: str, public_url: str | None, edition: str) -> PrintHeader:
    """short_links: each page's short link by the page's path; edition: the edition's Danish date."""
    base = public_url.rstrip("/") if public_url else ""
    canonical = base + page_url(page_path) if base else None
    return PrintHeader(base + short_links.get(page_path, page_url(page_path)), canonical, edition)

"""The navigation: the sections of kinds.NAV_SECTIONS, each listing its kinds' pages.

Eight top-level sections, so each fits as a tab on a laptop screen. A section of one page with the
section's own title is that page itself (the front page).
"""
from __future__ import annotations

from ..kinds import NAV_SECTIONS, PAGE_KINDS
from .page import Page


def navigation(pages: list[Page]) -> list[dict]:
    """Nested {title: path or list} entries, the shape mkdocs.yml's nav uses."""
    kinds = sorted(PAGE_KINDS, key=lambda kind: kind.page.nav_place)  # stable: otherwise the registry's order
    nav = []
    for section in NAV_SECTIONS:
        entries = [{page.title: page.path} for kind in kinds if kind.page.nav == section
                   for page in pages if page.kind == kind.name]
        if len(entries) == 1 and next(iter(entries[0])) == section:
            nav.append(entries[0])
        else:
            nav.append({section: entries})
    return nav


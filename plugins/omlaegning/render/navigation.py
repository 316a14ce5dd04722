"""The navigation: the sections of kinds.NAV_SECTIONS, each listing its kinds' pages.

Eight top-level sections, so each fits as a tab on a laptop screen. A section of one page with the
section's own title is that page itself (the front page).
"""
from __future__ import annotations

from collections import Counter

from ..kinds import NAV_SECTIONS, PAGE_KINDS
from .page import Page

# More pages of one kind than this, and the navigation leaves them to the overview that gathers them. Denmark has
# 98 municipalities, so the real handbook lists every one; a thousand names in a side menu help no reader, and
# since every page carries the whole navigation, each page more would make every page heavier (issue #23).
NAV_LIMIT = 100


def navigation(pages: list[Page]) -> list[dict]:
    """Nested {title: path or list} entries, the shape mkdocs.yml's nav uses."""
    kinds = sorted(PAGE_KINDS, key=lambda kind: kind.page.nav_place)  # stable: otherwise the registry's order
    counts = Counter(page.kind for page in pages)
    gathered = {kind.page.gathers for kind in PAGE_KINDS if kind.page.gathers}
    listed = [kind for kind in kinds if not (kind.name in gathered and counts[kind.name] > NAV_LIMIT)]
    nav = []
    for section in NAV_SECTIONS:
        entries = [{page.title: page.path} for kind in listed if kind.page.nav == section
                   for page in pages if page.kind == kind.name]
        if len(entries) == 1 and next(iter(entries[0])) == section:
            nav.append(entries[0])
        else:
            nav.append({section: entries})
    return nav


"""Short links for slides: /l/<id>/ leads to a section and never changes, with a QR code for each."""
from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..errors import ContentErrors
from ..handbook import Handbook
from ..kinds import KINDS, label
from ..paths import page_path, page_url
from ..locate import error_at_id
from .diskcache import DiskCache, key


QR_MASK = 2

# The presenters' page lists short links in these groups: anchor id -> heading.
GROUPS = {"faser": "Faser", "principper": "Principper", "baggrund": "Baggrund", "vejledning": "Vejledning",
          "kommuner": "Kommuner"}


@dataclass(frozen=True)
class ShortLink:
    key: str
    page: str      # the page's path, e.g. "kommuner/herning.md"
    anchor: str    # "" for the top of the page
    title: str
    group: str     # the id of the group it is listed under for presenters (see GROUPS)
    source: str    # the YAML file that defines the id

    @property
    def path(self) -> str:
        return f"/l/{self.key}/"

    @property
    def target(self) -> str:
        return page_url(self.page) + (f"#{self.anchor}" if self.anchor else "")


def short_links(hb: Handbook) -> list[ShortLink]:
    """Every section a presenter may show, as each kind's entry in kinds.KINDS says: its pages and the
    sections on them (values, audiences' sections, information meetings, activities)."""
    links = []
    for kind in KINDS:
        if not kind.short_links:
            continue
        rule, content = kind.short_links, kind.content
        for value in getattr(hb, content.field) if content.one_per_file else [getattr(hb, content.field)]:
            entity_id = value.id if content.one_per_file else ""
            source = hb.file_of(content.name, entity_id)
            page = page_path(kind.name, entity_id)
            links.append(ShortLink(entity_id or kind.name, page, "", label(rule.title, value), rule.group, source))
            for section in getattr(value, rule.sections) if rule.sections else []:
                key = f"{entity_id}-{section.id}" if entity_id else section.id
                links.append(ShortLink(key, page, section.id, rule.section_title(value, section), rule.group, source))
    _require_unique(links, hb.root)
    # In the order presenters see them: group by group, as on their page.
    return sorted(links, key=lambda link: list(GROUPS).index(link.group))


def _require_unique(links: list[ShortLink], root: Path) -> None:
    seen: dict[str, ShortLink] = {}
    errors = []
    for link in links:
        if link.key in seen:
            # At the id the link is made from: a section's own id, or the page's.
            errors.append(error_at_id(root, (link.source,), link.anchor or link.key, (
                f"Det korte link {link.path} bruges allerede af '{seen[link.key].title}'; giv det ene et andet id.")))
        seen.setdefault(link.key, link)
    if errors:
        raise ContentErrors(errors)


# Under serve every save renders again, and every build in a new process: the codes only change with
# their address and title (and segno), so they are kept in memory and in the disk cache.
@functools.lru_cache(maxsize=None)
def qr_svg(url: str, title: str, root: Path | None = None) -> str:
    """A QR code as a small, scalable SVG; the same URL always gives the same bytes.
    root: the handbook's folder, whose disk cache keeps the code for the next build."""
    entry = key(_segno_version(), str(QR_MASK), url, title) + ".svg"
    return DiskCache(root).text("qr", entry, lambda: _draw_qr(url, title))


@functools.cache
def _segno_version() -> str:
    """Looked up once: importlib.metadata searches every installed package each time (3 ms a call)."""
    return version("segno")


def _draw_qr(url: str, title: str) -> str:
    import segno  # only when a code is not in the cache: a warm build never loads it
    buffer = io.BytesIO()
    # A fixed mask: segno's search for the best of the eight costs three quarters of the time, and
    # any mask reads (tests/browser/test_shortlinks.py scans every code on the presenters' page).
    segno.make(url, error="m", mask=QR_MASK).save(buffer, kind="svg", xmldecl=False, title=f"QR-kode til {title}",
                                                  border=2, omitsize=True, dark="#000")
    return buffer.getvalue().decode("utf-8")


def short_link_index(links: list[ShortLink]) -> str:
    """l/kort.json: each section's short link by the section's address, for the headings' "Kopiér link"."""
    return json.dumps({s.target: s.path for s in links}, ensure_ascii=False, sort_keys=True)

"""Short links for slides: /l/<id>/ leads to a section and never changes, with a QR code for each."""
from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path

import segno

from ..errors import ContentErrors
from ..formatting import dato
from ..handbook import Handbook
from ..links import page_url
from ..locate import error_at_id


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


def short_links(hb: Handbook, page_path) -> list[ShortLink]:
    """Every section a presenter may show: phases, principles, values, audiences and their sections,
    the background pages and information meetings, municipalities and their activities."""
    links = []

    def add(key, kind, entity_id, anchor, title, group, source):
        links.append(ShortLink(key, page_path(kind, entity_id), anchor, title, group, source))

    for f in hb.faser:
        add(f.id, "fase", f.id, "", f"Fase {f.nummer}: {f.titel}", "faser", hb.file_of("fase", f.id))
    for p in hb.principper:
        add(p.id, "princip", p.id, "", f"{p.nummer}. {p.titel}", "principper", hb.file_of("princip", p.id))
    recovery = hb.file_of("recovery")
    add("recovery", "recovery", "", "", hb.recovery.titel, "baggrund", recovery)
    for v in hb.recovery.vaerdier:
        add(v.id, "recovery", "", v.id, f"Recovery-værdi: {v.titel}", "baggrund", recovery)
    add("partnerskab", "partnerskab", "", "", hb.partnerskab.titel, "baggrund", hb.file_of("partnerskab"))
    forloeb = hb.file_of("udviklingsforloeb")
    add("udviklingsforloeb", "udviklingsforloeb", "", "", hb.udviklingsforloeb.titel, "baggrund", forloeb)
    for m in hb.udviklingsforloeb.informationsmoeder:
        add(m.id, "udviklingsforloeb", "", m.id, f"{m.titel} {dato(m.dato)}", "baggrund", forloeb)
    for v in hb.vejledninger:
        source = hb.file_of("vejledning", v.id)
        add(v.id, "vejledning", v.id, "", f"Vejledning: {v.titel}", "vejledning", source)
        for a in v.afsnit:
            add(f"{v.id}-{a.id}", "vejledning", v.id, a.id, f"{v.titel}: {a.titel}", "vejledning", source)
    add("selvevaluering", "selvevaluering", "", "", hb.selvevaluering.titel, "vejledning",
        hb.file_of("selvevaluering"))
    for k in hb.kommuner:
        source = hb.file_of("kommune", k.id)
        add(k.id, "kommune", k.id, "", k.navn, "kommuner", source)
        for a in k.aktiviteter:
            add(f"{k.id}-{a.id}", "kommune", k.id, a.id, f"{k.navn}: {a.titel}", "kommuner", source)
    _require_unique(links, hb.root)
    return links


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


# Under serve every save renders again; the codes only change with their address and title.
@functools.lru_cache(maxsize=None)
def qr_svg(url: str, title: str) -> str:
    """A QR code as a small, scalable SVG; the same URL always gives the same bytes."""
    buffer = io.BytesIO()
    # A fixed mask: segno's search for the best of the eight costs three quarters of the time, and
    # any mask reads (tests/browser/test_shortlinks.py scans every code on the presenters' page).
    segno.make(url, error="m", mask=QR_MASK).save(buffer, kind="svg", xmldecl=False, title=f"QR-kode til {title}",
                                                  border=2, omitsize=True, dark="#000")
    return buffer.getvalue().decode("utf-8")


def short_link_index(links: list[ShortLink]) -> str:
    """l/kort.json: each section's short link by the section's address, for the headings' "Kopiér link"."""
    return json.dumps({s.target: s.path for s in links}, ensure_ascii=False, sort_keys=True)

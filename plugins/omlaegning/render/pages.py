"""All generated pages and what goes with them: navigation, redirects, short links, QR codes, figures, data.

Each page kind is declared once in kinds.KINDS; pagemaker.py renders them, navigation.py lists them,
publish.py keeps the links already published working.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..handbook import Handbook
from ..history import History
from ..internal_links import resolve_internal_links
from ..links import Redirect
from ..lockfile import current_links
from ..models.tilgaengelighed import Kontakt
from ..paths import page_path
from .anchors import check_unique_anchors
from .environment import use_disk_cache
from .navigation import navigation
from .page import Page
from .pagemaker import PageMaker
from .publish import published, qr_codes, redirect_html, statement_redirect
from .shortlinks import ShortLink, short_link_index

__all__ = ["FORM_PAGES", "Page", "RenderedHandbook", "redirect_html", "render_handbook"]

# Pages whose HTML may hold form controls (sanitize.clean's `form`): the self-assessment only.
FORM_PAGES = frozenset({page_path("selvevaluering")})


@dataclass(frozen=True)
class RenderedHandbook:
    pages: list[Page]
    # Navigation as nested {title: path or list} entries, the shape mkdocs.yml's nav uses.
    nav: list[dict]
    # Small HTML pages that send readers from old or short addresses to the right place.
    redirects: list[Redirect]
    short_links: list[ShortLink]
    # QR codes for the short links, by path: only when the handbook's public address is known.
    qr_codes: dict[str, str]
    # Figures (SVG), open data (JSON) and its schemas, by path.
    assets: dict[str, str]
    # How readers reach the editors (the statement's contact), for the footer of every page.
    kontakt: Kontakt | None = None

    @property
    def links(self) -> dict[str, str]:
        """Every link the handbook publishes, for the lock: pages and anchors, and short links
        with the section they lead to."""
        return {**{link: "" for link in current_links(self.pages)},
                **{s.path: s.target for s in self.short_links}}

    def extra_files(self) -> dict[str, str]:
        """Files beside the pages, by path: redirect pages (/was/ among them), the short links' index, QR codes,
        figures and open data."""
        return {**{r.path: redirect_html(r) for r in self.redirects}, "l/kort.json": short_link_index(self.short_links),
                **self.qr_codes, **self.assets}


def render_handbook(handbook: Handbook, history: History | None = None,
                    public_url: str | None = None, was_url: str | None = None) -> RenderedHandbook:
    """All generated pages and their navigation. `history`: the content's git history, if any;
    `public_url`: where the handbook is published, for the QR codes of the short links; `was_url`: the
    official statement in the WAS-Tool, if known, where /was/ leads.

    Raises ContentErrors when ids make an anchor appear twice on a page, or when a published
    link (links.lock) would break."""
    use_disk_cache(handbook.root)
    maker = PageMaker(handbook, history or History(), public_url)
    pages = resolve_internal_links(maker.all_pages(), handbook.root)
    check_unique_anchors(pages, handbook.root)
    pages, redirects = published(handbook, pages, maker.short_links)
    return RenderedHandbook(pages, navigation(pages), redirects + [statement_redirect(was_url)], maker.short_links,
                            qr_codes(maker.short_links, maker.public_url, handbook.root), maker.assets,
                            handbook.tilgaengelighed.kontakt)

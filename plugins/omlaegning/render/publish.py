"""What the handbook publishes beside its pages so that links keep working: redirect pages for moved
pages and short links, hidden aliases for moved anchors, QR codes for the short links."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..csp import with_policy
from ..handbook import Handbook
from ..links import Redirect, add_aliases, resolve_published
from ..paths import page_path, page_url, url_link
from .environment import html_environment
from .page import Page
from .shortlinks import ShortLink, qr_svg


def redirect_html(redirect: Redirect) -> str:
    """The redirect page, with a link relative to where it lies so it works under any base URL."""
    target = (redirect.target if "://" in redirect.target else
              url_link(page_url(redirect.path.removesuffix("index.html") + "index.md"), redirect.target))
    return with_policy(html_environment().get_template("redirect.html.j2").render(redirect=redirect, target=target))


def published(handbook: Handbook, pages: list[Page], shorts: list[ShortLink]) -> tuple[list[Page], list[Redirect]]:
    """The pages with the aliases of their moved anchors, and every redirect page.

    Raises ContentErrors when a published link (links.lock) would break."""
    moved, aliases = resolve_published(handbook.root, pages, {s.path: s.target for s in shorts},
                                       handbook.omdirigeringer.omdirigeringer, handbook.file_of("omdirigeringer"))
    pages = [replace(p, markdown=add_aliases(p.markdown, aliases[page_url(p.path)]))
             if page_url(p.path) in aliases else p for p in pages]
    return pages, moved + [Redirect(f"l/{s.key}/index.html", s.target, s.title) for s in shorts]


def statement_redirect(was_url: str | None) -> Redirect:
    """/was/, the address the Danish rules expect of every public website: to the official statement in
    Digitaliseringsstyrelsen's WAS-Tool when mkdocs.yml names it, else to the handbook's own page."""
    return Redirect("was/index.html", was_url or page_url(page_path("tilgaengelighed")), "Tilgængelighedserklæring",
                    carries_place=False)


def qr_codes(shorts: list[ShortLink], public_url: str | None, root: Path | None) -> dict[str, str]:
    """A QR code per short link, by path: only when the handbook's public address is known.
    root: the handbook's folder, whose disk cache keeps the codes."""
    return {f"l/{s.key}/qr.svg": qr_svg(public_url + s.path, s.title, root) for s in shorts} if public_url else {}

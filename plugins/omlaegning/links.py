"""Published links stay valid: the lock file, redirects for moved pages and aliases for moved anchors.

Every link the handbook has published (a page, or a page and an anchor, written like
"/principper/ressourcer/#hvordan") is recorded in links.lock. A build in which a locked
link disappears fails, unless concept/omdirigeringer.yaml says where it went: a moved page
gets a small redirect page at its old address, a moved anchor keeps its old name as a
hidden alias on the same page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, ContentErrors, format_field
from .locate import error_at_id
from .lockfile import LOCK_FILE, current_links, read_lock
from .paths import page_url
from .yamlsource import read_again


@dataclass(frozen=True)
class Redirect:
    """A small page at `path` (e.g. 'l/ressourcer/index.html') that sends the reader to `target`."""

    path: str
    target: str  # site-root link, e.g. '/principper/ressourcer/#hvordan', or an address elsewhere
    title: str
    # A moved page takes the reader's #anchor and ?query along (with a small script); /was/ does not.
    carries_place: bool = True


def _split(link: str) -> tuple[str, str]:
    page, _, anchor = link.partition("#")
    return page, anchor


def _redirect_path(link: str) -> str:
    return f"{link.strip('/')}/index.html".lstrip("/")


@dataclass
class _Moves:
    """What concept/omdirigeringer.yaml says, checked: redirect pages for moved pages, aliases for moved anchors."""

    pages: dict[str, str]                                       # old page -> its new link
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # page -> {old anchor: new anchor}
    redirects: list[Redirect] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)

    def leads_to(self, link: str, current: set[str]) -> str | None:
        """The current link a published link now leads to, or None if it would break."""
        page, anchor = _split(link)
        if link in current:
            return link
        if anchor in self.aliases.get(page, {}):
            return f"{page}#{self.aliases[page][anchor]}"
        if page in self.pages:
            new_page = _split(self.pages[page])[0]
            # A page's own heading anchor is its id ("/principper/beta/#beta"): the top of the new page.
            if not anchor or anchor == page.strip("/").split("/")[-1]:
                return self.pages[page]
            if f"{new_page}#{anchor}" in current:
                return f"{new_page}#{anchor}"
            if anchor in self.aliases.get(new_page, {}):
                return f"{new_page}#{self.aliases[new_page][anchor]}"
        return None


def _check_moves(root: Path, moves: list, current: set[str], titles: dict[str, str], redirects_file: str) -> _Moves:
    checked = _Moves({m.fra: m.til for m in moves if not _split(m.fra)[1]})

    def refuse(index: int, message: str, part: str = "fra") -> None:
        # Only on a mistake is the file read again.
        path = ("omdirigeringer", index, part)
        if document := read_again(root / redirects_file, redirects_file):
            checked.errors.append(document.error(path, message, key=True))
        else:
            checked.errors.append(ContentError(redirects_file, 1, 1, format_field(path), message))

    seen = set()
    for index, move in enumerate(moves):
        (page, anchor), (target_page, target_anchor) = _split(move.fra), _split(move.til)
        if move.fra in seen:
            refuse(index, f"Linket '{move.fra}' omdirigeres allerede længere oppe i filen.")
        elif move.fra in current:
            refuse(index, f"Linket '{move.fra}' findes stadig, så det kan ikke omdirigeres.")
        elif move.til not in current or move.til.startswith("/l/"):
            refuse(index, f"Omdirigeringen skal pege på en side eller et afsnit i håndbogen; '{move.til}' "
                          "er ikke en af dem.", "til")
        elif not anchor:
            checked.redirects.append(Redirect(_redirect_path(move.fra), move.til, titles[target_page]))
        elif target_page != (page if page in current else _split(checked.pages.get(page, ""))[0]):
            refuse(index, "Et anker kan kun omdirigeres til et afsnit på samme side, eller på den side, "
                          "hele siden er flyttet til.", "til")
        else:
            checked.aliases.setdefault(target_page, {})[anchor] = target_anchor
        seen.add(move.fra)
    return checked


def _follow_lock(root: Path, moves: _Moves, current: set[str], short_links: dict[str, str],
                 titles: dict[str, str]) -> list[tuple[int, str, str]]:
    """Every locked link followed to where it leads now: redirects for short links whose section moved
    (added to `moves`), errors for short links that would change target; returns the links that break."""
    broken = []
    for line, link, old_target in read_lock(root):
        if old_target:  # a short link: it must keep leading to its section, wherever that went
            now = moves.leads_to(old_target, current)
            if link in short_links:
                if now != short_links[link]:
                    moves.errors.append(ContentError(LOCK_FILE, line, 1, "", (
                        f"Det korte link '{link}' førte til '{old_target}', men fører nu til '{short_links[link]}'. "
                        "Et udgivet kort link må ikke skifte mål; giv det nye afsnit et andet id.")))
                continue
            if now:
                moves.redirects.append(Redirect(_redirect_path(link), now, titles.get(_split(now)[0], link)))
                continue
        elif moves.leads_to(link, current):
            continue
        broken.append((line, link, old_target))
    return broken


def resolve_published(root: Path, pages, short_links: dict[str, str], moves: list,
                      redirects_file: str) -> tuple[list[Redirect], dict]:
    """Check that every locked link still leads somewhere.

    `short_links` is {short link: target}. Returns redirect pages (for moved pages and for short
    links whose section moved) and {page url: {old anchor: new anchor}} for moved anchors.
    Raises ContentErrors naming each redirect that cannot work and each locked link that would break.
    """
    current = set(current_links(pages)) | set(short_links)
    titles = {page_url(p.path): p.title for p in pages}
    checked = _check_moves(root, moves, current, titles, redirects_file)
    broken = _follow_lock(root, checked, current, short_links, titles)
    errors = checked.errors + broken_link_errors(root, pages, broken, current, redirects_file)
    if errors:
        raise ContentErrors(errors)
    return checked.redirects, checked.aliases


def _parent(page: str) -> str:
    """'/kommuner/herning/' -> '/kommuner/'."""
    return page.rstrip("/").rpartition("/")[0] + "/"


def _last_part(page: str) -> str:
    return page.rstrip("/").rpartition("/")[2]


def broken_link_errors(root: Path, pages, broken: list[tuple[int, str, str]], current: set[str],
                       redirects_file: str) -> list[ContentError]:
    """One error per published page or section that is gone, where the editor made the change.

    A renamed id shows as the one new, never published link in the same place (an anchor on the
    same page, or a page beside it): the error stands at that id's line in its YAML file, on the pull
    request's own diff, with the redirect to add. A page that is gone is reported once, not once per
    anchor and short link on it; what leaves no such trace is reported at its line in links.lock."""
    by_url = {page_url(p.path): p for p in pages}
    new = sorted(set(current) - {link for _, link, _ in read_lock(root)})
    broken_links = {link for _, link, _ in broken}
    errors = []
    for line, link, target in broken:
        page, anchor = _split(link)
        if (anchor and page in broken_links) or (target and (target in broken_links or _split(target)[0] in broken_links)):
            continue  # reported with its page or its section
        if anchor:
            candidates = [n for n in new if _split(n)[0] == page and _split(n)[1]]
            old_id, sources = anchor, by_url[page].sources if page in by_url else ()
        else:
            candidates = [n for n in new if not _split(n)[1] and n in by_url and _parent(n) == _parent(page)]
            old_id = _last_part(page)
            sources = by_url[candidates[0]].sources if len(candidates) == 1 else ()
        if len(candidates) == 1 and sources:
            renamed = candidates[0]
            new_id = _split(renamed)[1] or _last_part(renamed)
            errors.append(error_at_id(root, sources, new_id, (
                f"Linket '{link}' er udgivet, men findes ikke længere: er '{old_id}' omdøbt til '{new_id}'? Giv "
                f"id'et sit gamle navn tilbage, eller tilføj i {redirects_file} et punkt med "
                f"'fra: {link}' og 'til: {renamed}'.")))
        else:
            errors.append(ContentError(LOCK_FILE, line, 1, "", (
                f"Linket '{link}' er udgivet, men findes ikke længere. Giv id'et sit gamle navn tilbage, "
                f"eller skriv i {redirects_file}, hvor det er flyttet hen.")))
    return errors


def add_aliases(markdown: str, aliases: dict[str, str]) -> str:
    """Keep old anchors: a hidden element with the old id just before the new heading."""
    for old, new in sorted(aliases.items()):
        markdown = re.sub(rf"^(#+ .* \{{#{re.escape(new)}\}})$", rf'<span id="{old}"></span>\n\n\1',
                          markdown, count=1, flags=re.MULTILINE)
    return markdown

"""Published links stay valid: the lock file, redirects for moved pages and aliases for moved anchors.

Every link the handbook has published (a page, or a page and an anchor, written like
"/principper/ressourcer/#hvordan") is recorded in links.lock. A build in which a locked
link disappears fails, unless concept/omdirigeringer.yaml says where it went: a moved page
gets a small redirect page at its old address, a moved anchor keeps its old name as a
hidden alias on the same page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentErrors, format_field
from .locate import error_at_id
from .paths import page_url
from .yamlsource import read_again

LOCK_FILE = "links.lock"
# An explicit heading anchor at the end of a Markdown line: "## Hvad {#hvad}".
ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
_LOCK_HEADER = (
    "# Alle links, håndbogen har udgivet. Et link her skal blive ved med at virke: fjernes en side\n"
    "# eller et anker, skal der stå en omdirigering i concept/omdirigeringer.yaml.\n"
    "# Skriv ikke i filen i hånden; opdatér den med: omlaegning lock\n")


def current_links(pages) -> list[str]:
    links = set()
    for page in pages:
        url = page_url(page.path)
        links.add(url)
        links |= {f"{url}#{anchor}" for anchor in ANCHOR.findall(page.markdown)}
    return sorted(links)


_LINK = re.compile(r"^/([a-z0-9-]+/)*(#[a-z0-9-]+)?$")
_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>")


def read_lock(root: Path) -> list[tuple[int, str, str]]:
    """(line, link, target) for each published link; a short link's line also holds its target."""
    path = root / LOCK_FILE
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentErrors([ContentError(LOCK_FILE, 1, 1, "", "Filen er ikke gemt som UTF-8; hent den "
                                                                "igen fra main, og kør omlaegning lock.")]) from None
    entries, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        link, _, target = line.strip().partition(" ")
        if line.startswith(_CONFLICT):
            errors.append(ContentError(LOCK_FILE, number, 1, "", "Filen har en flettekonflikt fra git; behold "
                                                                 "begge sæt linjer, fjern markeringerne, og kør omlaegning lock."))
        elif not _LINK.match(link) or (target and not _LINK.match(target)):
            errors.append(ContentError(LOCK_FILE, number, 1, "", f"Linjen '{line.strip()}' er ikke et link i "
                                                                 "håndbogen; kør omlaegning lock i stedet for at rette i hånden."))
        else:
            entries.append((number, link, target))
    if errors:
        raise ContentErrors(errors)
    return entries


def write_lock(root: Path, links: dict[str, str]) -> None:
    """Add `links` ({link: target, or "" for a page or anchor}) to the lock; nothing is ever dropped."""
    published = {link: target for _, link, target in read_lock(root)} | links
    lines = [f"{link} {target}".rstrip() for link, target in sorted(published.items())]
    (root / LOCK_FILE).write_text(_LOCK_HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")


@dataclass(frozen=True)
class Redirect:
    """A small page at `path` (e.g. 'l/ressourcer/index.html') that sends the reader to `target`."""

    path: str
    target: str  # site-root link, e.g. '/principper/ressourcer/#hvordan'
    title: str


def _split(link: str) -> tuple[str, str]:
    page, _, anchor = link.partition("#")
    return page, anchor


def _redirect_path(link: str) -> str:
    return f"{link.strip('/')}/index.html".lstrip("/")


def resolve_published(root: Path, pages, short_links: dict[str, str], moves: list,
                      redirects_file: str) -> tuple[list[Redirect], dict]:
    """Check that every locked link still leads somewhere.

    `short_links` is {short link: target}. Returns redirect pages (for moved pages and for short
    links whose section moved) and {page url: {old anchor: new anchor}} for moved anchors.
    Raises ContentErrors naming each redirect that cannot work and each locked link that would break.
    """
    current = set(current_links(pages)) | set(short_links)
    titles = {page_url(p.path): p.title for p in pages}
    moved_pages = {m.fra: m.til for m in moves if not _split(m.fra)[1]}
    aliases: dict[str, dict[str, str]] = {}
    redirects, errors = [], []

    def refuse(index: int, message: str, field: str = "fra") -> None:
        # Only on a mistake is the file read again.
        path = ("omdirigeringer", index, field)
        if document := read_again(root / redirects_file, redirects_file):
            errors.append(document.error(path, message, key=True))
        else:
            errors.append(ContentError(redirects_file, 1, 1, format_field(path), message))

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
            redirects.append(Redirect(_redirect_path(move.fra), move.til, titles[target_page]))
        elif target_page != (page if page in current else _split(moved_pages.get(page, ""))[0]):
            refuse(index, "Et anker kan kun omdirigeres til et afsnit på samme side, eller på den side, "
                          "hele siden er flyttet til.", "til")
        else:
            aliases.setdefault(target_page, {})[anchor] = target_anchor
        seen.add(move.fra)

    def leads_to(link: str) -> str | None:
        """The current link a published link now leads to, or None if it would break."""
        page, anchor = _split(link)
        if link in current:
            return link
        if anchor in aliases.get(page, {}):
            return f"{page}#{aliases[page][anchor]}"
        if page in moved_pages:
            new_page = _split(moved_pages[page])[0]
            # A page's own heading anchor is its id ("/principper/beta/#beta"): the top of the new page.
            if not anchor or anchor == page.strip("/").split("/")[-1]:
                return moved_pages[page]
            if f"{new_page}#{anchor}" in current:
                return f"{new_page}#{anchor}"
            if anchor in aliases.get(new_page, {}):
                return f"{new_page}#{aliases[new_page][anchor]}"
        return None

    broken = []
    for line, link, old_target in read_lock(root):
        if old_target:  # a short link: it must keep leading to its section, wherever that went
            now = leads_to(old_target)
            if link in short_links:
                if now != short_links[link]:
                    errors.append(ContentError(LOCK_FILE, line, 1, "", (
                        f"Det korte link '{link}' førte til '{old_target}', men fører nu til '{short_links[link]}'. "
                        "Et udgivet kort link må ikke skifte mål; giv det nye afsnit et andet id.")))
                continue
            if now:
                redirects.append(Redirect(_redirect_path(link), now, titles.get(_split(now)[0], link)))
                continue
        elif leads_to(link):
            continue
        broken.append((line, link, old_target))
    errors += broken_link_errors(root, pages, broken, current, redirects_file)
    if errors:
        raise ContentErrors(errors)
    return redirects, aliases


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

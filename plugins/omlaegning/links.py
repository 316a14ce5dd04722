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

from .errors import ContentError, ContentErrors

LOCK_FILE = "links.lock"
_ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
_LOCK_HEADER = (
    "# Alle links, håndbogen har udgivet. Et link her skal blive ved med at virke: fjernes en side\n"
    "# eller et anker, skal der stå en omdirigering i concept/omdirigeringer.yaml.\n"
    "# Skriv ikke i filen i hånden; opdatér den med: omlaegning lock\n")


def page_url(page_path: str) -> str:
    """'principper/ressourcer.md' -> '/principper/ressourcer/'; 'index.md' -> '/'."""
    stem = page_path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/{stem}/" if stem else "/"


def current_links(pages) -> list[str]:
    links = set()
    for page in pages:
        url = page_url(page.path)
        links.add(url)
        links |= {f"{url}#{anchor}" for anchor in _ANCHOR.findall(page.markdown)}
    return sorted(links)


def read_lock(root: Path) -> list[tuple[int, str, str]]:
    """(line, link, target) for each published link; a short link's line also holds its target."""
    path = root / LOCK_FILE
    if not path.is_file():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            link, _, target = line.strip().partition(" ")
            entries.append((number, link, target))
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


def resolve_published(root: Path, pages, short_links: dict[str, str], moves: list,
                      redirects_file: str) -> tuple[list[Redirect], dict]:
    """Check that every locked link still leads somewhere.

    `short_links` is {short link: target}. Returns redirect pages for moved pages and for short
    links whose section moved, and {page url: {old anchor: new anchor}} for moved anchors.
    Raises ContentErrors naming each locked link that would break.
    """
    current = set(current_links(pages)) | set(short_links)
    titles = {page_url(p.path): p.title for p in pages}
    moved = {m.fra: m for m in moves}
    errors, redirects, aliases = [], [], {}
    for index, move in enumerate(moves):
        where = (redirects_file, index)
        if move.fra in current:
            errors.append((where, f"Linket '{move.fra}' findes stadig, så det kan ikke omdirigeres."))
        elif move.til not in current:
            errors.append((where, f"Omdirigeringen peger på '{move.til}', som ikke findes i håndbogen."))
        elif _split(move.fra)[1]:
            page, anchor = _split(move.fra)
            if page not in current:
                errors.append((where, f"Siden '{page}' findes ikke længere; omdirigér hele siden i stedet."))
            elif _split(move.til)[0] != page:
                errors.append((where, "Et anker kan kun omdirigeres til et andet anker på samme side."))
            else:
                aliases.setdefault(page, {})[anchor] = _split(move.til)[1]
        else:
            redirects.append(Redirect(f"{move.fra.strip('/')}/index.html".lstrip("/"), move.til,
                                      titles[_split(move.til)[0]]))
    problems = [ContentError(file, _line_of(root / file, moves[i].fra), 5, f"omdirigeringer[{i + 1}]", message)
                for (file, i), message in errors]
    for line, link, old_target in read_lock(root):
        page, _ = _split(link)
        if link in current or link in moved or (page not in current and page in moved):
            continue
        if old_target:  # a short link whose id changed: it follows its section
            new_target = old_target if old_target in current else _moved_to(old_target, moved)
            if new_target:
                redirects.append(Redirect(f"{link.strip('/')}/index.html", new_target,
                                          titles.get(_split(new_target)[0], link)))
                continue
        problems.append(ContentError(
            LOCK_FILE, line, 1, "",
            f"Linket '{link}' er udgivet, men findes ikke længere. Giv id'et sit gamle navn tilbage, "
            f"eller skriv i {redirects_file}, hvor det er flyttet hen."))
    if problems:
        raise ContentErrors(problems)
    return redirects, aliases


def _moved_to(link: str, moved: dict) -> str | None:
    """Where a link went, by a redirect of the link itself or of its whole page."""
    page, anchor = _split(link)
    if link in moved:
        return moved[link].til
    if page in moved:
        return moved[page].til + (f"#{anchor}" if anchor and "#" not in moved[page].til else "")
    return None


def _line_of(path: Path, link: str) -> int:
    """The line where a redirect's 'fra:' names `link`."""
    pattern = re.compile(rf"^\s*(-\s+)?fra:\s*['\"]?{re.escape(link)}['\"]?\s*$")
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


def add_aliases(markdown: str, aliases: dict[str, str]) -> str:
    """Keep old anchors: a hidden element with the old id just before the new heading."""
    for old, new in sorted(aliases.items()):
        markdown = re.sub(rf"^(#+ .* \{{#{re.escape(new)}\}})$", rf'<span id="{old}"></span>\n\n\1',
                          markdown, count=1, flags=re.MULTILINE)
    return markdown

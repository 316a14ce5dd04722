"""links.lock: every link the handbook has published, so that none can disappear unnoticed.

A page or a page and an anchor per line ("/principper/ressourcer/#hvordan"); a short link's line
also holds the section it leads to. Written only by `omlaegning lock`, and only ever added to.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError, ContentErrors
from .folders import LOCK_FILE
from .paths import page_url

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


_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>")


def read_lock(root: Path) -> list[tuple[int, str, str]]:
    """(line, link, target) for each published link; a short link's line also holds its target."""
    from .models.base import SITE_LINK_PATTERN  # the models are imported only when the lock is read
    path = root / LOCK_FILE
    if not path.is_file():
        return []
    link_pattern = re.compile(SITE_LINK_PATTERN)
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
        elif not link_pattern.match(link) or (target and not link_pattern.match(target)):
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

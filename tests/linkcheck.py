"""For the tests: check every internal link and anchor in a built site (links on slides and pages must never
break). The build itself refuses broken links in the Markdown (internal_links.py); this reads the HTML."""
from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that point at another file of the site.
_LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in _LINKING and value:
                self.links.append(value)


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target_file(site: Path, source: Path, href_path: str) -> Path:
    if not href_path:  # "#anker" on the same page
        return source
    base = posixpath.dirname("/" + source.relative_to(site).as_posix())
    target = site / posixpath.normpath(posixpath.join(base, unquote(href_path))).lstrip("/")
    if href_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """Every internal link in `site` whose file or anchor does not exist, in Danish."""
    _parse.cache_clear()
    problems = []
    for source in sorted(site.rglob("*.html")):
        if source.name == "404.html":  # MkDocs writes it with links for the server root
            continue
        for href in _parse(source).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:  # another site, mail or script: not ours to check
                continue
            target = _target_file(site, source, parts.path)
            where = source.relative_to(site).as_posix()
            if not target.is_file():
                problems.append(f"{where}: linket '{href}' peger på en fil, der ikke findes.")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in _parse(target).ids:
                problems.append(f"{where}: linket '{href}' peger på et anker, der ikke findes.")
    return problems

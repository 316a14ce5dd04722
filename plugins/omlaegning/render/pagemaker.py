"""Makes every kind's pages from the registry: one template per kind, fed by its entity or content.

What a page is made from (its YAML files), the sources it cites and what its edit button opens follow
from its kind's entry in kinds.KINDS; kinds whose template needs more say so in pagekinds.py.
"""
from __future__ import annotations

import html
import posixpath
import re

from markupsafe import Markup

from ..afsender import SAMMENFATNING
from ..handbook import Handbook
from ..history import History
from ..kinds import BY_NAME, ENTITY_ID, PAGE_KINDS, Kind, label
from ..models.references import references
from ..paths import file_link, page_path, page_url, url_link, with_anchor
from .diskcache import DiskCache, key
from .environment import html_environment, markdown_environment, template_hash
from .news import news_months
from .page import Figure, Page
from .pagekinds import EXTRA, Parts
from .shortlinks import short_links


def with_marker(kind: Kind, markdown: str) -> str:
    """The page with its kind's marker (whose content it holds) right under its title."""
    title = re.search(r"^# .*$", markdown, re.MULTILINE)
    return f"{markdown[:title.end()]}\n\n{kind.afsender.html()}\n{markdown[title.end():]}"


class PageMaker:
    def __init__(self, handbook: Handbook, history: History, public_url: str | None):
        self.hb = handbook
        self.history = history
        self.public_url = public_url.rstrip("/") if public_url else None
        self.dates = history.last_changed()
        self.news_months = news_months(history)
        self.short_links = short_links(handbook)
        self.assets: dict[str, str] = {}
        self.cache = DiskCache(handbook.root)
        # Python-Markdown's abbreviations: the glossary's short explanation over its words on every page.
        self.tooltips = "".join(f"\n*[{word}]: {b.kort}\n" for b in handbook.ordliste.begreber
                                for word in b.forkortelser)

    def figure(self, path: str, template: str, drawing) -> Figure | None:
        """Draw a figure into the site at path; None when there is nothing to draw."""
        if drawing is None:
            return None
        # The drawing is frozen dataclasses of numbers and text: its repr is all the figure is made from.
        entry = key(template, template_hash(template), repr(drawing)) + ".svg"
        self.assets[path] = self.cache.text(
            "figurer", entry, lambda: html_environment().get_template(template).render(d=drawing))
        return Figure(path, drawing.width, round(drawing.height))

    def all_pages(self) -> list[Page]:
        """Every kind's pages, in the registry's order; a kind's extras may read the pages made before it."""
        pages: list[Page] = []
        for kind in PAGE_KINDS:
            pages += [self.kind_page(kind, value, pages) for value in self._subjects(kind)]
        return pages

    def _subjects(self, kind: Kind) -> list:
        """What each of the kind's pages shows: each entity, the kind's one content, or nothing."""
        if kind.content is None:
            return [None]
        value = getattr(self.hb, kind.content.field)
        return value if ENTITY_ID in kind.page.path else [value]

    def _default_parts(self, kind: Kind, value) -> Parts:
        hb, content = self.hb, kind.content
        if content is not None:
            # Made from its own file (and maybe others' too): that file is what an editor changes.
            source = hb.file_of(content.name, value.id if content.one_per_file else "")
            return Parts([source], references(value, "kilde"), source, {kind.name: value})
        if kind.page.gathers:
            gathered = BY_NAME[kind.page.gathers].content
            entities = getattr(hb, gathered.field)
            # A page that gathers many files opens the folder they lie in.
            folder = posixpath.dirname(gathered.pattern) + "/" if entities else None
            return Parts([hb.file_of(gathered.name, e.id) for e in entities],
                         [k for e in entities for k in e.kilder], folder, {})
        # A page with no content of its own (made from all of it) opens the concept folder.
        return Parts([], [], posixpath.dirname(hb.file_of("haandbog")) + "/", {})

    def kind_page(self, kind: Kind, value, pages: list[Page]) -> Page:
        parts = self._default_parts(kind, value)
        if kind.name in EXTRA:
            parts = EXTRA[kind.name](self, value, pages, parts)
        entity_id = value.id if kind.content is not None and kind.content.one_per_file else ""
        return self.page(kind, entity_id, label(kind.page.title, value), parts)

    def page(self, kind: Kind, entity_id: str, title: str, parts: Parts) -> Page:
        path = page_path(kind.name, entity_id)

        def href(target_path: str, anchor: str = "") -> Markup:
            return Markup(file_link(path, target_path, anchor))

        def link(target_kind: str, target_id: str = "", anchor: str = "") -> Markup:
            return href(page_path(target_kind, target_id), anchor)

        def site_link(target: str) -> Markup:
            """A published link ('/principper/ressourcer/#hvordan') for raw HTML on this page."""
            return Markup(html.escape(url_link(page_url(path), target)))

        def html_link(target_kind: str, target_id: str = "", anchor: str = "") -> Markup:
            """A link for raw HTML, which MkDocs leaves alone: relative to the page's published URL."""
            return site_link(with_anchor(page_url(page_path(target_kind, target_id)), anchor))

        sources = list(dict.fromkeys(parts.sources))
        known = [self.dates[s] for s in sources if s in self.dates]
        markdown = markdown_environment().get_template(kind.template).render(
            hb=self.hb, link=link, href=href, html_link=html_link, site_link=site_link,
            kilder=[self.hb.kilder[k] for k in dict.fromkeys(parts.kilder)], updated=max(known) if known else None,
            nyt_maaneder=self.news_months, afsnitsmarkering=Markup(SAMMENFATNING.html()), **parts.context)
        return Page(path, title, with_marker(kind, markdown) + self.tooltips, tuple(sources), parts.edit, kind.name)

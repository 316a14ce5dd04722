"""Which pages the handbook has, where they live, and how each is rendered.

A page's path (and so its URL) comes from ids only. Each page kind has one template
in templates/, fed by one model; this module only decides paths, sources and navigation.
"""
from __future__ import annotations

import datetime
import html
import posixpath
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formatting
from ..csp import with_policy
from ..internal_links import resolve_internal_links
from ..handbook import Handbook
from ..history import History
from ..models import VED_IKKE
from ..models.references import references
from . import text
from ..links import Redirect, add_aliases, current_links, page_url, resolve_published
from .afsender import SAMMENFATNING, with_marker
from .anchors import check_unique_anchors
from .comparison import matrix, numbered_activities
from .figures import bar_chart, numbered_milestones, timeline
from .opendata import open_data
from .selfassessment import content_version, statement_sections
from .shortlinks import GROUPS, ShortLink, qr_svg, short_link_index, short_links

# kind -> path of its page; {id} is the entity's id.
PAGE_PATHS = {
    "forside": "index.md",
    "fase": "faser/{id}.md",
    "principper": "principper/index.md",
    "princip": "principper/{id}.md",
    "recovery": "recovery.md",
    "partnerskab": "partnerskab.md",
    "udviklingsforloeb": "udviklingsforloeb.md",
    "selvevaluering": "selvevaluering.md",
    "vejledning": "vejledning/{id}.md",
    "kommuner": "kommuner/index.md",
    "kommune": "kommuner/{id}.md",
    "sammenligning": "sammenligning.md",
    "ordliste": "ordliste.md",
    "data": "data.md",
    "nyt": "nyt.md",
    "oplaegsholdere": "oplaegsholdere.md",
}

# Pages whose HTML may hold form controls (sanitize.clean's `form`): the self-assessment only.
FORM_PAGES = frozenset({PAGE_PATHS["selvevaluering"]})

# How many months with changes "Hvad er nyt" shows.
NEWS_MONTHS = 12


def page_path(kind: str, entity_id: str = "") -> str:
    return PAGE_PATHS[kind].format(id=entity_id)


@dataclass(frozen=True)
class Page:
    path: str                  # relative to the site root, e.g. "principper/ressourcer.md"
    title: str                 # its title in the navigation
    markdown: str
    sources: tuple[str, ...]   # the YAML files the page is made from, relative to the project root
    # What "Redigér denne side" opens when the page is made from several files, or from none of its own:
    # its main YAML file, or a folder ("concept/principper/") whose files it gathers.
    edit: str | None = None

    @property
    def edit_file(self) -> str | None:
        """The one YAML file an editor changes to change this page, if there is one."""
        if self.edit:
            return None if self.edit.endswith("/") else self.edit
        return self.sources[0] if len(self.sources) == 1 else None

    @property
    def edit_target(self) -> str | None:
        """The file, or the folder (ending in /), that the page's edit button opens."""
        return self.edit or self.edit_file


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

    @property
    def links(self) -> dict[str, str]:
        """Every link the handbook publishes, for the lock: pages and anchors, and short links
        with the section they lead to."""
        return {**{link: "" for link in current_links(self.pages)},
                **{s.path: s.target for s in self.short_links}}

    def extra_files(self) -> dict[str, str]:
        """Files beside the pages, by path: redirect pages, the short links' index, QR codes, figures and
        open data."""
        return {**{r.path: redirect_html(r) for r in self.redirects}, "l/kort.json": short_link_index(self.short_links),
                **self.qr_codes, **self.assets}


def redirect_html(redirect: Redirect) -> str:
    """The redirect page, with a link relative to where it lies so it works under any base URL."""
    page, _, anchor = redirect.target.partition("#")
    relative = posixpath.relpath(page, "/" + posixpath.dirname(redirect.path))
    target = ("./" if relative == "." else relative + "/") + (f"#{anchor}" if anchor else "")
    return with_policy(_html_environment().get_template("redirect.html.j2").render(redirect=redirect, target=target))


@cache
def _html_environment() -> Environment:
    """For the few HTML files: plain HTML escaping, none of the Markdown rules."""
    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                       undefined=StrictUndefined)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        finalize=text.finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown anchors are written {#id}; Jinja's own comments would claim "{#".
        comment_start_string="{%#",
        comment_end_string="#%}",
    )
    env.filters.update(
        md=text.markdown,
        url=text.url,
        # For raw HTML blocks, which Markdown does not touch: HTML escaping instead of Markdown escaping.
        h=lambda value: Markup(html.escape(str(value))),
        # Our own Danish formats are digits, dots and month names: safe as they are.
        dato=lambda value, praecision="dag": Markup(formatting.dato(value, praecision)),
        beloeb=lambda kroner: Markup(formatting.beloeb(kroner)),
        tal=lambda value: Markup(formatting.tal(value)),
        periode=lambda p: Markup(formatting.periode(p.start, p.slut, p.praecision)),
    )
    return env


@dataclass(frozen=True)
class Figure:
    path: str
    width: int    # drawn size, so the page keeps its place for the figure while it loads
    height: int


@dataclass
class _NewsEntry:
    """One change as readers see it: the editor's sentences and the pages it changed, never file names."""
    date: datetime.date
    sentences: tuple[str, ...]  # the commit's "Nyt:" lines; none: only which pages changed
    pages: list[Page]


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class _Renderer:
    def __init__(self, handbook: Handbook, history: History, public_url: str | None):
        self.hb = handbook
        self.history = history
        self.public_url = public_url.rstrip("/") if public_url else None
        self.dates = history.last_changed()
        # The months "Hvad er nyt" shows, newest first; a page's "Senest opdateret" links to its month there.
        self.news_months = list(dict.fromkeys(_month(c.date) for c in history.changes))[:NEWS_MONTHS]
        self.env = _environment()
        self.short_links = short_links(handbook, page_path)
        self.assets: dict[str, str] = {}
        # Python-Markdown's abbreviations: the glossary's short explanation over its words on every page.
        self.tooltips = "".join(f"\n*[{word}]: {b.kort}\n" for b in handbook.ordliste.begreber
                                for word in b.forkortelser)

    def figure(self, path: str, template: str, drawing) -> Figure | None:
        """Draw a figure into the site at path; None when there is nothing to draw."""
        if drawing is None:
            return None
        self.assets[path] = _html_environment().get_template(template).render(d=drawing)
        return Figure(path, drawing.width, round(drawing.height))

    def page(self, kind: str, entity_id: str, title: str, template: str, sources: list[str],
             kilder: list[str], edit: str | None = None, **context) -> Page:
        path = page_path(kind, entity_id)

        def href(target_path: str, anchor: str = "") -> Markup:
            target = posixpath.relpath(target_path, posixpath.dirname(path) or ".")
            return Markup(target + (f"#{anchor}" if anchor else ""))

        def link(target_kind: str, target_id: str = "", anchor: str = "") -> Markup:
            return href(page_path(target_kind, target_id), anchor)

        def html_link(target_kind: str, target_id: str = "", anchor: str = "") -> Markup:
            """A link for raw HTML, which MkDocs leaves alone: relative to the page's published URL."""
            return site_link(page_url(page_path(target_kind, target_id)) + (f"#{anchor}" if anchor else ""))

        def site_link(target: str) -> Markup:
            """A published link ('/principper/ressourcer/#hvordan') for raw HTML on this page."""
            here, (there, _, anchor) = page_url(path), target.partition("#")
            relative = posixpath.relpath(there, here) + "/" if there != here else "./"
            return Markup(html.escape(relative + (f"#{anchor}" if anchor else "")))

        sources = list(dict.fromkeys(sources))
        known = [self.dates[s] for s in sources if s in self.dates]
        updated = max(known) if known else None
        markdown = self.env.get_template(template).render(
            hb=self.hb, link=link, href=href, html_link=html_link, site_link=site_link, kilder=[self.hb.kilder[k] for k in dict.fromkeys(kilder)],
            updated=updated, nyt_maaneder=self.news_months, afsnitsmarkering=Markup(SAMMENFATNING.html()), **context)
        return Page(path, title, with_marker(kind, markdown) + self.tooltips, tuple(sources), edit)

    def all_pages(self) -> list[Page]:
        hb = self.hb
        pages = [self.page(
            "forside", "", "Forside", "forside.md.j2", [hb.file_of("haandbog")] + [
                hb.file_of("fase", f.id) for f in hb.faser],
            hb.haandbog.kilder, edit=hb.file_of("haandbog"))]
        # Pages that gather many files (or all content) open the folder those files lie in.
        principles_folder = posixpath.dirname(hb.file_of("princip", hb.principper[0].id)) + "/"
        municipalities_folder = posixpath.dirname(hb.file_of("kommune", hb.kommuner[0].id)) + "/" if hb.kommuner else None
        concept_folder = posixpath.dirname(hb.file_of("haandbog")) + "/"
        for fase in hb.faser:
            eksempler = hb.eksempler_for_fase(fase.id)
            pages.append(self.page(
                "fase", fase.id, f"{fase.nummer}. {fase.titel}", "fase.md.j2",
                [hb.file_of("fase", fase.id)],
                references(fase, "kilde") + [k for e in eksempler for k in _kilder_af(e)],
                fase=fase, eksempler=eksempler))
        pages.append(self.page(
            "principper", "", "Oversigt", "principper.md.j2",
            [hb.file_of("princip", p.id) for p in hb.principper],
            [k for p in hb.principper for k in p.kilder], edit=principles_folder))
        for princip in hb.principper:
            eksempler = hb.eksempler_for_princip(princip.id)
            pages.append(self.page(
                "princip", princip.id, f"{princip.nummer}. {princip.titel}", "princip.md.j2",
                [hb.file_of("princip", princip.id)],
                references(princip, "kilde") + [k for e in eksempler for k in _kilder_af(e)],
                princip=princip, eksempler=eksempler,
                faser=[f for f in hb.faser if princip.id in f.principper]))
        pages.append(self.page(
            "recovery", "", hb.recovery.titel, "recovery.md.j2", [hb.file_of("recovery")],
            references(hb.recovery, "kilde"), recovery=hb.recovery))
        partnerskab = hb.partnerskab
        projects = [(k.navn, k.projekt.periode) for k in map(hb.kommune, partnerskab.kommuner)
                    if k.projekt and k.projekt.periode]
        pages.append(self.page(
            "partnerskab", "", partnerskab.titel, "partnerskab.md.j2", [hb.file_of("partnerskab")] + [
                hb.file_of("kommune", k) for k in partnerskab.kommuner],
            references(partnerskab, "kilde"), edit=hb.file_of("partnerskab"), partnerskab=partnerskab,
            milepaele=numbered_milestones(partnerskab.forloeb), projektperioder=projects,
            tidslinje=self.figure("figurer/partnerskab.svg", "tidslinje.svg.j2", timeline(
                "Partnerskabets forløb", [("Partnerskabet", partnerskab.periode)] + projects, partnerskab.forloeb))))
        pages.append(self.page(
            "udviklingsforloeb", "", hb.udviklingsforloeb.titel, "udviklingsforloeb.md.j2",
            [hb.file_of("udviklingsforloeb")], references(hb.udviklingsforloeb, "kilde"),
            forloeb=hb.udviklingsforloeb))
        for vejledning in hb.vejledninger:
            pages.append(self.page(
                "vejledning", vejledning.id, vejledning.titel, "vejledning.md.j2",
                [hb.file_of("vejledning", vejledning.id)], references(vejledning, "kilde"),
                vejledning=vejledning))
        pages.append(self.page(
            "kommuner", "", "Oversigt", "kommuner.md.j2",
            [hb.file_of("kommune", k.id) for k in hb.kommuner],
            [k for kommune in hb.kommuner for k in kommune.kilder], edit=municipalities_folder))
        pages.append(self.page(
            "sammenligning", "", "Side om side", "sammenligning.md.j2",
            [hb.file_of("kommune", k.id) for k in hb.kommuner], [k for kommune in hb.kommuner for k in kommune.kilder],
            edit=municipalities_folder, principper=matrix(hb, "princip"), faser=matrix(hb, "fase")))
        for kommune in hb.kommuner:
            folder = f"figurer/kommuner/{kommune.id}"
            periods = [("Projektperiode", kommune.projekt.periode)] if kommune.projekt and kommune.projekt.periode else []
            pages.append(self.page(
                "kommune", kommune.id, kommune.navn, "kommune.md.j2",
                [hb.file_of("kommune", kommune.id)],
                references(kommune, "kilde") + (hb.partnerskab.faelles_ramme.kilder
                                                if kommune.id in hb.partnerskab.kommuner else []),
                kommune=kommune, principper=hb.kommunens_principper(kommune),
                partnerskab=hb.partnerskab if kommune.id in hb.partnerskab.kommuner else None,
                aktiviteter=numbered_activities(kommune), milepaele=numbered_milestones(kommune.tidslinje),
                tidslinje=self.figure(f"{folder}/tidslinje.svg", "tidslinje.svg.j2",
                                      timeline(f"Tidslinje for {kommune.navn}", periods, kommune.tidslinje)),
                diagrammer={t.id: self.figure(f"{folder}/{t.id}.svg", "soejlediagram.svg.j2", bar_chart(t))
                            for t in kommune.tal}))
        pages.append(self.page(
            "ordliste", "", "Ordliste", "ordliste.md.j2", [hb.file_of("ordliste")],
            references(hb.ordliste, "kilde")))
        # After the pages its statements link to, so it can check that their sections exist.
        pages.append(self.page(
            "selvevaluering", "", hb.selvevaluering.titel, "selvevaluering.md.j2", [hb.file_of("selvevaluering")],
            # Its statements are written from the principles' and phases' pages, and rest on their sources.
            [k for u in hb.selvevaluering.udsagn for k in hb.emne(u).kilder],
            afsnit=statement_sections(hb.selvevaluering, pages, hb.root, hb.file_of("selvevaluering")),
            version=content_version(hb.selvevaluering), ved_ikke_id=VED_IKKE))
        data_files, schemas = open_data(hb)
        self.assets.update({f.path: f.content for f in data_files} | schemas)
        pages.append(self.page("data", "", "Åbne data", "data.md.j2", [], list(hb.kilder), edit=concept_folder,
                               filer=data_files))
        pages.append(self.page("nyt", "", "Hvad er nyt", "nyt.md.j2", [], [], edit=concept_folder,
                               maaneder=self.news(pages)))
        groups = {}
        for link in self.short_links:
            groups.setdefault(link.group, []).append(link)
        pages.append(self.page("oplaegsholdere", "", "Til oplægsholdere", "oplaegsholdere.md.j2", [], [],
                               edit=concept_folder, grupper=groups, overskrifter=GROUPS, adresse=self.public_url))
        return pages

    def news(self, pages: list[Page]) -> list[tuple[datetime.date, list[_NewsEntry]]]:
        """Changes per month, newest first: one entry per commit with the editor's sentences and
        the pages made from the files it changed (a file's own page, else every page built from it)."""
        pages_of = {}
        for page in pages:
            for source in page.sources:
                pages_of.setdefault(source, []).append(page)
        own = {p.edit_file: [p] for p in pages if p.edit_file}
        entries: dict[str, _NewsEntry] = {}
        for change in self.history.changes:
            if _month(change.date) not in self.news_months:
                break
            # A commit with sentences is one entry; commits without, and changes made outside git,
            # are one "Opdateret" entry per day.
            entry = entries.setdefault(change.commit if change.nyt else change.date.isoformat(),
                                       _NewsEntry(change.date, change.nyt, []))
            for page in own.get(change.file) or pages_of.get(change.file, []):
                if page not in entry.pages:
                    entry.pages.append(page)
        months: dict[datetime.date, list[_NewsEntry]] = {month: [] for month in self.news_months}
        for entry in entries.values():
            if entry.sentences or entry.pages:
                months[_month(entry.date)].append(entry)
        return list(months.items())


def _kilder_af(eksempel) -> list[str]:
    return references(eksempel.aktivitet, "kilde") or eksempel.kommune.kilder


def _navigation(pages: list[Page]) -> list[dict]:
    """Eight top-level sections, so each fits as a tab on a laptop screen."""
    by_path = {p.path: p for p in pages}

    def section(prefix: str) -> list:
        return [{p.title: p.path} for p in pages if p.path.startswith(prefix)]

    def single(*paths: str) -> list:
        return [{by_path[path].title: path} for path in paths]

    return [
        {"Forside": "index.md"},
        {"Faser": section("faser/")},
        {"Principper": section("principper/")},
        {"Baggrund": single("recovery.md", "partnerskab.md", "udviklingsforloeb.md")},
        {"Vejledning": section("vejledning/")},
        {"Kommunernes erfaringer": section("kommuner/index") + single("sammenligning.md")
                                   + [e for e in section("kommuner/") if "kommuner/index.md" not in e.values()]},
        {"Værktøjer": single("selvevaluering.md", "oplaegsholdere.md", "ordliste.md", "data.md")},
        # mkdocs.yml adds the hand-written pages about the handbook to this section.
        {"Om håndbogen": single("nyt.md")},
    ]


def render_handbook(handbook: Handbook, history: History | None = None,
                    public_url: str | None = None) -> RenderedHandbook:
    """All generated pages and their navigation. `history`: the content's git history, if any;
    `public_url`: where the handbook is published, for the QR codes of the short links.

    Raises ContentErrors when ids make an anchor appear twice on a page, or when a published
    link (links.lock) would break."""
    renderer = _Renderer(handbook, history or History(), public_url)
    pages = resolve_internal_links(renderer.all_pages(), handbook.root)
    check_unique_anchors(pages, handbook.root)
    shorts = renderer.short_links
    moved, aliases = resolve_published(handbook.root, pages, {s.path: s.target for s in shorts},
                                       handbook.omdirigeringer.omdirigeringer, handbook.file_of("omdirigeringer"))
    pages = [replace(p, markdown=add_aliases(p.markdown, aliases[page_url(p.path)]))
             if page_url(p.path) in aliases else p for p in pages]
    redirects = moved + [Redirect(f"l/{s.key}/index.html", s.target, s.title) for s in shorts]
    qr_codes = {f"l/{s.key}/qr.svg": qr_svg(renderer.public_url + s.path, s.title)
                for s in shorts} if renderer.public_url else {}
    return RenderedHandbook(pages, _navigation(pages), redirects, shorts, qr_codes, renderer.assets)

"""Accessible PDFs of the built handbook: one per page, and the whole handbook with contents and bookmarks.

They are made from the built site (after `mkdocs build`), never during `mkdocs serve`: WeasyPrint
lays out each page's article with pdf.css, tagged and declared as PDF/UA-1. The order of the whole
handbook is the site's navigation; links point at the published handbook, whose address each page
carries as its canonical link (overrides/main.html).

The download link on a page needs the PDF's size, which is known only once the PDF exists. So the
link is not in the built pages at all: after writing the PDFs, write_pdfs puts it into each page's
HTML under the title. A site without PDFs (e.g. `mkdocs serve`) therefore has no link that leads
nowhere, and running it again replaces the links it wrote before.
"""
from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import tinyhtml5

from .formatting import tal
from .pdfrender import render_all

PDF_FOLDER = "pdf"
WHOLE_HANDBOOK = "omlaegningshaandbogen"

# What belongs to the screen only: permalinks, the edit button, our own download link.
_SCREEN_ONLY = {"headerlink", "md-content__button", "hent-pdf"}
_SCREEN_READER_ONLY = "visuelt-skjult"
_DOWNLOAD_LINK = re.compile(r'<p class="hent-pdf">.*?</p>\n?', re.S)
_ARTICLE_TITLE_END = re.compile(r'(<article class="md-content__inner md-typeset">.*?</h1>)', re.S)


class PdfError(Exception):
    """A problem with the site the PDFs are made from, in Danish for the command line."""


@dataclass
class SitePage:
    url: str               # as on the site: "/principper/ressourcer/"
    file: Path             # its index.html
    title: str             # its h1
    canonical: str         # its published address
    article: etree.Element  # its content, cleaned of screen-only parts

    @property
    def slug(self) -> str:
        return self.url.strip("/").replace("/", "-") or "forside"


def write_pdfs(site: Path) -> list[Path]:
    """Write one PDF per page and then the whole handbook into site/pdf/, and link each page to them."""
    pages = read_site(site)
    folder = site / PDF_FOLDER
    folder.mkdir(exist_ok=True)
    whole = folder / f"{WHOLE_HANDBOOK}.pdf"
    head = _parse(site / "index.html").find("head")
    # The whole handbook first: it takes longest, and the pages fill the other processes meanwhile.
    jobs = [(_handbook_document(pages, head), site / "index.html", whole)]
    jobs += [(_page_document(page), page.file, folder / f"{page.slug}.pdf") for page in pages]
    render_all(jobs)
    for page in pages:
        _link_download(page, folder, whole)
    return [target for _, _, target in jobs[1:]] + [whole]


def read_site(site: Path) -> list[SitePage]:
    """The pages of a built site in the order of its navigation."""
    index = site / "index.html"
    if not index.is_file():
        raise PdfError(f"{site} indeholder ingen index.html; byg håndbogen først med mkdocs build.")
    nav = next((n for n in _parse(index).iter("nav") if "md-nav--primary" in n.get("class", "")), None)
    if nav is None:
        raise PdfError(f"{index} har ingen navigation; er det bygget med håndbogens tema?")
    urls = []
    for link in nav.iter("a"):
        href = link.get("href", "")
        if "md-nav__link" in link.get("class", "") and "#" not in href and not urlsplit(href).scheme:
            url = posixpath.normpath("/" + href).rstrip("/") + "/"
            if url not in urls:
                urls.append(url)
    return [_read_page(site, url) for url in urls]


def _read_page(site: Path, url: str) -> SitePage:
    file = site / url.strip("/") / "index.html"
    tree = _parse(file)
    canonical = next((link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"), None)
    if canonical is None:
        raise PdfError(f"{file} har ingen offentlig adresse; sæt public_url under omlaegning i mkdocs.yml.")
    article = next(a for a in tree.iter("article") if "md-content__inner" in a.get("class", ""))
    _remove(article, lambda e: bool(_SCREEN_ONLY & set(e.get("class", "").split())))
    for header in (p for p in article.iter("p") if "udskrift-hoved" in p.get("class", "")):
        # It becomes the running footer, which WeasyPrint leaves out of the structure tree, where a link
        # must be (PDF/UA-1 7.18.5): there the address is text.
        for link in header.iter("a"):
            link.tag = "span"
            link.attrib.clear()
    _flatten_links(article)
    for image in article.iter("img"):
        image.set("src", urljoin(file.resolve().as_uri(), image.get("src", "")))
    for link in article.iter("a"):
        if href := link.get("href"):
            if not urlsplit(href).scheme:  # a cross-reference: clickable, but no address printed after it
                link.set("class", " ".join(filter(None, [link.get("class"), "intern"])))
            link.set("href", urljoin(canonical, href))
    return SitePage(url, file, _text(article.find(".//h1")), canonical, article)


def _page_document(page: SitePage) -> str:
    """One page as its own document: links within the page stay in the PDF, others go to the web."""
    article = _copy(page.article)
    for link in article.iter("a"):
        address, _, anchor = link.get("href", "").partition("#")
        if anchor and address == page.canonical:
            link.set("href", f"#{anchor}")
    return _document(page.title, f"<main>{_serialize(article)}</main>")


def _handbook_document(pages: list[SitePage], head: etree.Element) -> str:
    """All pages in navigation order, each from a new sheet, after a title page and the contents.

    Ids get their page's slug in front, so anchors stay unique, and links between pages become
    links within the document."""
    by_address = {p.canonical: p for p in pages}
    title = _text(head.find("title"))
    meta = {m.get("name"): m.get("content", "") for m in head.iter("meta") if m.get("name")}
    edition = next((_text(p) for p in pages[0].article.iter("p") if "udskrift-hoved" in p.get("class", "")), "")
    chapters = []
    for page in pages:
        article = _copy(page.article)
        for element in article.iter():
            if element.get("id"):
                element.set("id", f"{page.slug}--{element.get('id')}")
        for link in article.iter("a"):
            address, _, anchor = link.get("href", "").partition("#")
            if target := by_address.get(address):
                link.set("href", f"#{target.slug}--{anchor}" if anchor else f"#{target.slug}")
        chapters.append(f'<section class="side" id="{page.slug}">{_serialize(article)}</section>')
    contents = "".join(f'<li><a href="#{p.slug}">{html.escape(p.title)}</a></li>' for p in pages)
    front = (f'<section class="titelblad"><p class="titel">{html.escape(title)}</p>'
             f'<p>{html.escape(meta.get("description", ""))}</p>'
             f'<p>Udgivet af {html.escape(meta.get("author", ""))}.</p>'
             f'<p>{html.escape(edition)}</p></section>'
             f'<nav class="indhold" aria-label="Indhold"><h1>Indhold</h1><ol>{contents}</ol></nav>')
    return _document(title, f"<main>{front}{''.join(chapters)}</main>", meta.get("author"))


def _document(title: str, body: str, author: str | None = None) -> str:
    author_meta = f'<meta name="author" content="{html.escape(author)}">' if author else ""
    return (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"{author_meta}</head><body>{body}</body></html>")


def _link_download(page: SitePage, folder: Path, whole: Path) -> None:
    """Put "Hent som PDF (123 kB)" under the page's title, replacing the one a former run put there."""
    own = folder / f"{page.slug}.pdf"
    here = page.file.parent

    def link(pdf: Path, text: str) -> str:
        href = posixpath.relpath(pdf.as_posix(), here.as_posix())
        return f'<a href="{html.escape(href)}">{text} ({file_size(pdf.stat().st_size)})</a>'

    paragraph = (f'<p class="hent-pdf">{link(own, "Hent siden som PDF")} · '
                 f'{link(whole, "hele håndbogen som PDF")}</p>\n')
    source = _DOWNLOAD_LINK.sub("", page.file.read_text(encoding="utf-8"))
    page.file.write_text(_ARTICLE_TITLE_END.sub(lambda m: m.group(1) + "\n" + paragraph, source, count=1),
                         encoding="utf-8")


def file_size(size: int) -> str:
    """A file's size as readers know it: "812 kB", "1,4 MB"."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{tal(round(size / 1_000_000, 1))} MB"


def _flatten_links(root: etree.Element) -> None:
    """Keep only text inside links. WeasyPrint tags an element inside a link apart from the link (its
    issue #185), which PDF/UA-1 7.18.5 does not allow; text for screen readers moves right after it."""
    for parent in list(root.iter()):
        for link in [child for child in parent if child.tag == "a" and len(child)]:
            hidden = [c for c in link if _SCREEN_READER_ONLY in c.get("class", "").split()]
            text = [link.text or ""]
            for child in link:
                text += ([] if child in hidden else list(child.itertext())) + [child.tail or ""]
            for child in list(link):
                link.remove(child)
            link.text = "".join(text)
            position = list(parent).index(link) + 1
            for offset, span in enumerate(hidden):
                span.tail = None
                parent.insert(position + offset, span)
            if hidden:
                hidden[-1].tail, link.tail = link.tail, None


def _parse(file: Path) -> etree.Element:
    return tinyhtml5.parse(file.read_text(encoding="utf-8"), namespace_html_elements=False)


def _remove(root: etree.Element, unwanted) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if unwanted(child):
                # Keep the text that follows the removed element.
                index = list(parent).index(child)
                if child.tail:
                    if index:
                        previous = parent[index - 1]
                        previous.tail = (previous.tail or "") + child.tail
                    else:
                        parent.text = (parent.text or "") + child.tail
                parent.remove(child)


def _copy(element: etree.Element) -> etree.Element:
    return etree.fromstring(etree.tostring(element))


def _serialize(element: etree.Element) -> str:
    return etree.tostring(element, encoding="unicode", method="html")


def _text(element: etree.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""

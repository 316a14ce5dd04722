"""`omlaegning pdf`: every page and the whole handbook as tagged PDF/UA-1 files, linked from the pages.

The PDFs are made once per session (the site_with_pdfs fixture); the expectations come from the
built pages themselves: their titles, headings, images and tables.
"""
import logging
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
import tinyhtml5

from browser.siteurls import page_urls, site_urls
from omlaegning.cli import main
from system_packages import ensure_weasyprint, poppler

PAGE_URLS = page_urls()
UA_PART = "{http://www.aiim.org/pdfua/ns/id/}part"
SIZE = re.compile(r"\((\d+(?:,\d)?) (kB|MB)\)")


def _slug(url: str) -> str:
    return url.strip("/").replace("/", "-") or "forside"


def _article(site: Path, url: str):
    tree = tinyhtml5.parse((site / url.strip("/") / "index.html").read_text(encoding="utf-8"),
                           namespace_html_elements=False)
    return next(a for a in tree.iter("article") if "md-content__inner" in a.get("class", ""))


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _headings(article) -> list[str]:
    """The page's headings as a reader sees them (without the permalink sign)."""
    return [_heading(h) for h in article.iter() if h.tag in ("h1", "h2", "h3")]


def _heading(element) -> str:
    return " ".join("".join(_visible_text(element)).split())


def _visible_text(element):
    yield element.text or ""
    for child in element:
        if "headerlink" not in child.get("class", ""):
            yield from _visible_text(child)
        yield child.tail or ""


def _structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element of a tagged PDF, depth first."""
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        for kid in _kids(node):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type", "/StructElem") == "/StructElem" \
                    and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _pdf_text(path: Path) -> str:
    """The text as Poppler reads it (pypdf takes ten times as long on the whole handbook)."""
    read = subprocess.run([poppler("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(read.stdout.split())


def test_every_page_and_the_whole_handbook_has_a_pdf(site_with_pdfs):
    written = sorted(p.name for p in (site_with_pdfs.site / "pdf").glob("*.pdf"))
    assert written == sorted([f"{_slug(u)}.pdf" for u in site_urls(site_with_pdfs.site)] + ["omlaegningshaandbogen.pdf"])
    assert f"Skrev {len(written) - 1} sider og hele håndbogen" in site_with_pdfs.output


def test_weasyprint_reported_no_problems(site_with_pdfs):
    """WeasyPrint warns of what breaks PDF/UA on its side, e.g. an image without alt text."""
    assert site_with_pdfs.problems == []


@pytest.mark.parametrize("url", PAGE_URLS + ["helhed"], ids=[_slug(u) for u in PAGE_URLS] + ["helhed"])
def test_pdf_is_tagged_pdf_ua_in_danish_with_title_alt_texts_and_headings(site_with_pdfs, url):
    site = site_with_pdfs.site
    if url == "helhed":
        path = site / "pdf" / "omlaegningshaandbogen.pdf"
        articles = [_article(site, u) for u in PAGE_URLS]
        title = _text(tinyhtml5.parse((site / "index.html").read_text(encoding="utf-8"),
                                      namespace_html_elements=False).find(".//title"))
    else:
        path = site / "pdf" / f"{_slug(url)}.pdf"
        articles = [_article(site, url)]
        title = _heading(articles[0].find(".//h1"))
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "da"
        assert str(pdf.docinfo.Title) == title
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.open_metadata().get(UA_PART) == "1"
        elements = _structure(pdf)
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        # PDF/UA-1 7.18.5: every link says where it goes and sits in a Link element of the document's tree.
        assert all(str(a.get("/Contents", "")).strip() for a in links)
        tagged = {kid.Obj.objgen for e in elements if e.S == "/Link" for kid in _kids(e)
                  if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"}
        assert [a.get("/Contents") for a in links if a.objgen not in tagged] == []
    figures = [e for e in elements if e.S == "/Figure"]
    images = [img for a in articles for img in a.iter("img")]
    assert len(figures) == len(images)
    assert all(str(f.get("/Alt", "")).strip() for f in figures)
    # At least every header cell: a table's header row repeats on each sheet it runs over, as TH again.
    header_cells = sum(1 for a in articles for _ in a.iter("th"))
    assert sum(1 for e in elements if e.S == "/TH") >= header_cells
    text = _pdf_text(path)
    missing = [h for a in articles for h in _headings(a) if h not in text]
    assert missing == []


def test_the_whole_handbook_has_a_bookmark_for_every_page_in_order(site_with_pdfs):
    site = site_with_pdfs.site
    titles = [_heading(_article(site, u).find(".//h1")) for u in _navigation_order(site)]
    with pikepdf.open(site / "pdf" / "omlaegningshaandbogen.pdf") as pdf, pdf.open_outline() as outline:
        bookmarks = [item.title for item in outline.root]
    assert bookmarks == ["Indhold"] + titles
    assert sorted(titles) == sorted(_heading(_article(site, u).find(".//h1")) for u in PAGE_URLS)


def _navigation_order(site: Path) -> list[str]:
    """The pages in the order the site's menu lists them."""
    html = (site / "index.html").read_text(encoding="utf-8")
    menu = html[html.index("md-nav--primary"):]
    urls = []
    for href in re.findall(r'<a href="([^"#]*)" class="md-nav__link', menu):
        url = "/" if href == "." else "/" + href
        if url not in urls:
            urls.append(url)
    return urls


@pytest.mark.parametrize("url", PAGE_URLS, ids=[_slug(u) for u in PAGE_URLS])
def test_each_page_links_to_its_pdf_and_the_whole_handbook_with_their_sizes(site_with_pdfs, url):
    site = site_with_pdfs.site
    article = _article(site, url)
    links = [p for p in article.iter("p") if p.get("class") == "hent-pdf"]
    assert len(links) == 1
    h1 = article.find(".//h1")
    assert list(article).index(links[0]) == list(article).index(h1) + 1, "the link stands under the title"
    targets = {}
    for link in links[0].iter("a"):
        file = (site / url.strip("/") / link.get("href")).resolve()
        number, unit = SIZE.search(_text(link)).groups()
        targets[file.name] = (float(number.replace(",", ".")) * (1000 if unit == "kB" else 1_000_000),
                              file.stat().st_size, unit)
    assert set(targets) == {f"{_slug(url)}.pdf", "omlaegningshaandbogen.pdf"}
    for stated, actual, unit in targets.values():
        assert abs(stated - actual) <= (500 if unit == "kB" else 50_000)


def test_a_site_without_pdfs_has_no_download_link(built_site):
    assert not [u for u in site_urls(built_site) if 'class="hent-pdf"' in
                (built_site / u.strip("/") / "index.html").read_text(encoding="utf-8")]


def test_the_command_explains_a_folder_that_is_not_a_built_site(tmp_path, capsys):
    assert main(["pdf", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"PDF'erne blev ikke lavet: {tmp_path} indeholder ingen index.html; byg håndbogen først med mkdocs build.\n")


def test_what_weasyprint_warns_of_in_its_own_processes_is_logged_here_in_order(tmp_path, caplog):
    ensure_weasyprint()
    from omlaegning.pdfrender import render_all

    words = ["farve", "skrift", "kant"]  # one unknown CSS property per document
    jobs = [(f'<!DOCTYPE html><html lang="da"><title>{word}</title><style>p {{ {word}: 1 }}</style><p>{word}</p>',
             tmp_path, tmp_path / f"{word}.pdf") for word in words]
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_all(jobs)
    assert [[word for word in words if f"`{word}:" in record.getMessage()] for record in caplog.records] \
        == [[word] for word in words]
    assert all(target.read_bytes().startswith(b"%PDF-") for _, _, target in jobs)

"""Printing from the browser: content only, no heading left at the foot of a sheet, every web address
printed once, dark titles, tables with all their borders, QR codes that scan, and a header with
the page's short link and the handbook's edition."""
import datetime
import io
import os
import re
import subprocess

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from helpers import PUBLIC_URL, REPO
from omlaegning.formatting import dato
from omlaegning.paths import page_url
from siteurls import real_handbook
from system_packages import poppler

# A principle, a municipality, the presenters' page, and a guide with the headings that were left alone.
PRINTED = ["/principper/ressourcer/", "/kommuner/herning/", "/oplaegsholdere/", "/vejledning/myndighed/"]
SHORT_LINKS = real_handbook().short_links
FOOTER = re.compile(r"^Side \d+ af \d+$")
FOOTER_ANYWHERE = re.compile(r"Side \d+ af \d+")


# The tests share the module's tab: each loads its page on screen, as a reader does before printing, and then
# lays it out for print, so none inherits another's state.
def _lay_out_for_print(page, base_url, url) -> None:
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, as the print lays it out
    page.emulate_media(media="screen")
    page.goto(base_url + url)
    page.emulate_media(media="print")


# Each page's print, made once: several tests read the same sheets, and printing is the slow part.
_PRINTS: dict[str, bytes] = {}


def _print(page, base_url, url) -> bytes:
    """The page laid out for print in `page` (for the tests that look at it there) and its PDF."""
    _lay_out_for_print(page, base_url, url)
    if url not in _PRINTS:
        _PRINTS[url] = page.pdf(format="A4")
    return _PRINTS[url]


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _contrast_on_white(css_color: str) -> float:
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", css_color))
    opacity = alpha[0] if alpha else 1.0

    def luminance(channel):
        c = (channel * opacity + 255 * (1 - opacity)) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * luminance(red) + 0.7152 * luminance(green) + 0.0722 * luminance(blue)
    return 1.05 / (lum + 0.05)


def test_a_page_prints_as_content_only(tab, base_url):
    pdf = _print(tab, base_url, "/principper/")
    hidden = tab.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 4
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "De otte principper" in text and "Fokusér på borgernes ressourcer" in " ".join(text.split())
    for navigation_only in ("Indholdsfortegnelse", "Sådan retter du i håndbogen", "Søg"):
        assert navigation_only not in text


@pytest.mark.parametrize("url", PRINTED)
def test_no_heading_is_the_last_line_of_a_printed_sheet(tab, base_url, url):
    pdf = PdfReader(io.BytesIO(_print(tab, base_url, url)))
    headings = tab.eval_on_selector_all(
        ".md-typeset h1, .md-typeset h2, .md-typeset h3, .md-typeset h4",
        "hs => hs.filter(h => h.offsetParent).map(h => h.innerText.replace(/¶/g, '').trim())")
    assert headings
    last_lines = []
    for sheet in pdf.pages[:-1]:  # the last sheet may end anywhere
        lines: dict[float, list[tuple[float, str]]] = {}

        def collect(text, cm, tm, font, size):
            if text.strip() and not FOOTER.match(text.strip()):
                y = round(cm[5] + tm[5] * cm[3])
                lines.setdefault(y, []).append((cm[4] + tm[4] * cm[0], text.strip()))

        sheet.extract_text(visitor_text=collect)
        lowest = " ".join(text for _, text in sorted(lines[min(lines)]))  # PDF's y grows upwards
        last_lines.append(lowest)
    alone = [line for line in last_lines
             if any(h == line or (len(line) >= 10 and h.endswith(line)) for h in headings)]
    assert alone == []


@pytest.mark.parametrize("url", PRINTED + ["/tilgaengelighed/"])
def test_every_web_address_is_printed_once(tab, base_url, url):
    pdf = _print(tab, base_url, url)
    # Without the page numbers, which the text of a sheet may carry in the middle of a sentence.
    text = _squeezed(FOOTER_ANYWHERE.sub("", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)))
    links = tab.eval_on_selector_all(
        ".md-typeset a[href^='http']",
        "as => as.filter(a => a.offsetParent).map(a => [a.innerText, a.getAttribute('href'), a.className])")
    assert links
    for label, href, classes in links:
        address = _squeezed(href)
        assert f"{address}({address})" not in text, href
        shown = _squeezed(label) if "adresse" in classes.split() else f"{_squeezed(label)}({address})"
        assert shown in text, href


def test_titles_print_dark(tab, base_url):
    _lay_out_for_print(tab, base_url, "/kommuner/herning/")
    colours = tab.eval_on_selector_all(
        ".md-typeset h1, .md-typeset h2, .md-typeset h3, .md-typeset p",
        "els => els.filter(e => e.offsetParent).map(e => getComputedStyle(e).color)")
    faint = [c for c in colours if _contrast_on_white(c) < 7]  # WCAG's enhanced contrast
    assert faint == []


@pytest.mark.parametrize("url", ["/kommuner/herning/", "/oplaegsholdere/", "/sammenligning/"])
def test_printed_tables_have_every_border_and_fit_the_sheet(tab, base_url, url):
    _lay_out_for_print(tab, base_url, url)
    cells = tab.eval_on_selector_all(".md-typeset table th, .md-typeset table td", """cells => cells.map(c => {
        const s = getComputedStyle(c);
        return ['Top', 'Right', 'Bottom', 'Left'].map(side =>
            [parseFloat(s['border' + side + 'Width']), s['border' + side + 'Style'], s['border' + side + 'Color']]);
    })""")
    assert cells
    open_sides = [side for cell in cells for side in cell
                  if side[0] < 0.5 or side[1] != "solid" or _contrast_on_white(side[2]) < 3]
    assert open_sides == []
    cut = tab.eval_on_selector_all(".md-typeset table", """tables => tables.filter(t => {
        const article = t.closest('article').getBoundingClientRect();
        if (t.getBoundingClientRect().right > article.right + 1) return true;
        for (let e = t.parentElement; e && e.tagName !== 'ARTICLE'; e = e.parentElement) {
            if (getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth) return true;
        }
        return false;
    }).length""")
    assert cut == 0
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-typeset tr')).breakInside") == "avoid"


def test_every_printed_qr_code_scans_at_100_dpi(tab, base_url, tmp_path):
    pdftoppm = poppler("pdftoppm")
    (tmp_path / "oplaegsholdere.pdf").write_bytes(_print(tab, base_url, "/oplaegsholdere/"))
    subprocess.run([pdftoppm, "-r", "100", "-png", str(tmp_path / "oplaegsholdere.pdf"), str(tmp_path / "side")],
                   check=True)
    read = [code.text for sheet in sorted(tmp_path.glob("side-*.png"))
            for code in zxingcpp.read_barcodes(Image.open(sheet))]
    assert sorted(read) == sorted(PUBLIC_URL + s.path for s in SHORT_LINKS)


@pytest.mark.parametrize("url", PRINTED)
def test_the_printed_page_names_its_short_link_and_edition(tab, base_url, url):
    first_sheet = PdfReader(io.BytesIO(_print(tab, base_url, url))).pages[0].extract_text()
    short = next((s.path for s in SHORT_LINKS if page_url(s.page) == url and not s.anchor), url)
    # The edition is the last commit's date, as the build takes it (or SOURCE_DATE_EPOCH where set).
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True).stdout
    edition = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    assert _squeezed(PUBLIC_URL + short) in _squeezed(first_sheet)
    assert f"Udgave fra {dato(edition)}" in " ".join(first_sheet.split())

"""A page prints cleanly: content only, links with their address, tables whole."""
import io

from pypdf import PdfReader


def test_a_page_prints_as_content_only(page, base_url, tmp_path):
    page.goto(base_url + "/principper/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 4
    link_after = page.evaluate("""() => getComputedStyle(
        document.querySelector('.md-typeset a[href^="http"]'), '::after').content""")
    assert link_after.startswith('" (https://')
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset tr')).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "De otte principper" in text and "Fokusér på borgernes ressourcer" in " ".join(text.split())
    assert "(https://www.sbst.dk/udgivelser/" in text.replace("\n", "")
    for navigation_only in ("Indholdsfortegnelse", "Sådan retter du i håndbogen", "Søg"):
        assert navigation_only not in text

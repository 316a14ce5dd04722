"""Every short link leads to its section, and every QR code on the presenters' page reads as its link."""
import io

import pytest
import zxingcpp
from PIL import Image

from omlaegning.loader import load_handbook

from helpers import PUBLIC_URL, mkdocs_build
from localserver import serve
from siteurls import real_handbook

SHORT_LINKS = real_handbook().short_links
# Every short link page is the same template with its own target, and tests/test_links.py reads each one's
# target from the built site; here Chromium follows the first link of each group, to a page and to a section.
_FIRST: dict[tuple[str, bool], object] = {}
for _link in SHORT_LINKS:
    _FIRST.setdefault((_link.group, bool(_link.anchor)), _link)
FOLLOWED = list(_FIRST.values())


@pytest.mark.parametrize("link", FOLLOWED, ids=[s.key for s in FOLLOWED])
def test_short_link_lands_on_its_section(tab, base_url, link):
    """One tab follows the links, as a presenter's audience would."""
    tab.goto(base_url + link.path, wait_until="commit")
    tab.wait_for_url(base_url + link.target, wait_until="domcontentloaded")
    if link.anchor:
        assert tab.locator(f"[id='{link.anchor}']").count() == 1


# Every QR code drawn this many pixels wide: 4 pixels a module for the 41 modules (quiet zone included)
# of the longest link's code.
QR_SIZE = 164


def test_every_qr_code_on_the_presenters_page_reads_as_its_short_link(browser, base_url):
    context = browser.new_context(viewport={"width": 10 * QR_SIZE, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/oplaegsholdere/")
    sources = page.eval_on_selector_all("img[src$='qr.svg']", "imgs => imgs.map(img => img.src)")
    assert sources == [f"{base_url}/l/{s.key}/qr.svg" for s in SHORT_LINKS]
    # The served SVGs side by side, each large enough that every module is several pixels; one screenshot,
    # cut into one picture per code.
    page.set_content("".join(f'<img src="{source}" width="{QR_SIZE}" height="{QR_SIZE}">' for source in sources)
                     + "<style>body { margin: 0; line-height: 0; background: #fff; }</style>")
    boxes = page.eval_on_selector_all("img", """imgs => imgs.map(img => { const r = img.getBoundingClientRect();
        return img.naturalWidth ? [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY] : null; })""")
    assert None not in boxes
    sheet = Image.open(io.BytesIO(page.screenshot(full_page=True)))
    read = [[code.text for code in zxingcpp.read_barcodes(sheet.crop(box))] for box in boxes]
    assert read == [[PUBLIC_URL + s.path] for s in SHORT_LINKS]
    context.close()


def test_a_renamed_municipality_keeps_every_published_link(browser, repo_copy, tmp_path):
    """One redirect for the page is all an editor writes; its anchors and short links follow."""
    old = repo_copy.root / "data/kommuner/herlev.yaml"
    repo_copy.write("data/kommuner/herlev-kommune.yaml",
                    old.read_text(encoding="utf-8").replace("\nid: herlev\n", "\nid: herlev-kommune\n"))
    old.unlink()
    # Redirects already written for the page's old anchors now point into the renamed page.
    redirects = (repo_copy.root / "concept/omdirigeringer.yaml").read_text(encoding="utf-8")
    repo_copy.write("concept/omdirigeringer.yaml", redirects.replace(
        "til: /kommuner/herlev/", "til: /kommuner/herlev-kommune/").replace(
        "omdirigeringer:\n", "omdirigeringer:\n  - fra: /kommuner/herlev/\n    til: /kommuner/herlev-kommune/\n", 1))
    site = tmp_path / "site"
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    activity = next(k for k in load_handbook(repo_copy.root).kommuner if k.id == "herlev-kommune").aktiviteter[0].id
    with serve(site) as base:
        page = browser.new_page()
        for old_link, new_link in [
            (f"/kommuner/herlev/#{activity}", f"/kommuner/herlev-kommune/#{activity}"),
            ("/l/herlev/", "/kommuner/herlev-kommune/"),
            (f"/l/herlev-{activity}/", f"/kommuner/herlev-kommune/#{activity}"),
        ]:
            page.goto(base + old_link)
            page.wait_for_url(base + new_link)
        page.close()

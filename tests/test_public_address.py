"""Search engines and shared links get the handbook's real address: canonical links and the sitemap."""
import re
import xml.etree.ElementTree as ET

from helpers import SITE_URL


def _pages(site):
    for index in sorted(site.rglob("index.html")):
        html = index.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:
            yield index.parent.relative_to(site).as_posix(), html


def test_every_page_names_its_public_address_as_canonical(built_site):
    for folder, html in _pages(built_site):
        address = SITE_URL if folder == "." else f"{SITE_URL}{folder}/"
        assert re.findall(r'<link rel="canonical" href="([^"]+)"', html) == [address], folder


def test_the_sitemap_lists_every_page_at_its_public_address(built_site):
    tree = ET.parse(built_site / "sitemap.xml")
    listed = sorted(e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))
    assert listed == sorted(SITE_URL if f == "." else f"{SITE_URL}{f}/" for f, _ in _pages(built_site))

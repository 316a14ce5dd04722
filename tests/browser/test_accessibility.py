"""Every page passes axe-core (WCAG 2.0/2.1 A and AA, and best practice) in real Chromium."""
import pytest

from axecheck import axe_violations
from omlaegning.paths import page_url
from pageready import open_ready
from siteurls import page_urls, real_handbook, site_urls

URLS = page_urls()


def _contrast_pages() -> set[str]:
    """The longest page of each generated kind, and every hand-written page (each a kind of its own)."""
    pages = real_handbook().pages
    longest = {page.kind: page_url(page.path) for page in sorted(pages, key=lambda p: len(p.markdown))}
    return set(longest.values()) | (set(URLS) - {page_url(p.path) for p in pages})


# Contrast is a matter of the stylesheet and a kind's template, and axe's slowest rule (two thirds of a long
# page's check): it runs on one page of each kind, every other rule on every page.
CONTRAST = _contrast_pages()


def test_every_page_of_the_site_is_checked(built_site):
    assert site_urls(built_site) == URLS


@pytest.mark.parametrize("url", URLS)
def test_page_has_no_axe_violations(tab, base_url, url):
    open_ready(tab, base_url + url)
    assert axe_violations(tab, skip=() if url in CONTRAST else ("color-contrast",)) == []


def test_search_dialog_has_an_accessible_name_once_open(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("recovery")
    page.wait_for_selector(".md-search-result__item")
    assert axe_violations(page) == []
    assert page.get_attribute(".md-search", "aria-label") == "Søg i håndbogen"


def test_the_check_as_run_here_finds_what_it_should(page, base_url):
    """Only violations are detailed and rules can be skipped: neither may hide a real violation."""
    open_ready(page, base_url + "/ordliste/")
    page.evaluate("() => { const p = [...document.querySelectorAll('article p')]"
                  ".find(e => e.offsetParent && e.textContent.trim());"
                  " p.appendChild(document.createElement('img')).src = 'x.png';"
                  " p.style.cssText = 'color: #ddd; background: #fff'; }")
    assert _rules(axe_violations(page)) == ["color-contrast", "image-alt"]
    assert _rules(axe_violations(page, skip=("color-contrast",))) == ["image-alt"]


def _rules(violations: list[str]) -> list[str]:
    return [violation.split(":")[0] for violation in violations]

"""The comparison, timelines and charts hold up with a hundred municipalities, on a phone as well."""
import pytest

from helpers import mkdocs_build
from localserver import serve
from synthetic import write_synthetic_handbook
from axecheck import axe_violations
from pageready import open_ready

PAGES = ["/sammenligning/", "/kommuner/syntetisk-001/", "/kommuner/randers/", "/partnerskab/", "/data/"]


@pytest.fixture(scope="module")
def hundred_url(tmp_path_factory):
    root = write_synthetic_handbook(tmp_path_factory.mktemp("hundrede") / "haandbog", 100)
    site = root / "site"
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("url", PAGES)
def test_page_with_a_hundred_municipalities_passes_axe(tab, hundred_url, url):
    open_ready(tab, hundred_url + url)
    # Contrast comes from the stylesheet, not from how many rows there are: test_every_page checks it
    # on these same kinds of page, and on 100 municipalities it would be three quarters of axe's time.
    assert axe_violations(tab, skip=("color-contrast",)) == []


def test_the_matrix_has_a_block_per_municipality_on_a_phone(page, hundred_url):
    page.set_viewport_size({"width": 390, "height": 844})
    open_ready(page, hundred_url + "/sammenligning/")
    rows = page.locator("#matrix-principper-titel").locator("xpath=..").locator("tbody tr")
    assert rows.count() == 100
    # One block under the other, as wide as the phone: neither the matrix nor the page scrolls sideways.
    assert rows.nth(0).bounding_box()["y"] + rows.nth(0).bounding_box()["height"] <= rows.nth(1).bounding_box()["y"]
    assert page.evaluate("document.querySelector('.matrix').scrollWidth") <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_every_figure_of_a_municipality_loads(page, hundred_url):
    page.goto(hundred_url + "/kommuner/syntetisk-042/")
    page.wait_for_load_state("networkidle")
    figures = page.locator("img.figur")
    assert figures.count() == 2  # the table of citizens per year and the timeline
    for index in range(figures.count()):
        assert page.evaluate("img => img.complete && img.naturalWidth > 0", figures.nth(index).element_handle())

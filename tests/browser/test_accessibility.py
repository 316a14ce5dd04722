"""Every page passes axe-core (WCAG 2.0/2.1 A and AA, and best practice) in real Chromium."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from siteurls import page_urls, site_urls

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
URLS = page_urls()


def test_every_page_of_the_site_is_checked(built_site):
    assert site_urls(built_site) == URLS


@pytest.mark.parametrize("url", URLS)
def test_page_has_no_axe_violations(page, base_url, url):
    page.goto(base_url + url)
    page.wait_for_load_state("networkidle")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})"
                  for v in result.response["violations"]]
    assert violations == []


def test_search_dialog_has_an_accessible_name_once_open(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("recovery")
    page.wait_for_selector(".md-search-result__item")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []
    assert page.get_attribute(".md-search", "aria-label") == "Søg i håndbogen"

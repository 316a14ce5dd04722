"""axe-core as the tests run it, and the search dialog once open (every page: test_every_page.py)."""
from axecheck import axe_violations
from pageready import open_ready


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

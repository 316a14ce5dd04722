"""Danish text is hyphenated by the browser, and the header's repository link says what it is."""


def test_text_is_hyphenated_as_danish(page, base_url):
    page.goto(base_url + "/tilgaengelighed/")
    assert page.evaluate("() => document.documentElement.lang") == "da"
    for element in ("article h1", "article p"):
        assert page.locator(element).first.evaluate("e => getComputedStyle(e).hyphens") == "auto", element


def test_the_repository_link_has_its_icon_and_a_danish_name(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(base_url + "/")
    link = page.locator(".md-header__source a.md-source")
    assert link.locator(".md-source__icon svg").is_visible()
    assert link.inner_text().strip() == "Kildefiler på GitHub"

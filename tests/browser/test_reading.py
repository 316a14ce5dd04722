"""Danish text is hyphenated by the browser, and the header's repository link says what it is."""


def test_text_is_hyphenated_as_danish(page, base_url):
    page.goto(base_url + "/tilgaengelighed/")
    assert page.evaluate("() => document.documentElement.lang") == "da"
    for element in ("article h1", "article p"):
        assert page.locator(element).first.evaluate("e => getComputedStyle(e).hyphens") == "auto", element


def test_the_repository_link_has_its_icon_and_a_danish_name(browser, base_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(base_url + "/")
    link = page.locator(".md-header__source a.md-source")
    assert link.locator(".md-source__icon svg").is_visible()
    assert link.inner_text().strip() == "Kildefiler på GitHub"
    context.close()

"""Reading the handbook asks nothing of any other host and sets no cookies."""
from siteurls import page_urls


def test_no_page_makes_a_request_outside_the_site_or_sets_a_cookie(browser, base_url):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for url in page_urls():
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    # Searching loads the index and Danish stemmer: they too must come from the site.
    page.goto(base_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("bostøtte")
    page.wait_for_selector(".md-search-result__item")
    assert len(requested) > len(page_urls())
    assert [u for u in requested if not u.startswith(base_url + "/")] == []
    assert any("search_index.json" in u for u in requested)
    assert context.cookies() == []
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.startsWith('__') && !k.includes('/.__'))") == []
    context.close()

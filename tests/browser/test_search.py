"""Danish search finds what readers type: each query has its expected page among the first three results,
and a single word finds the page it belongs to before the glossary."""
import pytest

from search_queries import QUERIES, material_top


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.goto(base_url + "/")
    yield page
    context.close()


GLOSSARY = "/ordliste/"


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_its_page_in_the_top_three(search_page, base_url, query, expected):
    top = material_top(search_page, base_url, query)
    assert expected in top
    # A single word a page is about: the glossary, which explains the word, comes after that page.
    if " " not in query and expected != GLOSSARY and GLOSSARY in top:
        assert top.index(expected) < top.index(GLOSSARY), top


def test_the_reader_keeps_their_own_words_in_the_search_field(search_page, base_url):
    assert "/ordliste/" in material_top(search_page, base_url, "bostotte")
    assert search_page.locator(".md-search__input").input_value() == "bostotte"


def _index_requests(page):
    requested = []
    page.on("request", lambda request: requested.append(request.url)
            if request.url.endswith("/search/search_index.json") else None)
    return requested


@pytest.mark.parametrize("viewport,open_search", [
    ({"width": 1366, "height": 900}, lambda page: page.keyboard.press("s")),
    ({"width": 390, "height": 844}, lambda page: page.locator("button[data-aabner=__search]").tap()),
], ids=["tastatur-laptop", "tryk-telefon"])
def test_the_search_index_is_fetched_when_the_reader_turns_to_the_search(browser, base_url, viewport, open_search):
    context = browser.new_context(locale="da-DK", viewport=viewport, has_touch=True)
    page = context.new_page()
    requested = _index_requests(page)
    page.goto(base_url + "/principper/ressourcer/")
    page.wait_for_load_state("networkidle")
    assert requested == []  # a reader who only reads never downloads the index
    open_search(page)
    page.keyboard.type("bostøtte")
    page.wait_for_selector(".md-search-result__item")
    assert requested
    context.close()


def test_a_page_opened_from_a_search_result_highlights_the_words(page, base_url):
    page.goto(base_url + "/principper/ressourcer/?h=ressourcer")
    page.wait_for_selector("article mark")
    assert page.locator("article mark").first.inner_text().lower().startswith("ressource")


def test_the_404_pages_search_button_opens_a_working_search(page, base_url):
    page.goto(base_url + "/findes-ikke/")
    page.locator("button.aabn-soegning").click()
    page.keyboard.type("bostøtte")
    page.wait_for_selector(".md-search-result__item")

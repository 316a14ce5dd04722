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

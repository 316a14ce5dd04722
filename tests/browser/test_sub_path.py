"""The handbook works at the address it is published under: a sub-path such as /omlaegningshaandbogen/,
or the root of a host. Every page, the 404 page included, loads all it needs from there."""
from urllib.parse import urlsplit

import pytest

from helpers import SITE_URL, mkdocs_build
from localserver import serve

PAGES = ["/", "/principper/ressourcer/", "/kommuner/randers/"]
MISSING = "/der/er/ingen/side/her/"


@pytest.fixture
def page(first_visit):
    """Each test here listens to what a first visit asks of the server: a context of its own, empty cache."""
    return first_visit


def _failures(page) -> list[str]:
    """Requests of the page that fail or answer with an error, except the page's own address."""
    failed = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and response.request.resource_type != "document"
            and failed.append(f"{response.url}: {response.status}"))
    return failed


def _check_not_found_page(page, base):
    failed = _failures(page)
    response = page.goto(base + MISSING)
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Siden findes ikke"
    # The theme's stylesheet applies: the header is coloured and the logo keeps its size.
    assert page.eval_on_selector("header.md-header", "e => getComputedStyle(e).position") == "sticky"
    assert page.eval_on_selector(".md-header__button.md-logo img, .md-header__button.md-logo svg",
                                 "e => e.getBoundingClientRect().height") <= 48
    assert failed == []
    sections = page.eval_on_selector_all(".hovedafsnit a", "links => links.map(a => [a.textContent, a.href])")
    assert [name for name, _ in sections][:3] == ["Forside", "Faser", "Principper"]
    for name, href in sections:
        assert href.startswith(base + "/"), name
        assert page.request.get(href).status == 200, name
    page.get_by_role("button", name="Søg i håndbogen").click()
    page.keyboard.type("recovery")
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("() => document.activeElement.matches('[data-md-component=search-query]')")


def test_the_404_page_works_under_the_published_sub_path(page, base_url):
    assert urlsplit(base_url).path == urlsplit(SITE_URL).path.rstrip("/") != ""
    _check_not_found_page(page, base_url)


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_everything_under_the_sub_path(page, base_url, path):
    failed = _failures(page)
    assert page.goto(base_url + path).status == 200
    page.wait_for_load_state("networkidle")
    assert failed == []


def test_the_404_page_works_at_the_root_of_a_host(page, repo_copy, tmp_path):
    repo_copy.replace("mkdocs.yml", f"site_url: {SITE_URL}", "site_url: https://haandbog.example.org/")
    site = tmp_path / "site"
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        _check_not_found_page(page, base)

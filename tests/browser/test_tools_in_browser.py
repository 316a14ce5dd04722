"""The browser checks on the handbook as ProperDocs and Zensical build it (issue #21); MkDocs' own
build has the full set in the other test files. Axe-core on a sample of pages, the short links in a
real browser, and the Danish search queries where the tool's search can run them
(benchmarks/vaerktoejer-soegning.md says which queries Zensical's search misses, and why)."""
import pytest

from localserver import serve
from policywatch import policed_tab
from search_queries import QUERIES, material_top, open_zensical_search, zensical_top
from axecheck import axe_violations
from pageready import open_ready
from siteurls import real_handbook

pytestmark = pytest.mark.vaerktoejer

# A sample, for the suite's time budget: one page of each kind with tables, figures, the form and lists.
SAMPLE = ["/", "/principper/ressourcer/", "/kommuner/herning/", "/selvevaluering/"]
# Every short link and redirect is checked in the built files (tests/test_tools.py); in the browser,
# the first short link of each group.
SHORT_LINKS = list({s.group: s for s in reversed(real_handbook().short_links)}.values())
# ProperDocs runs Material's own search, which the MkDocs tests ask every query; here a few.
PROPERDOCS_QUERIES = {"recoveryskole", "§ 85", "håb og drømme", "Herlev", "pårørende"}
# Queries Zensical 0.0.73's search does not place in the top three, with the reason in
# benchmarks/vaerktoejer-soegning.md; the test fails when one of them starts to work, so the list stays true.
ZENSICAL_MISSES = {
    # Spellings without æ/ø/å and whole questions: docs/javascripts/soegning.js normalises them in front of
    # Material's search worker, which Zensical does not have.
    "aabenhed", "paaroerende", "afproevning", "faellesskaber", "droemme", "oensker", "haab",
    "hvad er recovery", "hvad er en recoveryskole", "hvad er vum", "hvad gør sagsbehandleren",
    "hvordan inddrager vi de pårørende", "hvad kan frivillige bidrage med", "hvornår er der informationsmøde",
    "hvordan sætter ledelsen retningen", "hvad kan borgeren forvente", "hvad siger serviceloven om bostøtte",
    "sagsbehandleren", "principperne", "informationsmoede", "netvaerk",
    # Questions answered through the pages' search keywords and the glossary's other words, and single words
    # whose page comes before the glossary: soegning.js orders Material's results, which Zensical does not have.
    "hvordan kommer vi i gang", "hvad er det første skridt", "hvordan begynder vi", "hvordan kommer man sig",
    "hvad er et implementeringsteam", "hvordan måler vi udgangspunktet", "hvem skal sidde i implementeringsteamet",
    "hvad er peer-støtte", "hvad gør myndigheden", "hvordan arbejder vi med frivillige", "hvad er et værested",
    "hvor mange penge fik kommunerne", "hvad kostede projektet i herning", "peer",
    # Zensical ranks the municipalities' own pages above the overview with their budgets.
    "budget",
}


@pytest.fixture(scope="module", params=["properdocs", "zensical"])
def tool_url(request):
    site = request.getfixturevalue("properdocs_site" if request.param == "properdocs" else "zensical_site")
    with serve(site) as url:
        yield request.param, url


@pytest.mark.parametrize("url", SAMPLE)
def test_sample_pages_have_no_axe_violations(tab, tool_url, url):
    _, base = tool_url
    open_ready(tab, base + url)
    assert axe_violations(tab) == []


def test_every_short_link_lands_on_its_section(page, tool_url):
    _, base = tool_url
    for link in SHORT_LINKS:
        page.goto(base + link.path)
        page.wait_for_url(base + link.target)
        if link.anchor:
            assert page.locator(f"[id='{link.anchor}']").count() == 1, link.path


@pytest.fixture(scope="module")
def search_page(browser, tool_url):
    tool, base = tool_url
    with policed_tab(browser) as (page, _):  # Zensical's search box styles itself with an inline <style>
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
        if tool == "zensical":
            open_zensical_search(page)
        yield tool, base, page


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_its_page_in_the_top_three(search_page, query, expected):
    tool, base, page = search_page
    if tool == "properdocs":
        if query not in PROPERDOCS_QUERIES:
            pytest.skip("Materials søgning; MkDocs-testene stiller alle forespørgsler")
        assert expected in material_top(page, base, query)
    else:
        assert (expected in zensical_top(page, base, query)) == (query not in ZENSICAL_MISSES)


def test_a_link_from_a_slide_opens_the_focus_view(page, tool_url):
    _, base = tool_url
    open_ready(page, base + "/principper/ressourcer/?fokus#hvorfor")
    assert page.get_by_role("dialog", name="Hvorfor").is_visible()
    assert page.locator("#fokus_visning .fokus-placering").inner_text().endswith("afsnit 3 af 7")

"""Every page, opened once in one laptop-sized tab, checked for what must hold on all of them: axe-core finds
no violation (WCAG 2.0/2.1 A and AA, and best practice), the security policy is there and never violated,
every section of the handbook is a visible tab with the side menu showing the current section whole, and no
table is wider than the text (test_tables_on_screens.py checks the phone). Over the whole walk, nothing is
asked of another host, no cookie is set and nothing is stored."""
import pytest

from axecheck import axe_violations
from omlaegning.paths import page_url
from pageready import open_ready
from policywatch import policed_tab
from siteurls import page_urls, real_handbook, site_urls, top_sections

LAPTOP = {"width": 1366, "height": 900}
URLS = page_urls()
SECTIONS = top_sections()  # what every page's tabs must show

_LOOK = """() => {
    const inside = el => { const r = el.getBoundingClientRect();
        return r.x >= 0 && r.y >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; };
    const tabs = [...document.querySelectorAll('.md-tabs__link')];
    const menu = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
    const shown = [...document.querySelectorAll('.md-sidebar--primary .md-nav__link[href]')]
        .filter(a => a.checkVisibility({visibilityProperty: true}));
    return {policies: document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length,
            tabs: tabs.map(a => a.innerText.trim()), tabsInside: tabs.every(inside),
            menuFits: !menu || menu.scrollHeight <= menu.clientHeight,
            menuShown: shown.length, menuInside: shown.every(inside),
            // Tables outside the focus view, each as its width over the text column's.
            tables: [...document.querySelectorAll('article table')].filter(t => !t.closest('#fokus_visning'))
                .map(t => t.getBoundingClientRect().width / document.querySelector('article').getBoundingClientRect().width)};
}"""


def _contrast_pages() -> set[str]:
    """The longest page of each generated kind, and every hand-written page (each a kind of its own)."""
    pages = real_handbook().pages
    longest = {page.kind: page_url(page.path) for page in sorted(pages, key=lambda p: len(p.markdown))}
    return set(longest.values()) | (set(URLS) - {page_url(p.path) for p in pages})


# Contrast is a matter of the stylesheet and a kind's template, and axe's slowest rule (two thirds of a long
# page's check): it runs on one page of each kind (the 404 page has a template of its own), every other rule
# on every page.
CONTRAST = _contrast_pages() | {"/404.html"}
WALKED = URLS + ["/404.html"]


@pytest.fixture(scope="module")
def laptop(browser):
    """The walk's tab and every request made from it: a page opens in the same tab as the one before (a new
    tab's renderer compiles the theme's scripts and axe-core again, which costs more than most checks)."""
    with policed_tab(browser, viewport=LAPTOP) as (tab, violations):
        requested: list[str] = []
        tab.context.on("request", lambda request: requested.append(request.url))
        yield tab, violations, requested, tab.context


@pytest.fixture(scope="module")
def module_tab(laptop):
    """The conftest's `tab`, which fails a test on the policy violations it caused, on the walk's tab."""
    page, violations, _, _ = laptop
    return page, violations


def test_every_page_of_the_site_is_checked(built_site):
    assert site_urls(built_site) == URLS


@pytest.mark.parametrize("url", WALKED)
def test_page_passes_axe_and_shows_the_handbook_whole_on_a_laptop(tab, base_url, built_site, url):
    open_ready(tab, base_url + url)
    look = tab.evaluate(_LOOK)
    skip = () if url in CONTRAST else ("color-contrast",)
    found = {"policies": look["policies"], "axe": axe_violations(tab, skip=skip),
             "tables wider than the text": [width for width in look["tables"] if width > 1.001],
             # The width check measures what the page's HTML has: no table slips past the selector.
             "tables measured": bool(look["tables"]) or "<table" not in _html(built_site, url)}
    expected = {"policies": 1, "axe": [], "tables wider than the text": [], "tables measured": True}
    if url != "/404.html":
        found |= {"tabs": look["tabs"], "tabs inside": look["tabsInside"],
                  "menu shown whole": look["menuShown"] > 0 and look["menuFits"] and look["menuInside"]}
        expected |= {"tabs": SECTIONS, "tabs inside": True, "menu shown whole": True}
    assert found == expected


def _html(site, url: str) -> str:
    path = site / url.strip("/")
    return (path if url.endswith(".html") else path / "index.html").read_text(encoding="utf-8")


def test_the_table_check_has_tables_to_measure(built_site):
    with_tables = [url for url in URLS if "<table" in _html(built_site, url)]
    assert len(with_tables) >= 5, with_tables


def test_nothing_is_asked_of_another_host_and_nothing_is_stored(laptop, tab, base_url):
    """Every page of the walk (opened here if this test runs without the walk), and a search (which loads the
    index and the Danish stemmer): every request stays on the site, no cookie is set, nothing is stored."""
    _, _, requested, context = laptop
    for url in WALKED:
        if base_url + url not in requested:
            open_ready(tab, base_url + url)
    tab.goto(base_url + "/")
    tab.keyboard.press("s")
    tab.keyboard.type("bostøtte")
    tab.wait_for_selector(".md-search-result__item")
    tab.wait_for_load_state("networkidle")
    assert {base_url + url for url in WALKED} <= set(requested)
    assert any("search_index.json" in url for url in requested)
    assert [url for url in requested if not url.startswith(base_url + "/")] == []
    assert context.cookies() == []
    assert tab.evaluate("() => Object.keys(localStorage).filter(k => !k.startsWith('__') && !k.includes('/.__'))") == []

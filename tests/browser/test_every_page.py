"""Every page, opened once on a laptop, checked for what must hold on all of them: the security policy is
never violated, nothing is asked of another host and no cookie is set, every section of the handbook
is a visible tab with the side menu showing the current section whole, and no table is wider than the
text (test_tables_on_screens.py checks the phone)."""
import pytest

from pageready import open_ready
from policywatch import watch_policy
from siteurls import page_urls, site_urls, top_sections

LAPTOP = {"width": 1366, "height": 900}

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


@pytest.fixture(scope="module")
def walk(browser, base_url, built_site):
    """Opens every page and the 404 page in one browser context and keeps what each showed and asked."""
    context = browser.new_context(viewport=LAPTOP, locale="da-DK")
    violations = watch_policy(context)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    looks = {}
    for url in site_urls(built_site) + ["/404.html"]:
        open_ready(page, base_url + url)
        looks[url] = page.evaluate(_LOOK)
    # Searching loads the index and the Danish stemmer: they too must come from the site.
    page.goto(base_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("bostøtte")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => !k.startsWith('__') && !k.includes('/.__'))")
    walked = {"looks": looks, "violations": violations, "requested": requested, "cookies": context.cookies(),
              "stored": stored}
    context.close()
    return walked


def test_every_page_carries_its_policy_and_none_is_violated(walk):
    assert {url: look["policies"] for url, look in walk["looks"].items() if look["policies"] != 1} == {}
    assert walk["violations"] == []


def test_no_page_makes_a_request_outside_the_site_or_sets_a_cookie(walk, base_url):
    assert set(page_urls()) <= set(walk["looks"])
    assert any("search_index.json" in url for url in walk["requested"])
    assert [url for url in walk["requested"] if not url.startswith(base_url + "/")] == []
    assert walk["cookies"] == []
    assert walk["stored"] == []


def test_on_a_laptop_every_section_is_a_visible_tab_and_the_side_menu_needs_no_scrolling(walk):
    sections = top_sections()
    pages = {url: look for url, look in walk["looks"].items() if url != "/404.html"}
    assert {url: look["tabs"] for url, look in pages.items() if look["tabs"] != sections} == {}
    assert [url for url, look in pages.items() if not look["tabsInside"]] == []
    assert [url for url, look in pages.items() if not (look["menuFits"] and look["menuInside"])] == []
    assert [url for url, look in pages.items() if look["menuShown"] == 0] == []


def test_on_a_laptop_no_table_is_wider_than_the_text(walk):
    tables = {url: look["tables"] for url, look in walk["looks"].items() if look["tables"]}
    assert len(tables) >= 5, tables
    assert {url: widths for url, widths in tables.items() if max(widths) > 1.001} == {}

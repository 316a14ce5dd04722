"""Each heading with text has one calm menu: shown on hover and keyboard focus, with "Kopiér link" (the
short link when there is one) and "Vis i fokus"; no extra rows, and search keywords stay out of sight."""
import json

import pytest

from pageready import open_ready
from siteurls import real_handbook

SHORT_LINKS = real_handbook().short_links
PAGES = ["/", "/principper/ressourcer/", "/kommuner/herning/", "/sammenligning/", "/oplaegsholdere/"]


@pytest.mark.parametrize("path", PAGES)
def test_one_menu_per_heading_with_text_on_the_headings_own_row(tab, base_url, path):
    open_ready(tab, base_url + path)
    rows = tab.evaluate("""() => [...document.querySelectorAll('article h1[id], article h2[id], article h3[id]')]
        .filter(h => !h.closest('#fokus_visning')).map(h => {
            const next = h.nextElementSibling, menu = next && next.matches('.afsnitsmenu') ? next : null;
            const after = menu ? menu.nextElementSibling : next;
            const own = after !== null && !/^H[1-6]$/.test(after.tagName);
            const box = h.getBoundingClientRect();
            const knap = menu && menu.querySelector('.afsnitsmenu-knap').getBoundingClientRect();
            return {id: h.id, own, menu: !!menu, menus: document.querySelectorAll(`[id='afsnitsmenu_${h.id}']`).length,
                    inside: !knap || (knap.top >= box.top - 1 && knap.bottom <= box.bottom + 1)};
        })""")
    assert rows
    for row in rows:
        assert row["menu"] == row["own"], row
        assert row["menus"] == (1 if row["own"] else 0), row
        assert row["inside"], row  # on the heading's row, not a row of its own


def test_the_menu_shows_on_hover_and_on_keyboard_focus_only(page, base_url):
    page.goto(base_url + "/principper/ressourcer/")
    button = page.locator("h2#hvad + .afsnitsmenu .afsnitsmenu-knap")
    assert button.evaluate("b => getComputedStyle(b).opacity") == "0"
    page.hover("h2#hvad")
    page.wait_for_function("b => getComputedStyle(b).opacity === '1'", arg=button.element_handle())
    page.mouse.move(0, 0)
    page.wait_for_function("b => getComputedStyle(b).opacity === '0'", arg=button.element_handle())
    button.focus()
    page.wait_for_function("b => getComputedStyle(b).opacity === '1'", arg=button.element_handle())
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("button", name="Kopiér link").is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.classList.contains('afsnitsmenu-knap')")


@pytest.mark.parametrize(("path", "heading", "expected"), [
    ("/kommuner/herning/", "en-indgang", "/l/herning-en-indgang/"),
    ("/principper/ressourcer/", "ressourcer", "/l/ressourcer/"),
    ("/principper/ressourcer/", "hvorfor", "/principper/ressourcer/#hvorfor"),
])
def test_copy_link_copies_the_short_link_when_there_is_one(browser, base_url, path, heading, expected):
    short = {s.target: s.path for s in SHORT_LINKS}
    assert (expected in short.values()) == (path + ("" if heading in path else f"#{heading}") in short)
    context = browser.new_context(locale="da-DK", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + path)
    page.locator(f"[id='{heading}'] + .afsnitsmenu .afsnitsmenu-knap").click()
    page.locator(f"[id='afsnitsmenu_{heading}']").get_by_role("button", name="Kopiér link").click()
    page.wait_for_function("() => document.getElementById('afsnitsmenu_status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + expected
    context.close()


def test_the_short_link_index_lists_every_short_link(built_site):
    index = json.loads((built_site / "l" / "kort.json").read_text(encoding="utf-8"))
    assert index == {s.target: s.path for s in SHORT_LINKS}


def test_search_keywords_are_never_visible_but_found(page, base_url):
    page.goto(base_url + "/recovery/")
    keywords = page.locator("article p", has_text="Søgeord:")
    assert keywords.count() == 1 and not keywords.is_visible()


def test_a_short_link_with_fokus_opens_the_focus_view_with_the_pages_title(page, base_url):
    link = next(s for s in SHORT_LINKS if s.key == "herning-peer-stoette")
    page.goto(base_url + link.path + "?fokus")
    page.wait_for_url(f"{base_url}{link.target.split('#')[0]}?fokus#peer-stoette")
    page.wait_for_selector("#fokus_visning")
    page_title = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    assert page.locator("#fokus_visning .fokus-side").inner_text() == page_title
    assert page.locator("#fokus_visning .fokus-indhold h3").inner_text().startswith("Recovery-vej 2")


def test_a_tall_figure_fits_the_screen_in_the_focus_view(page, base_url):
    page.set_viewport_size({"width": 1024, "height": 700})
    page.goto(base_url + "/kommuner/randers/?fokus#psykiatriens-hus-tilbud")
    page.wait_for_selector("#fokus_visning img.figur")
    page.wait_for_load_state("networkidle")
    height = page.locator("#fokus_visning img.figur").first.evaluate("img => img.getBoundingClientRect().height")
    assert 0 < height <= 700

"""Every section of the handbook is in reach: on a laptop as tabs, with the side menu showing the
current section whole; on a phone in the menu."""
import yaml

from helpers import REPO
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook
from siteurls import site_urls

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _sections() -> list[str]:
    """The top-level entries: the generated ones, then those of mkdocs.yml that are not among them."""
    titles = [next(iter(item)) for item in render_handbook(load_handbook(REPO)).nav]
    written = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return titles + [t for t in (next(iter(e)) for e in written) if t not in titles]


def _inside(box, viewport) -> bool:
    return (box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            and box["y"] + box["height"] <= viewport["height"])


def test_on_a_laptop_every_section_is_a_visible_tab_and_the_side_menu_needs_no_scrolling(browser, base_url,
                                                                                         built_site):
    context = browser.new_context(viewport=LAPTOP, locale="da-DK")
    page = context.new_page()
    sections = _sections()
    for url in site_urls(built_site):
        page.goto(base_url + url)
        tabs = page.locator(".md-tabs__link")
        assert tabs.all_inner_texts() == sections, url
        assert all(_inside(tab.bounding_box(), LAPTOP) for tab in tabs.all()), url
        menu = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
        assert menu.evaluate("el => el.scrollHeight <= el.clientHeight"), url
        shown = page.eval_on_selector_all(".md-sidebar--primary .md-nav__link[href]", """links => links
            .filter(a => a.checkVisibility({visibilityProperty: true}))
            .map(a => { const r = a.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; })""")
        assert shown and all(_inside(box, LAPTOP) for box in shown), url
    context.close()


def test_on_a_phone_the_menu_lists_every_section(browser, base_url):
    context = browser.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    page.goto(base_url + "/kommuner/randers/")
    page.get_by_role("button", name="Åbn menuen").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    # The menu opens on the current section, with a way back to all sections above it.
    back = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item--active > .md-nav > .md-nav__title")
    assert " ".join(back.inner_text().split()) == "Kommunernes erfaringer"
    back.click()
    page.wait_for_timeout(400)  # the theme slides the list in
    drawer = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    names = [" ".join(text.split()) for text in drawer.all_inner_texts()]
    assert names == _sections()
    # Each is on screen and not covered: the element at its centre is the link itself.
    assert all(_inside(link.bounding_box(), PHONE) for link in drawer.all())
    assert drawer.evaluate_all("""links => links.every(a => { const r = a.getBoundingClientRect();
        return a.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })""")
    context.close()

"""On a phone every section of the handbook is in the menu (on a laptop: tests/browser/test_every_page.py)."""
from siteurls import top_sections

PHONE = {"width": 390, "height": 844}


def _inside(box, viewport) -> bool:
    return (box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            and box["y"] + box["height"] <= viewport["height"])


def test_on_a_phone_the_menu_lists_every_section(page, base_url):
    page.set_viewport_size(PHONE)
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
    assert names == top_sections()
    # Each is on screen and not covered: the element at its centre is the link itself.
    assert all(_inside(link.bounding_box(), PHONE) for link in drawer.all())
    assert drawer.evaluate_all("""links => links.every(a => { const r = a.getBoundingClientRect();
        return a.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })""")

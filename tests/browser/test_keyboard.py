"""Everything works without a mouse, and the reader can always see where the focus is."""


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'),
                cls: el.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def test_skip_link_is_first_and_jumps_to_the_content(page, base_url):
    page.goto(base_url + "/principper/ressourcer/")
    page.keyboard.press("Tab")
    link = focused(page)
    assert (link["tag"], link["text"]) == ("A", "Gå til indholdet")
    assert link["outline"] != "none" and link["width"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == link["href"]
    assert page.evaluate(f"document.querySelector('{link['href']}').getBoundingClientRect().top") < 200


def test_every_link_and_control_shows_its_focus(page, base_url):
    page.goto(base_url + "/kommuner/randers/")
    seen = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] in ("A", "INPUT", "BUTTON", "LABEL", "DIV"):
            assert element["outline"] != "none" and element["width"] >= 2, element
            seen += 1
    assert seen == 60


def test_search_with_the_keyboard_only(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("s")  # the theme's shortcut opens the search
    page.keyboard.type("Skovlyset")
    page.wait_for_selector(".md-search-result__item")
    first = page.get_attribute(".md-search-result__item a", "href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(first.split("#")[0] + "**")


def test_a_wide_table_scrolls_with_the_arrow_keys(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/kommuner/randers/")
    region = page.locator(".md-typeset__scrollwrap[role=region]").first
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Tabel: ")
    before = region.evaluate("el => el.scrollLeft")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Chromium animates keyboard scrolling: wait for it (and fail after 5 s if it never moves).
    page.wait_for_function("([el, before]) => el.scrollLeft > before", arg=[region.element_handle(), before],
                           timeout=5000)


def test_mobile_menu_and_search_open_from_the_keyboard(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "" and page.evaluate("document.activeElement.getAttribute('aria-label')") == \
        "Åbn menuen"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.keyboard.press("Escape")
    page.goto(base_url + "/")
    page.get_by_role("button", name="Åbn søgningen").focus()
    page.keyboard.press(" ")
    page.wait_for_function("() => document.getElementById('__search').checked")


def test_copy_link_beside_a_heading_works_from_the_keyboard(browser, base_url):
    context = browser.new_context(locale="da-DK", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "/kommuner/herning/")
    menu = page.locator("h3#en-indgang + .afsnitsmenu .afsnitsmenu-knap")
    assert menu.get_attribute("aria-label") == "Del afsnittet Recovery-vej 1: Én indgang til socialpsykiatrien"
    menu.focus()
    assert focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Kopiér link" and focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('afsnitsmenu_status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "/l/herning-en-indgang/"
    assert focused(page)["text"] == "Link kopieret"
    assert page.locator("h2 + .afsnitsmenu, h3 + .afsnitsmenu").count() >= 10
    assert page.locator("h3#en-indgang").text_content().strip().rstrip("¶").strip() == \
        "Recovery-vej 1: Én indgang til socialpsykiatrien"
    context.close()

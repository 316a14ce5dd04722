"""The presenters' focus view: one section in large type, arrow keys between sections, Esc back."""

from axecheck import axe_violations
from pageready import open_ready

PRINCIPLE = "/principper/ressourcer/"


def shown_heading(page) -> str:
    return page.locator("#fokus_visning .fokus-indhold").locator("h1, h2, h3").first.inner_text()


def open_hvorfor(page, base_url):
    open_ready(page, base_url + PRINCIPLE)
    page.get_by_role("button", name="Del afsnittet Hvorfor").click()
    page.get_by_role("button", name="Vis i fokus").click()
    return page.get_by_role("dialog", name="Hvorfor")


def test_a_section_opens_alone_in_large_type_without_navigation(page, base_url):
    dialog = open_hvorfor(page, base_url)
    assert dialog.is_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.url.endswith(f"{PRINCIPLE}?fokus#hvorfor")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "article h1"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#fokus_visning p:not(.fokus-placering):not(.afsender)')).fontSize)")
    assert text_size >= 24
    assert page.locator("#fokus_visning").get_by_text("Juridisk:").is_visible()
    # The next section's text is not on the screen.
    assert not page.locator("#fokus_visning").locator("h2", has_text="Hvordan").count()
    # The page's introduction is the first section, Hvad the second.
    assert page.locator("#fokus_visning .fokus-placering").inner_text().endswith("afsnit 3 af 7")


def test_arrow_keys_and_a_clicker_move_between_the_sections_of_the_page(page, base_url):
    open_hvorfor(page, base_url)
    page.keyboard.press("ArrowRight")
    assert shown_heading(page) == "Hvordan"
    assert page.url.endswith("?fokus#hvordan")
    page.keyboard.press("ArrowRight")
    assert shown_heading(page) == "Eksempler fra kommunerne"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert shown_heading(page) == "Hvorfor"
    page.keyboard.press("End")
    assert shown_heading(page) == "Kilder"
    page.keyboard.press("ArrowRight")  # stays on the last section
    assert shown_heading(page) == "Kilder"
    page.keyboard.press("Home")
    assert shown_heading(page) == "2. Fokusér på borgernes ressourcer"
    page.keyboard.press("ArrowRight")
    assert shown_heading(page) == "Hvad"


def test_the_themes_shortcuts_are_quiet_while_the_view_is_open(page, base_url):
    open_hvorfor(page, base_url)
    page.keyboard.press("n")  # the theme's "next page"
    page.wait_for_timeout(1500)
    assert page.url.endswith(f"{PRINCIPLE}?fokus#hvorfor")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("n")
    assert PRINCIPLE not in page.url


def test_a_clicker_scrolls_a_long_section_before_it_moves_on(page, base_url):
    page.set_viewport_size({"width": 1024, "height": 600})
    open_ready(page, base_url + "/sammenligning/?fokus#principper")
    assert shown_heading(page) == "Principper i praksis"
    page.keyboard.press("PageDown")
    assert shown_heading(page) == "Principper i praksis"
    page.wait_for_function("() => document.getElementById('fokus_visning').scrollTop > 0")
    for _ in range(40):
        page.wait_for_timeout(300)  # keyboard scrolling is animated, as for a presenter's clicks
        page.keyboard.press("PageDown")
        if shown_heading(page) == "Faser":
            break
    assert shown_heading(page) == "Faser"
    # Tables grow with the text.
    cell = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#fokus_visning td')).fontSize)")
    assert cell >= 20


def test_escape_closes_the_view_and_gives_the_keyboard_back_to_the_button(page, base_url):
    open_hvorfor(page, base_url)
    page.keyboard.press("Escape")
    assert page.locator("#fokus_visning").count() == 0
    assert page.url.endswith(f"{PRINCIPLE}#hvorfor")
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Del afsnittet Hvorfor"


def test_a_link_from_a_slide_opens_the_view_at_its_section(page, base_url):
    open_ready(page, base_url + "/kommuner/herning/?fokus#peer-stoette")
    assert shown_heading(page).startswith("Recovery-vej 2")
    # A subsection shows the title of its section above it.
    assert page.locator("#fokus_visning .fokus-overafsnit").inner_text() == "Aktiviteter"
    assert page.evaluate("document.activeElement.id") == "fokus_peer-stoette"


def test_an_anchor_inside_a_section_opens_that_section_and_an_unknown_one_opens_nothing(page, base_url):
    open_ready(page, base_url + "/sammenligning/?fokus#matrix-faser-titel")
    assert shown_heading(page) == "Faser"
    open_ready(page, base_url + "/principper/ressourcer/?fokus#findes-ikke")
    assert page.locator("#fokus_visning").count() == 0
    assert page.locator(".md-header").is_visible()


def test_the_open_view_repeats_no_id_and_passes_axe(page, base_url):
    open_ready(page, base_url + "/sammenligning/?fokus#principper")
    assert page.locator("#fokus_visning table caption").inner_text().startswith("Kommunernes aktiviteter")
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert axe_violations(page) == []


def test_the_presenters_page_with_its_own_focus_view_section_is_readable(page, base_url):
    # The page has a section with the anchor #fokusvisning; once the dialog's id was the same, and its
    # styles laid that heading over the whole page.
    page.goto(base_url + "/oplaegsholdere/")
    assert page.locator("[id='fokusvisning']").evaluate("el => el.tagName") == "H2"
    title = page.locator("article h1")
    box = title.bounding_box()
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('h1') !== null",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, "something covers the page title"
    page.goto(base_url + "/oplaegsholdere/?fokus#fokusvisning")
    assert page.get_by_role("dialog").is_visible()
    assert shown_heading(page) == page.locator("[id='fokusvisning']").first.evaluate(
        "el => el.firstChild.textContent.trim()")


def test_every_section_in_the_view_says_whose_content_it_is(page, base_url):
    # On a principle page Hvad, Hvorfor and Hvordan carry their own marker (the handbook's summary);
    # other sections show the page's marker (the concept's).
    open_hvorfor(page, base_url)
    view = page.locator("#fokus_visning .fokus-indhold")
    assert view.locator(".afsender").count() == 1
    assert view.locator(".afsender").inner_text().startswith("Håndbogens egen sammenfatning.")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert shown_heading(page) == "Eksempler fra kommunerne"
    assert view.locator(".afsender").is_visible()
    assert view.locator(".afsender").inner_text().startswith("Fra Social- og Boligstyrelsens koncept.")
    open_ready(page, base_url + "/kommuner/roskilde/?fokus#aktiviteter")
    marker = page.locator("#fokus_visning .fokus-indhold .afsender")
    assert marker.is_visible() and marker.inner_text().startswith("Kommunens egne oplysninger.")

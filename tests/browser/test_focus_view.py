"""The presenters' focus view: one section in large type, arrow keys between sections, Esc back."""
from axe_playwright_python.sync_playwright import Axe

from test_accessibility import TAGS

PRINCIPLE = "/principper/ressourcer/"


def shown_heading(page) -> str:
    return page.locator("#fokusvisning .fokus-indhold").locator("h1, h2, h3").first.inner_text()


def open_hvorfor(page, base_url):
    page.goto(base_url + PRINCIPLE)
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Vis i fokus: afsnittet Hvorfor, i stor skrift til skærm eller projektor").click()
    return page.get_by_role("dialog", name="Hvorfor")


def test_a_section_opens_alone_in_large_type_without_navigation(page, base_url):
    dialog = open_hvorfor(page, base_url)
    assert dialog.is_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.url.endswith(f"{PRINCIPLE}?fokus#hvorfor")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "article h1"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#fokusvisning p:not(.fokus-placering)')).fontSize)")
    assert text_size >= 24
    assert page.locator("#fokusvisning").get_by_text("Juridisk:").is_visible()
    # The next section's text is not on the screen.
    assert not page.locator("#fokusvisning").locator("h2", has_text="Hvordan").count()
    # The page's introduction is the first section, Hvad the second.
    assert page.locator("#fokusvisning .fokus-placering").inner_text().endswith("afsnit 3 af 7")


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


def test_a_clicker_scrolls_a_long_section_before_it_moves_on(browser, base_url):
    context = browser.new_context(viewport={"width": 1024, "height": 600}, locale="da-DK")
    page = context.new_page()
    page.goto(base_url + "/sammenligning/?fokus#principper")
    page.wait_for_load_state("networkidle")
    assert shown_heading(page) == "Principper i praksis"
    page.keyboard.press("PageDown")
    assert shown_heading(page) == "Principper i praksis"
    page.wait_for_function("document.getElementById('fokusvisning').scrollTop > 0")
    for _ in range(40):
        page.wait_for_timeout(300)  # keyboard scrolling is animated, as for a presenter's clicks
        page.keyboard.press("PageDown")
        if shown_heading(page) == "Faser":
            break
    assert shown_heading(page) == "Faser"
    # Tables grow with the text.
    cell = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#fokusvisning td')).fontSize)")
    assert cell >= 20
    context.close()


def test_escape_closes_the_view_and_gives_the_keyboard_back_to_the_button(page, base_url):
    open_hvorfor(page, base_url)
    page.keyboard.press("Escape")
    assert page.locator("#fokusvisning").count() == 0
    assert page.url.endswith(f"{PRINCIPLE}#hvorfor")
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("document.activeElement.className") == "fokus-knap"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Vis i fokus: afsnittet Hvorfor")


def test_a_link_from_a_slide_opens_the_view_at_its_section(page, base_url):
    page.goto(base_url + "/kommuner/herning/?fokus#peer-stoette")
    page.wait_for_load_state("networkidle")
    assert shown_heading(page).startswith("Recovery-vej 2")
    # A subsection shows the title of its section above it.
    assert page.locator("#fokusvisning .fokus-overafsnit").inner_text() == "Aktiviteter"
    assert page.evaluate("document.activeElement.id") == "fokus-peer-stoette"


def test_an_anchor_inside_a_section_opens_that_section_and_an_unknown_one_opens_nothing(page, base_url):
    page.goto(base_url + "/sammenligning/?fokus#matrix-faser-titel")
    page.wait_for_load_state("networkidle")
    assert shown_heading(page) == "Faser"
    page.goto(base_url + "/principper/ressourcer/?fokus#findes-ikke")
    page.wait_for_load_state("networkidle")
    assert page.locator("#fokusvisning").count() == 0
    assert page.locator(".md-header").is_visible()


def test_the_open_view_repeats_no_id_and_passes_axe(page, base_url):
    page.goto(base_url + "/sammenligning/?fokus#principper")
    page.wait_for_load_state("networkidle")
    assert page.locator("#fokusvisning table caption").inner_text().startswith("Kommunernes aktiviteter")
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert [v["id"] for v in result.response["violations"]] == []

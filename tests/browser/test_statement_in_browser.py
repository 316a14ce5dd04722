"""The footer's feedback link and the accessibility statement, reached with the keyboard alone."""
from urllib.parse import parse_qs, urlsplit

from helpers import SITE_URL


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {text: el.textContent.trim(), href: el.href, cls: el.className,
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def tab_to(page, text: str, presses: int = 200) -> dict:
    """Tab forward until the link with `text` has the focus, the way a keyboard user gets there."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["text"] == text:
            return element
    raise AssertionError(f"'{text}' was never reached with Tab")


def test_footer_feedback_link_and_statement_by_keyboard(page, base_url):
    page.goto(base_url + "/kommuner/herning/")
    feedback = tab_to(page, "Giv besked om en fejl på siden")
    assert feedback["outline"] != "none" and feedback["width"] >= 2  # the reader sees where the focus is
    assert page.get_by_role("link", name="Giv besked om en fejl på siden").count() == 1
    body = parse_qs(urlsplit(feedback["href"]).query)["body"][0]
    assert f"Adresse: {SITE_URL}kommuner/herning/" in body
    tab_to(page, "Tilgængelighedserklæring", presses=5)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilgaengelighed/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tilgængelighedserklæring")
    status = page.locator("#status ~ p").first.inner_text()
    assert "delvist i overensstemmelse med" in status
    assert page.get_by_role("heading", name="Klagemulighed").is_visible()
    assert "senest gennemgået" in page.locator("#udarbejdelse ~ p").first.inner_text()

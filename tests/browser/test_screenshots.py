"""Screenshots for people to look at: front page, a principle and a municipality, desktop and phone.

They are written to build/skaermbilleder/ (not committed)."""
import struct

import pytest

from helpers import REPO

OUT = REPO / "build" / "skaermbilleder"
PAGES = {"forside": "/", "princip": "/principper/haab-oensker-droemme/", "kommune": "/kommuner/herning/"}
SIZES = {"desktop": (1280, 900), "mobil": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(browser, base_url, name, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}-{size}.png"
    page.screenshot(path=str(path), full_page=True)
    context.close()
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">I", header[16:20])[0] == width

"""Screenshots of one page of every kind at laptop and phone size, for people to look at in
build/skaermbilleder/ (not committed) — and checked for what a glance would catch: a page wider than the
screen, a blank or unstyled page, a heading out of sight or too small to read. Each picture is the
screen a reader sees first."""
import io

import pytest
from PIL import Image, ImageStat

from helpers import REPO
from pageready import open_ready
from siteurls import site_urls

OUT = REPO / "build" / "skaermbilleder"
SIZES = {"laptop": (1366, 900), "mobil": (390, 844)}


def one_page_of_each_kind(urls: list[str]) -> dict[str, str]:
    """Every page at the top level (overviews included) and the first page inside each folder."""
    kinds: dict[str, str] = {}
    for url in urls:
        parts = url.strip("/").split("/")
        if parts[0] in ("l", "k"):  # short links and QR codes only redirect
            continue
        kinds.setdefault(f"{parts[0]}-side" if len(parts) > 1 else (parts[0] or "forside"), url)
    return kinds


_LOOK = """() => {
    const article = document.querySelector('article') || document.body;
    const h1 = article.querySelector('h1'), box = article.getBoundingClientRect();
    const heading = h1 && h1.getBoundingClientRect();
    return {overflow: document.documentElement.scrollWidth - innerWidth,
            height: document.documentElement.scrollHeight,
            styled: !!document.querySelector('.md-header')
                    && getComputedStyle(document.querySelector('.md-header')).position === 'sticky',
            article: [box.left + scrollX, box.top + scrollY, box.right + scrollX, box.bottom + scrollY],
            heading: heading && {top: heading.top + scrollY, bottom: heading.bottom + scrollY,
                                 size: parseFloat(getComputedStyle(h1).fontSize)}};
}"""


@pytest.fixture(scope="module")
def kinds(built_site):
    return one_page_of_each_kind(site_urls(built_site))


@pytest.mark.parametrize("size", SIZES)
def test_every_kind_of_page_fits_the_screen_and_shows_its_text(browser, base_url, kinds, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    page = context.new_page()
    OUT.mkdir(parents=True, exist_ok=True)
    assert len(kinds) >= 10, kinds
    for kind, url in {**kinds, "404": "/findes-ikke/"}.items():
        open_ready(page, base_url + url)
        look = page.evaluate(_LOOK)
        # The first screen: painting beyond the window costs three times the time and adds nothing checked here.
        shown = min(look["height"], height)
        shot = page.screenshot(path=str(OUT / f"{kind}-{size}.png"))
        image = Image.open(io.BytesIO(shot)).convert("L")
        assert image.width == width, (url, image.width)
        assert look["overflow"] <= 0, f"{url} er {look['overflow']} px bredere end skærmen"
        assert look["styled"], f"{url} er uden sidens stylesheet"
        heading = look["heading"]
        assert heading and heading["bottom"] <= height and heading["size"] >= 20, (url, heading)
        # The text column holds text: dark glyphs on a light ground, not a blank or solid area.
        left, top, right, bottom = look["article"]
        article = image.crop((round(left), round(top), round(right), round(min(bottom, shown))))
        stats = ImageStat.Stat(article)
        dark = sum(article.histogram()[:128]) / (article.width * article.height)
        assert stats.stddev[0] > 20 and 0.005 < dark < 0.5, (url, stats.stddev[0], dark)
    context.close()

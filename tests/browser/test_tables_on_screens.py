"""Tables read on a phone: a table wider than the text scrolls in a region the keyboard reaches, with a
visible line that says so; the comparison names its activities. (On a laptop no table is wider than the
text: test_every_page.py.)"""
import pytest

from helpers import real_content
from omlaegning.render.comparison import matrix
from siteurls import site_urls

PHONE = {"width": 390, "height": 844}

_TABLES = """() => { const article = document.querySelector('article').getBoundingClientRect();
    return [...document.querySelectorAll('article table')].filter(t => !t.closest('#fokus_visning')).map(t => {
        const region = t.closest('[role=region]'), box = t.getBoundingClientRect();
        const hint = region && region.previousElementSibling;
        return {caption: (t.caption || t.rows[0]).textContent.trim().slice(0, 40), width: box.width,
                article: article.width, region: !!region,
                reachable: !!region && region.tabIndex === 0 && !!region.getAttribute('aria-label'),
                scrolls: !!region && region.scrollWidth > region.clientWidth + 1,
                inside: !region || region.getBoundingClientRect().right <= innerWidth,
                hint: !!hint && hint.matches('.rulle-hint') && hint.checkVisibility()};
    }); }"""


@pytest.fixture(scope="module")
def pages_with_tables(built_site):
    return [url for url in site_urls(built_site) if "<table" in (built_site / url.strip("/") / "index.html")
            .read_text(encoding="utf-8")]


def test_a_table_wider_than_a_phone_scrolls_in_a_region_that_says_so(page, base_url, pages_with_tables):
    page.set_viewport_size(PHONE)
    scrolling = 0
    for url in pages_with_tables:
        page.goto(base_url + url)
        for table in page.evaluate(_TABLES):
            assert table["inside"], (url, table)
            if table["width"] > table["article"] + 1:
                assert table["region"] and table["reachable"] and table["scrolls"], (url, table)
                # The comparison keeps its own caption in view instead; every other table gets the line.
                assert table["hint"], (url, table)
                scrolling += 1
    assert scrolling > 0


def test_the_comparison_names_the_activities_behind_its_numbers(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + "/sammenligning/")
    key = page.locator("article li", has_text="Herning Kommune:").first
    herning = next(r for r in matrix(real_content(), "princip").rows if r.kommune.id == "herning")
    assert herning.activities
    for number, activity in herning.activities:
        assert f"{number}. {activity.titel}" in " ".join(key.inner_text().split())
    assert key.is_visible()
    caption = page.locator("#matrix-principper-titel")
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

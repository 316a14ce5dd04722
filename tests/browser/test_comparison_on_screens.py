"""The comparison of the municipalities reads on a laptop and on a case worker's phone: nothing in either
matrix is cut or pushed off the screen, and a sighted reader sees the names of the municipalities, of the
principles and phases, and of the activities behind the numbers (on a phone in the matrix itself)."""
import pytest

from helpers import real_content
from omlaegning.render.comparison import matrix

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
MATRICES = {"princip": "#matrix-principper-titel", "fase": "#matrix-faser-titel"}

# Every visible piece of text in a matrix, with its box, and whether its region or the page scrolls
# sideways; a text is cut when it reaches outside the screen or outside its own box.
_LAYOUT = """caption => { const region = caption.closest('.matrix'), table = caption.closest('table');
    const texts = [caption, ...table.querySelectorAll('th, td, a, .kolonne-navn, .aktivitet-navn, .ingen-i-tabellen')]
        .filter(e => e.checkVisibility() && e.textContent.trim() && e.getBoundingClientRect().width > 1)
        .map(e => { const box = e.getBoundingClientRect();
            return {text: e.textContent.trim().slice(0, 40), left: box.left, right: box.right,
                    overflows: e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline'}; });
    return {cut: texts.filter(t => t.left < -0.5 || t.right > innerWidth + 0.5 || t.overflows),
            regionScrolls: region.scrollWidth > region.clientWidth + 1,
            pageScrolls: document.documentElement.scrollWidth > innerWidth, count: texts.length}; }"""

# What a sighted reader sees of the row of a municipality: the texts shown on the screen, the ones kept
# for screen readers (class visuelt-skjult) left out.
_SEEN = """caption => Object.fromEntries([...caption.closest('table').querySelectorAll('tbody tr')].map(tr => {
    const walker = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT), shown = [];
    while (walker.nextNode()) { const parent = walker.currentNode.parentElement;
        if (parent.checkVisibility() && !parent.closest('.visuelt-skjult')) shown.push(walker.currentNode.textContent); }
    return [tr.querySelector('th a').textContent.trim(), shown.join(' ').replace(/\\s+/g, ' ')]; }))"""


def _open(page, base_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(base_url + "/sammenligning/")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefon"])
@pytest.mark.parametrize("kind", MATRICES)
def test_nothing_in_the_comparison_is_cut(page, base_url, viewport, kind):
    _open(page, base_url, viewport)
    layout = page.locator(MATRICES[kind]).evaluate(_LAYOUT)
    assert layout["count"] > 20
    assert layout["cut"] == []
    assert not layout["pageScrolls"]
    if viewport is PHONE:
        assert not layout["regionScrolls"]  # a block per municipality, not a table to swipe


@pytest.mark.parametrize("kind", MATRICES)
def test_on_a_phone_each_municipality_names_its_columns_and_activities(page, base_url, kind):
    _open(page, base_url, PHONE)
    seen = page.locator(MATRICES[kind]).evaluate(_SEEN)
    handbook = real_content()
    rows = matrix(handbook, kind)
    assert sorted(seen) == sorted(row.kommune.navn for row in rows.rows)
    for row in rows.rows:
        text = seen[row.kommune.navn]
        for column, cell in zip(rows.columns, row.cells or []):
            if cell:
                assert f"{column.nummer}. {column.titel}" in text, (row.kommune.navn, column.titel)
            for number, activity in cell:
                assert f"{number} {activity.titel}" in text, (row.kommune.navn, activity.titel)
        if row.cells is not None and not row.activities:
            assert "Ingen af kommunens aktiviteter er knyttet til" in text, row.kommune.navn


def test_on_a_laptop_the_names_stand_beside_the_numbers(page, base_url):
    """A grid of numbers on a wide screen: the column names stand in the list above it, the activities'
    names in the key below it, both visible."""
    _open(page, base_url, LAPTOP)
    rows = matrix(real_content(), "princip")
    for column in rows.columns:
        assert page.locator("article li", has_text=column.titel).first.is_visible()
    for row in rows.rows:
        if row.activities:
            key = page.locator("article li", has_text=f"{row.kommune.navn}:").first
            assert key.is_visible()
            shown = " ".join(key.inner_text().split())
            assert all(f"{number}. {activity.titel}" in shown for number, activity in row.activities)

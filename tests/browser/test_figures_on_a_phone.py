"""Figures read on a phone: every text of every SVG figure renders at 12 px or more at 390 px, inside the
figure and whole; no timeline marker covers another."""
from siteurls import site_urls

PHONE = {"width": 390, "height": 844}

_SIZES = """async imgs => Promise.all(imgs.map(async img => {
    const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml');
    const scale = img.getBoundingClientRect().width / svg.documentElement.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
    return {src: img.src, smallest: Math.min(...sizes), count: sizes.length};
}))"""

_LAYOUT = """() => { const svg = document.documentElement, width = svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();
        return {text: t.textContent, left: b.x, right: b.x + b.width}; });
    const circles = [...svg.querySelectorAll('circle')].map(c => [c.cx.baseVal.value, c.cy.baseVal.value, c.r.baseVal.value]);
    const overlaps = [];
    circles.forEach((a, i) => circles.slice(i + 1).forEach(b => {
        if (Math.hypot(a[0] - b[0], a[1] - b[1]) < a[2] + b[2]) overlaps.push([a, b]); }));
    return {outside: texts.filter(t => t.left < -0.5 || t.right > width + 0.5), cut: texts.filter(t => t.text.includes('…')),
            overlaps}; }"""


def test_every_figure_text_is_at_least_12_px_on_a_phone(page, base_url, built_site):
    page.set_viewport_size(PHONE)
    figures = {}
    with_figures = [url for url in site_urls(built_site)
                    if 'class="figur"' in (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")]
    for url in with_figures:
        page.goto(base_url + url)  # waits for the load event: every image is in and laid out
        for figure in page.eval_on_selector_all("article img.figur", _SIZES):
            figures[figure["src"]] = figure
    assert len(figures) > 5
    small = [f for f in figures.values() if f["count"] and f["smallest"] < 12 - 0.01]
    assert small == []
    for src in figures:
        page.goto(src)
        layout = page.evaluate(_LAYOUT)
        assert layout == {"outside": [], "cut": [], "overlaps": []}, src

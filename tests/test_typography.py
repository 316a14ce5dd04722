"""Lines never break between what belongs together: "§ 85", "3.750.000 kr.", "23. november 2026"."""
import re

import pytest

from omlaegning.render.text import no_break_spaces

NBSP = "\u00a0"


@pytest.mark.parametrize(("written", "shown"), [
    ("efter § 85 i serviceloven", f"efter §{NBSP}85 i serviceloven"),
    ("§ 85 a", f"§{NBSP}85{NBSP}a"),
    ("efter §85", f"efter §{NBSP}85"),
    ("§§ 82 a–d", f"§§{NBSP}82{NBSP}a–d"),
    ("§ 82 b og c", f"§{NBSP}82{NBSP}b og c"),
    ("i alt 3.750.000 kr. over tre år", f"i alt 3.750.000{NBSP}kr. over tre år"),
    ("fra 1. januar 2020 – 30. september 2022", f"fra 1.{NBSP}januar 2020 – 30.{NBSP}september 2022"),
    ("i 2. halvår 2021", f"i 2.{NBSP}halvår 2021"),
    # A numbered list's "1. " at a line's start stays a list.
    ("Tidsplan:\n\n1. januar: start", f"Tidsplan:\n\n1. januar: start"),
    ("de 8 principper og 2 kommuner", "de 8 principper og 2 kommuner"),
])
def test_no_break_spaces(written, shown):
    assert no_break_spaces(written) == shown


def test_no_page_text_breaks_after_a_section_sign_or_before_kr(built_site):
    pages = [p for p in built_site.rglob("index.html") if "<article" in p.read_text(encoding="utf-8")]
    assert len(pages) > 30
    for page in pages:
        article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S).group()
        text = re.sub(r"<[^>]+>", "", article)
        assert not re.search(r"§§?(?: |\d)", text), page
        assert not re.search(r"\d kr\.", text), page

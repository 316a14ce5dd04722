"""Lines never break between what belongs together: "§ 85", "3.750.000 kr.", "23. november 2026", in the
pages' text, their menus and tables of contents, and the Markdown export."""
import html
import re

import pytest
import yaml

from helpers import REPO
from omlaegning.export import export_files
from omlaegning.render.text import escaped_nav, no_break_spaces

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


def _plain_text(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<(script|style)\b.*?</\1>", "", html_text, flags=re.S)))


# An ordinary space after a section sign or before "kr.": where a line may break apart.
BREAKABLE = re.compile(r"§§? \d|\d kr\.")


def test_menus_and_tables_of_contents_hold_together_like_the_text(built_site):
    """The theme prints the menu and each page's table of contents from titles, not from the page's HTML."""
    glossary = _plain_text((built_site / "ordliste" / "index.html").read_text(encoding="utf-8"))
    assert f"Handleplan (§{NBSP}141)" in glossary  # a heading with a section sign, in the table of contents too
    for page in built_site.rglob("*.html"):
        assert not BREAKABLE.search(_plain_text(page.read_text(encoding="utf-8"))), page


def test_menu_titles_from_yaml_hold_together():
    assert escaped_nav([{"Serviceloven § 85": [{"Tilskud på 3.750.000 kr. & mere": "x.md"}]}]) == [
        {f"Serviceloven §{NBSP}85": [{f"Tilskud på 3.750.000{NBSP}kr. &amp; mere": "x.md"}]}]


def test_the_markdown_export_holds_together_like_the_built_pages():
    """Other tools build the export without the plugin that puts no-break spaces into the HTML."""
    files, _ = export_files(REPO)
    generated = {path: content.decode("utf-8") for path, content in files.items()
                 if path.startswith("docs/") and path.endswith(".md") and not (REPO / path).exists()}
    assert "docs/ordliste.md" in generated
    assert f"Handleplan (§{NBSP}141)" in generated["docs/ordliste.md"]
    for path, markdown in generated.items():
        assert not BREAKABLE.search(markdown), path
    assert "\n1. " in "".join(generated.values())  # numbered lists still begin with "1. "
    # Their search still finds "§ 85": it splits words at the no-break space too.
    plugins = yaml.safe_load(files["mkdocs.yml"])["plugins"]
    separator = next(p["search"]["separator"] for p in plugins if isinstance(p, dict) and "search" in p)
    assert re.split(separator, f"Serviceloven §{NBSP}85 og §&nbsp;85") == ["Serviceloven", "§", "85", "og", "§", "85"]

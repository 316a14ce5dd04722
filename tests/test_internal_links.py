"""Links between the handbook's pages, written by editors in YAML texts and in docs/: found broken by
`check` at their own line, and made relative so any site tool resolves them."""
import pytest

from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

from helpers import mkdocs_build
from linkcheck import broken_links
from test_build import html

K = "data/kommuner/testby.yaml"


def rendered_errors(tree):
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(tree.root))
    return [str(error) for error in caught.value.errors]


def test_a_site_address_in_a_text_becomes_a_path_relative_to_its_page(minimal):
    minimal.replace(K, "resume: Testby prøver noget nyt.",
                    "resume: Testby bruger [peers](/ordliste/#peer) og [principperne](/principper/).")
    page, = [p for p in render_handbook(load_handbook(minimal.root)).pages if p.path == "kommuner/testby.md"]
    assert "[peers](../ordliste.md#peer) og [principperne](../principper/index.md)" in page.markdown


@pytest.mark.parametrize("target,message", [
    ("/ordliste/#peers", "Linket '/ordliste/#peers' peger på et afsnit, der ikke findes på siden. Mente du '#peer'?"),
    ("/ordlisten/", "Linket '/ordlisten/' peger på en side, der ikke findes. Mente du '/ordliste/'?"),
])
def test_a_broken_link_in_a_text_is_told_at_its_line_and_field(minimal, target, message):
    minimal.replace(K, "resume: Testby prøver noget nyt.", f"resume: Testby bruger [peers]({target}).")
    assert rendered_errors(minimal) == [f"{K}:3:31: felt 'resume': {message}"]


def test_a_broken_link_in_a_hand_written_page_is_told_at_its_line(minimal):
    minimal.write("docs/om.md", "# Om {#om}\n\nSe [her](andet.md#intet).\n\n    [kode](ikke-et-link.md)\n\n"
                                "Og [forsiden](/) og [ordlisten](ordliste.md#peer).\n")
    minimal.write("docs/andet.md", "# Andet {#andet}\n\n## Et afsnit\n")
    assert rendered_errors(minimal) == [
        "docs/om.md:3:10: Linket 'andet.md#intet' peger på et afsnit, der ikke findes på siden. Mente du '#andet'?",
        "docs/om.md:7:15: Linket '/' er en adresse på webstedet; skriv i stedet stien til siden i forhold til denne "
        "fil, fx 'redaktoerer.md#tjek' eller '../index.md'."]


@pytest.mark.slow
def test_a_link_written_as_the_guide_says_builds_strictly_and_leads_to_its_section(repo_copy, tmp_path):
    repo_copy.replace("data/kommuner/herning.yaml", "resume: |\n",
                      "resume: |\n  Læs om [bostøtte](/ordliste/#bostoette) og [princip 2](/principper/ressourcer/#hvordan).\n")
    site = tmp_path / "site"
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    page = html(site, "kommuner/herning.md")
    assert 'href="../../ordliste/#bostoette"' in page and 'href="../../principper/ressourcer/#hvordan"' in page
    assert broken_links(site) == []

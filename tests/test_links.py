"""Links that presenters put on slides keep working: lock file, redirects, anchor aliases, link check."""
import pytest

from omlaegning.errors import ContentErrors
from omlaegning.links import current_links, read_lock, write_lock
from omlaegning.linkcheck import broken_links
from omlaegning.loader import load_handbook
from omlaegning.render import redirect_html, render_handbook

from helpers import REPO, mkdocs_build
from test_build import html


def render(tree):
    return render_handbook(load_handbook(tree.root))


def test_the_lock_file_holds_every_link_of_the_handbook():
    locked = {link for _, link in read_lock(REPO)}
    missing = sorted(set(current_links(render_handbook(load_handbook(REPO)).pages)) - locked)
    assert missing == [], "nye links er ikke låst: kør 'omlaegning lock'"


def test_the_built_site_has_no_broken_internal_link_or_anchor(built_site):
    assert broken_links(built_site) == []


def test_the_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="findes">x</h2><a href="#findes">ok</a>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#findes">ok</a> <a href="b/">væk</a> <a href="a/#mangler">væk</a>'
        ' <a href="https://example.org/x">ude</a>')
    assert broken_links(tmp_path) == [
        "index.html: linket 'b/' peger på en fil, der ikke findes.",
        "index.html: linket 'a/#mangler' peger på et anker, der ikke findes.",
    ]


@pytest.fixture
def locked(minimal):
    write_lock(minimal.root, current_links(render(minimal).pages))
    return minimal


def rename_beta_to_gamma(tree):
    text = (tree.root / "concept/principper/beta.yaml").read_text(encoding="utf-8")
    (tree.root / "concept/principper/beta.yaml").unlink()
    tree.write("concept/principper/gamma.yaml", text.replace("id: beta", "id: gamma"))


def test_a_page_that_disappears_without_a_redirect_fails_with_the_lock_line(locked):
    rename_beta_to_gamma(locked)
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    lines = {link: n for n, link in read_lock(locked.root)}
    first = caught.value.errors[0]
    assert str(first) == (
        f"links.lock:{lines['/principper/beta/']}:1: Linket '/principper/beta/' er udgivet, men findes ikke "
        "længere. Giv id'et sit gamle navn tilbage, eller skriv i concept/omdirigeringer.yaml, hvor det er "
        "flyttet hen.")
    assert sorted(e.message.split("'")[1] for e in caught.value.errors) == sorted(
        ["/principper/beta/"] + [f"/principper/beta/#{a}" for a in (
            "beta", "hvad", "hvorfor", "hvordan", "eksempler", "faser", "kilder")])


def test_a_moved_page_gets_a_redirect_page_that_carries_its_anchors(locked):
    rename_beta_to_gamma(locked)
    locked.write("concept/omdirigeringer.yaml",
                 "omdirigeringer:\n  - fra: /principper/beta/\n    til: /principper/gamma/\n")
    rendered = render(locked)
    [redirect] = rendered.redirects
    assert (redirect.path, redirect.target, redirect.title) == (
        "principper/beta/index.html", "/principper/gamma/", "2. Fokusér på ressourcer")
    page = redirect_html(redirect)
    assert '<html lang="da">' in page and 'url=../gamma/"' in page and 'location.replace("../gamma/")' in page


def test_a_moved_anchor_keeps_its_old_name_as_a_hidden_alias(locked):
    locked.replace("data/kommuner/testby.yaml", "id: en-indgang", "id: en-dor")
    with pytest.raises(ContentErrors):
        render(locked)
    locked.write("concept/omdirigeringer.yaml", "omdirigeringer:\n  - fra: /kommuner/testby/#en-indgang\n"
                                                "    til: /kommuner/testby/#en-dor\n")
    markdown = next(p.markdown for p in render(locked).pages if p.path == "kommuner/testby.md")
    assert '<span id="en-indgang"></span>\n\n### Én indgang {#en-dor}' in markdown


# A table of redirects that cannot be right, and what the editor is told.
BAD_REDIRECTS = [
    ("/principper/alpha/", "/principper/beta/", "Linket '/principper/alpha/' findes stadig, så det kan ikke "
                                                "omdirigeres."),
    ("/principper/gammel/", "/principper/ny/", "Omdirigeringen peger på '/principper/ny/', som ikke findes i "
                                               "håndbogen."),
    ("/kommuner/testby/#gammel", "/principper/alpha/#hvad", "Et anker kan kun omdirigeres til et andet anker på "
                                                            "samme side."),
]


@pytest.mark.parametrize("fra,til,message", BAD_REDIRECTS)
def test_a_redirect_that_cannot_work_is_refused(minimal, fra, til, message):
    minimal.write("concept/omdirigeringer.yaml", f"omdirigeringer:\n  - fra: {fra}\n    til: {til}\n")
    with pytest.raises(ContentErrors) as caught:
        render(minimal)
    [error] = caught.value.errors
    assert (error.file, error.line, error.field, error.message) == (
        "concept/omdirigeringer.yaml", 2, "omdirigeringer[1]", message)


def test_renaming_an_id_without_a_redirect_fails_the_real_build(repo_copy, tmp_path):
    repo_copy.replace("data/kommuner/herning.yaml", "  - id: en-indgang", "  - id: en-dor")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Linket '/kommuner/herning/#en-indgang' er udgivet, men findes ikke længere." in result.stderr
    repo_copy.write("concept/omdirigeringer.yaml", "omdirigeringer:\n  - fra: /kommuner/herning/#en-indgang\n"
                                                   "    til: /kommuner/herning/#en-dor\n")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert '<span id="en-indgang"></span>' in html(tmp_path / "site", "kommuner/herning.md")
    assert broken_links(tmp_path / "site") == []

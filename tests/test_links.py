"""Links that presenters put on slides keep working: lock file, redirects, anchor aliases, link check."""
import re
from urllib.parse import urljoin

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.lockfile import read_lock, write_lock
from omlaegning.loader import load_handbook
from omlaegning.render import redirect_html, render_handbook

from helpers import SITE_URL, mkdocs_build, real_handbook
from minimal_pages import PAGES
from linkcheck import broken_links
from test_build import html


def render(tree):
    return render_handbook(load_handbook(tree.root))


def test_the_built_site_has_no_broken_internal_link_or_anchor(built_site):
    assert broken_links(built_site) == []


SHORT_LINKS = real_handbook().short_links
# Where a short link's page sends the reader: its refresh, its script (which carries ?fokus along) and the link
# a reader follows when neither runs.
_SENDS = (r'http-equiv="refresh" content="0; url=([^"]+)"', r'var target = "([^"]+)"', r'<a href="([^"]+)">gå til')


@pytest.mark.parametrize("link", SHORT_LINKS, ids=[s.key for s in SHORT_LINKS])
def test_every_short_link_page_sends_the_reader_to_its_own_section(built_site, link):
    """Every link's own target, read from the built site as published under its sub-path (a "../" too many
    would leave the site); tests/browser/test_shortlinks.py follows some in Chromium."""
    page = (built_site / link.path.strip("/") / "index.html").read_text(encoding="utf-8")
    sent = [re.search(pattern, page) for pattern in _SENDS]
    assert None not in sent, page
    published = SITE_URL.rstrip("/")
    assert [urljoin(published + link.path, found.group(1)) for found in sent] == [published + link.target] * 3
    place, _, anchor = link.target.partition("#")
    target = (built_site / place.strip("/") / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in target  # a page, not another redirect
    assert target.count(f' id="{anchor}"') == (1 if anchor else 0)


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
    write_lock(minimal.root, render(minimal).links)
    return minimal


def rename_beta_to_gamma(tree):
    text = (tree.root / "concept/principper/beta.yaml").read_text(encoding="utf-8")
    (tree.root / "concept/principper/beta.yaml").unlink()
    tree.write("concept/principper/gamma.yaml", text.replace("id: beta", "id: gamma"))


def test_a_renamed_page_is_reported_once_at_its_new_id_with_the_redirect_to_add(locked):
    rename_beta_to_gamma(locked)
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    # Once for the page, not for each of its anchors and its short link; on the line the editor changed.
    assert [str(e) for e in caught.value.errors] == [
        "concept/principper/gamma.yaml:1:5: felt 'id': Linket '/principper/beta/' er udgivet, men findes ikke "
        "længere: er 'beta' omdøbt til 'gamma'? Giv id'et sit gamle navn tilbage, eller tilføj i "
        "concept/omdirigeringer.yaml et punkt med 'fra: /principper/beta/' og 'til: /principper/gamma/'."]


def test_a_renamed_section_is_reported_at_its_new_id(locked):
    locked.replace("data/kommuner/testby.yaml", "id: en-indgang", "id: en-dor")
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    assert [(e.file, e.line, e.field) for e in caught.value.errors] == [
        ("data/kommuner/testby.yaml", 16, "aktiviteter[1].id")]
    assert "er 'en-indgang' omdøbt til 'en-dor'?" in caught.value.errors[0].message


def test_a_page_deleted_without_a_trace_is_reported_once_at_the_lock_line(locked):
    (locked.root / "concept/principper/beta.yaml").unlink()
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    lines = {link: n for n, link, _ in read_lock(locked.root)}
    assert [str(e) for e in caught.value.errors] == [
        f"links.lock:{lines['/principper/beta/']}:1: Linket '/principper/beta/' er udgivet, men findes ikke "
        "længere. Giv id'et sit gamle navn tilbage, eller skriv i concept/omdirigeringer.yaml, hvor det er "
        "flyttet hen."]


def test_a_moved_page_gets_a_redirect_page_that_carries_its_anchors(locked):
    rename_beta_to_gamma(locked)
    locked.write("concept/omdirigeringer.yaml",
                 "omdirigeringer:\n  - fra: /principper/beta/\n    til: /principper/gamma/\n")
    rendered = render(locked)
    # Besides the short links and /was/:
    [redirect] = [r for r in rendered.redirects if not r.path.startswith(("l/", "was/"))]
    assert (redirect.path, redirect.target, redirect.title) == (
        "principper/beta/index.html", "/principper/gamma/", "2. Fokusér på ressourcer")
    page = redirect_html(redirect)
    assert '<html lang="da">' in page and 'url=../gamma/"' in page
    assert 'var target = "../gamma/".split("#");' in page and "location.search + " in page


def test_a_moved_anchor_keeps_its_old_name_as_a_hidden_alias(locked):
    locked.replace("data/kommuner/testby.yaml", "id: en-indgang", "id: en-dor")
    with pytest.raises(ContentErrors):
        render(locked)
    locked.write("concept/omdirigeringer.yaml", "omdirigeringer:\n  - fra: /kommuner/testby/#en-indgang\n"
                                                "    til: /kommuner/testby/#en-dor\n")
    rendered = render(locked)
    markdown = next(p.markdown for p in rendered.pages if p.path == "kommuner/testby.md")
    assert '<span id="en-indgang"></span>\n\n### Én indgang {#en-dor}' in markdown
    # The old short link follows the section, with no redirect of its own.
    assert 'url=../../kommuner/testby/#en-dor"' in rendered.extra_files()["l/testby-en-indgang/index.html"]


# A table of redirects that cannot be right, and what the editor is told.
# (fra, til, the field at fault, message)
BAD_REDIRECTS = [
    ("/principper/alpha/", "/principper/beta/", "fra", "Linket '/principper/alpha/' findes stadig, så det kan "
                                                       "ikke omdirigeres."),
    ("/principper/gammel/", "/principper/ny/", "til", "Omdirigeringen skal pege på en side eller et afsnit i "
                                                      "håndbogen; '/principper/ny/' er ikke en af dem."),
    ("/principper/gammel/", "/l/alpha/", "til", "Omdirigeringen skal pege på en side eller et afsnit i håndbogen; "
                                                "'/l/alpha/' er ikke en af dem."),
    ("/kommuner/testby/#gammel", "/principper/alpha/#hvad", "til", "Et anker kan kun omdirigeres til et afsnit på "
                                                                   "samme side, eller på den side, hele siden er "
                                                                   "flyttet til."),
]


@pytest.mark.parametrize("fra,til,field,message", BAD_REDIRECTS)
def test_a_redirect_that_cannot_work_is_refused(minimal, fra, til, field, message):
    minimal.write("concept/omdirigeringer.yaml", f"omdirigeringer:\n  - fra: {fra}\n    til: {til}\n")
    with pytest.raises(ContentErrors) as caught:
        render(minimal)
    [error] = caught.value.errors
    assert (error.file, error.line, error.field, error.message) == (
        "concept/omdirigeringer.yaml", {"fra": 2, "til": 3}[field], f"omdirigeringer[1].{field}", message)


@pytest.mark.slow
def test_renaming_an_id_without_a_redirect_fails_the_real_build(repo_copy, tmp_path):
    repo_copy.replace("data/kommuner/herning.yaml", "  - id: en-indgang", "  - id: en-dor")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(r"data/kommuner/herning.yaml:\d+:9: felt 'aktiviteter\[1\].id': Linket '/kommuner/herning/#en-indgang' "
                     r"er udgivet, men findes ikke længere: er 'en-indgang' omdøbt til 'en-dor'\?", result.stderr)
    redirects = (repo_copy.root / "concept/omdirigeringer.yaml").read_text(encoding="utf-8")
    repo_copy.write("concept/omdirigeringer.yaml", redirects.replace(
        "omdirigeringer:\n", "omdirigeringer:\n  - fra: /kommuner/herning/#en-indgang\n"
                              "    til: /kommuner/herning/#en-dor\n", 1))
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert '<span id="en-indgang"></span>' in html(tmp_path / "site", "kommuner/herning.md")
    assert broken_links(tmp_path / "site") == []


def test_every_section_kind_has_a_short_link(minimal):
    rendered = render(minimal)
    kinds = {p.path: p.kind for p in rendered.pages}
    shorts = {s.key: s.target for s in rendered.short_links if kinds[s.page] in PAGES}
    assert shorts == {
        "start": "/faser/start/", "slut": "/faser/slut/", "alpha": "/principper/alpha/",
        "beta": "/principper/beta/", "recovery": "/recovery/", "selvbestemmelse": "/recovery/#selvbestemmelse",
        "partnerskab": "/partnerskab/", "udviklingsforloeb": "/udviklingsforloeb/",
        "infomoede-2023-10-02": "/udviklingsforloeb/#infomoede-2023-10-02",
        "infomoede-2023-09-13": "/udviklingsforloeb/#infomoede-2023-09-13",
        "ledelse": "/vejledning/ledelse/", "ledelse-retning": "/vejledning/ledelse/#retning",
        "selvevaluering": "/selvevaluering/",
        "testby": "/kommuner/testby/", "testby-en-indgang": "/kommuner/testby/#en-indgang",
    }


def rename_guide(minimal, new_id: str) -> None:
    """The guide 'ledelse' gets a new id and file name; the self-assessment's audiences follow it."""
    text = (minimal.root / "concept/vejledninger/ledelse.yaml").read_text(encoding="utf-8")
    (minimal.root / "concept/vejledninger/ledelse.yaml").unlink()
    minimal.write(f"concept/vejledninger/{new_id}.yaml", text.replace("id: ledelse", f"id: {new_id}"))
    assessment = (minimal.root / "concept/selvevaluering.yaml").read_text(encoding="utf-8")
    minimal.write("concept/selvevaluering.yaml", assessment.replace("[ledelse]", f"[{new_id}]"))


def test_two_sections_cannot_share_a_short_link(minimal):
    rename_guide(minimal, "testby")
    with pytest.raises(ContentErrors) as caught:
        render(minimal)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column, error.field, error.message) == (
        "data/kommuner/testby.yaml", 1, 5, "id",
        "Det korte link /l/testby/ bruges allerede af 'Vejledning: Strategisk ledelse'; giv det ene et andet id.")


def test_a_section_short_link_taken_by_a_page_is_reported_at_the_section(minimal):
    # /l/testby-en-indgang/ is the municipality's activity 'en-indgang'; a guide may not take it.
    rename_guide(minimal, "testby-en-indgang")
    with pytest.raises(ContentErrors) as caught:
        render(minimal)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column, error.field, error.message) == (
        "data/kommuner/testby.yaml", 16, 9, "aktiviteter[1].id",
        "Det korte link /l/testby-en-indgang/ bruges allerede af 'Vejledning: Strategisk ledelse'; "
        "giv det ene et andet id.")


def test_presenters_page_lists_short_links_with_qr_codes(minimal):
    rendered = render_handbook(load_handbook(minimal.root), public_url="https://example.org/haandbog/")
    page = next(p.markdown for p in rendered.pages if p.path == "oplaegsholdere.md")
    assert ("| [Testby Kommune: Én indgang](kommuner/testby.md#en-indgang) | "
            "[https://example.org/haandbog/l/testby-en-indgang/](https://example.org/haandbog/l/testby-en-indgang/) | "
            "![QR-kode til Testby Kommune: Én indgang](l/testby-en-indgang/qr.svg){ .qr width=\"96\" height=\"96\" } |"
            ) in page
    svg = rendered.extra_files()["l/testby-en-indgang/qr.svg"]
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "QR-kode til Testby Kommune" in svg
    assert 'url=../../kommuner/testby/#en-indgang"' in rendered.extra_files()["l/testby-en-indgang/index.html"]


def test_without_a_public_address_there_are_no_qr_codes(minimal):
    rendered = render(minimal)
    page = next(p.markdown for p in rendered.pages if p.path == "oplaegsholdere.md")
    assert "Håndbogens offentlige adresse er ikke sat i denne udgave, så siden viser ingen QR-koder." in page
    assert not [path for path in rendered.extra_files() if path.endswith("qr.svg")]


def test_a_published_short_link_may_not_lead_somewhere_new(locked):
    # The phase 'slut' is renamed (with a redirect), and a new municipality takes the id 'slut':
    # /l/slut/ on an old slide would silently open the municipality.
    text = (locked.root / "concept/faser/slut.yaml").read_text(encoding="utf-8")
    (locked.root / "concept/faser/slut.yaml").unlink()
    locked.write("concept/faser/afslutning.yaml", text.replace("id: slut", "id: afslutning"))
    locked.write("concept/omdirigeringer.yaml", "omdirigeringer:\n  - fra: /faser/slut/\n    til: /faser/afslutning/\n"
                                                "  - fra: /#slut\n    til: /#afslutning\n")
    render(locked)  # the rename alone is fine: /l/slut/ follows the phase
    locked.write("data/kommuner/slut.yaml", "id: slut\nnavn: Slut Kommune\nresume: Ny.\nkilder: [kilde-a]\n")
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    lines = {link: n for n, link, _ in read_lock(locked.root)}
    assert [str(e) for e in caught.value.errors] == [
        f"links.lock:{lines['/l/slut/']}:1: Det korte link '/l/slut/' førte til '/faser/slut/', men fører nu til "
        "'/kommuner/slut/'. Et udgivet kort link må ikke skifte mål; giv det nye afsnit et andet id."]


@pytest.mark.parametrize("line,message", [
    ("<<<<<<< HEAD", "Filen har en flettekonflikt fra git; behold begge sæt linjer, fjern markeringerne, og kør "
                     "omlaegning lock."),
    ("/../../tmp/ond/ /kommuner/testby/", "Linjen '/../../tmp/ond/ /kommuner/testby/' er ikke et link i håndbogen; "
                                          "kør omlaegning lock i stedet for at rette i hånden."),
])
def test_a_lock_line_that_is_no_link_is_refused(locked, line, message):
    text = (locked.root / "links.lock").read_text(encoding="utf-8")
    (locked.root / "links.lock").write_text(text + line + "\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    [error] = caught.value.errors
    assert (error.file, error.line, error.message) == ("links.lock", len(text.splitlines()) + 1, message)


def test_a_lock_file_that_is_not_utf8_is_told_in_danish(locked):
    (locked.root / "links.lock").write_bytes(b"/k\xf8benhavn/\n")
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    assert [str(e) for e in caught.value.errors] == [
        "links.lock:1:1: Filen er ikke gemt som UTF-8; hent den igen fra main, og kør omlaegning lock."]


def test_the_same_link_redirected_twice_is_refused(locked):
    rename_beta_to_gamma(locked)
    locked.write("concept/omdirigeringer.yaml", "omdirigeringer:\n  - fra: /principper/beta/\n"
                 "    til: /principper/gamma/\n  - fra: /principper/beta/\n    til: /principper/alpha/\n")
    with pytest.raises(ContentErrors) as caught:
        render(locked)
    [error] = caught.value.errors
    assert (error.field, error.message) == (
        "omdirigeringer[2].fra", "Linket '/principper/beta/' omdirigeres allerede længere oppe i filen.")

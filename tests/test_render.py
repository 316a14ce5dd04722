"""Rendering: every page kind from the minimal fixture, anchors from ids, text escaped."""
import datetime
import json
import re

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.history import Change, History
from omlaegning.kinds import KINDS
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook, text
from omlaegning.render.navigation import NAV_LIMIT, navigation
from omlaegning.render.page import Page

from minimal_pages import PAGES


def pages_of(tree, history=None):
    return {p.path: p for p in render_handbook(load_handbook(tree.root), history).pages}


def test_every_page_kind_has_its_page(minimal):
    pages = pages_of(minimal)
    assert {kind: sorted(p.path for p in pages.values() if p.kind == kind) for kind in PAGES} == {
        kind: sorted(paths) for kind, paths in PAGES.items()}
    # Every kind with a page in the registry has one in the fixture.
    assert {kind.name for kind in KINDS if kind.page} <= {page.kind for page in pages.values()}


@pytest.mark.parametrize("municipalities, listed", [(NAV_LIMIT, True), (NAV_LIMIT + 1, False)])
def test_beyond_the_limit_the_overview_lists_the_municipalities_and_the_navigation_does_not(municipalities, listed):
    pages = [Page("kommuner/index.md", "Oversigt", "", (), kind="kommuner")] + [
        Page(f"kommuner/k{n}.md", f"K{n}", "", (), kind="kommune") for n in range(municipalities)]
    section = dict(next(iter(item.items())) for item in navigation(pages))["Kommunernes erfaringer"]
    assert section[0] == {"Oversigt": "kommuner/index.md"}
    assert len(section) == (1 + municipalities if listed else 1)


def _known_nav(nav, pages):
    """The navigation with only the pages of the kinds in PAGES (and the hand-written ones, not in pages)."""
    known = []
    for item in nav:
        (title, target), = item.items()
        if isinstance(target, list):
            known.append({title: _known_nav(target, pages)})
        elif target not in pages or pages[target].kind in PAGES:
            known.append(item)
    return known


def test_navigation_follows_numbers_and_names(minimal):
    rendered = render_handbook(load_handbook(minimal.root))
    nav = _known_nav(rendered.nav, {p.path: p for p in rendered.pages})
    assert nav[0] == {"Forside": "index.md"}
    assert nav[1] == {"Faser": [{"1. Start": "faser/start.md"}, {"2. Slut": "faser/slut.md"}]}
    assert [next(iter(item)) for item in nav] == [
        "Forside", "Faser", "Principper", "Baggrund", "Vejledning", "Kommunernes erfaringer", "Værktøjer",
        "Om håndbogen"]
    assert nav[5] == {"Kommunernes erfaringer": [{"Oversigt": "kommuner/index.md"},
                                                 {"Side om side": "sammenligning.md"},
                                                 {"Testby Kommune": "kommuner/testby.md"}]}
    assert nav[6] == {"Værktøjer": [{"Hvor langt er vi?": "selvevaluering.md"},
                                    {"Til oplægsholdere": "oplaegsholdere.md"},
                                    {"Ordliste": "ordliste.md"}, {"Åbne data": "data.md"}]}
    assert nav[7] == {"Om håndbogen": [{"Hvad er nyt": "nyt.md"}, {"Tilgængelighedserklæring": "tilgaengelighed.md"}]}
    assert nav[3] == {"Baggrund": [{"Recovery og rehabilitering": "recovery.md"},
                                   {"Partnerskabet": "partnerskab.md"},
                                   {"Udviklingsforløb": "udviklingsforloeb.md"}]}


def test_every_heading_has_an_anchor_from_an_id(minimal):
    for page in pages_of(minimal).values():
        for heading in re.findall(r"^#{1,6} .*$", page.markdown, re.MULTILINE):
            assert re.search(r" \{#[a-z0-9]+(-[a-z0-9]+)*\}$", heading), (page.path, heading)


def test_front_page_shows_the_phases_at_a_glance(minimal):
    md = pages_of(minimal)["index.md"].markdown
    assert "### 1. Start {#start}" in md and "### 2. Slut {#slut}" in md
    assert "[Læs om fasen](faser/start.md)" in md
    assert "1. [Tag udgangspunkt i håb](principper/alpha.md) – Håb først." in md


def test_principle_page_has_what_why_how_and_examples_from_municipalities(minimal):
    md = pages_of(minimal)["principper/alpha.md"].markdown
    for anchor, body in (("hvad", "Hvad alpha er."), ("hvorfor", "Hvorfor alpha."), ("hvordan", "Hvordan alpha.")):
        # Each part says it is the handbook's own summary under a title from the concept.
        assert re.search(rf"## \w+ {{#{anchor}}}\n\n<p class=\"afsender afsender-haandbog\">.*</p>\n\n"
                         rf"{re.escape(body)}", md)
    assert "**Lovgrundlag i serviceloven:** § 81" in md
    # The example is found from the municipality's activity, not written twice.
    assert "- **Testby Kommune:** [Én indgang](../kommuner/testby.md#en-indgang)" in md
    assert "- [Fase 1: Start](../faser/start.md)" in md


def test_every_page_says_under_its_title_whose_content_it_holds(minimal):
    markers = {"koncept": "Fra Social- og Boligstyrelsens koncept", "haandbog": "Håndbogens egen sammenfatning",
               "kommune": "Kommunens egne oplysninger"}
    expected = {"principper/alpha.md": "koncept", "faser/start.md": "haandbog", "kommuner/testby.md": "kommune",
                "index.md": "haandbog", "partnerskab.md": "haandbog"}
    pages = pages_of(minimal).values()
    for page in pages:
        found = re.match(r"(?:.*\n)*?# .*\n\n<p class=\"afsender afsender-(\w+)\"><strong>([^<]+)\.</strong>",
                         page.markdown)
        assert found, page.path
        assert markers[found[1]] == found[2], page.path
        assert found[1] == expected.get(page.path, found[1]), page.path
    assert set(expected) <= {p.path for p in pages}


def test_every_open_data_file_says_whose_content_it_holds(minimal):
    rendered = render_handbook(load_handbook(minimal.root))
    files = {path: json.loads(text) for path, text in rendered.assets.items()
             if path.startswith("data/") and path.endswith(".json") and "/skema/" not in path}
    assert files["data/kommuner/testby.json"]["afsender"]["tekst"] == "Kommunens egne oplysninger"
    assert files["data/principper/alpha.json"]["afsender"]["tekst"] == "Fra Social- og Boligstyrelsens koncept"
    assert files["data/omlaegningshaandbogen.json"]["afsender"]["faser"]["tekst"] == "Håndbogens egen sammenfatning"
    for path, content in files.items():
        assert "afsender" in content, path


def test_principle_without_examples_says_so(minimal):
    md = pages_of(minimal)["principper/beta.md"].markdown
    assert "Håndbogen har endnu ingen eksempler fra kommunerne på dette princip." in md


def test_phase_page(minimal):
    md = pages_of(minimal)["faser/start.md"].markdown
    assert md.startswith("# Fase 1: Start {#start}\n")
    assert "1. Beslut\n2. Planlæg\n" in md
    assert "- [1. Tag udgangspunkt i håb](../principper/alpha.md)" in md
    assert "## Om faserne {#om-faserne}\n\nFaserne er en syntese." in md


def test_municipality_page_in_danish_formats(minimal):
    md = pages_of(minimal)["kommuner/testby.md"].markdown
    assert "- **Periode:** 1. januar 2020 – 30. september 2022" in md
    assert "- **Budget:** 3.750.000 kr. – Fra puljen." in md
    assert "### Én indgang {#en-indgang}" in md
    assert "| År | Borgere |\n|---|--:|\n| 2016 | 1.234 |\n| 2017 | 1.500 |\n" in md
    assert "| 21. april 2021 | Status til udvalget. |" in md


def test_municipality_overview_lists_each_municipality(minimal):
    md = pages_of(minimal)["kommuner/index.md"].markdown
    assert ("| [Testby Kommune](testby.md) | Partnerskabskommune | Styrmand i test "
            "| 1. januar 2020 – 30. september 2022 | 3.750.000 kr. | 1 |") in md


def test_municipality_overview_says_what_is_not_given(minimal):
    minimal.write("data/kommuner/tavsby.yaml", "id: tavsby\nnavn: Tavsby Kommune\nresume: Lidt.\nkilder: [kilde-a]\n")
    md = pages_of(minimal)["kommuner/index.md"].markdown
    assert ("| [Tavsby Kommune](tavsby.md) | Ikke med i partnerskabet | ikke oplyst | ikke oplyst "
            "| ikke oplyst | 0 |") in md


def test_audience_page_sections_have_their_ids(minimal):
    md = pages_of(minimal)["vejledning/ledelse.md"].markdown
    assert "## Sæt retning {#retning}" in md
    assert "**Principper:** [Tag udgangspunkt i håb](../principper/alpha.md)" in md


def test_recovery_page_has_definitions_and_values(minimal):
    md = pages_of(minimal)["recovery.md"].markdown
    assert "### Recovery {#recovery}" in md
    assert "### Selvbestemmelse {#selvbestemmelse}" in md


def test_glossary_is_sorted_and_links_related_terms(minimal):
    minimal.replace("concept/ordliste.yaml", "term: Peer", "term: Ørkenvandring")
    md = pages_of(minimal)["ordliste.md"].markdown
    assert md.index("## Recoveryskole") < md.index("## Ørkenvandring")
    assert "**Også kaldet:** peer-medarbejder, peerstøtte" in md
    assert "**Se også:** [Recoveryskole](#recoveryskole)" in md


def test_sources_and_last_update_at_the_bottom(minimal):
    history = History((Change(datetime.date(2026, 11, 23), "M", "data/kommuner/testby.yaml"),))
    md = pages_of(minimal, history)["kommuner/testby.md"].markdown
    assert re.search(r"## Kilder \{#kilder\}\n\n- Kilde B\. Kommunen\.\n- Kilde A\. .*\n\n"
                     r"\*Senest opdateret \[23\. november 2026\]\(\.\./nyt\.md#maaned-2026-11\)\*$", md.rstrip())
    principle = pages_of(minimal)["principper/alpha.md"]
    assert "- Kilde A. Styrelsen, 31. august 2023. [https://example.org/a](https://example.org/a)" in principle.markdown
    assert "Senest opdateret" not in principle.markdown  # no git date known: no date rather than a wrong one


def test_edit_file_is_the_one_yaml_file_of_the_page(minimal):
    pages = pages_of(minimal)
    assert pages["kommuner/testby.md"].edit_file == "data/kommuner/testby.yaml"
    assert pages["principper/alpha.md"].edit_file == "concept/principper/alpha.yaml"
    assert pages["principper/index.md"].edit_file is None  # made from several files


@pytest.mark.parametrize("field,old,new,shown", [
    ("plain text", "titel: Tag udgangspunkt i håb", 'titel: "*stjerne* og [klamme] {#x} | streg"',
     "\\*stjerne\\* og \\[klamme\\] \\{\\#x\\} \\| streg"),
    ("Markdown text", "hvad: Hvad alpha er.", 'hvad: "<img src=x onerror=alert(1)> **fed**"',
     "&lt;img src=x onerror=alert(1)> **fed**"),
    ("attribute list in Markdown", "hvad: Hvad alpha er.", 'hvad: "Tekst{: onclick=alert(1)}"',
     "Tekst\\{: onclick=alert(1)\\}"),
])
def test_text_from_yaml_cannot_add_html_or_markup(minimal, field, old, new, shown):
    minimal.replace("concept/principper/alpha.yaml", old, new)
    assert shown in pages_of(minimal)["principper/alpha.md"].markdown


def test_plain_text_escapes_html_even_outside_the_models():
    assert str(text.plain("<script>&")) == "&lt;script&gt;&amp;"
    assert text.escaped_nav([{"<b>": [{"a & b": "x.md"}]}]) == [{"&lt;b&gt;": [{"a &amp; b": "x.md"}]}]


def test_an_id_that_collides_with_a_section_anchor_is_a_content_error(minimal):
    minimal.replace("data/kommuner/testby.yaml", "id: en-indgang", "id: kilder")
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(minimal.root))
    [error] = caught.value.errors
    assert str(error) == (
        "data/kommuner/testby.yaml:16:9: felt 'aktiviteter[1].id': Ankeret '#kilder' findes 2 gange på siden "
        "kommuner/testby.md; et id må ikke hedde det samme som et fast afsnit eller et andet id på siden. "
        "Vælg et andet id.")


def test_a_collision_in_a_file_saved_again_broken_is_still_a_content_error(minimal):
    # Under serve the file may change between loading and the render that finds the collision.
    minimal.replace("data/kommuner/testby.yaml", "id: en-indgang", "id: kilder")
    handbook = load_handbook(minimal.root)
    minimal.replace("data/kommuner/testby.yaml", "id: kilder", "id:\tkilder")
    with pytest.raises(ContentErrors) as caught:
        render_handbook(handbook)
    [error] = caught.value.errors
    assert (error.file, error.line, error.column, error.field) == ("data/kommuner/testby.yaml", 1, 1, "")
    assert error.message.startswith("Ankeret '#kilder' findes 2 gange på siden kommuner/testby.md")


def test_a_collision_on_a_page_made_of_several_files_names_the_right_file(minimal):
    text = (minimal.root / "concept/faser/slut.yaml").read_text(encoding="utf-8")
    (minimal.root / "concept/faser/slut.yaml").unlink()
    minimal.write("concept/faser/principper.yaml", text.replace("id: slut", "id: principper"))
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(minimal.root))
    # It collides on the front page (made of many files) and on the phase's own page.
    assert [(e.file, e.line, e.column, e.message.split(";")[0]) for e in caught.value.errors] == [
        ("concept/faser/principper.yaml", 1, 5, "Ankeret '#principper' findes 2 gange på siden faser/principper.md"),
        ("concept/faser/principper.yaml", 1, 5, "Ankeret '#principper' findes 2 gange på siden index.md"),
    ]


def test_a_plain_field_that_starts_a_line_stays_text(minimal):
    minimal.replace("data/kommuner/testby.yaml", "    kilder: [kilde-b]\ntidslinje:",
                    '    note: "2016. Tallene er foreløbige."\n    kilder: [kilde-b]\ntidslinje:')
    assert "\n2016\\. Tallene er foreløbige.\n" in pages_of(minimal)["kommuner/testby.md"].markdown


def test_partnership_page(minimal):
    md = pages_of(minimal)["partnerskab.md"].markdown
    assert "- **Periode:** 1. januar 2019 – 31. december 2022" in md
    assert "- **Partnerskabskommuner:** [Testby Kommune](kommuner/testby.md)" in md
    assert "1. Bedre trivsel\n2. Flere i job\n" in md
    assert "- **8.800.000 kr.:** Satspuljen." in md


def test_information_meetings_are_dated_events_in_order_with_anchors(minimal):
    md = pages_of(minimal)["udviklingsforloeb.md"].markdown
    first = md.index("### 13. september 2023: Informationsmøde {#infomoede-2023-09-13}")
    assert first < md.index("### 2. oktober 2023: Informationsmøde {#infomoede-2023-10-02}")
    assert "- **Varighed:** 1,5 år" in md


def test_phases_name_their_basis_with_links(minimal):
    for path in ("index.md", "faser/start.md"):
        link_base = "" if path == "index.md" else "../"
        assert (f"Læs om grundlaget: [Partnerskabet]({link_base}partnerskab.md) og "
                f"[Udviklingsforløb]({link_base}udviklingsforloeb.md).") in pages_of(minimal)[path].markdown


MUNICIPALITY_SECTIONS = ["overblik", "partnerskab", "aktiviteter", "planer", "organisation", "tal", "tidslinje",
                         "resultater", "kildegrundlag", "kilder"]


def section_anchors(markdown):
    return re.findall(r"^## .* \{#([a-z0-9-]+)\}$", markdown, re.MULTILINE)


def test_a_municipality_the_sources_say_little_about_names_its_gaps_in_one_line(minimal):
    minimal.write("data/kommuner/tavsby.yaml", "id: tavsby\nnavn: Tavsby Kommune\nresume: Lidt.\nkilder: [kilde-a]\n")
    md = pages_of(minimal)["kommuner/tavsby.md"].markdown
    # No empty sections: what is missing is said once, in the overview.
    assert section_anchors(md) == ["overblik", "kildegrundlag", "kilder"]
    gaps = re.findall(r"^- \*\*Det ved vi endnu ikke:\*\* (.*)\. \[Om kildegrundlaget\]\(#kildegrundlag\)$", md,
                      re.MULTILINE)
    assert gaps == ["et projekt med navn, periode og budget, samarbejdspartnere, kommunens aktiviteter, "
                    "planer og strategier, hvordan arbejdet er organiseret, tal for kommunens socialpsykiatri, "
                    "forløbet i tid, resultater og erfaringer"]
    assert "siger ikke noget om" not in md


def test_a_partner_municipality_shows_the_partnerships_common_frame_with_its_sources(minimal):
    md = pages_of(minimal)["kommuner/testby.md"].markdown
    assert "## Partnerskabets fælles ramme {#partnerskab}\n\nEt implementeringsteam i hver kommune.\n" in md
    assert "- Kilde A. Styrelsen" in md.split("## Kilder {#kilder}", 1)[1]


def test_municipality_details_status_plans_key_figures_and_members(minimal):
    minimal.replace("data/kommuner/testby.yaml", "    beskrivelse: En dør ind.\n",
                    "    beskrivelse: En dør ind.\n    status: afproevning\n    status_pr: 2021-04-21\n")
    minimal.replace("data/kommuner/testby.yaml", "tal:\n", (
        "planer:\n  - id: psykiatriplan\n    titel: Psykiatriplan 2018-2021\n    beskrivelse: Planen.\n"
        "    fokusomraader: [Recovery, Netværk]\n    kilder: [kilde-b]\n"
        "organisation:\n  - navn: Styregruppe\n    rolle: Styrer.\n    deltagere: [Centerleder, Én peer]\n"
        "noegletal:\n  - navn: Borgere i socialpsykiatrien\n    vaerdi: 120\n    cirka: true\n"
        "    tidspunkt: '2019'\n    kilder: [kilde-b]\ntal:\n"))
    md = pages_of(minimal)["kommuner/testby.md"].markdown
    # The fixture's municipality has no results: that section is named in the overview instead.
    assert section_anchors(md) == [s for s in MUNICIPALITY_SECTIONS if s != "resultater"]
    assert "### Én indgang {#en-indgang}\n\n*Aktivitet 1 · Under afprøvning pr. april 2021*\n" in md
    assert "### Psykiatriplan 2018-2021 {#psykiatriplan}\n\nPlanen.\n\n- Recovery\n- Netværk\n" in md
    assert "| Styregruppe | Styrer. | Centerleder, Én peer |" in md
    assert "- **Borgere i socialpsykiatrien:** ca. 120 (2019)" in md


def test_whats_new_shows_the_editors_sentences_per_month_with_the_pages_and_never_a_file_name(minimal):
    day1, day2 = datetime.date(2026, 1, 5), datetime.date(2026, 11, 23)
    sentence = "Testby Kommunes side fortæller nu om *den nye* indgang."
    history = History((
        Change(day2, "M", "data/kommuner/testby.yaml", (sentence,), "c3"),
        Change(day2, "D", "data/kommuner/gammelby.yaml", (), "c2"),
        Change(day2, "M", "concept/kilder.yaml", (), "c2"),
        Change(day1, "A", "concept/principper/alpha.yaml", (), "c1"),
        Change(day1, "M", "concept/haandbog.yaml", (), "c1"),
    ))
    pages = pages_of(minimal, history)
    md = pages["nyt.md"].markdown
    assert md.index("## November 2026 {#maaned-2026-11}") < md.index("## Januar 2026 {#maaned-2026-01}")
    assert ("- **23. november 2026:** Testby Kommunes side fortæller nu om \\*den nye\\* indgang. "
            "Se [Testby Kommune](kommuner/testby.md).") in md
    # Without a sentence: which pages changed; a file with no page of its own shows the pages made from it.
    assert "- **5. januar 2026:** Opdateret: [1\\. Tag udgangspunkt i håb](principper/alpha.md), [Forside](index.md)." in md
    assert ".yaml" not in md and "gammelby" not in md
    # A page's "Senest opdateret" leads to its month.
    assert "*Senest opdateret [23. november 2026](../nyt.md#maaned-2026-11)*" in pages["kommuner/testby.md"].markdown


def test_whats_new_without_history_says_so(minimal):
    assert "Håndbogens historik er ikke med i denne udgave." in pages_of(minimal)["nyt.md"].markdown


def test_glossary_abbreviations_get_their_short_explanation_on_every_page(minimal):
    minimal.replace("concept/ordliste.yaml", "    definition: En medarbejder med egen erfaring.\n",
                    "    definition: En medarbejder med egen erfaring.\n    forkortelser: [PEER]\n"
                    "    kort: En medarbejder med egen erfaring.\n")
    for page in pages_of(minimal).values():
        assert page.markdown.endswith("\n*[PEER]: En medarbejder med egen erfaring.\n"), page.path


def test_an_abbreviation_without_its_explanation_is_a_content_error(minimal):
    minimal.replace("concept/ordliste.yaml", "    definition: En medarbejder med egen erfaring.\n",
                    "    definition: En medarbejder med egen erfaring.\n    forkortelser: [PEER]\n")
    with pytest.raises(ContentErrors) as caught:
        load_handbook(minimal.root)
    assert "Skriv også 'kort' med én sætning" in str(caught.value)
    assert "concept/ordliste.yaml:3:" in str(caught.value)

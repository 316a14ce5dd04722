"""Rendering: every page kind from the minimal fixture, anchors from ids, text escaped."""
import datetime
import re

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.history import Change, History
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook, text


def pages_of(tree, history=None):
    return {p.path: p for p in render_handbook(load_handbook(tree.root), history).pages}


def test_every_page_kind_has_its_page(minimal):
    assert sorted(pages_of(minimal)) == sorted([
        "index.md", "faser/start.md", "faser/slut.md", "principper/index.md", "principper/alpha.md",
        "principper/beta.md", "recovery.md", "partnerskab.md", "udviklingsforloeb.md",
        "vejledning/ledelse.md", "selvevaluering.md", "kommuner/index.md", "kommuner/testby.md", "sammenligning.md",
        "ordliste.md", "data.md", "nyt.md", "oplaegsholdere.md"])


def test_navigation_follows_numbers_and_names(minimal):
    nav = render_handbook(load_handbook(minimal.root)).nav
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
    assert nav[7] == {"Om håndbogen": [{"Hvad er nyt": "nyt.md"}]}
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
        assert re.search(rf"## \w+ {{#{anchor}}}\n\n{re.escape(body)}", md)
    assert "**Lovgrundlag i serviceloven:** § 81" in md
    # The example is found from the municipality's activity, not written twice.
    assert "- **Testby Kommune:** [Én indgang](../kommuner/testby.md#en-indgang)" in md
    assert "- [Fase 1: Start](../faser/start.md)" in md


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
    assert ("| [Testby Kommune](testby.md) | Styrmand i test | 1. januar 2020 – 30. september 2022 "
            "| 3.750.000 kr. |") in md


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
    assert md.rstrip().endswith("## Kilder {#kilder}\n\n- Kilde B. Kommunen.\n\n*Senest opdateret 23. november 2026*")
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


MUNICIPALITY_SECTIONS = ["overblik", "aktiviteter", "planer", "organisation", "tal", "tidslinje", "resultater",
                         "kildegrundlag", "kilder"]


def section_anchors(markdown):
    return re.findall(r"^## .* \{#([a-z0-9-]+)\}$", markdown, re.MULTILINE)


def test_a_municipality_the_sources_say_little_about_has_every_section_saying_so(minimal):
    minimal.write("data/kommuner/tavsby.yaml", "id: tavsby\nnavn: Tavsby Kommune\nresume: Lidt.\nkilder: [kilde-a]\n")
    md = pages_of(minimal)["kommuner/tavsby.md"].markdown
    assert section_anchors(md) == MUNICIPALITY_SECTIONS
    for subject in ("et projekt", "kommunens aktiviteter", "kommunens planer og strategier",
                    "hvordan arbejdet er organiseret", "tal for kommunens socialpsykiatri", "forløbet i tid",
                    "resultater eller erfaringer"):
        assert f"Kilderne siger ikke noget om {subject}." in md


def test_municipality_details_status_plans_key_figures_and_members(minimal):
    minimal.replace("data/kommuner/testby.yaml", "    beskrivelse: En dør ind.\n",
                    "    beskrivelse: En dør ind.\n    status: afproevning\n")
    minimal.replace("data/kommuner/testby.yaml", "tal:\n", (
        "planer:\n  - id: psykiatriplan\n    titel: Psykiatriplan 2018-2021\n    beskrivelse: Planen.\n"
        "    fokusomraader: [Recovery, Netværk]\n    kilder: [kilde-b]\n"
        "organisation:\n  - navn: Styregruppe\n    rolle: Styrer.\n    deltagere: [Centerleder, Én peer]\n"
        "noegletal:\n  - navn: Borgere i socialpsykiatrien\n    vaerdi: 120\n    cirka: true\n"
        "    tidspunkt: '2019'\n    kilder: [kilde-b]\ntal:\n"))
    md = pages_of(minimal)["kommuner/testby.md"].markdown
    assert section_anchors(md) == MUNICIPALITY_SECTIONS
    assert "### Én indgang {#en-indgang}\n\n*Aktivitet 1 · Under afprøvning*\n" in md
    assert "### Psykiatriplan 2018-2021 {#psykiatriplan}\n\nPlanen.\n\n- Recovery\n- Netværk\n" in md
    assert "| Styregruppe | Styrer. | Centerleder, Én peer |" in md
    assert "- **Borgere i socialpsykiatrien:** ca. 120 (2019)" in md


def test_whats_new_lists_changed_pages_per_day_newest_first(minimal):
    day1, day2 = datetime.date(2026, 1, 5), datetime.date(2026, 11, 23)
    history = History((
        Change(day2, "M", "data/kommuner/testby.yaml"),
        Change(day2, "D", "data/kommuner/gammelby.yaml"),
        Change(day2, "M", "data/kommuner/testby.yaml"),
        Change(day1, "A", "concept/principper/alpha.yaml"),
        Change(day1, "M", "concept/kilder.yaml"),
    ))
    md = pages_of(minimal, history)["nyt.md"].markdown
    assert md.index("## 23. november 2026 {#dato-2026-11-23}") < md.index("## 5. januar 2026 {#dato-2026-01-05}")
    assert md.count("- Opdateret: [Testby Kommune](kommuner/testby.md)") == 1
    assert "- Fjernet: data/kommuner/gammelby.yaml" in md
    assert "- Ny: [1\\. Tag udgangspunkt i håb](principper/alpha.md)" in md
    assert "- Opdateret: concept/kilder.yaml" in md


def test_whats_new_without_history_says_so(minimal):
    assert "Håndbogens historik er ikke med i denne udgave." in pages_of(minimal)["nyt.md"].markdown

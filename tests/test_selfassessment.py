"""The self-assessment (concept/selvevaluering.yaml): mistakes an editor can make, each with its
Danish message at file and line, and the page made from the file."""
import re

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

S = "concept/selvevaluering.yaml"

CASES = [
    # (what, old text, new text, line, field, message)
    ("unknown principle", "princip: alpha", "princip: alfa", 16, "udsagn[1].princip",
     "Der findes intet princip med id 'alfa'. Mente du 'alpha'?"),
    ("unknown phase", "fase: start", "fase: begyndelse", 21, "udsagn[2].fase",
     "Der findes ingen fase med id 'begyndelse'."),
    ("unknown audience", "maalgrupper: [ledelse]", "maalgrupper: [ledelsen]", 17, "udsagn[1].maalgrupper[1]",
     "Der findes ingen vejledning med id 'ledelsen'. Mente du 'ledelse'?"),
    ("statement id used twice", "id: retning-besluttet", "id: haab-i-maalene", 19, "udsagn[2].id",
     "id 'haab-i-maalene' bruges allerede af punkt 1 i listen; et anker skal være entydigt på siden."),
    ("statement of both a principle and a phase", "    princip: alpha\n", "    princip: alpha\n    fase: start\n",
     14, "udsagn[1]", "Et udsagn hører til enten et princip eller en fase: skriv 'princip:' eller 'fase:', "
                      "ikke begge og ikke ingen af dem."),
    ("statement of neither", "    princip: alpha\n", "", 14, "udsagn[1]",
     "Et udsagn hører til enten et princip eller en fase: skriv 'princip:' eller 'fase:', "
     "ikke begge og ikke ingen af dem."),
    ("a level takes the id of 'don't know'", "id: forankret", "id: ved-ikke", 7, "skala[2].id",
     "Id'et 'ved-ikke' bruges til svaret i 'ved_ikke'; giv trinnet et andet id."),
    ("section that is not a link", "afsnit: /faser/start/#trin", "afsnit: faser/start#trin", 23,
     "udsagn[2].afsnit", "'faser/start#trin' er ikke et link i håndbogen: skriv det som i links.lock, med / "
                         "før og efter hver del og kun små bogstaver a-z, tal og bindestreg, fx "
                         "'/kommuner/herning/' eller '/kommuner/herning/#en-indgang'."),
]


@pytest.mark.parametrize("what,old,new,line,field,message", CASES, ids=[c[0] for c in CASES])
def test_a_mistake_gives_one_danish_error_at_its_line(minimal, what, old, new, line, field, message):
    minimal.replace(S, old, new)
    [error] = minimal.errors()
    assert (error.file, error.line, error.field, error.message) == (S, line, field, message)


def render(tree):
    return render_handbook(load_handbook(tree.root))


def rendered_errors(tree):
    with pytest.raises(ContentErrors) as caught:
        render(tree)
    return caught.value.errors


def test_a_section_anchor_that_does_not_exist_is_reported_at_its_line(minimal):
    minimal.replace(S, "afsnit: /principper/alpha/#hvordan", "afsnit: /principper/alpha/#hvorledes")
    [error] = rendered_errors(minimal)
    assert (error.file, error.line, error.column, error.field, error.message) == (
        S, 18, 13, "udsagn[1].afsnit",
        "Afsnittet '/principper/alpha/#hvorledes' findes ikke i håndbogen. Mente du '/principper/alpha/#hvordan'?")


def test_a_page_that_does_not_exist_is_reported_at_its_line(minimal):
    minimal.replace(S, "afsnit: /faser/start/#trin", "afsnit: /faser/midte/")
    [error] = rendered_errors(minimal)
    assert (error.line, error.field) == (23, "udsagn[2].afsnit")
    assert error.message.startswith("Afsnittet '/faser/midte/' findes ikke i håndbogen.")


def page(tree, path="selvevaluering.md"):
    return next(p for p in render(tree).pages if p.path == path).markdown


def test_each_statement_is_a_fieldset_with_the_scale_as_radio_buttons_and_a_note(minimal):
    md = page(minimal)
    fieldset = re.search(r'<fieldset class="udsagn" id="udsagn_haab-i-maalene".*?</fieldset>', md, re.DOTALL).group()
    assert "<legend>Vi tager udgangspunkt i borgerens håb.</legend>" in fieldset
    assert re.findall(r'<input type="radio" name="udsagn_haab-i-maalene" value="([a-z-]+)"> ([^<]+)</label>',
                      fieldset) == [("ikke-begyndt", "Ikke begyndt"), ("forankret", "Forankret"),
                                    ("ved-ikke", "Ved ikke")]
    assert '<textarea name="udsagn_haab-i-maalene_note"' in fieldset
    assert 'data-maalgrupper="ledelse"' in fieldset
    assert ('<a href="../principper/alpha/#hvordan">Læs om det: 1. Tag udgangspunkt i håb – Hvordan</a>'
            in fieldset)


def test_statements_are_grouped_under_their_principle_and_phase(minimal):
    md = page(minimal)
    principle = md.index("### 1\\. Tag udgangspunkt i håb {#alpha}")
    phase = md.index("### Fase 1: Start {#start}")
    assert principle < md.index("udsagn_haab-i-maalene") < phase < md.index("udsagn_retning-besluttet")
    # Groups without statements get no heading.
    assert "{#beta}" not in md and "{#slut}" not in md


def test_principle_and_phase_pages_link_to_their_part_of_the_assessment(minimal):
    assert "[Gør status i selvevalueringen](../selvevaluering.md#alpha)" in page(minimal, "principper/alpha.md")
    assert "[Gør status i selvevalueringen](../selvevaluering.md#start)" in page(minimal, "faser/start.md")
    assert "selvevaluering.md" not in page(minimal, "principper/beta.md")


def test_the_content_version_changes_with_a_statements_wording(minimal):
    version = re.search(r'data-version="([0-9a-f]+)"', page(minimal)).group(1)
    minimal.replace(S, "tekst: Vi har besluttet retningen.", "tekst: Vi har besluttet en retning.")
    assert re.search(r'data-version="([0-9a-f]+)"', page(minimal)).group(1) != version


def test_text_from_yaml_cannot_add_html_to_the_form(minimal):
    minimal.replace(S, "tekst: Vi tager udgangspunkt i borgerens håb.", 'tekst: Vi & "de andre" tager')
    assert '<legend>Vi &amp; &quot;de andre&quot; tager</legend>' in page(minimal)

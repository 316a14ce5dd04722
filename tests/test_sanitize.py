"""The allowlist itself: what an ordinary page and the self-assessment's form may hold."""
from omlaegning.sanitize import clean

FORM = ('<fieldset class="udsagn" id="udsagn_a" data-maalgrupper="tilbud" onclick="x()">'
        '<legend>Vi gør det</legend><label class="svar"><input type="radio" name="udsagn_a" value="i-gang" '
        'onchange="x()" formaction="javascript:x()">I gang</label>'
        '<textarea name="udsagn_a_note" rows="2" autofocus onfocus="x()"></textarea></fieldset>')


def test_form_controls_are_removed_from_ordinary_pages():
    assert clean(FORM) == "Vi gør detI gang"


def test_the_self_assessment_keeps_its_controls_and_nothing_that_runs():
    assert clean(FORM, form=True) == (
        '<fieldset class="udsagn" id="udsagn_a" data-maalgrupper="tilbud"><legend>Vi gør det</legend>'
        '<label class="svar"><input type="radio" name="udsagn_a" value="i-gang">I gang</label>'
        '<textarea name="udsagn_a_note" rows="2"></textarea></fieldset>')
    assert clean('<input type="password" name="x"><form action="/"><button>x</button></form>', form=True) == (
        '<input name="x">x')


def test_ids_cannot_stand_in_for_the_themes_own_elements():
    assert clean('<p id="__config">x</p><h2 id="hvad">Hvad</h2>') == '<p>x</p><h2 id="hvad">Hvad</h2>'

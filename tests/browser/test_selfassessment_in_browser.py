"""The self-assessment "Hvor langt er vi?" in real Chromium: answers kept in the browser only,
passed on as a file, summarised, printed, and accessible."""
import io
import json

import pytest
from pypdf import PdfReader

from helpers import real_content
from axecheck import axe_violations
from test_screenshots import OUT

URL = "/selvevaluering/"
ASSESSMENT = real_content().selvevaluering
STATEMENTS = ASSESSMENT.udsagn
LEVELS = [n.id for n in ASSESSMENT.skala] + ["ved-ikke"]
NAMES = dict(zip(LEVELS, [n.navn for n in ASSESSMENT.skala] + [ASSESSMENT.ved_ikke.navn]))
# Every third statement unanswered; the others spread over the scale, every second with a note.
ANSWERS = {s.id: (LEVELS[i % len(LEVELS)], f"Note til {s.id}" if i % 2 else "")
           for i, s in enumerate(STATEMENTS) if i % 3}


def open_page(page, base_url):
    page.goto(base_url + URL)
    page.wait_for_selector(".selvevaluering .status-diagram")
    return page


def answer_by_clicks(page):
    """As a reader answers: a click on each level, the notes and the municipality typed in."""
    for statement_id, (level, note) in ANSWERS.items():
        fieldset = page.locator(f"#udsagn_{statement_id}")
        fieldset.locator(f"input[value='{level}']").check()
        if note:
            fieldset.locator("textarea").fill(note)
    page.fill(".selvevaluering input[type=text]", "Nyby Kommune")


def answer_all(page):
    """The same answers in one step: each input set and the event a click or a keystroke fires sent to it,
    so the page's script takes them in as it does a reader's (test_answers_are_kept_after_a_reload clicks)."""
    page.evaluate("""([answers, municipality]) => {
        const send = (element, type) => element.dispatchEvent(new Event(type, {bubbles: true}));
        for (const [id, [level, note]] of Object.entries(answers)) {
            const fieldset = document.getElementById('udsagn_' + id);
            const radio = fieldset.querySelector(`input[value='${level}']`);
            radio.checked = true;
            send(radio, 'input');
            send(radio, 'change');
            if (note) {
                const textarea = fieldset.querySelector('textarea');
                textarea.value = note;
                send(textarea, 'input');
            }
        }
        const field = document.querySelector('.selvevaluering input[type=text]');
        field.value = municipality;
        send(field, 'input');
    }""", [{k: list(v) for k, v in ANSWERS.items()}, "Nyby Kommune"])


def answers_shown(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('fieldset.udsagn')]
        .map(f => [f.id.replace('udsagn_', ''), [(f.querySelector('input:checked') || {}).value || '',
                                                 f.querySelector('textarea').value]])
        .filter(([, [level, note]]) => level || note))""")


def expected() -> dict:
    return {statement_id: [level, note] for statement_id, (level, note) in ANSWERS.items()}


def save_file(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem som fil").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def open_file(page, path):
    page.set_input_files(".selvevaluering input[type=file]", str(path))


def message(page) -> str:
    page.wait_for_function("() => document.querySelector('.selvevaluering-besked').textContent !== ''")
    return page.text_content(".selvevaluering-besked")


def test_answers_are_kept_after_a_reload(page, base_url):
    open_page(page, base_url)
    answer_by_clicks(page)
    page.reload()
    page.wait_for_selector(".selvevaluering .status-diagram")
    assert answers_shown(page) == expected()
    assert page.input_value(".selvevaluering input[type=text]") == "Nyby Kommune"
    stored = json.loads(page.evaluate("localStorage.getItem('omlaegning-selvevaluering')"))
    assert stored["indholdsversion"] == page.get_attribute(".selvevaluering", "data-version")
    assert set(stored["svar"]) == set(ANSWERS)


def test_a_saved_file_restores_every_answer_and_note_in_a_fresh_browser(page, first_visit, base_url, tmp_path):
    open_page(page, base_url)
    answer_all(page)
    path = save_file(page, tmp_path)
    assert path.name.startswith("hvor-langt-er-vi-nyby-kommune-")
    saved = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(ANSWERS))
    assert saved["kommune"] == "Nyby Kommune"
    assert saved["svar"][first]["tekst"] == next(s.tekst for s in STATEMENTS if s.id == first)
    assert saved["svar"][first]["niveaunavn"] == NAMES[ANSWERS[first][0]]

    other = open_page(first_visit, base_url)
    assert answers_shown(other) == {}
    open_file(other, path)
    assert "er hentet" in message(other)
    assert answers_shown(other) == expected()
    assert other.input_value(".selvevaluering input[type=text]") == "Nyby Kommune"


@pytest.mark.parametrize("content,says", [
    ("{ikke json", "kunne ikke læses: den er ikke en fil med svar"),
    (json.dumps({"navn": "en anden fil"}), "Filen er ikke gemt fra siden"),
    (json.dumps({"format": "omlaegningshaandbogen-selvevaluering", "svar": {STATEMENTS[0].id: {
        "niveau": "halvvejs", "note": ""}}}), "har et trin, skalaen ikke har (”halvvejs”)"),
], ids=["not-json", "foreign", "unknown-level"])
def test_a_broken_file_changes_nothing_and_says_why(page, base_url, tmp_path, content, says):
    open_page(page, base_url)
    answer_all(page)
    before = page.evaluate("localStorage.getItem('omlaegning-selvevaluering')")
    path = tmp_path / "svar.json"
    path.write_text(content, encoding="utf-8")
    open_file(page, path)
    text = message(page)
    assert says in text and text.endswith("Ingen svar er ændret.")
    assert page.get_attribute(".selvevaluering-besked", "aria-live") == "polite"
    assert answers_shown(page) == expected()
    assert page.evaluate("localStorage.getItem('omlaegning-selvevaluering')") == before


def test_answers_to_statements_that_no_longer_exist_are_listed(page, base_url, tmp_path):
    open_page(page, base_url)
    first = next(iter(ANSWERS))
    data = {"format": "omlaegningshaandbogen-selvevaluering", "kommune": "", "svar": {
        first: {"niveau": ANSWERS[first][0], "note": "", "tekst": "En gammel formulering"},
        "fjernet-udsagn": {"niveau": LEVELS[1], "note": "Vi talte om det", "tekst": "Vi havde et udsagn, der nu er væk."},
    }}
    path = tmp_path / "gammel.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    open_file(page, path)
    text = message(page)
    assert "1 svar hører til udsagn, der ikke længere findes" in text
    assert "1 udsagn er formuleret anderledes" in text
    listed = page.locator(".selvevaluering-forsvundne li")
    assert listed.count() == 1
    assert listed.inner_text() == f"Vi havde et udsagn, der nu er væk. – {NAMES[LEVELS[1]]}. Note: Vi talte om det"
    # Kept, not dropped: after a reload the list is still there, and a saved file holds the answer.
    page.reload()
    assert page.locator(".selvevaluering-forsvundne li").count() == 1
    assert "fjernet-udsagn" in json.loads(save_file(page, tmp_path).read_text(encoding="utf-8"))["svar"]


def test_nothing_leaves_the_site_and_no_cookie_is_set(first_visit, base_url, tmp_path):
    """On a first visit, in a browser of its own."""
    page = first_visit
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + URL)
    page.wait_for_selector(".selvevaluering .status-diagram")
    answer_all(page)
    open_file(page, save_file(page, tmp_path))
    message(page)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert requested and [u for u in requested if not u.startswith((base_url + "/", "blob:"))] == []
    assert page.context.cookies() == []


def test_the_filter_shows_one_audience_and_the_summary_follows(page, base_url):
    open_page(page, base_url)
    audience = "myndighed"
    page.select_option(".selvevaluering select", audience)
    shown = page.eval_on_selector_all("fieldset.udsagn:not([hidden])", "fs => fs.map(f => f.id)")
    assert shown == [f"udsagn_{s.id}" for s in STATEMENTS if audience in s.maalgrupper]
    total = page.evaluate("""() => [...document.querySelectorAll('.status-tabel tbody tr')]
        .map(r => [...r.querySelectorAll('td')].reduce((sum, td) => sum + Number(td.textContent), 0))
        .reduce((a, b) => a + b, 0)""")
    assert total == len(shown)


def test_the_printout_shows_the_date_municipality_summary_and_every_answer(page, base_url):
    open_page(page, base_url)
    answer_all(page)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.selvevaluering-knapper', '.selvevaluering-felter', '.udsagn-note', '.admonition']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none"] * 4
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages).split())
    assert "Status for Nyby Kommune" in text
    assert "Principperne: antal udsagn på hvert trin" in text and "Faserne: antal udsagn på hvert trin" in text
    for statement in STATEMENTS:
        assert statement.tekst in text
    for statement_id, (level, note) in ANSWERS.items():
        assert f"Svar: {NAMES[level]}" in text
        if note:
            assert f"Note: {note}" in text
    assert "Svar: ikke besvaret" in text
    assert "Gem som fil" not in text and "Hent fil" not in text


def test_no_axe_violations_with_answers_filled_in(page, base_url):
    open_page(page, base_url)
    answer_all(page)
    page.locator(".selvevaluering-besked").evaluate("e => e.textContent = 'Svarene er gemt.'")
    assert axe_violations(page) == []


def test_the_script_does_nothing_on_other_pages(page, base_url):
    page.goto(base_url + "/principper/ressourcer/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.classList.contains('selvevaluering-side')") is False
    assert page.evaluate("localStorage.getItem('omlaegning-selvevaluering')") is None
    link = page.get_by_role("link", name="Gør status i selvevalueringen")
    link.click()
    page.wait_for_selector(".selvevaluering .status-diagram")
    assert page.evaluate("location.hash") == "#ressourcer"


SIZES = {"desktop": (1366, 900), "mobil": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("filled", [False, True], ids=["tom", "udfyldt"])
def test_screenshots(page, base_url, size, filled):
    """For people to look at, in build/skaermbilleder/: the status and the first statements."""
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, base_url)
    if filled:
        answer_all(page)
    OUT.mkdir(parents=True, exist_ok=True)
    for part, selector in (("status", ".selvevaluering"), ("udsagn", f"#{STATEMENTS[0].princip}")):
        page.locator(selector).evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 70)")
        path = OUT / f"selvevaluering-{'udfyldt' if filled else 'tom'}-{part}-{size}.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 0

"""The accessibility statement (concept/tilgaengelighed.yaml): its page, the mistakes an editor can make,
the notice while the editors' mailbox and phone are missing, the /was/ redirect, and the facts it states
checked against the test suite. Dates are written relative to today, the day the rule is judged on."""
import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import REPO, real_content
from omlaegning.cli import main
from omlaegning.feedback import feedback
from omlaegning.loader import load_handbook
from omlaegning.models.tilgaengelighed import OVERHOLDELSE
from omlaegning.render import render_handbook

T = "concept/tilgaengelighed.yaml"
TODAY = datetime.date.today()
# Each check the statement may name, by its id in the YAML, and the test module that runs it.
CHECKS = {
    "axe": "tests/browser/test_every_page.py",
    "nu": "tests/test_html_validity.py",
    "tastatur": "tests/browser/test_keyboard.py",
    "pdf": "tests/test_pdf.py",
}
FILLED = "kontakt:\n  navn: Testredaktionen\n  email: redaktion@example.org\n  telefon: +45 70 00 00 00\n"


def days_ago(days: int) -> str:
    return (TODAY - datetime.timedelta(days=days)).isoformat()


def dated(tree, made: str, reviewed: str):
    """The statement made and reviewed on these days (the fixture's copy is reviewed today)."""
    tree.replace(T, f"udarbejdet: 2026-11-23\nsenest_gennemgaaet: {TODAY}",
                 f"udarbejdet: {made}\nsenest_gennemgaaet: {reviewed}")


def statement_page(root: Path, **options) -> str:
    rendered = render_handbook(load_handbook(root), **options)
    return next(p.markdown for p in rendered.pages if p.path == "tilgaengelighed.md")


@pytest.mark.parametrize("made,reviewed,message", [
    (days_ago(500), days_ago(366), f"Erklæringen blev sidst gennemgået {days_ago(366)}, for mere end et år siden. "
                                   "Gennemgå den (status, mangler og kontakt), og skriv dagens dato her."),
    (days_ago(10), days_ago(-1), f"Datoen {days_ago(-1)} ligger i fremtiden; skriv den dag, erklæringen faktisk "
                                 "blev gennemgået."),
    (days_ago(10), days_ago(20), f"Datoen ligger før 'udarbejdet' ({days_ago(10)}); en gennemgang kommer efter, "
                                 "at erklæringen er skrevet."),
], ids=["review more than a year old", "review in the future", "review before the statement was made"])
def test_review_date_mistakes(minimal, made, reviewed, message):
    dated(minimal, made, reviewed)
    assert [(e.file, e.line, e.field, e.message) for e in minimal.errors()] == [
        (T, 19, "senest_gennemgaaet", message)]


def test_a_review_exactly_a_year_ago_still_holds(minimal):
    dated(minimal, days_ago(400), days_ago(365))
    load_handbook(minimal.root)


CASES = [
    # (what, old text, new text, line, field, message)
    ("fully compliant with known problems", "status: delvist", "status: fuldt", 11, "ikke_tilgaengeligt",
     "Med status 'fuldt' må der ikke stå noget under 'ikke_tilgaengeligt'; vælg 'delvist', eller fjern "
     "punkterne, når de er rettet."),
    ("status in English", "status: delvist", "status: partial", 4, "status",
     "Værdien skal være en af: 'fuldt', 'delvist' eller 'ikke'; fik teksten 'partial'."),
    ("mailbox that is not an address", "kontakt:\n  navn: Testredaktionen\n",
     "kontakt:\n  navn: Testredaktionen\n  email: redaktionen\n", 17, "kontakt.email",
     "'redaktionen' er ikke en e-mailadresse; skriv den som navn@domæne.dk."),
    ("phone number with letters", "kontakt:\n  navn: Testredaktionen\n",
     "kontakt:\n  navn: Testredaktionen\n  telefon: ring til os\n", 17, "kontakt.telefon",
     "'ring til os' er ikke et telefonnummer; skriv kun cifre og mellemrum, gerne med +45 foran."),
    ("no way it was evaluated", "vurdering:\n  - id: axe\n    titel: Automatisk test\n    tekst: Alle sider tjekkes.\n",
     "vurdering: []\n", 6, "vurdering", "Listen må ikke være tom; den skal have mindst ét punkt."),
]


@pytest.mark.parametrize("old,new,line,field,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_statement_mistakes(minimal, old, new, line, field, message):
    minimal.replace(T, old, new)
    [error] = minimal.errors()
    assert (error.file, error.line, error.field, error.message) == (T, line, field, message)


@pytest.mark.parametrize("status", OVERHOLDELSE)
def test_the_page_states_the_status_in_the_model_statements_words(minimal, status):
    minimal.replace(T, "status: delvist", f"status: {status}")
    if status == "fuldt":
        minimal.replace(T, "ikke_tilgaengeligt:\n  - id: pdf\n    titel: PDF-filerne\n    tekst: To mangler.\n"
                           "    punkter: [Den ene, Den anden]\n", "")
    page = statement_page(minimal.root)
    assert f"**{OVERHOLDELSE[status]}**" in page
    assert ("#kendte-problemer" in page) == (status != "fuldt")


def test_the_page_shows_its_dates_in_danish_and_every_section(minimal):
    dated(minimal, "2026-11-23", days_ago(0))
    page = statement_page(minimal.root)
    review = load_handbook(minimal.root).tilgaengelighed.senest_gennemgaaet
    assert "udarbejdet 23. november 2026" in page
    assert f"senest gennemgået {review.day}. " in page
    for anchor in ("tilgaengelighedserklaering", "status", "vurdering", "kendte-problemer", "pdf",
                   "meld-et-problem", "klage", "udarbejdelse"):
        assert f"{{#{anchor}}}" in page, anchor
    assert "- Den ene\n- Den anden" in page


def test_without_mailbox_the_page_says_how_to_reach_the_editors_now(minimal):
    page = statement_page(minimal.root)
    assert "ingen fælles e-mailadresse eller telefonnummer" in page
    assert "GitHub" in page and "Digitaliseringsstyrelsen" in page
    assert "mailto:" not in page


def test_with_mailbox_and_phone_the_page_names_them(minimal):
    minimal.replace(T, "kontakt:\n  navn: Testredaktionen\n", FILLED)
    page = statement_page(minimal.root)
    assert "[redaktion@example.org](mailto:redaktion@example.org)" in page
    assert "**Telefon:** +45 70 00 00 00" in page.replace("\\", "")  # Markdown's escapes aside
    assert "ingen fælles e-mailadresse" not in page


def test_check_notes_the_missing_mailbox_and_phone(minimal, capsys):
    assert main(["--rod", str(minimal.root), "check"]) == 0
    assert ("Bemærk: kontakt.email og kontakt.telefon mangler i concept/tilgaengelighed.yaml."
            in capsys.readouterr().out)


def test_check_is_quiet_about_the_contact_once_it_is_there(minimal, capsys):
    minimal.replace(T, "kontakt:\n  navn: Testredaktionen\n", FILLED)
    assert main(["--rod", str(minimal.root), "check"]) == 0
    assert "kontakt." not in capsys.readouterr().out


def test_check_fails_on_an_old_review_with_the_line(minimal, capsys):
    dated(minimal, days_ago(800), days_ago(400))
    assert main(["--rod", str(minimal.root), "check"]) == 1
    assert f"{T}:19:21: felt 'senest_gennemgaaet': Erklæringen blev sidst gennemgået" in capsys.readouterr().err


def _query(link: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(link).query, strict_parsing=True).items()}


def test_feedback_links_carry_the_page_title_and_address_encoded():
    # A title with the characters that would end or split a query if left as they are.
    title, address = "Mål & midler #2? 50% / 100", "https://example.org/h/mål/?a=1&b=2"
    links = feedback("redaktion@example.org", "https://github.com/o/r/", title, address)
    mail, github = _query(links.mail), _query(links.github)
    assert links.mail.startswith("mailto:redaktion@example.org?")
    assert mail["subject"] == github["title"] == f"Fejl på siden: {title}"
    assert f"Adresse: {address}\r\n" in mail["body"] and f"Adresse: {address}\n" in github["body"]
    assert links.github.startswith("https://github.com/o/r/issues/new?")
    for link in (links.mail, links.github):  # nothing a mail program or browser reads as a delimiter
        assert " " not in link and "#" not in link and "/" not in link.partition("?")[2]


def test_feedback_without_mailbox_is_the_github_issue_alone():
    links = feedback(None, "https://github.com/o/r", "Forside", "https://example.org/")
    assert links.mail is None and links.github.startswith("https://github.com/o/r/issues/new?title=")


@pytest.mark.parametrize("was_url,target", [
    (None, "../tilgaengelighed/"),
    ("https://was.digst.dk/eksempel-dk", "https://was.digst.dk/eksempel-dk"),
])
def test_was_redirects_without_script(minimal, was_url, target):
    page = render_handbook(load_handbook(minimal.root), was_url=was_url).extra_files()["was/index.html"]
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
    assert f'<a href="{target}">' in page
    assert "<script" not in page


def test_every_check_the_statement_names_is_run_by_the_test_suite():
    """The statement's list of checks and the suite's are the same, and each check's module exists."""
    statement = real_content().tilgaengelighed
    assert sorted(v.id for v in statement.vurdering) == sorted(CHECKS)
    for module in CHECKS.values():
        assert (REPO / module).is_file(), module


def test_a_fully_compliant_statement_has_no_known_problems():
    statement = real_content().tilgaengelighed
    assert statement.status != "fuldt" or not statement.ikke_tilgaengeligt

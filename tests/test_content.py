"""The handbook's real content: complete, sourced, in our own words, one structure for all municipalities."""
import re
import subprocess
import sys

import pytest

from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

from helpers import REPO
from private_data import digest, private_hits

COPYCHECK = REPO.parent / "shared" / "tools" / "copycheck"


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(REPO)


@pytest.fixture(scope="module")
def pages(handbook):
    return {p.path: p.markdown for p in render_handbook(handbook).pages}


def words(markdown_text: str) -> int:
    return len(re.findall(r"\w+", markdown_text))


def test_eight_principles_each_with_what_why_and_how(handbook):
    assert [p.nummer for p in handbook.principper] == list(range(1, 9))
    for princip in handbook.principper:
        for part in ("hvad", "hvorfor", "hvordan"):
            assert words(getattr(princip, part)) >= 80, (princip.id, part)


def test_every_principle_has_examples_from_municipalities_that_practise_it(handbook):
    for princip in handbook.principper:
        assert handbook.eksempler_for_princip(princip.id), princip.id


def test_the_glossary_explains_what_a_newcomer_meets(handbook):
    terms = " ".join(f"{b.term} {' '.join(b.synonymer)}" for b in handbook.ordliste.begreber).lower()
    for word in ("recovery", "rehabilitering", "peer", "recoveryskole", "myndighed", "tilbud", "vum",
                 "§ 81", "§§ 82 a-d", "§ 85", "§ 104", "§ 107", "§ 108", "bostøtte", "botilbud"):
        assert word in terms.replace("–", "-"), word


def test_every_file_in_data_kommuner_is_a_municipality_with_its_page(handbook, pages):
    # Adding a municipality is adding its file: the set comes from the folder, never from a test.
    files = sorted(p.stem for p in (REPO / "data" / "kommuner").glob("*.yaml"))
    assert sorted(k.id for k in handbook.kommuner) == files
    assert all(f"kommuner/{k}.md" in pages for k in files)


def test_every_municipality_page_has_the_same_sections_and_its_sources(handbook, pages):
    structures = {}
    for kommune in (k.id for k in handbook.kommuner):
        markdown = pages[f"kommuner/{kommune}.md"]
        structures[kommune] = re.findall(r"^## .* \{#([a-z0-9-]+)\}$", markdown, re.MULTILINE)
        sources = markdown.split("## Kilder {#kilder}", 1)[1]
        assert re.search(r"^- \S", sources, re.MULTILINE), f"{kommune} lists no sources"
    assert len(set(map(tuple, structures.values()))) == 1, structures


def test_every_page_ends_with_its_sources(pages):
    for path, markdown in pages.items():
        assert "\n## Kilder {#kilder}\n\n- " in markdown, path


def test_no_sentence_is_copied_from_the_sources():
    if not COPYCHECK.exists():
        pytest.skip("shared/tools/copycheck is not beside this clone")
    result = subprocess.run([sys.executable, str(COPYCHECK), "concept", "data", "docs"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("copycheck: 0 copied run(s) of 12+ words")


def _tracked_text_files():
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True)
    for name in filter(None, listed.stdout.split("\0")):
        path = REPO / name
        if path.suffix in {".py", ".yml", ".yaml", ".md", ".j2", ".js", ".css", ".json", ".toml", ".lock",
                           ".txt", ".html", ".svg", ""} and path.is_file():
            yield path


def _private_data_in(paths, root):
    return [f"{path.relative_to(root)}: tegn {offset}" for path in paths
            for offset in private_hits(path.read_text(encoding="utf-8", errors="replace"))]


def test_no_private_name_or_phone_number_on_any_built_page(built_site):
    published = [p for p in built_site.rglob("*") if p.suffix in {".html", ".json", ".svg", ".xml"}]
    assert len(published) > 50
    assert _private_data_in(published, built_site) == []


def test_no_private_name_or_phone_number_in_the_repository():
    assert _private_data_in(list(_tracked_text_files()), REPO) == []


def test_the_private_data_check_finds_names_and_numbers_however_written():
    # Stand-ins for the real digests, which this file must not reveal the names behind.
    names, numbers = {digest("testa personsen"), digest("eksempelia")}, {digest("12345678")}
    text = "<p>Kontakt: <strong>Testa</strong>\n  PERSONSEN eller Eksempelia,</p> tlf. 12 34 56 78"
    hits = private_hits(text, names, numbers)
    assert sorted(text[h:h + 4] for h in hits) == ["12 3", "Ekse", "Test"]
    assert private_hits("Testas Personsen og 1234 5679", names, numbers) == []


def test_no_personal_e_mail_address_or_phone_number_in_the_content():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "concept").rglob("*.yaml"))
                     + sorted((REPO / "data").rglob("*.yaml")) + sorted((REPO / "docs").rglob("*.md")))
    assert not re.search(r"\b\d{2} \d{2} \d{2} \d{2}\b", text)
    assert not re.search(r"[\w.]+@[\w.]+\.dk", text), "no personal e-mail addresses"


# Every fact of shared/kilder/fakta.md: the page it stands on, and the source that page names for it.
FACTS = [
    ("26. januar 2023", "index.md", "sbst-koncept-2023"),
    ("syv udgivelser", "index.md", "sbst-koncept-2023"),
    ("ISBN 978-87-94371-47-6", "principper/ressourcer.md", "vejledning-til-praksis-2023"),
    ("Tag udgangspunkt i borgernes håb, ønsker og drømme", "principper/haab-oensker-droemme.md",
     "vejledning-til-praksis-2023"),
    ("Brug viden og metoder, der virker", "principper/viden-der-virker.md", "vejledning-til-praksis-2023"),
    ("borgeren ved roret", "udviklingsforloeb.md", "sbst-tilbud-2023"),
    ("Styrmand i eget liv", "kommuner/herning.md", "herning-status-2021"),
    ("3.750.000 kr.", "kommuner/herning.md", "herning-status-2021"),
    ("1. januar 2020 – 30. september 2022", "kommuner/herning.md", "herning-status-2021"),
    ("Skiftesporet", "kommuner/herning.md", "herning-status-2021"),
    ("Skovlyset", "kommuner/herning.md", "herning-status-2021"),
    ("21. april 2021", "kommuner/herning.md", "herning-status-2021"),
    ("Én indgang", "kommuner/herning.md", "herning-status-2021"),
    ("Rudersdal Kommune", "partnerskab.md", "partnerskab-2021"),
    ("Roskilde Kommune", "partnerskab.md", "partnerskab-2021"),
    ("14 kommuner", "partnerskab.md", "partnerskab-2021"),
    ("22 kommuner", "partnerskab.md", "socialstyrelsen-2019"),
    ("PwC", "partnerskab.md", "partnerskab-2021"),
    ("8.800.000 kr.", "partnerskab.md", "partnerskab-2021"),
    ("13.000.000 kr.", "partnerskab.md", "partnerskab-2021"),
    ("31.000", "partnerskab.md", "partnerskab-2021"),
    ("17 procent fra 2014 til 2017", "partnerskab.md", "kl-2018"),
    ("Styrket kvalitet i socialpsykiatrien", "partnerskab.md", "partnerskab-2021"),
    ("13. september 2023", "udviklingsforloeb.md", "sbst-tilbud-2023"),
    ("2. oktober 2023", "udviklingsforloeb.md", "sbst-tilbud-2023"),
    ("1. november 2023", "udviklingsforloeb.md", "sbst-tilbud-2023"),
    ("1,5 år", "udviklingsforloeb.md", "sbst-tilbud-2023"),
    ("op til 20", "udviklingsforloeb.md", "sbst-udviklingsforloeb-sider"),
    ("Center for Psykiatri", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("UngeCenteret", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("Rehabiliteringsenheden", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("Psykiatriplan 2018-2021", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("ca. 120", "kommuner/herlev.md", "herlev-plan-2019"),
    ("3. oktober 2018", "kommuner/herlev.md", "herlev-plan-2019"),
    ("Netværk og fællesskaber", "kommuner/herlev.md", "herlev-plan-2019"),
    ("Personorientering", "recovery.md", "randers-ansoegning-2019"),
    ("Personinvolvering", "recovery.md", "randers-ansoegning-2019"),
    ("Selvbestemmelse", "recovery.md", "randers-ansoegning-2019"),
    ("Potentiale for udvikling", "recovery.md", "randers-ansoegning-2019"),
    ("Marselisborg", "recovery.md", "hvidbog-rehabilitering"),
]


@pytest.mark.parametrize("fact,page,source", FACTS, ids=[f[0] for f in FACTS])
def test_fact_is_on_its_page_with_its_source(handbook, pages, fact, page, source):
    text = " ".join(pages[page].replace("\\", "").split())  # as read: no escapes, no line breaks
    assert fact.lower() in text.lower()
    assert f"- {handbook.kilder[source].titel}" in text.split("## Kilder {#kilder}", 1)[1]

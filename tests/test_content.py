"""The handbook's real content: complete, sourced, in our own words, one structure for all municipalities."""
import re
import subprocess
import sys

import pytest

from helpers import REPO, real_content, real_handbook
from private_data import digest, private_hits

COPYCHECK = REPO.parent / "shared" / "tools" / "copycheck"


@pytest.fixture(scope="module")
def handbook():
    return real_content()


@pytest.fixture(scope="module")
def pages():
    return {p.path: p.markdown for p in real_handbook().pages}


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


def test_every_municipality_page_has_its_sections_in_one_order_and_its_sources(handbook, pages):
    # Sections with nothing to say are left out, so pages differ in which sections they have,
    # never in their order; the overview, the note on the sources and the source list are always there.
    orders = {}
    for kommune in (k.id for k in handbook.kommuner):
        markdown = pages[f"kommuner/{kommune}.md"]
        orders[kommune] = re.findall(r"^## .* \{#([a-z0-9-]+)\}$", markdown, re.MULTILINE)
        assert {"overblik", "kildegrundlag", "kilder"} <= set(orders[kommune]), kommune
        sources = markdown.split("## Kilder {#kilder}", 1)[1]
        assert re.search(r"^- \S", sources, re.MULTILINE), f"{kommune} lists no sources"
    for a, first in orders.items():
        for b, second in orders.items():
            shared = [s for s in first if s in second]
            assert shared == [s for s in second if s in first], (a, b)


# What a page says when the sources are silent; once per page at most, never a heading per gap.
SILENCE = re.compile(r"siger ikke noget om|Det ved vi endnu ikke", re.IGNORECASE)


def test_no_page_says_more_than_once_that_the_sources_are_silent(pages):
    for path, markdown in pages.items():
        assert len(SILENCE.findall(markdown)) <= 1, path


def test_a_municipality_with_gaps_names_them_in_one_line_of_its_overview(handbook, pages):
    for kommune in handbook.kommuner:
        markdown = pages[f"kommuner/{kommune.id}.md"]
        overview = markdown.split("## Overblik {#overblik}", 1)[1].split("\n## ", 1)[0]
        if kommune.resultater is None:
            assert re.search(r"^- \*\*Det ved vi endnu ikke:\*\* .*resultater", overview, re.MULTILINE), kommune.id
            assert "{#resultater}" not in markdown


def test_every_source_has_an_address_or_is_a_stored_source_document(handbook):
    for kilde in handbook.kilder.values():
        assert kilde.url or kilde.kildedokument, kilde.id


def test_no_day_is_shown_that_the_sources_do_not_give(pages):
    # The partnership's sources give its period in whole years only.
    partnership = pages["partnerskab.md"]
    assert "2019 – 2022" in partnership
    assert "1. januar 2019" not in partnership and "31. december 2022" not in partnership


def test_statuses_say_when_they_were_true(handbook, pages):
    for kommune in handbook.kommuner:
        markdown = pages[f"kommuner/{kommune.id}.md"]
        for status in re.findall(r"· (Planlagt|Under afprøvning|I drift|Afsluttet)([^*]*)\*", markdown):
            assert re.match(r" pr\. \w+ \d{4}$", status[1]), (kommune.id, status)


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
    # fakta-offentlige-kilder.md: the partnership's pool, course and evaluation
    ("13.000.000 kr.", "partnerskab.md", "pulje-2019"),
    ("§ 15.75.55.10", "partnerskab.md", "pulje-2019"),
    ("København, Odense og Aarhus", "partnerskab.md", "informationsmoeder-2019"),
    ("7. januar 2020", "partnerskab.md", "socialstyrelsen-2019"),
    ("afprøvnings- og udviklingsfasen", "partnerskab.md", "partnerskab-faser"),
    ("84 kommuner", "partnerskab.md", "kortlaegning-2020"),
    ("507.268", "partnerskab.md", "registeranalyse-2020"),
    ("ISBN 978-87-94371-78-0", "partnerskab.md", "evaluering-2023"),
    ("otte organisatoriske forudsætninger", "partnerskab.md", "evaluering-2023"),
    ("Sverigesmodellen", "partnerskab.md", "styrket-kvalitet"),
    ("21. september 2023", "partnerskab.md", "temamoede-2023"),
    ("Etablering af et tværgående indsatsteam", "udviklingsforloeb.md", "indsatsteam-2023"),
    ("Kvalitetsløft i socialpsykiatrien", "udviklingsforloeb.md", "indsatsteam-2023"),
    ("27. september 2022", "udviklingsforloeb.md", "tiaarsplan-2022"),
    # the municipalities
    ("pr. april 2021", "kommuner/herning.md", "herning-status-2021"),
    ("recoverypolitik", "kommuner/herning.md", "herning-udvalg-2021"),
    ("21. september 2023", "kommuner/herning.md", "temamoede-2023"),
    ("Fælles mål – individuelle veje. Randers styrker rehabilitering og recovery", "kommuner/randers.md",
     "randers-projektside"),
    ("3.750.000 kr.", "kommuner/randers.md", "randers-projektside"),
    ("1. juli 2018", "kommuner/randers.md", "randers-recoveryskole"),
    ("14. maj 2018", "kommuner/randers.md", "randers-psykiatriplan"),
    ("kan faldet efter 2. halvår 2017 hænge sammen med", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("1. kvartal 2020", "kommuner/randers.md", "randers-ansoegning-2019"),
    ("GRO", "kommuner/roskilde.md", "fagbladet-2023"),
    ("Akademiet for Recovery og Kompetenceudvikling", "kommuner/roskilde.md", "ark-roskilde"),
    ("17. juni 2015", "kommuner/roskilde.md", "roskilde-politik-2015"),
    ("10 midlertidige efter § 107", "kommuner/roskilde.md", "rosengaarden"),
    ("Astershøjskolen", "kommuner/roskilde.md", "astershoejskolen-2021"),
    ("Act-Belong-Commit", "kommuner/roskilde.md", "roskilde-abc"),
    ("20. juni 2012", "kommuner/rudersdal.md", "rudersdal-vision"),
    ("Udviklingssporet – Sammen med borgeren", "kommuner/rudersdal.md", "rudersdal-udviklingssporet"),
    ("Skole på Tværs", "kommuner/rudersdal.md", "skole-paa-tvaers"),
    ("12 peer-støttemedarbejdere", "kommuner/rudersdal.md", "peer-regionh"),
    ("2.000.000 kr.", "kommuner/rudersdal.md", "dknyt-2020"),
    ("fællesskaber, frivillighed og forbindelser til civilsamfundet", "kommuner/rudersdal.md", "rudersdal-valgt"),
    # the glossary's abbreviations
    ("AS2007", "ordliste.md", "randers-ansoegning-2019"),
    ("NADA", "ordliste.md", "randers-ansoegning-2019"),
    ("PricewaterhouseCoopers", "ordliste.md", "evaluering-2023"),
]


@pytest.mark.parametrize("fact,page,source", FACTS, ids=[f[0] for f in FACTS])
def test_fact_is_on_its_page_with_its_source(handbook, pages, fact, page, source):
    text = " ".join(pages[page].replace("\\", "").split())  # as read: no escapes, no line breaks
    assert fact.lower() in text.lower()
    assert f"- {handbook.kilder[source].titel}" in text.split("## Kilder {#kilder}", 1)[1]


def test_abbreviations_are_explained_where_they_are_used(handbook, built_site):
    page = (built_site / "kommuner/randers/index.html").read_text(encoding="utf-8")
    nada = next(b for b in handbook.ordliste.begreber if "NADA" in b.forkortelser)
    assert f'<abbr title="{nada.kort}">NADA</abbr>' in page

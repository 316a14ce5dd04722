"""The handbook's real content: complete, sourced, in our own words, one structure for all municipalities."""
import re
import subprocess
import sys

import pytest

from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

from conftest import REPO

COPYCHECK = REPO.parent / "shared" / "tools" / "copycheck"
MUNICIPALITIES = ["herlev", "herning", "randers", "roskilde", "rudersdal"]


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


def test_the_five_municipalities_are_there(handbook):
    assert sorted(k.id for k in handbook.kommuner) == MUNICIPALITIES


def test_every_municipality_page_has_the_same_sections_and_its_sources(pages):
    structures = {}
    for kommune in MUNICIPALITIES:
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


def test_no_private_persons_or_phone_numbers():
    # The sources name officials and give a phone number; the handbook names roles only.
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "concept").rglob("*.yaml"))
                     + sorted((REPO / "data").rglob("*.yaml")) + sorted((REPO / "docs").rglob("*.md")))
    for name in ("Mie Klarsø", "Gitte Ejlskov", "Kirsten Bundgaard", "Dorte Påskesen", "Aleksander Marzec",
                 "Maria Lincke", "Agnete", "41 93 24 26"):
        assert name not in text
    assert not re.search(r"\b\d{2} \d{2} \d{2} \d{2}\b", text)
    assert not re.search(r"[\w.]+@[\w.]+\.dk", text), "no personal e-mail addresses"

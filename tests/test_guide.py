"""The editors' guide (docs/redaktoerer.md) tells the truth: its example municipality builds
as a new file with no code change, and every error message it shows is what check prints."""
import re
import shutil

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.lockfile import write_lock
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook
from omlaegning.render import render_handbook

from helpers import REPO, ContentTree
from helpers import mkdocs_build
from test_build import html

GUIDE = (REPO / "docs" / "redaktoerer.md").read_text(encoding="utf-8")
EXAMPLE = re.search(r"```yaml\n(.*?)```", GUIDE, re.DOTALL).group(1)

# (name, what the editor wrote in the example instead): each gives the messages the guide shows.
MISTAKES = [
    ("titel", "    titel: Fælles sprog om recovery", "    titl: Fælles sprog om recovery"),
    ("beloeb", "    beloeb: 1250000", '    beloeb: "1.250.000"'),
    ("ref", "principper: [haab-oensker-droemme,", "principper: [haab-onsker-droemme,"),
    ("periode", "    slut: 2025-06-30", "    slut: 2023-06-30"),
    ("id", "  - id: faelles-sprog", "  - id: fælles-sprog"),
    ("dobbelt", "navn: Nyby Kommune\n", "navn: Nyby Kommune\nnavn: Nyby\n"),
    ("tab", "    tekst: Projektet begynder.", "\ttekst: Projektet begynder."),
    ("styretegn", "    tekst: Projektet begynder.", "    tekst: Projektet\x0cbegynder."),
    ("kolon", "  navn: Nye veje", "  navn: Nye veje: en ny start"),
    ("overskrift", "  Nyby Kommune har lagt", "  # Om Nyby\n  Nyby Kommune har lagt"),
    ("link", "  Nyby Kommune har lagt", "  [Læs mere](javascript:alert(1)). Nyby Kommune har lagt"),
    ("status", "    status: i-drift", "    status: igang"),
    ("filnavn", "id: nyby", "id: ny-by"),
    ("henvisning-med-oe", "principper: [haab-oensker-droemme,", "principper: [haab-ønsker-drømme,"),
    ("dato-maaned", "  - dato: 2024-01-01", "  - dato: 2024-01"),
    ("felt-i-teksten",
     "    status: i-drift\n    beskrivelse: |\n      Alle medarbejdere i myndighed og i tilbuddene lærer det samme om recovery.\n",
     "    beskrivelse: |\n      Alle medarbejdere i myndighed og i tilbuddene lærer det samme om recovery.\n      status: i-drift\n"),
]


def messages_for(tmp_path, old: str, new: str) -> list[str]:
    for folder in ("concept", "data"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    assert old in EXAMPLE
    (tmp_path / "data/kommuner/nyby.yaml").write_text(EXAMPLE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_handbook(tmp_path)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("name,old,new", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_the_guide_shows_the_message_check_really_prints(tmp_path, name, old, new):
    for message in messages_for(tmp_path, old, new):
        assert f"    {message}\n" in GUIDE, message


@pytest.mark.slow
def test_the_guides_example_municipality_builds_as_a_new_file(repo_copy: ContentTree, tmp_path):
    repo_copy.write("data/kommuner/nyby.yaml", EXAMPLE)
    site = tmp_path / "site"
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    page = html(site, "kommuner/nyby.md")
    assert "Nyby Kommune" in page and 'id="faelles-sprog"' in page and "1.250.000&nbsp;kr." in page
    assert 'href="nyby/"' in html(site, "kommuner/index.md")
    assert "Nyby Kommune" in html(site, "principper/haab-oensker-droemme.md")


def test_the_guide_shows_the_message_for_a_self_assessment_section_that_does_not_exist(tmp_path):
    for folder in ("concept", "data"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shown = re.search(r"^ +(concept/selvevaluering\.yaml:.*)$", GUIDE, re.MULTILINE).group(1)
    link = re.search(r"Afsnittet '([^']+)'", shown).group(1)
    meant = re.search(r"Mente du '([^']+)'", shown).group(1)
    path = tmp_path / "concept/selvevaluering.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"afsnit: {meant}\n", f"afsnit: {link}\n", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(tmp_path))
    assert [str(error) for error in caught.value.errors] == [shown]


def test_the_guide_shows_the_message_for_a_renamed_published_id(tmp_path):
    for folder in ("concept", "data"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "data/kommuner/nyby.yaml").write_text(EXAMPLE, encoding="utf-8")
    write_lock(tmp_path, render_handbook(load_handbook(tmp_path)).links)  # published
    (tmp_path / "data/kommuner/nyby.yaml").write_text(
        EXAMPLE.replace("  - id: faelles-sprog", "  - id: sprog-og-begreber"), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(tmp_path))
    message, = [str(error) for error in caught.value.errors]
    assert f"    {message}\n" in GUIDE, message


def test_the_guide_shows_the_message_for_a_link_to_a_section_that_does_not_exist(tmp_path):
    for folder in ("concept", "data", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "data/kommuner/nyby.yaml").write_text(EXAMPLE.replace(
        "  Nyby Kommune har lagt", "  Se [bostøtte](/ordliste/#bostotte). Nyby Kommune har lagt", 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        render_handbook(load_handbook(tmp_path))
    message, = [str(error) for error in caught.value.errors]
    assert f"      {message}\n" in GUIDE, message

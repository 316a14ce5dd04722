"""The registry of kinds (kinds.py), and CONTRIBUTING.md's recipe for a new page kind followed to the letter.

The recipe runs in a copy of the project: a model, a template, one registry entry, a fixture and its
tests, then `omlaegning schema` and `omlaegning lock`; the new kind's own tests then pass there, with
its page, navigation entry, open data, short link and editors' schema all coming from the entry, and
so do the tests that list the kinds, pages, navigation, short links and schemas (they pin the kinds in
tests/minimal_pages.py and leave a new one to its own tests).
"""
import shutil
import subprocess
import sys

import pytest

from helpers import REPO
from omlaegning.folders import CONTENT_DIRS
from omlaegning.kinds import CONTENT_KINDS, KINDS, NAV_SECTIONS
from omlaegning.render.environment import TEMPLATES


def test_the_content_folders_are_those_the_content_kinds_lie_in():
    # The history, the watcher and the kept handbook's key read CONTENT_DIRS without importing the registry.
    assert set(CONTENT_DIRS) == {kind.pattern.split("/")[0] for kind in CONTENT_KINDS}


@pytest.mark.parametrize("kind", [k for k in KINDS if k.page], ids=lambda k: k.name)
def test_each_page_kind_has_its_template_a_marker_and_a_navigation_section(kind):
    assert (TEMPLATES / kind.template).is_file()
    assert kind.afsender is not None
    assert kind.page.nav in NAV_SECTIONS


MODEL = '''\
"""concept/tjeklister/<id>.yaml."""
from pydantic import Field

from .base import Id, KildeRef, MarkdownTekst, Model, Tekst, kilder_field


class Tjekliste(Model):
    """En tjekliste til et trin i omlægningen."""

    id: Id
    nummer: int = Field(ge=1, le=20, description="Tjeklistens plads i rækkefølgen.")
    titel: Tekst
    intro: MarkdownTekst
    punkter: list[Tekst] = Field(min_length=1, description="Punkterne på listen.")
    kilder: list[KildeRef] = kilder_field()
'''

TEMPLATE = '''\
{% import "_faelles.md.j2" as f with context %}
# {{ tjekliste.titel }} {#{{ tjekliste.id }}}

{{ tjekliste.intro | md }}

{% for punkt in tjekliste.punkter %}
- {{ punkt }}
{% endfor %}

{{ f.sidefod() }}
'''

IMPORT = "from .models.tjekliste import Tjekliste\n"

ENTRY = '''\
    Kind("tjekliste", Afsender("haandbog", HAANDBOG, "Skrevet af håndbogen ud fra kilderne nederst."),
         Content("tjekliste", "concept/tjeklister/*.yaml", Tjekliste, "tjeklister"),
         Page("tjeklister/{id}.md", lambda t: t.titel, "Værktøjer"),
         OpenData("tjeklister", "tjeklister/{id}", lambda t: t.titel, "en tjekliste"),
         ShortLinks("vejledning", lambda t: f"Tjekliste: {t.titel}")),
'''

FIXTURE = '''\
id: tjek-start
nummer: 1
titel: Før første møde
intro: Det, der skal være på plads.
punkter: [Ledelsen har besluttet, Datoen er sat]
kilder: [kilde-a]
'''

OWN_TESTS = '''\
import json

import pytest

from helpers import FIXTURES
from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook
from omlaegning.schema import schemas


def test_the_checklist_gets_its_page_navigation_open_data_short_link_and_schema(minimal):
    rendered = render_handbook(load_handbook(minimal.root))
    page = next(p for p in rendered.pages if p.path == "tjeklister/tjek-start.md")
    assert page.title == "Før første møde"
    assert page.markdown.startswith("# Før første møde {#tjek-start}\\n\\n<p class=\\"afsender afsender-haandbog\\">")
    assert "- Ledelsen har besluttet\\n" in page.markdown
    assert page.sources == ("concept/tjeklister/tjek-start.yaml",)
    tools = next(entry["Værktøjer"] for entry in rendered.nav if "Værktøjer" in entry)
    assert {"Før første møde": "tjeklister/tjek-start.md"} in tools
    own = json.loads(rendered.assets["data/tjeklister/tjek-start.json"])
    assert own["afsender"]["id"] == "haandbog" and own["punkter"] == ["Ledelsen har besluttet", "Datoen er sat"]
    whole = json.loads(rendered.assets["data/omlaegningshaandbogen.json"])
    assert [t["id"] for t in whole["tjeklister"]] == ["tjek-start"]
    assert any(s.path == "/l/tjek-start/" and s.target == "/tjeklister/tjek-start/" for s in rendered.short_links)
    assert "punkter" in schemas()["tjekliste.schema.json"]["properties"]


def test_a_checklist_without_points_is_a_danish_error_at_its_line(minimal):
    minimal.replace("concept/tjeklister/tjek-start.yaml", "punkter: [Ledelsen har besluttet, Datoen er sat]",
                    "punkter: []")
    with pytest.raises(ContentErrors) as error:
        load_handbook(minimal.root)
    assert [str(e) for e in error.value.errors] == [
        "concept/tjeklister/tjek-start.yaml:5:10: felt 'punkter': Listen må ikke være tom; den skal have mindst ét punkt."]
'''


@pytest.mark.slow  # a copy of the project and a pytest run in it: about five seconds
def test_the_recipe_adds_a_page_kind_in_five_files(tmp_path):
    project = tmp_path / "projekt"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".cache", "site", "build", "__pycache__", ".pytest_cache", ".hypothesis"))
    kinds = project / "plugins/omlaegning/kinds.py"
    registry = kinds.read_text(encoding="utf-8")
    assert registry.count("\n)\n\nBY_NAME") == 1, "KINDS must end where the recipe appends"
    registry = registry.replace("\nENTITY_ID = ", f"\n{IMPORT}\nENTITY_ID = ", 1)
    written = {
        "plugins/omlaegning/models/tjekliste.py": MODEL,
        "plugins/omlaegning/render/templates/tjekliste.md.j2": TEMPLATE,
        "plugins/omlaegning/kinds.py": registry.replace("\n)\n\nBY_NAME", f"\n{ENTRY})\n\nBY_NAME"),
        "tests/fixtures/minimal/concept/tjeklister/tjek-start.yaml": FIXTURE,
        "tests/test_tjekliste.py": OWN_TESTS,
    }
    for name, text in written.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    # The copy's code, not this checkout's installed one.
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project / "plugins"), "PYTHONDONTWRITEBYTECODE": "1"}
    # "Then run omlaegning schema and omlaegning lock": the recipe's generated files.
    for command in ("schema", "lock"):
        subprocess.run([sys.executable, "-c", "import sys; from omlaegning.cli import main; sys.exit(main(sys.argv[1:]))",
                        command], cwd=project, env=env, check=True, capture_output=True)
    assert (project / "schema/tjekliste.schema.json").is_file()
    # The new kind's tests, and the fast tests of the files that list kinds, pages, navigation, short links
    # and schemas, stay green. In one process (-n 0): starting xdist's workers cost more than these tests.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-n", "0", "-p", "no:randomly", "-p", "no:cacheprovider",
         "-m", "not slow and not browser", "tests/test_tjekliste.py", "tests/test_render.py", "tests/test_links.py",
         "tests/test_kinds.py", "tests/test_cli.py::test_schema_files_are_valid_and_committed_in_sync"],
        cwd=project, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    own = [line for line in result.stdout.splitlines() if line.startswith("tests/test_tjekliste.py::")]
    assert len(own) == 2 and all(" PASSED" in line for line in own), own

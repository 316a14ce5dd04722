"""The command line as editors and CI use it: check, schema, export."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from omlaegning.cli import main
from omlaegning.kinds import CONTENT_KINDS
from omlaegning.schema import schemas

from helpers import REPO, REPO_URL


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "omlaegning.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_check_accepts_the_real_handbook():
    result = run_cli("--rod", REPO, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Indholdet er i orden: 8 principper,")


def test_check_reports_every_error_in_danish_without_traceback(minimal):
    minimal.replace("concept/principper/alpha.yaml", "nummer: 1", 'nummer: "1"')
    minimal.replace("data/kommuner/testby.yaml", "slut: 2022-09-30", "slut: 2019-09-30")
    result = run_cli("--rod", minimal.root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "2 fejl i håndbogens indhold:",
        "concept/principper/alpha.yaml:2:9: felt 'nummer': Forventede et helt tal, men '1' står i anførselstegn "
        "og er derfor tekst; fjern anførselstegnene.",
        "data/kommuner/testby.yaml:7:5: felt 'projekt.periode': Perioden slutter, før den begynder "
        "('slut' ligger før 'start').",
        "Ret fejlene i YAML-filerne ovenfor. Håndbogen bygges først, når alle fejl er rettet.",
    ]


def test_check_can_annotate_the_line_on_github(minimal):
    minimal.replace("concept/principper/alpha.yaml", "nummer: 1", 'nummer: "1"')
    result = run_cli("--rod", minimal.root, "--github", "check")
    assert result.stdout.startswith(
        "::error file=concept/principper/alpha.yaml,line=2,col=9,title=Fejl i indholdet::")


def test_schema_files_are_valid_and_committed_in_sync(tmp_path):
    assert main(["schema", str(tmp_path)]) == 0
    for name, schema in schemas().items():
        jsonschema.Draft202012Validator.check_schema(schema)
        written = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        committed = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
        assert written == committed == schema, f"schema/{name} is out of date: run omlaegning schema"


def _as_json(path: Path):
    # Dates become strings, as an editor's YAML language server sees them.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_real_yaml_files_validate_against_their_schema_and_a_typo_does_not():
    checked = 0
    for kind in CONTENT_KINDS:
        validator = jsonschema.Draft202012Validator(schemas()[f"{kind.name}.schema.json"])
        for path in sorted(REPO.glob(kind.pattern)):
            data = _as_json(path)
            assert not list(validator.iter_errors(data)), path
            checked += 1
            assert path.read_text(encoding="utf-8").startswith(
                "# yaml-language-server: $schema="), f"{path} lacks the schema modeline"
            if isinstance(data, dict):
                data["titl"] = "stavefejl"
                assert list(validator.iter_errors(data)), "the schema must reject unknown fields"
    assert checked >= 20


def test_export_writes_markdown_and_config_without_the_plugin(tmp_path):
    target = tmp_path / "ud"
    assert main(["--rod", str(REPO), "export", str(target)]) == 0
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "omlaegning" not in json.dumps(config["plugins"])
    # The edit address and the footer's feedback link as front matter, the page's own content between
    # the post-build step's markers.
    empty, front, content = (target / "docs/principper/ressourcer.md").read_text(encoding="utf-8").split("---\n", 2)
    front = yaml.safe_load(front)
    assert empty == "" and front["edit_url"] == f"{REPO_URL}edit/main/concept/principper/ressourcer.yaml"
    assert front["tilbagemelding"]["github"].startswith(f"{REPO_URL}issues/new?title=Fej")
    assert content.startswith("<!-- omlaegning:indhold -->\n\n# 2. Fokusér på borgernes ressourcer {#ressourcer}")
    assert (target / "docs/om-haandbogen.md").exists()


def test_core_does_not_import_mkdocs():
    code = ("import sys, omlaegning.loader, omlaegning.render, omlaegning.export, omlaegning.cli, "
            "omlaegning.schema, omlaegning.postbuild; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_field_in_the_schemas_is_described_for_editors():
    missing = [f"{name}: {owner}.{prop}"
               for name, schema in schemas().items()
               for owner, definition in [("(fil)", schema), *schema.get("$defs", {}).items()]
               for prop, spec in definition.get("properties", {}).items() if "description" not in spec]
    assert missing == []


def test_check_works_from_a_folder_inside_the_project(repo_copy):
    result = run_cli("check", cwd=repo_copy.root / "data" / "kommuner")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Indholdet er i orden:")
    repo_copy.replace("data/kommuner/herning.yaml", "\nid: herning\n", "\nid: Herning\n")
    broken = run_cli("check", cwd=repo_copy.root / "concept" / "principper")
    assert broken.returncode == 1
    assert broken.stderr.splitlines()[1].startswith("data/kommuner/herning.yaml:2:5: felt 'id':")


@pytest.mark.parametrize("args,message", [
    (["chek"], "omlaegning: fejl: KOMMANDO: 'chek' findes ikke; vælg mellem check, schema, lock, export, pdf, efterbehandl"),
    (["check", "--alt"], "omlaegning: fejl: ukendt tilføjelse til kommandoen: --alt"),
    (["export"], "omlaegning export: fejl: mangler: mappe"),
    (["--rod"], "omlaegning: fejl: --rod skal efterfølges af en værdi"),
])
def test_the_command_line_speaks_danish_when_it_is_used_wrongly(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("brug: omlaegning")
    assert result.stderr.splitlines()[-1] == message


def test_a_new_municipality_is_a_notice_until_published_and_a_draft_can_be_deleted(repo_copy):
    # The guide's steps: copy herning.yaml to a new file and change its id.
    herning = (repo_copy.root / "data/kommuner/herning.yaml").read_text(encoding="utf-8")
    repo_copy.write("data/kommuner/testkommune.yaml", herning.replace("\nid: herning\n", "\nid: testkommune\n"))
    added = run_cli("check", cwd=repo_copy.root)
    assert added.returncode == 0, added.stderr
    notice = added.stdout.splitlines()[1]
    assert notice.startswith("Bemærk: ") and "nye links" in notice and "links.lock, når håndbogen udgives" in notice
    # Never published, so never locked: deleting the draft again is no mistake.
    (repo_copy.root / "data/kommuner/testkommune.yaml").unlink()
    removed = run_cli("check", cwd=repo_copy.root)
    assert removed.returncode == 0, removed.stderr
    assert "nye links" not in removed.stdout  # the statement's notice about its missing contact may remain

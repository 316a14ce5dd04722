"""The GitHub Actions workflows: valid against GitHub's schema, and running what editors rely on."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def lint(*paths: Path) -> subprocess.CompletedProcess:
    # check-jsonschema carries GitHub's workflow schema inside the package: no download needed.
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
                          capture_output=True, text=True)


def test_workflows_pass_the_linter():
    assert len(WORKFLOWS) == 2
    result = lint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    assert lint(broken).returncode != 0


def steps(name: str) -> list[str]:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step.get("run") or step.get("uses") for job in workflow["jobs"].values()
            for step in job.get("steps", [])]


@pytest.mark.parametrize("name,expected", [
    ("tjek.yml", [".venv/bin/omlaegning --github check", ".venv/bin/python -m pytest",
                  ".venv/bin/mkdocs build --strict"]),
    ("udgiv.yml", [".venv/bin/omlaegning --github check", ".venv/bin/mkdocs build --strict",
                   "actions/upload-pages-artifact@v3"]),
])
def test_workflow_runs_the_checks(name, expected):
    assert [s for s in steps(name) if s in expected] == expected

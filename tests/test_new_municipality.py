"""The editors' guide's promise, kept literally: adding a municipality is one file and nothing else.

A copy of the whole project (its tests included) gets the new file exactly as the guide says, and the
tests whose results depend on the list of municipalities run green in it. Without the file they are the suite itself, run on the
real content.
"""
import shutil
import subprocess
import sys

import pytest

from helpers import REPO

# The test files whose fast tests count or list what the municipalities give: their pages, the comparison's
# rows, the open data, `check`'s notice for links not yet published, the guide's messages on the real content. Other
# files read data/kommuner/ only to run a mechanism over every file (the export, libyaml's agreement, the
# typography), and test_render, test_links, test_internal_links and test_selfassessment render the minimal
# fixture only: a new municipality cannot change what they find.
CONTENT_TESTS = ["test_content.py", "test_comparison.py", "test_guide.py", "test_cli.py"]


def _copy_of_the_project(target):
    """A clone, as an editor has it, with the working tree's files laid over it (uncommitted work included)."""
    subprocess.run(["git", "clone", "-q", "--local", str(REPO), str(target)], check=True)
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    return target


def _content_tests_pass(root) -> subprocess.CompletedProcess:
    # In one process (-n 0): this test's worker already shares the machine with the others.
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:cacheprovider",
                           "-m", "not slow", *(f"tests/{name}" for name in CONTENT_TESTS)],
                          cwd=root, capture_output=True, text=True)


@pytest.mark.slow
def test_adding_a_municipality_as_the_guide_says_keeps_the_tests_green(tmp_path):
    root = _copy_of_the_project(tmp_path / "projekt")
    # The guide: copy a municipality's file to data/kommuner/<id>.yaml and set its id to the same.
    herning = (root / "data/kommuner/herning.yaml").read_text(encoding="utf-8")
    (root / "data/kommuner/testkommune.yaml").write_text(
        herning.replace("\nid: herning\n", "\nid: testkommune\n").replace("navn: Herning Kommune", "navn: Testkommune"),
        encoding="utf-8")
    added = _content_tests_pass(root)
    assert added.returncode == 0, added.stdout[-3000:]
    assert " passed" in added.stdout.splitlines()[-1], added.stdout[-500:]

"""The hash-locked requirements in requirements/ still satisfy pyproject.toml (requirements/update remakes them)."""
import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import REPO

PYPROJECT = REPO / "pyproject.toml"
# Lock file -> the extras of pyproject.toml it holds besides the runtime and build requirements.
LOCKS = {"runtime.txt": (), "test.txt": ("test", "vaerktoejer")}


def pins(lock_text: str) -> dict[str, tuple[Requirement, int]]:
    """Each locked package by normalised name, with its requirement and its number of hashes."""
    found = {}
    for entry in re.sub(r"\\\n", " ", lock_text).splitlines():
        if not entry.strip() or entry.lstrip().startswith("#"):
            continue
        requirement, *options = entry.split()
        requirement = Requirement(requirement)
        found[canonicalize_name(requirement.name)] = (requirement, sum(o.startswith("--hash=") for o in options))
    return found


def lock_problems(pyproject_text: str, lock_text: str, extras: tuple[str, ...]) -> list[str]:
    """What stops the lock from installing exactly what pyproject.toml asks for, with hashes."""
    project = tomllib.loads(pyproject_text)
    wanted = [*project["build-system"]["requires"], *project["project"]["dependencies"],
              *(r for extra in extras for r in project["project"]["optional-dependencies"][extra])]
    locked = pins(lock_text)
    problems = []
    for name, (requirement, hashes) in locked.items():
        if len(requirement.specifier) != 1 or next(iter(requirement.specifier)).operator != "==":
            problems.append(f"{requirement} is not pinned with ==")
        if hashes == 0:
            problems.append(f"{requirement} has no --hash")
    for text in wanted:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate():
            continue
        pin = locked.get(canonicalize_name(requirement.name))
        if pin is None:
            problems.append(f"{requirement} is missing")
            continue
        version = next(iter(pin[0].specifier)).version
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement} does not allow the locked {version}")
    return problems


@pytest.mark.parametrize("lock,extras", LOCKS.items())
def test_lock_satisfies_pyproject(lock, extras):
    assert lock_problems(PYPROJECT.read_text(encoding="utf-8"), (REPO / "requirements" / lock).read_text(encoding="utf-8"),
                         extras) == []


def test_a_dependency_added_without_relocking_is_found():
    pyproject = PYPROJECT.read_text(encoding="utf-8")
    runtime = (REPO / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    test = (REPO / "requirements" / "test.txt").read_text(encoding="utf-8")
    new_runtime = pyproject.replace("dependencies = [", 'dependencies = [\n    "ulaast-pakke>=1",', 1)
    new_test = pyproject.replace("test = [", 'test = [\n    "ulaast-testpakke>=1",', 1)
    assert new_runtime != pyproject and new_test != pyproject
    assert lock_problems(new_runtime, runtime, ()) == ["ulaast-pakke>=1 is missing"]
    assert lock_problems(new_runtime, test, ("test",)) == ["ulaast-pakke>=1 is missing"]
    # A test dependency belongs in the test lock only.
    assert lock_problems(new_test, runtime, ()) == []
    assert lock_problems(new_test, test, ("test",)) == ["ulaast-testpakke>=1 is missing"]


def test_a_raised_minimum_without_relocking_is_found():
    pyproject = PYPROJECT.read_text(encoding="utf-8")
    runtime = (REPO / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    requirement, _ = pins(runtime)["mkdocs"]
    locked = next(iter(requirement.specifier)).version
    raised = re.sub(r'"mkdocs>=[^"]*"', f'"mkdocs>{locked}"', pyproject, count=1)
    assert raised != pyproject
    assert lock_problems(raised, runtime, ()) == [f"mkdocs>{locked} does not allow the locked {locked}"]


def test_a_lock_line_without_hash_is_found():
    pyproject = PYPROJECT.read_text(encoding="utf-8")
    runtime = (REPO / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    requirement, _ = pins(runtime)["pyyaml"]
    unhashed = re.sub(r"(pyyaml==\S+)( \\\n\s+--hash=\S+)+", r"\1", runtime, count=1)
    assert lock_problems(pyproject, unhashed, ()) == [f"{requirement} has no --hash"]

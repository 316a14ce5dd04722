"""The corpus of broken input (tests/corpus/, issue #7).

Each case is one broken file dropped into a copy of tests/fixtures/minimal/. `omlaegning check`
must then fail with exit code 1, no traceback, and exactly the Danish error lines that
tests/corpus/forventet.yaml expects: file, line, column, field and message. Every case runs
in-process (fast); a handful also run as the real command line in a subprocess.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from omlaegning.cli import main

from helpers import copy_minimal

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "forventet.yaml").read_text(encoding="utf-8"))

REQUIRED_KEYS = {"hvad", "fil", "linje", "kolonne", "besked"}
OPTIONAL_KEYS = {"felt", "ogsaa", "genereres", "kendt_fejl"}
HEADER = "{} fejl i håndbogens indhold:"
FOOTER = "Ret fejlene i YAML-filerne ovenfor. Håndbogen bygges først, når alle fejl er rettet."
MAX_FIXTURE_BYTES = 64_000

# Every case runs in-process; these two also as `python -m omlaegning.cli --rod <tree> check` in a
# subprocess, where the real console encoding and exit code are in play: bytes the reader refuses, and
# an error found after every file has been read.
SUBPROCESS_CASES = ["ikke-utf8", "henvisning-ukendt-princip"]


def _municipality_of_ten_megabytes(root: Path) -> None:
    path = root / "data/kommuner/testby.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "# fyld\n" * 1_500_000, encoding="utf-8")


# Files too large to commit are written by the test; forventet.yaml names the generator.
GENERATORS = {"kommune-paa-10-mb": _municipality_of_ten_megabytes}


def _case_files(name: str) -> list[Path]:
    return sorted(p for p in (CORPUS / name).rglob("*") if p.is_file())


def _tree_with_case(name: str, tmp_path: Path) -> Path:
    root = tmp_path / "indhold"
    copy_minimal(root)
    case = EXPECTED[name]
    if "genereres" in case:
        GENERATORS[case["genereres"]](root)
    else:
        [source] = _case_files(name)
        target = root / source.relative_to(CORPUS / name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)  # byte for byte: BOMs and latin-1 must arrive intact
    return root


def _error_line(case: dict) -> str:
    """The line ContentError prints: file:line:col: felt 'field': message."""
    where = f"{case['fil']}:{case['linje']}:{case['kolonne']}"
    if case.get("felt"):
        return f"{where}: felt '{case['felt']}': {case['besked']}"
    return f"{where}: {case['besked']}"


def _assert_reported(name: str, returncode: int, stdout: str, stderr: str) -> None:
    case = EXPECTED[name]
    assert "Traceback" not in stdout + stderr, stderr
    assert returncode == 1, f"check accepted the broken input (exit {returncode}):\n{stdout}{stderr}"
    assert case["fil"] in stderr
    lines = stderr.splitlines()
    expected = [_error_line(case), *case.get("ogsaa", [])]
    assert expected[0] in lines
    assert lines[0] == HEADER.format(len(expected)) and lines[-1] == FOOTER, stderr
    assert sorted(lines[1:-1]) == sorted(expected)


def _params(names) -> list:
    """One parameter per case, named by it; a known bug in the tool is a strict xfail."""
    return [pytest.param(name, id=name, marks=[pytest.mark.xfail(strict=True, reason=EXPECTED[name]["kendt_fejl"])]
                         if "kendt_fejl" in EXPECTED[name] else []) for name in names]


@pytest.mark.parametrize("name", _params(EXPECTED))
def test_broken_input_gives_its_danish_error(name, tmp_path, capsys):
    root = _tree_with_case(name, tmp_path)
    returncode = main(["--rod", str(root), "check"])
    out, err = capsys.readouterr()
    _assert_reported(name, returncode, out, err)


@pytest.mark.parametrize("name", _params(SUBPROCESS_CASES))
def test_broken_input_on_the_real_command_line(name, tmp_path):
    root = _tree_with_case(name, tmp_path)
    result = subprocess.run([sys.executable, "-m", "omlaegning.cli", "--rod", str(root), "check"],
                            capture_output=True, text=True, encoding="utf-8", timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    _assert_reported(name, result.returncode, result.stdout, result.stderr)


def test_the_minimal_fixture_itself_is_valid(tmp_path, capsys):
    root = tmp_path / "indhold"
    copy_minimal(root)
    assert main(["--rod", str(root), "check"]) == 0, capsys.readouterr().err


def test_the_corpus_has_at_least_fifty_cases():
    assert len(EXPECTED) >= 50


def test_every_fixture_has_an_expectation_and_every_expectation_a_fixture():
    folders = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    generated = {name for name, case in EXPECTED.items() if "genereres" in case}
    assert sorted(folders - set(EXPECTED)) == [], "fixtures without an entry in forventet.yaml"
    assert sorted(set(EXPECTED) - generated - folders) == [], "entries in forventet.yaml without a fixture"
    assert sorted(folders & generated) == [], "a generated case must not have a fixture folder"
    for name in generated:
        assert EXPECTED[name]["genereres"] in GENERATORS, name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_is_one_small_file_with_a_complete_expectation(name):
    case = EXPECTED[name]
    assert REQUIRED_KEYS <= set(case) <= REQUIRED_KEYS | OPTIONAL_KEYS, sorted(case)
    assert isinstance(case["linje"], int) and isinstance(case["kolonne"], int)
    assert case["linje"] >= 1 and case["kolonne"] >= 1
    if "genereres" in case:
        return
    files = _case_files(name)
    assert len(files) == 1, f"tests/corpus/{name}/ must hold exactly one file, not {len(files)}"
    assert files[0].relative_to(CORPUS / name).parts[0] in ("concept", "data")
    assert files[0].stat().st_size <= MAX_FIXTURE_BYTES

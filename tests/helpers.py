"""What the tests share: where things are, a changeable copy of a content tree, a strict build."""
from __future__ import annotations

import datetime
import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

REPO = Path(__file__).resolve().parents[1]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: tags that name Python objects (!!python/name:...) read as None."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
SITE_CONFIG = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
# The two addresses of the project, set once in mkdocs.yml; no test restates them.
REPO_URL = SITE_CONFIG["repo_url"].rstrip("/") + "/"
# Where the handbook is published; the browser tests serve it under the same path.
SITE_URL = SITE_CONFIG["site_url"]
PUBLIC_URL = SITE_URL.rstrip("/")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@functools.cache
def real_content():
    """The real concept/ and data/, loaded once per test process: the models are frozen, so tests share them."""
    return load_handbook(REPO)


@functools.cache
def real_handbook():
    """The real content rendered (without git history or public address), once per test process."""
    return render_handbook(real_content())


class ContentTree:
    """A copy of a content tree that a test may change file by file."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = (self.root / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def errors(self):
        with pytest.raises(ContentErrors) as caught:
            load_handbook(self.root)
        return caught.value.errors


def mkdocs_build(config: Path, site: Path, strict: bool = True, tool: str = "mkdocs") -> subprocess.CompletedProcess:
    """Build with MkDocs, or with ProperDocs (tool="properdocs"), which takes the same arguments."""
    return subprocess.run([sys.executable, "-m", tool, "build", *(["--strict"] if strict else []),
                           "-f", str(config), "-d", str(site)], capture_output=True, text=True, env=MKDOCS_ENV)


def omlaegning(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "omlaegning.cli", *args], capture_output=True, text=True)


def zensical_build(root: Path, folder: Path) -> Path:
    """The export route: `omlaegning export`, `zensical build`, `omlaegning efterbehandl`; returns the site."""
    for command in (["--rod", str(root), "export", str(folder)], None, ["efterbehandl", str(folder / "site")]):
        result = (omlaegning(*command) if command else
                  subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(folder / "mkdocs.yml")],
                                 capture_output=True, text=True))
        assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def copy_minimal(target: Path) -> Path:
    """tests/fixtures/minimal copied to target, its accessibility statement reviewed today: the model
    refuses a review more than a year old, and a fixture must not expire on its own."""
    # Not a disk cache a run inside the fixture left (git ignores it): each copy starts without one.
    shutil.copytree(FIXTURES / "minimal", target, ignore=shutil.ignore_patterns(".cache"))
    statement = target / "concept/tilgaengelighed.yaml"
    statement.write_text(re.sub(r"(?m)^senest_gennemgaaet: .*$", f"senest_gennemgaaet: {datetime.date.today()}",
                                statement.read_text(encoding="utf-8")), encoding="utf-8")
    return target

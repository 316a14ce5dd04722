"""What the tests share: where things are, a changeable copy of a content tree, a strict build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Where the handbook is published, as mkdocs.yml says; the browser tests serve it under the same path.
SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


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


def mkdocs_build(config: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                           "-f", str(config), "-d", str(site)], capture_output=True, text=True, env=MKDOCS_ENV)

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from omlaegning.errors import ContentErrors
from omlaegning.loader import load_handbook

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


@pytest.fixture
def minimal(tmp_path) -> ContentTree:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    return ContentTree(tmp_path / "minimal")


@pytest.fixture
def repo_copy(tmp_path) -> ContentTree:
    """The real handbook (config, docs and content) copied to a temporary folder."""
    target = tmp_path / "repo"
    for name in ("mkdocs.yml", "docs", "concept", "data"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return ContentTree(target)

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, ContentTree, mkdocs_build
from synthetic import copy_handbook


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built once for every test that only reads the result."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def minimal(tmp_path) -> ContentTree:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    return ContentTree(tmp_path / "minimal")


@pytest.fixture
def repo_copy(tmp_path) -> ContentTree:
    """The real handbook copied to a temporary folder."""
    return ContentTree(copy_handbook(tmp_path / "repo"))

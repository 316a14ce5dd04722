import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, ContentTree, mkdocs_build
from synthetic import copy_handbook
from xss_vectors import fill_with_vectors


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built once for every test that only reads the result."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_full_of_vectors(tmp_path_factory) -> Path:
    """The handbook with every XSS vector the model accepts in its Markdown fields, built once."""
    root = copy_handbook(tmp_path_factory.mktemp("vektorer") / "repo")
    fill_with_vectors(root)
    site = root.parent / "site"
    # Not strict: the vectors' relative links point at files that do not exist.
    result = mkdocs_build(root / "mkdocs.yml", site, strict=False)
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


def pytest_collection_modifyitems(items):
    """Everything under tests/browser/ drives Chromium: marked, so the fast subset can leave it out."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        if browser in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)

import contextlib
import io
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, ContentTree, mkdocs_build
from synthetic import copy_handbook
from xss_vectors import fill_with_vectors
from system_packages import ensure_weasyprint


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

@dataclass(frozen=True)
class SiteWithPdfs:
    site: Path
    output: str             # what `omlaegning pdf` printed
    problems: list[str]     # what WeasyPrint logged as warnings or errors (e.g. an image without alt text)


@pytest.fixture(scope="session")
def site_with_pdfs(built_site, tmp_path_factory) -> SiteWithPdfs:
    """A copy of the built handbook after `omlaegning pdf`, made once: writing every PDF takes a while."""
    ensure_weasyprint()
    from omlaegning.cli import main

    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site, site)
    problems = _Collect()
    logging.getLogger("weasyprint").addHandler(problems)
    try:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            assert main(["pdf", str(site)]) == 0
    finally:
        logging.getLogger("weasyprint").removeHandler(problems)
    return SiteWithPdfs(site, output.getvalue(), problems.messages)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


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

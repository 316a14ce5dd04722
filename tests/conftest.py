import contextlib
import io
import logging
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, ContentTree, mkdocs_build, zensical_build
from synthetic import copy_handbook
from system_packages import ensure_weasyprint
from xss_vectors import fill_with_vectors


# Seconds each session build took, shown at the end of the run: the suite has a 10-minute budget.
BUILD_SECONDS: dict[str, float] = {}


@contextmanager
def timed(name: str):
    start = time.perf_counter()
    yield
    BUILD_SECONDS[name] = time.perf_counter() - start


def pytest_terminal_summary(terminalreporter):
    if BUILD_SECONDS:
        terminalreporter.write_line("Byggetider for håndbogen: " + ", ".join(
            f"{name} {seconds:.1f} s" for name, seconds in BUILD_SECONDS.items()))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built once for every test that only reads the result."""
    site = tmp_path_factory.mktemp("site")
    with timed("MkDocs"):
        result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory) -> Path:
    """The real handbook built by ProperDocs + Material through our plugin, once."""
    site = tmp_path_factory.mktemp("properdocs-site")
    with timed("ProperDocs"):
        result = mkdocs_build(REPO / "mkdocs.yml", site, tool="properdocs")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real handbook built by Zensical from `omlaegning export` and post-built, once."""
    with timed("Zensical (eksport, build, efterbehandling)"):
        return zensical_build(REPO, tmp_path_factory.mktemp("zensical") / "ud")


# The three routes every built-site check runs on; -m "not vaerktoejer" keeps to MkDocs.
TOOLS = {"mkdocs": "built_site", "properdocs": "properdocs_site", "zensical": "zensical_site"}
TOOL_PARAMS = [pytest.param(tool, marks=() if tool == "mkdocs" else pytest.mark.vaerktoejer) for tool in TOOLS]


@pytest.fixture(params=TOOL_PARAMS)
def tool_site(request) -> tuple[str, Path]:
    """(tool, built site) for each of the three tools."""
    return request.param, request.getfixturevalue(TOOLS[request.param])


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

import contextlib
import io
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, ContentTree, copy_minimal, mkdocs_build, zensical_build
from synthetic import copy_handbook
from sharedbuild import build_seconds, built_once
from system_packages import ensure_weasyprint
from xss_vectors import fill_with_vectors, write_script_in_yaml


def pytest_terminal_summary(terminalreporter, config):
    # The suite has a 10-minute budget; the shared builds are the largest single costs in it.
    seconds = build_seconds(config._tmp_path_factory)
    if seconds:
        terminalreporter.write_line("Byggetider for håndbogen: " + ", ".join(
            f"{name} {value:.1f} s" for name, value in seconds.items()))


def _build(config: Path, tool: str = "mkdocs", strict: bool = True):
    def make(site: Path) -> None:
        result = mkdocs_build(config, site, strict=strict, tool=tool)
        assert result.returncode == 0, result.stderr
    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built once for every test that only reads the result."""
    return built_once(tmp_path_factory, "mkdocs", _build(REPO / "mkdocs.yml"))


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory) -> Path:
    """The real handbook built by ProperDocs + Material through our plugin, once."""
    return built_once(tmp_path_factory, "properdocs", _build(REPO / "mkdocs.yml", tool="properdocs"))


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real handbook built by Zensical from `omlaegning export` and post-built, once."""
    return built_once(tmp_path_factory, "zensical", lambda folder: zensical_build(REPO, folder / "ud")) / "ud" / "site"


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
    def make(folder: Path) -> None:
        root = copy_handbook(folder / "repo")
        fill_with_vectors(root)
        # Not strict: the vectors' relative links point at files that do not exist.
        _build(root / "mkdocs.yml", strict=False)(folder / "site")
    return built_once(tmp_path_factory, "vektorer", make) / "site"


@pytest.fixture(scope="session")
def site_with_script_in_yaml(tmp_path_factory) -> Path:
    """The handbook with script written into three of its Markdown fields (xss_vectors.SCRIPT_IN_YAML),
    built strictly once: test_build.py reads its HTML, the browser opens it."""
    def make(folder: Path) -> None:
        root = copy_handbook(folder / "repo")
        write_script_in_yaml(root)
        _build(root / "mkdocs.yml")(folder / "site")
    return built_once(tmp_path_factory, "skript-i-yaml", make) / "site"


@dataclass(frozen=True)
class SiteWithPdfs:
    site: Path
    output: str             # what `omlaegning pdf` printed
    problems: list[str]     # what WeasyPrint logged as warnings or errors (e.g. an image without alt text)


@pytest.fixture(scope="session")
def site_with_pdfs(built_site, tmp_path_factory) -> SiteWithPdfs:
    """A copy of the built handbook after `omlaegning pdf`, made once: writing every PDF takes a while."""
    def make(folder: Path) -> None:
        ensure_weasyprint()
        from omlaegning.cli import main

        shutil.copytree(built_site, folder / "site")
        problems = _Collect()
        logging.getLogger("weasyprint").addHandler(problems)
        try:
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                assert main(["pdf", str(folder / "site")]) == 0
        finally:
            logging.getLogger("weasyprint").removeHandler(problems)
        (folder / "udskrift.json").write_text(json.dumps([output.getvalue(), problems.messages]), encoding="utf-8")

    folder = built_once(tmp_path_factory, "pdf", make)
    output, problems = json.loads((folder / "udskrift.json").read_text(encoding="utf-8"))
    return SiteWithPdfs(folder / "site", output, problems)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def minimal(tmp_path) -> ContentTree:
    return ContentTree(copy_minimal(tmp_path / "minimal"))


@pytest.fixture
def repo_copy(tmp_path) -> ContentTree:
    """The real handbook copied to a temporary folder."""
    return ContentTree(copy_handbook(tmp_path / "repo"))


# Fixtures that build a whole site (or its PDFs): a test that asks for one is slow, whatever its file says.
BUILDS = {"built_site", "properdocs_site", "zensical_site", "tool_site", "site_full_of_vectors",
          "site_with_script_in_yaml", "site_with_pdfs"}


def pytest_collection_modifyitems(items):
    """Everything under tests/browser/ drives Chromium, and a test on a built site waits for the build:
    marked, so the fast subset can leave them out.

    pytest-xdist hands out whole files in collection order (--no-loadscope-reorder in pyproject.toml; by
    default it puts the files with the most tests first, which left a one-test file that runs the content
    tests in a copy of the project to the very end), so the order is the longest first: files with
    slow tests outside the browser (the PDFs, copies of the project running their own tests), then the
    browser's, then the quick files, which keep every worker busy to the end instead of one worker
    finishing a slow file alone."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        if browser in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
        if BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    slow = {_file(item) for item in items if item.get_closest_marker("slow")}
    in_browser = {_file(item) for item in items if item.get_closest_marker("browser")}
    items.sort(key=lambda item: 0 if _file(item) in slow - in_browser else 1 if _file(item) in in_browser else 2)


def _file(item) -> str:
    return item.nodeid.split("::")[0]

"""mkdocs serve: saving YAML rebuilds the page; a mistake shows in Danish over the last good page.
A hand-written page cannot hide a generated one."""
import json
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

from helpers import MKDOCS_ENV as ENV, SITE_URL, mkdocs_build

# Each test starts mkdocs serve and waits for rebuilds.
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def search_index(base: str) -> list[dict]:
    """The entries of the served site's search index."""
    return json.loads(fetch(base + "/search/search_index.json"))["docs"]


def wait_for(predicate, seconds=20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@contextmanager
def serving(repo, tmp_path, *options: str):
    """`mkdocs serve` on repo, with `options`; yields the site's address and the log."""
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(repo.root / "mkdocs.yml"),
             "-a", f"127.0.0.1:{port}", *options],
            stdout=output, stderr=subprocess.STDOUT, text=True, env=ENV)
    try:
        # mkdocs serve serves the site under the path of its site_url, as it is published.
        yield f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path.rstrip('/')}", log
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(repo_copy, tmp_path):
    """`mkdocs serve --dirty`, as the README starts the preview."""
    with serving(repo_copy, tmp_path, "--dirty") as (base, log):
        url = base + "/principper/ressourcer/"
        assert wait_for(lambda: "ressourcer" in fetch(url)), "mkdocs serve did not start"
        yield repo_copy, url, log


def test_serve_starts_on_broken_content_with_the_errors_and_turns_into_the_handbook(repo_copy, tmp_path):
    repo_copy.replace("concept/principper/ressourcer.yaml", "nummer: 2", 'nummer: "2"')
    with serving(repo_copy, tmp_path) as (base, log):
        assert wait_for(lambda: "Håndbogen kan ikke vises endnu" in fetch(base + "/")), log.read_text(encoding="utf-8")
        page = fetch(base + "/")
        assert "concept/principper/ressourcer.yaml:3:9: felt 'nummer': Forventede et helt tal" in page
        # A preview reopened on a published page finds the errors there too, not a missing page.
        assert "Håndbogen kan ikke vises endnu" in fetch(base + "/kommuner/herning/")
        assert "Traceback" not in log.read_text(encoding="utf-8")
        repo_copy.replace("concept/principper/ressourcer.yaml", 'nummer: "2"', "nummer: 2")
        assert wait_for(lambda: "Fokusér på borgernes ressourcer" in fetch(base + "/principper/ressourcer/"))
        assert "Håndbogen kan ikke vises endnu" not in fetch(base + "/")


def test_saving_yaml_rebuilds_the_page_without_dirty_too(repo_copy, tmp_path):
    with serving(repo_copy, tmp_path) as (base, log):
        url = base + "/principper/ressourcer/"
        assert wait_for(lambda: "ressourcer" in fetch(url)), log.read_text(encoding="utf-8")
        repo_copy.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Nyt ord – ")
        assert wait_for(lambda: "Nyt ord – " in fetch(url)), "the page was not rebuilt after the YAML changed"


def test_serve_dirty_builds_the_saved_page_and_every_page_when_a_title_changes(repo_copy, tmp_path):
    with serving(repo_copy, tmp_path, "--dirty") as (base, log):
        url = base + "/principper/ressourcer/"
        assert wait_for(lambda: "ressourcer" in fetch(url)), log.read_text(encoding="utf-8")
        repo_copy.replace("concept/principper/ressourcer.yaml", "kort: ", "kort: Gemt nu. ")
        assert wait_for(lambda: "Gemt nu." in fetch(url)), log.read_text(encoding="utf-8")
        # A principle's title is in the navigation every page carries: a page made from other files and a
        # hand-written one are built again too.
        repo_copy.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Nyt ord – ")
        assert wait_for(lambda: "Nyt ord – " in fetch(url)), log.read_text(encoding="utf-8")
        assert "Nyt ord – " in fetch(base + "/faser/analyse/") and "Nyt ord – " in fetch(base + "/redaktoerer/")
        assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_dirty_keeps_the_whole_search_index_and_warns_of_nothing_in_english(repo_copy, tmp_path):
    with serving(repo_copy, tmp_path, "--dirty") as (base, log):
        def index() -> list[str]:
            return sorted(f"{d['location']} {d['title']} {d['text']}" for d in search_index(base))

        def locations(entries: list[str]) -> list[str]:
            return [entry.split(" ", 1)[0] for entry in entries]

        assert wait_for(lambda: "ressourcer" in fetch(base + "/principper/ressourcer/")), log.read_text(encoding="utf-8")
        first = index()
        # A project's name: its municipality's page and the overview kommuner/ are built again, not the other
        # municipalities' pages, whose addresses begin with the overview's (the theme's own merge dropped them).
        repo_copy.replace("data/kommuner/herning.yaml", "  navn: Styrmand i eget liv", "  navn: Styrmand i eget liv gemt")
        assert wait_for(lambda: "Styrmand i eget liv gemt" in fetch(base + "/kommuner/")), log.read_text(encoding="utf-8")
        assert wait_for(lambda: any("Styrmand i eget liv gemt" in e for e in index()), seconds=5)
        saved = index()
        assert locations(saved) == locations(first)
        assert {e.split(" ", 1)[0].partition("#")[0] for e in set(saved) - set(first)} == {"kommuner/", "kommuner/herning/"}
        # A title every page's navigation shows: every page is built again, and still each section is there once.
        repo_copy.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Nyt ord – ")
        assert wait_for(lambda: "Nyt ord – " in fetch(base + "/redaktoerer/")), log.read_text(encoding="utf-8")
        assert locations(index()) == locations(first)
        assert "WARNING" not in log.read_text(encoding="utf-8")  # MkDocs warns of dirty builds in English


def test_a_mistake_while_serving_is_told_in_danish_and_the_last_good_page_stays(served):
    repo, url, log = served
    base = url.removesuffix("/principper/ressourcer/")
    sections = sorted(d["location"] for d in search_index(base))
    repo.replace("concept/principper/ressourcer.yaml", "nummer: 2", 'nummer: "2"')
    message = "concept/principper/ressourcer.yaml:3:9: felt 'nummer': Forventede et helt tal"
    assert wait_for(lambda: message in log.read_text(encoding="utf-8")), log.read_text(encoding="utf-8")
    said = log.read_text(encoding="utf-8")
    assert "Traceback" not in said and "ERROR" not in said and "WARNING" not in said  # the report alone, in Danish
    assert wait_for(lambda: "Fejl i indholdet – du ser den seneste udgave uden fejl" in fetch(url))
    page = fetch(url)
    assert "Fokusér på borgernes ressourcer" in page and "Forventede et helt tal" in page
    # The box stands under each page's title: the search still finds each page and section once.
    assert sorted(d["location"] for d in search_index(base)) == sections
    repo.replace("concept/principper/ressourcer.yaml", 'nummer: "2"', "nummer: 2")
    repo.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Rettet – ")
    assert wait_for(lambda: "Rettet – " in fetch(url)), "serve did not recover after the mistake was fixed"
    assert "Fejl i indholdet" not in fetch(url)


def test_a_hand_written_page_may_not_hide_a_generated_one(repo_copy, tmp_path):
    repo_copy.write("docs/ordliste.md", "# Min egen ordliste\n")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/ordliste.md har samme sti som en side, håndbogen laver ud fra YAML; "
            "omdøb eller slet den håndskrevne fil.") in result.stderr

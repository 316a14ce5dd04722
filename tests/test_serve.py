"""mkdocs serve: saving a YAML file rebuilds the page. A hand-written page cannot hide a generated one."""
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from test_build import ENV, mkdocs_build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


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


@pytest.fixture
def served(repo_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(repo_copy.root / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    url = f"http://127.0.0.1:{port}/principper/ressourcer/"
    try:
        assert wait_for(lambda: "ressourcer" in fetch(url)), "mkdocs serve did not start"
        yield repo_copy, url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_saving_yaml_rebuilds_the_page(served):
    repo, url = served
    repo.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Nyt ord – ")
    assert wait_for(lambda: "Nyt ord – " in fetch(url)), "the page was not rebuilt after the YAML changed"


def test_a_hand_written_page_may_not_hide_a_generated_one(repo_copy, tmp_path):
    repo_copy.write("docs/ordliste.md", "# Min egen ordliste\n")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/ordliste.md har samme sti som en side, håndbogen laver ud fra YAML; "
            "omdøb eller slet den håndskrevne fil.") in result.stderr

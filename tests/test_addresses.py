"""The handbook's two addresses, where it is published and where its repository lives, are set in
mkdocs.yml alone: moving the handbook is one change there, and no page, template or test repeats them."""
import subprocess

from helpers import PUBLIC_URL, REPO, REPO_URL


def test_only_mkdocs_yml_names_the_public_address_and_the_repository():
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    addresses = [PUBLIC_URL.split("://", 1)[1], REPO_URL.split("://", 1)[1].rstrip("/")]
    naming = [name for name in filter(None, listed.split("\0"))
              if (REPO / name).is_file() and name != "mkdocs.yml"
              and any(a in (REPO / name).read_text(encoding="utf-8", errors="replace") for a in addresses)]
    assert naming == []

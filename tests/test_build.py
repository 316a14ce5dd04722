"""The whole handbook through real MkDocs: strict build, content errors, new files, git dates, export."""
import datetime
import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest


from helpers import MKDOCS_ENV, REPO, REPO_URL, mkdocs_build, real_content, real_handbook

# Each test builds the handbook or a copy of it with MkDocs.
pytestmark = pytest.mark.slow



def html(site: Path, page_path: str) -> str:
    folder = page_path.removesuffix(".md").removesuffix("index")
    return (site / folder / "index.html").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def real_site(built_site):
    return built_site


def test_every_generated_page_is_in_the_strict_build(real_site):
    pages = real_handbook().pages
    assert len(pages) >= 25
    for page in pages:
        anchor = re.search(r"^# .* \{#([a-z0-9-]+)\}$", page.markdown, re.MULTILINE).group(1)
        assert f'<h1 id="{anchor}">' in html(real_site, page.path), page.path
    assert '<html lang="da"' in html(real_site, "index.md")


def test_principle_pages_have_what_why_how_anchors_and_edit_link(real_site):
    for princip in real_content().principper:
        page = html(real_site, f"principper/{princip.id}.md")
        for anchor in (princip.id, "hvad", "hvorfor", "hvordan", "eksempler", "kilder"):
            assert f'id="{anchor}"' in page, (princip.id, anchor)
        assert f'href="{REPO_URL}edit/main/concept/principper/{princip.id}.yaml"' in page


def test_every_table_of_a_municipality_is_an_html_table(real_site):
    for kommune in real_content().kommuner:
        expected = len(kommune.tal) + bool(kommune.organisation) + bool(kommune.tidslinje)
        assert html(real_site, f"kommuner/{kommune.id}.md").count("<table>") == expected, kommune.id


def test_no_fonts_or_scripts_from_other_hosts(real_site):
    page = html(real_site, "index.md")
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
    # rel="canonical" only names the page's published address; nothing is loaded from it.
    sources = re.findall(r'<(?:script|link)(?![^>]*rel="canonical")[^>]+(?:src|href)="([^"]+)"', page)
    assert sources and not [s for s in sources if s.startswith(("http:", "https:", "//"))
                            and "socialstyrelsen/omlaegningshaandbogen" not in s]


def test_danish_search_index(real_site):
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da"]
    assert any(doc["title"] == "2. Fokusér på borgernes ressourcer" for doc in index["docs"])


def test_yaml_text_cannot_put_html_into_the_built_site(site_with_script_in_yaml):
    # Markdown fields may hold < (shown as text); plain titles may not (see the loader tests). The site is
    # built strictly with xss_vectors.SCRIPT_IN_YAML, which starts herning's resume with the line below.
    site = site_with_script_in_yaml
    built = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert not [page for page in built if re.search(r"<img src=x|<script>alert", page)]
    assert "&lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in html(
        site, "kommuner/herning.md")


def test_content_error_stops_the_build_and_keeps_the_site(repo_copy, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)  # what is published
    before = snapshot(site)
    repo_copy.replace("concept/principper/ressourcer.yaml", "nummer: 2", 'nummer: "2"')
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert ("concept/principper/ressourcer.yaml:3:9: felt 'nummer': Forventede et helt tal, men '2' står i "
            "anførselstegn og er derfor tekst; fjern anførselstegnene.") in result.stderr
    assert snapshot(site) == before


def test_last_update_is_the_git_date_of_the_pages_yaml(repo_copy, tmp_path):
    env = {**MKDOCS_ENV, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    root = repo_copy.root
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "a"], cwd=root, check=True,
                   env={**env, "GIT_AUTHOR_DATE": "2026-01-05T12:00", "GIT_COMMITTER_DATE": "2026-01-05T12:00"})
    repo_copy.replace("concept/principper/ressourcer.yaml", "titel:", "titel:  ")
    subprocess.run(["git", "commit", "-qam", "b"], cwd=root, check=True,
                   env={**env, "GIT_AUTHOR_DATE": "2026-11-23T12:00", "GIT_COMMITTER_DATE": "2026-11-23T12:00"})
    site = tmp_path / "site"
    assert mkdocs_build(root / "mkdocs.yml", site).returncode == 0
    # The date links to its month on "Hvad er nyt".
    assert re.search(r'Senest opdateret <a href="\.\./\.\./nyt/#maaned-2026-11">23\.&nbsp;november 2026</a>',
                     html(site, "principper/ressourcer.md"))
    assert re.search(r'Senest opdateret <a href="\.\./\.\./nyt/#maaned-2026-01">5\.&nbsp;januar 2026</a>',
                     html(site, "principper/haab-oensker-droemme.md"))


def test_export_builds_with_plain_mkdocs(tmp_path):
    target = tmp_path / "ud"
    subprocess.run([sys.executable, "-m", "omlaegning.cli", "--rod", str(REPO), "export", str(target)],
                   check=True, capture_output=True)
    site = tmp_path / "site"
    result = mkdocs_build(target / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    page = html(site, "principper/ressourcer.md")
    # The edit button opens the YAML file, as in the plugin's build.
    assert 'id="hvordan"' in page and f'href="{REPO_URL}edit/main/concept/principper/ressourcer.yaml"' in page


@pytest.mark.parametrize("where", [".", "docs", "concept/faser"])
def test_export_never_replaces_the_handbook_itself(repo_copy, where):
    before = snapshot(repo_copy.root)
    result = subprocess.run([sys.executable, "-m", "omlaegning.cli", "--rod", str(repo_copy.root), "export",
                             str(repo_copy.root / where)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Eksporten blev ikke lavet: Eksportmappen må ikke")
    assert snapshot(repo_copy.root) == before


def test_export_replaces_only_its_own_earlier_export(tmp_path):
    other = tmp_path / "mine-filer"
    other.mkdir()
    (other / "vigtig.txt").write_text("behold mig")
    command = [sys.executable, "-m", "omlaegning.cli", "--rod", str(REPO), "export"]
    refused = subprocess.run(command + [str(other)], capture_output=True, text=True)
    assert refused.returncode == 1 and "er ikke en tidligere eksport" in refused.stderr
    assert (other / "vigtig.txt").read_text() == "behold mig"
    target = tmp_path / "ud"
    for _ in range(2):
        assert subprocess.run(command + [str(target)], capture_output=True).returncode == 0


def test_a_build_that_fails_late_leaves_the_published_site_untouched(repo_copy, built_site, tmp_path):
    # A broken link in a hand-written page is found only after MkDocs has begun writing pages.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)  # what is published
    before = snapshot(site)
    repo_copy.write("docs/om-haandbogen.md", "# Om håndbogen {#om}\n\n[Et link](findes-ikke.md)\n")
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode != 0 and "findes-ikke.md" in result.stderr
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]  # no half-built folder left


def commit_all(root: Path, date: str) -> None:
    env = {**MKDOCS_ENV, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "indhold"], cwd=root, check=True, env=env)


def test_two_builds_of_the_same_commit_are_byte_identical(repo_copy, tmp_path):
    commit_all(repo_copy.root, "2026-01-05T12:00:00+01:00")
    first, second = tmp_path / "a", tmp_path / "b"
    assert mkdocs_build(repo_copy.root / "mkdocs.yml", first).returncode == 0
    time.sleep(1.1)
    assert mkdocs_build(repo_copy.root / "mkdocs.yml", second).returncode == 0
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)) > 100
    # Dated by the commit, not by the clock, so a rebuild on another day gives the same bytes:
    # the only timestamp MkDocs writes is in the gzip header of sitemap.xml.gz.
    stamp = struct.unpack("<I", (first / "sitemap.xml.gz").read_bytes()[4:8])[0]
    assert datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date() == datetime.date(2026, 1, 5)


def test_every_generated_page_has_an_edit_link_to_its_file_or_folder(real_site):
    repo = REPO_URL
    for page in real_handbook().pages:
        target = page.edit_target
        assert target, page.path
        link = f'href="{repo}{"tree" if target.endswith("/") else "edit"}/main/{target}" title="Redigér denne side"'
        assert link in html(real_site, page.path), page.path
    assert f'href="{repo}edit/main/concept/haandbog.yaml" title="Redigér denne side"' in html(real_site, "index.md")

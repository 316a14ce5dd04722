"""The export route as a first-class way to build the handbook (issue #21, items 2 and 3): page safety
after `zensical build`, re-export of only what changed, live re-export, and the front page a build
without our plugin shows."""
import json
import subprocess
import sys
import threading
import time

import pytest
import yaml

from omlaegning.export import CONTENT_END, CONTENT_START, MARKER, ExportError, export, watch
from omlaegning.postbuild import PostbuildError, secure_page, secure_site

from helpers import omlaegning
from safe_html import dangers

NEXT_LINE_REFERENCE = "[klik][r]\n\n[r]:\njavascript:alert(1)"
RAW = "<img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">y</a>"


def content(html: str) -> str:
    """The page's own content: from its title to the end of the article, after the theme's buttons."""
    return "<h1" + html.split("<h1", 1)[1].split("</article>", 1)[0]


def files_of(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.vaerktoejer
def test_a_script_that_got_past_the_model_is_cleaned_from_the_zensical_site(repo_copy, tmp_path):
    # The export's Markdown stands in for a hole in the model's checks: what Zensical makes of it
    # runs until `omlaegning efterbehandl` has cleaned the page.
    folder = tmp_path / "ud"
    assert omlaegning("--rod", str(repo_copy.root), "export", str(folder)).returncode == 0
    page = folder / "docs/kommuner/herning.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        CONTENT_END, f"{NEXT_LINE_REFERENCE}\n\n{RAW}\n\n{CONTENT_END}"), encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(folder / "mkdocs.yml")],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    built = folder / "site/kommuner/herning/index.html"
    assert 'href="javascript:alert(1)"' in built.read_text(encoding="utf-8")
    assert dangers(content(built.read_text(encoding="utf-8"))) != []
    result = omlaegning("efterbehandl", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    html = built.read_text(encoding="utf-8")
    assert "javascript:" not in html and "onerror" not in html
    assert dangers(content(html)) == []
    assert "klik" in html and "Content-Security-Policy" in html
    index = json.loads((folder / "site/search.json").read_text(encoding="utf-8"))
    assert not [item["location"] for item in index["items"] if dangers(item["text"])]


def test_a_page_without_the_exports_markers_is_refused_in_danish(tmp_path):
    site = tmp_path / "site"
    (site / "side").mkdir(parents=True)
    (site / "side/index.html").write_text("<html><head><meta charset=\"utf-8\"></head><body><article>"
                                          "<a href=\"javascript:alert(1)\">x</a></article></body></html>")
    with pytest.raises(PostbuildError) as refused:
        secure_site(site)
    assert str(refused.value) == ("side/index.html: siden har ikke eksportens mærker om indholdet, så indholdet "
                                  "kan ikke renses. Byg kun fra en mappe lavet af 'omlaegning export'.")
    result = omlaegning("efterbehandl", str(tmp_path / "findes-ikke"))
    assert result.returncode == 1
    assert result.stderr.startswith("Efterbehandlingen stoppede: ") and "byg først håndbogen" in result.stderr


def test_the_post_build_step_cleans_the_content_only_and_a_second_run_changes_nothing(tmp_path):
    theme = '<script>var tema = 1;</script><a href="../" class="md-content__button">'
    page = (f'<html><head><meta charset="utf-8">{theme}</head><body><article>{CONTENT_START}'
            f'<p onclick="x()">Tekst</p><a href="javascript:alert(1)">k</a>{CONTENT_END}</article></body></html>')
    secured = secure_page(page, "side")
    assert theme in secured  # the theme's own parts are not the editors' text
    assert '<p>Tekst</p><a>k</a>' in secured and CONTENT_START not in secured
    assert secured.count("Content-Security-Policy") == 1
    (tmp_path / "index.html").write_text(page)
    assert secure_site(tmp_path) == 1
    assert secure_site(tmp_path) == 0
    assert (tmp_path / "index.html").read_text() == secured


def test_exporting_again_writes_only_what_changed_and_deletes_only_its_own_files(repo_copy, tmp_path):
    target = tmp_path / "ud"
    export(repo_copy.root, target)
    (target / "mine-noter.txt").write_text("behold mig")
    before = files_of(target)
    time.sleep(0.01)
    herlev = (repo_copy.root / "data/kommuner/herlev.yaml")
    herlev.write_text(herlev.read_text(encoding="utf-8").replace("\nnavn: Herlev Kommune\n",
                                                                 "\nnavn: Herlev Kommune (ny)\n"), encoding="utf-8")
    export(repo_copy.root, target)
    after = files_of(target)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "docs/kommuner/herlev.md" in changed and "docs/data/kommuner/herlev.json" in changed
    assert "docs/om-haandbogen.md" not in changed and "docs/recovery.md" not in changed
    assert len(changed) < len(after) / 4
    assert not [path for path in changed if after[path][1] == before.get(path, (0, None))[1]]
    # A municipality removed: its files go, the file the export did not write stays.
    (repo_copy.root / "data/kommuner/herlev.yaml").unlink()
    for path in ("concept/partnerskab.yaml", "links.lock"):
        text = (repo_copy.root / path).read_text(encoding="utf-8")
        (repo_copy.root / path).write_text("\n".join(line for line in text.splitlines()
                                                     if "herlev" not in line) + "\n", encoding="utf-8")
    redirects = repo_copy.root / "concept/omdirigeringer.yaml"
    kept = [r for r in yaml.safe_load(redirects.read_text(encoding="utf-8"))["omdirigeringer"] if "herlev" not in r["fra"]]
    redirects.write_text(yaml.safe_dump({"omdirigeringer": kept}, allow_unicode=True), encoding="utf-8")
    export(repo_copy.root, target)
    assert not (target / "docs/kommuner/herlev.md").exists()
    assert not (target / "docs/figurer/kommuner/herlev").exists()
    assert (target / "mine-noter.txt").read_text() == "behold mig"
    assert "docs/kommuner/herlev.md" not in (target / MARKER).read_text(encoding="utf-8")


def test_watch_exports_again_when_a_yaml_file_changes(repo_copy, tmp_path):
    target, reports, stop = tmp_path / "ud", [], threading.Event()
    worker = threading.Thread(target=watch, args=(repo_copy.root, target, reports.append, stop.is_set, 0.05))
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
        page = target / "docs/principper/ressourcer.md"
        untouched = (target / "docs/data/kommuner/herning.json").stat().st_mtime_ns
        repo_copy.replace("concept/principper/ressourcer.yaml", "titel: ", "titel: Ny ")
        while "Ny " not in page.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "# 2. Ny " in page.read_text(encoding="utf-8")
        # A mistake is reported and leaves the last good export for the preview.
        repo_copy.replace("concept/principper/ressourcer.yaml", "nummer: 2", 'nummer: "2"')
        while len([r for r in reports if "felt 'nummer'" in r]) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join()
    assert reports[0] == "Eksporten er opdateret: " + reports[0].split(": ", 1)[1]
    [said] = [r for r in reports if "felt 'nummer'" in r]
    assert "concept/principper/ressourcer.yaml:3:9: felt 'nummer'" in said
    assert said.endswith("Ret fejlene i YAML-filerne ovenfor. Den seneste eksport uden fejl bliver liggende, indtil de er "
                         "rettet.")
    assert "# 2. Ny " in page.read_text(encoding="utf-8")
    assert (target / "docs/data/kommuner/herning.json").stat().st_mtime_ns == untouched


def test_watch_refuses_a_folder_it_did_not_make(repo_copy, tmp_path):
    (tmp_path / "andet").mkdir()
    (tmp_path / "andet/vigtig.txt").write_text("behold mig")
    with pytest.raises(ExportError, match="eksporten sletter aldrig en mappe, den ikke selv har lavet"):
        watch(repo_copy.root, tmp_path / "andet", print)
    assert (tmp_path / "andet/vigtig.txt").read_text() == "behold mig"


@pytest.mark.vaerktoejer
def test_zensical_on_mkdocs_yml_gives_a_front_page_that_names_the_right_commands(repo_copy):
    # Zensical skips plugins it does not know; without the guard this build would look complete.
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(repo_copy.root / "mkdocs.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    site = repo_copy.root / "site"
    assert not (site / "principper/ressourcer/index.html").exists()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Håndbogen er bygget uden sit plugin" in front
    assert ("omlaegning export ud &amp;&amp; zensical build -f ud/mkdocs.yml &amp;&amp; "
            "omlaegning efterbehandl ud/site") in front

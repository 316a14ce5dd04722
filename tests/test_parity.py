"""The three builds hold the same pages and anchors (benchmarks/paritet.py, issue #21 item 5)."""
import importlib.util
import sys

import pytest

from helpers import REPO

spec = importlib.util.spec_from_file_location("paritet", REPO / "benchmarks" / "paritet.py")
paritet = importlib.util.module_from_spec(spec)
sys.modules["paritet"] = paritet
spec.loader.exec_module(paritet)

ARTICLE = '<html><body><article class="md-content__inner md-typeset">{}</article></body></html>'


@pytest.mark.vaerktoejer
@pytest.mark.parametrize("tool", ["properdocs_site", "zensical_site"])
def test_every_page_and_anchor_of_the_mkdocs_build_is_in_the_other_builds(request, built_site, tool):
    reference = paritet.pages(built_site)
    assert len(reference) > 30 and "/principper/ressourcer/" in reference
    assert "hvordan" in reference["/principper/ressourcer/"].ids
    comparison = paritet.compare(reference, paritet.pages(request.getfixturevalue(tool)), tool)
    assert comparison.missing == []
    assert comparison.extra_pages == [] and comparison.extra_anchors == []


def test_the_comparison_finds_a_missing_page_a_missing_anchor_and_other_text(tmp_path):
    for tool, body in {"a": '<h1 id="x">Titel<a class="headerlink" href="#x">¶</a></h1><p id="y">Tekst</p>',
                       "b": '<h1 id="x">Titel</h1><p>Anden tekst</p>'}.items():
        (tmp_path / tool / "side").mkdir(parents=True)
        (tmp_path / tool / "side/index.html").write_text(ARTICLE.format(body))
    (tmp_path / "a/anden").mkdir()
    (tmp_path / "a/anden/index.html").write_text(ARTICLE.format("<p>Kun her</p>"))
    result = paritet.compare(paritet.pages(tmp_path / "a"), paritet.pages(tmp_path / "b"), "b")
    assert result.missing == ["/anden/", "/side/#y"]
    assert result.text_differences == {"/side/": "«Titel Tekst» mod «Titel Anden tekst»"}

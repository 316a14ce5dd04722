"""The same checks on the handbook as built by each tool (issue #21): MkDocs + Material, ProperDocs +
Material through our plugin, and Zensical from `omlaegning export`. The builds are session fixtures
in conftest.py; the tests of ProperDocs and Zensical carry the marker vaerktoejer."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from omlaegning.csp import DIRECTIVES
from omlaegning.history import read_history
from omlaegning.paths import page_url
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook

from helpers import PUBLIC_URL, REPO, REPO_URL
from linkcheck import broken_links

RENDERED = render_handbook(load_handbook(REPO), read_history(REPO))


def page_file(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.edit, self.refresh, self.policy = set(), [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("rel") == "edit":
            self.edit.append(attrs["href"])
        if tag == "meta" and attrs.get("http-equiv") == "refresh":
            self.refresh = attrs["content"].split("url=", 1)[1]
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.policy = attrs["content"]


def parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_internal_link_or_anchor_is_broken(tool_site):
    _, site = tool_site
    assert broken_links(site) == []


def test_every_short_link_and_redirect_leads_to_its_section(tool_site):
    _, site = tool_site
    redirects = RENDERED.redirects
    assert len(redirects) >= len(RENDERED.short_links) > 0
    for redirect in redirects:
        here = "/" + redirect.path.removesuffix("index.html")
        target = urljoin(here, parsed(site / redirect.path).refresh)
        assert target == redirect.target, redirect.path
        page, _, anchor = target.partition("#")
        assert page_file(site, page).is_file(), redirect.path
        if anchor:
            assert anchor in parsed(page_file(site, page)).ids, redirect.path


def test_open_data_figures_and_qr_codes_are_the_rendered_files(tool_site):
    _, site = tool_site
    rendered = render_handbook(load_handbook(REPO), read_history(REPO), PUBLIC_URL)
    files = {**rendered.assets, **rendered.qr_codes}
    assert any(path.startswith("data/kommuner/") for path in files)
    for path, content in files.items():
        assert (site / path).read_text(encoding="utf-8") == content, path


def test_every_page_carries_the_policy(tool_site):
    _, site = tool_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(RENDERED.pages)
    for path in pages:
        policy = parsed(path).policy
        assert policy is not None, path
        assert policy.startswith(f"default-src {DIRECTIVES['default-src']}; script-src 'self'"), path
        assert policy.endswith("object-src 'none'; base-uri 'self'; form-action 'self'"), path


def test_pages_made_from_one_yaml_file_open_it_for_editing_and_show_its_date(tool_site):
    _, site = tool_site
    dates = read_history(REPO).last_changed()
    single = [p for p in RENDERED.pages if p.edit_file]
    assert single
    for page in single:
        path = page_file(site, page_url(page.path))
        assert parsed(path).edit == [f"{REPO_URL}edit/main/{page.edit_file}"], page.path
        if page.edit_file in dates:
            assert "Senest opdateret" in path.read_text(encoding="utf-8"), page.path
    assert parsed(page_file(site, "/om-haandbogen/")).edit == [f"{REPO_URL}edit/main/docs/om-haandbogen.md"]


def test_the_focus_view_and_the_handbooks_scripts_are_on_every_page(tool_site):
    _, site = tool_site
    for script in ("fokusvisning.js", "selvevaluering.js"):
        assert (site / "javascripts" / script).is_file()
    text = page_file(site, "/principper/ressourcer/").read_text(encoding="utf-8")
    assert re.search(r'<script src="[./]*javascripts/fokusvisning\.js"', text)


def test_the_placeholder_front_page_never_reaches_a_built_site(tool_site):
    _, site = tool_site
    assert "omlaegning:pladsholder" not in page_file(site, "/").read_text(encoding="utf-8")
    assert 'id="uden-plugin"' not in page_file(site, "/").read_text(encoding="utf-8")

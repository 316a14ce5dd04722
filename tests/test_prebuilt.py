"""The rendered handbook kept between builds (prebuilt.py): read back only when every input is the same, never
in place of an error, and without importing the models; check says what it said last time only then."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from mkdocs.config import load_config

from helpers import REPO
from omlaegning import prebuilt
from omlaegning.cli import main
from omlaegning.mkdocs_adapter.plugin import OmlaegningPlugin

KOMMUNE = "data/kommuner/testby.yaml"


@pytest.mark.parametrize("change", [
    lambda root: (root / KOMMUNE).write_text((root / KOMMUNE).read_text(encoding="utf-8") + "\n", encoding="utf-8"),
    lambda root: ((root / "docs").mkdir(exist_ok=True), (root / "docs" / "ny.md").write_text("# Ny\n", encoding="utf-8")),
    lambda root: (root / "links.lock").write_text("/ny/\n", encoding="utf-8"),
    lambda root: (root / "concept" / "faser" / "start.yaml").rename(root / "concept" / "faser" / "begynd.yaml"),
])
def test_the_key_changes_with_every_input_file(minimal, change):
    before = prebuilt.inputs_key(minimal.root, "historik")
    assert prebuilt.inputs_key(minimal.root, "historik") == before
    change(minimal.root)
    assert prebuilt.inputs_key(minimal.root, "historik") != before


def test_the_key_changes_with_the_callers_own_inputs(minimal):
    assert prebuilt.inputs_key(minimal.root, "historik", "https://a.dk/") != \
        prebuilt.inputs_key(minimal.root, "historik", "https://b.dk/")


def _plugin(root, tmp_path):
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = OmlaegningPlugin()
    plugin.load_config({"content_root": str(root)})
    plugin.on_startup(command="build", dirty=False)
    return plugin, config


def test_a_build_with_the_same_inputs_reads_the_kept_handbook(minimal, tmp_path):
    first, config = _plugin(minimal.root, tmp_path)
    first.on_config(config)
    # Change what is kept, not the inputs: the next build must show what was kept, so it did not render again.
    entry, = (minimal.root / ".cache" / "omlaegning" / prebuilt.SECTION).iterdir()
    kept = prebuilt.read(minimal.root, entry.name)
    assert kept == first.rendered
    prebuilt.write(minimal.root, entry.name, replace(kept, edition="kendt udgave"))
    second, config = _plugin(minimal.root, tmp_path)
    second.on_config(config)
    assert second.rendered.edition == "kendt udgave"
    assert [p.markdown for p in second.rendered.pages] == [p.markdown for p in first.rendered.pages]


def test_a_changed_file_is_rendered_again(minimal, tmp_path):
    first, config = _plugin(minimal.root, tmp_path)
    first.on_config(config)
    minimal.replace(KOMMUNE, "resume: Testby prøver noget nyt.", "resume: Testby prøver noget andet.")
    second, config = _plugin(minimal.root, tmp_path)
    second.on_config(config)
    page, = [p for p in second.rendered.pages if p.edit_target == KOMMUNE]
    assert "Testby prøver noget andet." in page.markdown


def test_check_with_unchanged_files_says_the_same_and_an_error_is_never_kept(minimal, capsys):
    assert main(["--rod", str(minimal.root), "check"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Indholdet er i orden:")
    assert main(["--rod", str(minimal.root), "check"]) == 0
    assert capsys.readouterr().out == said
    minimal.replace(KOMMUNE, "resume: Testby prøver noget nyt.", "resume: [Testby")
    for _ in range(2):  # the second time too: the first did not keep the error in place of finding it
        assert main(["--rod", str(minimal.root), "check"]) == 1
        assert f"{KOMMUNE}:" in capsys.readouterr().err
    minimal.replace(KOMMUNE, "resume: [Testby", "resume: Testby prøver noget nyt.")
    assert main(["--rod", str(minimal.root), "check"]) == 0
    assert capsys.readouterr().out == said


_WARM_BUILD = """
import json, sys
from pathlib import Path
from mkdocs.config import load_config
from omlaegning.mkdocs_adapter.plugin import OmlaegningPlugin
config = load_config({config!r}, site_dir={site!r})
plugin = OmlaegningPlugin()
plugin.load_config({{"content_root": {root!r}}})
plugin.on_startup(command="build", dirty=False)
plugin.on_config(config)
print(json.dumps(sorted(m for m in ("pydantic", "segno", "omlaegning.models", "omlaegning.loader")
                        if m in sys.modules)))
"""


def test_a_build_with_the_same_inputs_imports_no_models_and_no_templates(minimal, tmp_path):
    code = _WARM_BUILD.format(config=str(REPO / "mkdocs.yml"), site=str(tmp_path / "site"), root=str(minimal.root))

    def imported():
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    assert {"pydantic", "omlaegning.models", "omlaegning.loader"} <= set(imported())
    assert not {"pydantic", "segno", "omlaegning.models", "omlaegning.loader"} & set(imported())


def test_only_the_last_handbook_and_the_last_check_are_kept(minimal, tmp_path, capsys):
    kept = minimal.root / ".cache" / "omlaegning"
    for old, new in (("nyt.", "andet."), ("andet.", "tredje.")):
        plugin, config = _plugin(minimal.root, tmp_path)
        plugin.on_config(config)
        assert main(["--rod", str(minimal.root), "check"]) == 0
        assert len(list((kept / prebuilt.SECTION).iterdir())) == len(list((kept / "check").iterdir())) == 1
        minimal.replace(KOMMUNE, f"resume: Testby prøver noget {old}", f"resume: Testby prøver noget {new}")

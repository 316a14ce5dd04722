"""The build's disk cache (render/diskcache.py): QR codes, figures and compiled templates kept in
.cache/omlaegning/ between builds. A changed input is a new entry; a damaged entry is made again; the
repository never sees the folder. And what `check` and a warm build leave unimported."""
import json
import shutil
import subprocess
import sys

import pytest

from helpers import PUBLIC_URL, REPO
from omlaegning.history import read_history
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook
from omlaegning.render.diskcache import CACHE_DIR, DiskCache
from omlaegning.render.environment import html_environment, markdown_environment
from omlaegning.render.shortlinks import qr_svg


def _render(root):
    """A render as a new process would do it: nothing kept in memory from an earlier one."""
    qr_svg.cache_clear()
    markdown_environment.cache_clear()
    html_environment.cache_clear()
    rendered = render_handbook(load_handbook(root), read_history(root), PUBLIC_URL)
    return {**{p.path: p.markdown for p in rendered.pages}, **rendered.extra_files()}


def _entries(root, section):
    return sorted((root / CACHE_DIR / section).iterdir())


def test_a_second_render_reads_the_cache_and_gives_the_same_files(minimal):
    first = _render(minimal.root)
    for section in ("qr", "figurer", "skabeloner"):
        assert _entries(minimal.root, section), section
    stamps = {p: p.stat().st_mtime_ns for s in ("qr", "figurer", "skabeloner") for p in _entries(minimal.root, s)}
    assert _render(minimal.root) == first
    # Read, not written again: every entry is the one the first render left.
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_a_changed_input_gets_a_new_entry(minimal):
    _render(minimal.root)
    before = set(_entries(minimal.root, "qr"))
    kommune = next((minimal.root / "data" / "kommuner").glob("*.yaml")).relative_to(minimal.root).as_posix()
    text = (minimal.root / kommune).read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("navn:")).removeprefix("navn:").strip()
    minimal.replace(kommune, f"navn: {title}", f"navn: {title} Nord")
    files = _render(minimal.root)
    added = set(_entries(minimal.root, "qr")) - before
    # The municipality's code carries its title: a new entry, and that is what the site gets.
    assert added
    assert any(f"{title} Nord" in files[path] for path in files if path.endswith("qr.svg"))
    assert all(DiskCache(minimal.root).read("qr", entry.name).decode("utf-8") in files.values() for entry in added)


@pytest.mark.parametrize("section", ["qr", "figurer", "skabeloner"])
def test_a_damaged_entry_is_made_again(minimal, section):
    first = _render(minimal.root)
    if section == "skabeloner":  # a cached figure needs no template: without them every template is read
        shutil.rmtree(minimal.root / CACHE_DIR / "figurer")
    damages = (lambda data: data[:80] + b"\x00<svg>nonsense" + data[95:],  # changed in the middle
               lambda data: data[: len(data) // 2],                        # cut short
               lambda data: b"")                                           # empty
    entries = _entries(minimal.root, section)
    assert len(entries) >= 2
    for number, entry in enumerate(entries):
        entry.write_bytes(damages[number % len(damages)](entry.read_bytes()))
    assert _render(minimal.root) == first
    # Repaired on disk too: each entry is whole again.
    assert all(DiskCache(minimal.root).read(section, entry.name) is not None for entry in entries)


def test_a_missing_entry_is_made_again(minimal):
    first = _render(minimal.root)
    for entry in _entries(minimal.root, "qr")[::2]:
        entry.unlink()
    assert _render(minimal.root) == first
    assert len(_entries(minimal.root, "qr")) == sum(1 for path in first if path.endswith("qr.svg"))


def test_an_unwritable_cache_folder_only_costs_time(minimal):
    shutil.rmtree(minimal.root / ".cache", ignore_errors=True)  # left in the fixture by an earlier check
    (minimal.root / ".cache").write_text("not a folder")  # nothing can be stored under it
    expected = _render(minimal.root)
    assert _render(minimal.root) == expected
    assert (minimal.root / ".cache").read_text() == "not a folder"


def test_git_ignores_the_cache_folder():
    for path in (CACHE_DIR / "qr" / "x.svg", "tests/fixtures/minimal" / CACHE_DIR / "skabeloner" / "x"):
        assert subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", str(path)]).returncode == 0, path


# What each command must not load: the PDF maker and its PDF library, the QR maker when every code is
# cached, and, for check, the sanitizer and the export. babel and pydantic are listed to show where they come
# in: validation needs the models (pydantic), rendering formats Danish dates with babel. Only what `run`
# loads counts, not what `before` (MkDocs itself) already had.
_IMPORTED = """
import json, sys
from pathlib import Path
{before}
already = set(sys.modules)
{run}
print(json.dumps(sorted(m for m in ("weasyprint", "pydyf", "segno", "babel", "pydantic", "nh3", "omlaegning.export",
                                    "omlaegning.postbuild", "omlaegning.pdf")
                        if m in sys.modules and m not in already)))
"""


def _imported(run: str, before: str = "") -> list[str]:
    done = subprocess.run([sys.executable, "-c", _IMPORTED.format(run=run, before=before)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_check_loads_only_what_it_needs(minimal):
    run = f"import omlaegning.cli; omlaegning.cli.main(['--rod', {str(minimal.root)!r}, 'check'])"
    assert _imported(run) == ["babel", "pydantic"]
    # The same files again: check says what it found last time, without the models or babel.
    assert _imported(run) == []


def test_a_build_with_a_warm_cache_loads_no_qr_maker_and_no_pdf_maker(minimal):
    _render(minimal.root)  # fills the cache
    run = ("from omlaegning.mkdocs_adapter.plugin import OmlaegningPlugin\n"
           "from omlaegning.loader import load_handbook\nfrom omlaegning.render import render_handbook\n"
           f"render_handbook(load_handbook(Path({str(minimal.root)!r})), None, {PUBLIC_URL!r})")
    # MkDocs loads babel for its themes' languages before any plugin; the plugin sanitizes every page with nh3.
    before = "import mkdocs.commands.build, mkdocs.config.config_options, mkdocs.plugins, mkdocs.structure.files"
    assert _imported(run, before) == ["nh3", "pydantic"]

"""The MkDocs adapter, event by event, in-process: each event called as MkDocs calls it, on a plugin
configured from the project's own mkdocs.yml with the minimal fixture as its content."""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from jinja2 import Environment
from mkdocs.structure.files import File, InclusionLevel, get_files

from helpers import PUBLIC_URL, REPO
from omlaegning.formatting import dato
from omlaegning.mkdocs_adapter.plugin import OmlaegningPlugin
from omlaegning.paths import page_path
from omlaegning.render.diskcache import DiskCache
from omlaegning.render.text import escaped_nav


def _plugin(root, tmp_path, command="build"):
    """A new plugin with `root` as its content, started for `command`, and the project's mkdocs.yml."""
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    # As while MkDocs runs one of its events (File.generated records who made the file).
    config.plugins._current_plugin = "omlaegning"
    # Not the instance in config.plugins: MkDocs keeps that one across loads, and with it the last good pages.
    plugin = OmlaegningPlugin()
    plugin.load_config({"content_root": str(root)})
    plugin.on_startup(command=command, dirty=False)
    return plugin, config


@pytest.fixture
def configured(minimal, tmp_path):
    plugin, config = _plugin(minimal.root, tmp_path)
    return plugin, plugin.on_config(config)


# --- on_startup: what each MkDocs command makes of the build ----------------------------------------

@pytest.mark.parametrize("command, serving, atomic", [
    ("build", False, True),
    ("gh-deploy", False, True),
    ("serve", True, False),
])
def test_on_startup(minimal, tmp_path, command, serving, atomic):
    plugin, _ = _plugin(minimal.root, tmp_path, command)
    assert (plugin.serving, plugin.atomic) == (serving, atomic)


def test_without_on_startup_a_build_is_neither_served_nor_atomic():
    plugin = OmlaegningPlugin()
    assert (plugin.serving, plugin.atomic, plugin.rendered, plugin.problems) == (False, False, None, None)


# --- on_config ------------------------------------------------------------------------------------

def test_on_config_builds_beside_the_site_and_puts_the_generated_sections_first(configured, tmp_path):
    plugin, config = configured
    assert config.site_dir == str(tmp_path / ".site.bygges")
    assert plugin.site_dir == tmp_path / "site"
    generated = escaped_nav(plugin.rendered.nav)
    assert config.nav[:len(generated) - 1] == generated[:-1]
    # mkdocs.yml's hand-written pages about the handbook join its generated last section.
    (title, last), = generated[-1].items()
    assert config.nav[len(generated) - 1][title][:len(last)] == last
    assert len(config.nav[len(generated) - 1][title]) > len(last)
    assert {"1. Start": page_path("fase", "start")} in config.nav[1]["Faser"]


def test_on_config_leaves_the_environment_alone(minimal, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plugin, config = _plugin(minimal.root, tmp_path)
    plugin.on_config(config)
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_on_config_stops_a_build_with_the_danish_report(minimal, tmp_path, capsys):
    minimal.replace("concept/faser/slut.yaml", "nummer: 2", "nummer: nul")
    plugin, config = _plugin(minimal.root, tmp_path, "build")
    with pytest.raises(SystemExit) as stop:
        plugin.on_config(config)
    assert stop.value.code == 1
    assert "concept/faser/slut.yaml:2:9: felt 'nummer'" in capsys.readouterr().err


@pytest.mark.parametrize("good_first, said", [
    (True, "Forhåndsvisningen viser den seneste udgave uden fejl, indtil de er rettet."),
    (False, "Forhåndsvisningen viser fejlene, indtil de er rettet."),
])
def test_on_config_under_serve_keeps_the_preview_going(minimal, tmp_path, capsys, good_first, said):
    plugin, config = _plugin(minimal.root, tmp_path, "serve")
    if good_first:
        plugin.on_config(config)
        good = plugin.rendered
    minimal.replace("concept/faser/slut.yaml", "nummer: 2", "nummer: nul")
    capsys.readouterr()
    plugin.on_config(config)
    report = capsys.readouterr().err.splitlines()
    assert report[0] == "1 fejl i håndbogens indhold:" and report[-1] == f"Ret fejlene i YAML-filerne ovenfor. {said}"
    if good_first:
        assert plugin.rendered is good and plugin.problems.errors[0].file == "concept/faser/slut.yaml"
    else:
        assert [p.path for p in plugin.rendered.pages] == ["index.md"] and plugin.problems is None
        assert "concept/faser/slut.yaml:2:9" in plugin.rendered.pages[0].markdown


def test_serve_started_on_broken_content_shows_the_errors_at_every_published_page(minimal, tmp_path):
    minimal.write("links.lock", "/\n/faser/start/\n/faser/start/#formaal\n/l/start/ /faser/start/\n")
    minimal.replace("concept/faser/slut.yaml", "nummer: 2", "nummer: nul")
    plugin, config = _plugin(minimal.root, tmp_path, "serve")
    plugin.on_config(config)
    assert [p.path for p in plugin.rendered.pages] == ["index.md", "faser/start.md"]
    assert all("concept/faser/slut.yaml:2:9" in p.markdown for p in plugin.rendered.pages)


# --- on_files -------------------------------------------------------------------------------------


def _modified(plugin, config) -> dict[str, bool]:
    """Which documentation pages a dirty rebuild would build again, after on_config and on_files, when every
    hand-written page was built after its file was saved."""
    plugin.on_config(config)
    files = plugin.on_files(get_files(config), config=config)
    for file in files.documentation_pages():
        if not file.generated_by:
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(file.abs_dest_path).touch()
    return {f.src_uri: f.is_modified() for f in files.documentation_pages()}


def _without(nav: list, path: str) -> list:
    return [{title: _without(target, path) if isinstance(target, list) else target}
            for entry in nav for title, target in entry.items() if target != path]


def test_a_page_the_navigation_leaves_to_its_overview_is_marked_as_outside_it(configured):
    plugin, config = configured
    left_out = page_path("kommune", "testby")
    plugin.rendered = replace(plugin.rendered, nav=_without(plugin.rendered.nav, left_out))
    files = plugin.on_files(get_files(config), config=config)
    assert files.get_file_from_path(left_out).inclusion == InclusionLevel.NOT_IN_NAV
    assert files.get_file_from_path(page_path("fase", "start")).inclusion == InclusionLevel.UNDEFINED


@pytest.fixture
def dirty_serving(minimal, tmp_path):
    """A plugin started as by `mkdocs serve --dirty`, shut down afterwards (its logging filter is process-wide)."""
    plugin, config = _plugin(minimal.root, tmp_path, "serve")
    plugin.on_startup(command="serve", dirty=True)
    yield plugin, config
    plugin.on_shutdown()


def test_serve_dirty_builds_again_only_the_pages_whose_output_changed(minimal, dirty_serving, tmp_path):
    plugin, config = dirty_serving
    assert all(f for path, f in _modified(plugin, config).items() if path.startswith(("kommuner/", "faser/")))
    assert not any(_modified(plugin, config).values())  # nothing saved: nothing to build
    minimal.replace("data/kommuner/testby.yaml", "resume: Testby prøver noget nyt.", "resume: Testby prøver noget andet.")
    again = {path for path, modified in _modified(plugin, config).items() if modified}
    assert page_path("kommune", "testby") in again and page_path("fase", "start") not in again
    assert all(not path.startswith(("redaktoerer", "om-haandbogen")) for path in again)
    # A new title changes the navigation every page shows: every page, hand-written ones too, is built again.
    minimal.replace("data/kommuner/testby.yaml", "navn: Testby Kommune", "navn: Testborg Kommune")
    assert all(_modified(plugin, config).values())
    assert not any(_modified(plugin, config).values())
    # So does a change to mkdocs.yml, which names the hand-written pages in the navigation and sets the footer.
    settings = tmp_path / "mkdocs.yml"
    settings.write_text(Path(config.config_file_path).read_text(encoding="utf-8") + "# gemt\n", encoding="utf-8")
    config.config_file_path = str(settings)
    assert all(_modified(plugin, config).values())


def _built(url: str, modified: bool):
    return SimpleNamespace(page=SimpleNamespace(url=url), is_modified=lambda: modified)


def test_serve_dirty_starts_the_search_index_from_the_last_one_without_the_pages_built_again(dirty_serving):
    plugin, config = dirty_serving
    config = plugin.on_config(config)
    search = config.plugins["material/search"]
    search.on_config(config)  # a new, empty index, as at every build
    # The theme's own merge would drop every entry starting with the first rebuilt page's address: all of these.
    search.search_index_prev = SimpleNamespace(entries=[{"location": location} for location in (
        "", "#faserne", "kommuner/", "kommuner/testby/#plan", "kommuner/slettet/")])
    files = SimpleNamespace(documentation_pages=lambda inclusion: [_built("", False), _built("kommuner/", True),
                                                                   _built("kommuner/testby/", False)])
    plugin.on_env(Environment(), config=config, files=files)
    assert [e["location"] for e in search.search_index.entries] == ["", "#faserne", "kommuner/testby/#plan"]
    assert search.search_index_prev is None  # nothing left for the theme to merge: it writes the list as it is


@pytest.mark.parametrize("command, dirty, warned", [
    ("serve", True, False), ("serve", False, True), ("build", True, True)])
def test_mkdocs_warning_of_dirty_builds_is_dropped_only_while_serving_dirty(minimal, tmp_path, caplog, command,
                                                                           dirty, warned):
    plugin, _ = _plugin(minimal.root, tmp_path, command)
    plugin.on_startup(command=command, dirty=dirty)
    warning = "A 'dirty' build is being performed, this will likely lead to inaccurate navigation"
    build_log = logging.getLogger("mkdocs.commands.build")
    with caplog.at_level(logging.WARNING):
        build_log.warning(warning)
        assert (warning in caplog.text) == warned
        plugin.on_shutdown()
        caplog.clear()
        build_log.warning(warning)  # after serve, MkDocs' own warnings are its own again
    assert warning in caplog.text


def test_on_files_adds_every_page_with_its_edit_target_and_every_extra_file(configured):
    plugin, config = configured
    files = plugin.on_files(get_files(config), config=config)
    assert "omlaegning:pladsholder" not in files.get_file_from_path("index.md").content_string
    for page in plugin.rendered.pages:
        added = files.get_file_from_path(page.path)
        assert added.content_string == page.markdown
        # The edit button opens the page's YAML file or folder, which lie outside docs/.
        assert (Path(config.docs_dir) / added.edit_uri).resolve() == (plugin.root / page.edit_target).resolve()
        assert added.edit_uri.endswith("/") == page.edit_target.endswith("/")
    assert set(plugin.rendered.extra_files()) <= {f.dest_uri for f in files}


@pytest.mark.parametrize("written, message", [
    ("faser/start.md", "docs/faser/start.md har samme sti som en side, håndbogen laver ud fra YAML"),
    ("l/kort.json", "l/kort.json findes allerede; håndbogen laver selv en fil med den sti."),
])
def test_on_files_refuses_a_file_in_the_place_of_a_generated_one(configured, written, message):
    plugin, config = configured
    files = get_files(config)
    files.append(File.generated(config, written, content="x"))
    with pytest.raises(PluginError, match=message):
        plugin.on_files(files, config=config)


# --- page events ----------------------------------------------------------------------------------

def _page(src_uri="faser/start.md", edit_url=None, edit_uri=None):
    # The title as MkDocs holds it: escaped by the navigation (render/text.escaped_nav).
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, edit_uri=edit_uri), edit_url=edit_url, toc=[],
                           update_date="2000-01-01", title="Start &amp; slut",
                           canonical_url="https://example.org/h/faser/start/", abs_url="/h/faser/start/")


def test_on_pre_page_dates_every_page_from_the_edition(configured):
    plugin, config = configured
    page = plugin.on_pre_page(_page(), config=config, files=None)
    assert page.update_date == plugin.edition.isoformat()


@pytest.mark.parametrize("html, src_uri, kept, removed", [
    ("<p>Tekst</p><script>alert(1)</script>", "faser/start.md", "<p>Tekst</p>", "<script"),
    ('<form><input type="radio" name="a"></form>', page_path("selvevaluering"), "<input", ""),
    ('<form><input type="radio" name="a"></form>', "faser/start.md", "", "<input"),
    ("<p>Bevilget 3.750.000 kr.</p>", "faser/start.md", "3.750.000&nbsp;kr.", "3.750.000 kr."),
])
def test_on_page_content_cleans_every_page(configured, html, src_uri, kept, removed):
    plugin, config = configured
    out = plugin.on_page_content(html, page=_page(src_uri), config=config, files=None)
    assert kept in out
    assert not removed or removed not in out


def test_a_page_is_sanitized_again_whenever_its_html_differs_by_a_byte(configured, tmp_path):
    plugin, config = configured
    safe = "<p>Sikker tekst.</p>"
    assert plugin.on_page_content(safe, page=_page(), config=config, files=None) == safe
    kept, = (plugin.root / ".cache" / "omlaegning" / "rensede").iterdir()
    # The same HTML is read from the cache: here a kept entry changed on purpose shows that it was.
    DiskCache(plugin.root).write("rensede", kept.name, b"<p>Fra cachen.</p>")
    assert plugin.on_page_content(safe, page=_page(), config=config, files=None) == "<p>Fra cachen.</p>"
    changed = plugin.on_page_content(safe + "<script>alert(1)</script>", page=_page(), config=config, files=None)
    assert changed == safe
    # The form flag is part of the key: the self-assessment's page keeps its form controls.
    radio = '<input type="radio" name="x">'
    assert "input" not in plugin.on_page_content(radio, page=_page(), config=config, files=None)
    assert "input" in plugin.on_page_content(radio, page=_page("selvevaluering.md"), config=config, files=None)
    plugin.atomic = False
    plugin.on_post_build(config=config)  # keeps only what this build used: the four entries above
    assert len(list(kept.parent.iterdir())) == 4


@pytest.mark.parametrize("event, name, policed", [
    ("on_post_page", None, True),
    ("on_post_template", "404.html", True),
    ("on_post_template", "sitemap.xml", False),
])
def test_html_output_carries_the_content_security_policy(configured, event, name, policed):
    plugin, config = configured
    output = "<html><head><title>x</title></head><body></body></html>"
    if event == "on_post_page":
        out = plugin.on_post_page(output, page=_page(), config=config)
    else:
        out = plugin.on_post_template(output, template_name=name, config=config)
    assert ('http-equiv="Content-Security-Policy"' in out) is policed


@pytest.mark.parametrize("command, scripts", [
    ("build", "script-src 'self' 'sha256-"),      # the page's own inline script, by its hash
    ("serve", "script-src 'self' 'unsafe-inline';"),  # MkDocs adds a live-reload script after the plugins
])
def test_the_preview_lets_mkdocs_live_reload_run_and_the_build_names_each_script(minimal, tmp_path, command, scripts):
    plugin, config = _plugin(minimal.root, tmp_path, command)
    out = plugin.on_post_page("<html><head></head><body><script>go()</script></body></html>", page=_page(),
                              config=config)
    assert scripts in out and ("sha256-" in out) == (command == "build")


def test_on_page_markdown_puts_the_errors_under_the_title_only_while_there_are_any(minimal, tmp_path):
    plugin, config = _plugin(minimal.root, tmp_path, "serve")
    plugin.on_config(config)
    page = "# Side {#side}\n\nTekst.\n"
    assert plugin.on_page_markdown(page, page=_page(), config=config, files=None) == page
    minimal.replace("concept/faser/slut.yaml", "nummer: 2", "nummer: nul")
    plugin.on_config(config)
    shown = plugin.on_page_markdown(page, page=_page(), config=config, files=None)
    title, box, text = shown.partition("Fejl i indholdet")
    assert title.startswith("# Side {#side}\n") and "concept/faser/slut.yaml" in text and text.endswith("\nTekst.\n")
    # A page without a title of its own gets the box first, not inside a code block whose line begins with '# '.
    untitled = "Tekst.\n\n```\n# kommentar\nkode\n```\n"
    shown = plugin.on_page_markdown(untitled, page=_page(), config=config, files=None)
    assert shown.startswith('!!! danger fejlboks "Fejl') and shown.endswith(untitled)


@pytest.mark.parametrize("edit_uri, edit_url, expected", [
    ("../concept/principper/", "https://example.org/r/edit/main/concept/principper/",
     "https://example.org/r/tree/main/concept/principper/"),
    ("../concept/faser/start.yaml", "https://example.org/r/edit/main/concept/faser/start.yaml",
     "https://example.org/r/edit/main/concept/faser/start.yaml"),
])
def test_on_page_context_opens_a_folder_to_choose_a_file_in(configured, edit_uri, edit_url, expected):
    plugin, config = configured
    page = _page("faser/start.md", edit_url, edit_uri)
    context = plugin.on_page_context({}, page=page, config=config, nav=None)
    assert page.edit_url == expected
    assert context["udskrift"].edition == dato(plugin.edition)
    assert context["udskrift"].address == PUBLIC_URL + "/l/start/"  # the page's short link, for the printout


def test_on_page_context_gives_the_footer_this_pages_feedback_link(configured):
    plugin, config = configured
    github = plugin.on_page_context({}, page=_page(), config=config, nav=None)["tilbagemelding"].github
    fields = parse_qs(urlsplit(github).query)
    assert github.startswith(config.repo_url.rstrip("/") + "/issues/new?")
    assert fields["title"] == ["Fejl på siden: Start & slut"]
    assert "Adresse: https://example.org/h/faser/start/\n" in fields["body"][0]


def test_a_was_address_that_is_not_https_stops_the_build(minimal, tmp_path):
    plugin, config = _plugin(minimal.root, tmp_path)
    config.extra["was_url"] = "was.digst.dk/eksempel"
    with pytest.raises(PluginError, match="extra.was_url i mkdocs.yml skal være en webadresse, der begynder med "
                                          "https://"):
        plugin.on_config(config)


# --- on_post_build and on_build_error: the atomic swap ---------------------------------------------

@pytest.mark.parametrize("had_site", [True, False])
def test_on_post_build_swaps_the_complete_site_in(configured, tmp_path, had_site):
    plugin, config = configured
    if had_site:
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "old.html").write_text("old")
    plugin.building.mkdir()
    (plugin.building / "index.html").write_text("new")
    plugin.on_post_build(config=config)
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["index.html"]
    assert not plugin.building.exists() and not (tmp_path / ".site.gammel").exists()


def test_on_build_error_leaves_the_published_site_as_it_was(configured, tmp_path):
    plugin, config = configured
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    plugin.building.mkdir()
    plugin.on_build_error(error=RuntimeError("x"))
    assert not plugin.building.exists() and (tmp_path / "site" / "old.html").read_text() == "old"


# --- on_serve -------------------------------------------------------------------------------------

@pytest.fixture
def served(configured, tmp_path):
    """A live-reload server as `mkdocs serve` has it after on_serve: docs/ watched by MkDocs, nothing started
    by serve() yet. Afterwards every observer is stopped and joined and the server's socket closed."""
    plugin, config = configured
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)
    assert plugin.on_serve(server, config=config, builder=None) is server
    content = plugin.content_watching
    yield plugin, config, server
    plugin.on_shutdown()
    for observer in (content, server.observer):
        if observer.is_alive():
            observer.stop()
            observer.join(timeout=5)
    server.server_close()


def _polling(observer) -> dict[str, float]:
    return {emitter.watch.path: emitter.timeout for emitter in observer.emitters}


def test_on_serve_polls_the_content_folders_faster_than_mkdocs(served, minimal):
    plugin, config, server = served
    content = plugin.content_watching
    assert _polling(content) == {str(minimal.root / "concept"): 0.1, str(minimal.root / "data"): 0.1}
    assert content.is_alive()
    # The server keeps its own observer, with its own interval, for serve() to start and stop.
    assert _polling(server.observer) == {config.docs_dir: 0.5} and not server.observer.is_alive()
    plugin.on_shutdown()
    content.join(timeout=5)
    assert not content.is_alive() and plugin.content_watching is None


def test_a_saved_yaml_file_asks_mkdocs_for_a_rebuild(served, minimal):
    """With only the plugin's observer running: MkDocs' would see the file too, but half a second later."""
    _, _, server = served
    saved = next((minimal.root / "data").rglob("*.yaml"))
    saved.write_text(saved.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with server._rebuild_cond:  # MkDocs' build loop waits on exactly this
        assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=5)

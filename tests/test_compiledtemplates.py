"""Compiled templates in the disk cache: the theme's templates compile once, not in every build and every
rebuild under `mkdocs serve`, and a changed template or other environment settings compile again."""
import jinja2
import pytest
from mkdocs.config import load_config

from helpers import REPO
from omlaegning.mkdocs_adapter.plugin import OmlaegningPlugin
from omlaegning.render.compiledtemplates import CompiledTemplates
from omlaegning.render.diskcache import CACHE_DIR, DiskCache


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles from here on."""
    names = []
    real = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return real(self, source, name, filename, raw, defer_init)
    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return names


def _theme_env(root):
    """A new theme environment with the plugin's cache, as each build and each rebuild makes one."""
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = OmlaegningPlugin()
    plugin.root = root
    return plugin.on_env(config.theme.get_env(), config=config, files=None)


def test_the_themes_templates_compile_in_the_first_build_only(tmp_path, compiled):
    _theme_env(tmp_path).get_template("main.html")
    assert "main.html" in compiled
    assert list((tmp_path / CACHE_DIR / "temaskabeloner").iterdir())
    compiled.clear()
    template = _theme_env(tmp_path).get_template("main.html")
    assert compiled == []
    compiled_now = load_config(str(REPO / "mkdocs.yml")).theme.get_env().get_template("main.html")
    assert template.blocks.keys() == compiled_now.blocks.keys() and template.blocks


def _env(root, source, **settings):
    env = jinja2.Environment(loader=jinja2.DictLoader({"side.html": source}), **settings)
    env.bytecode_cache = CompiledTemplates("test", "fingeraftryk", DiskCache(root))
    return env


def test_a_changed_template_or_other_settings_compile_again(tmp_path, compiled):
    _env(tmp_path, "{% if x %}\n  {{ x }}\n{% endif %}").get_template("side.html")
    _env(tmp_path, "{% if x %}\n  {{ x }}\n{% endif %}").get_template("side.html")
    assert compiled == ["side.html"]
    changed = _env(tmp_path, "{% if x %}\n  <b>{{ x }}</b>\n{% endif %}").get_template("side.html")
    assert changed.render(x=1).strip() == "<b>1</b>"
    trimmed = _env(tmp_path, "{% if x %}\n  {{ x }}\n{% endif %}", trim_blocks=True, lstrip_blocks=True)
    assert trimmed.get_template("side.html").render(x=1) == "  1\n"
    assert compiled == ["side.html"] * 3

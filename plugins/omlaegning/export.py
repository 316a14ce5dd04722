"""Write the rendered handbook as a plain Markdown tree that builds without our plugin.

This is the way out of MkDocs' plugin API: any tool that reads Markdown with
attribute lists ({#id}) and a nav can build the handbook from the export.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .history import read_history
from .loader import load_handbook
from .render import render_handbook
from .render.text import escaped_nav

PLUGIN_NAME = "omlaegning"
# Written into every export, so a later export only ever replaces a folder it made itself.
MARKER = ".omlaegning-eksport"


class ExportError(Exception):
    """An export that cannot be done safely; the message is for the person who asked."""


def _check_target(root: Path, target: Path) -> None:
    root, resolved = root.resolve(), target.resolve()
    if resolved == root or resolved in root.parents:
        raise ExportError("Eksportmappen må ikke være håndbogens egen mappe eller en mappe over den.")
    for folder in ("docs", "concept", "data", "plugins", "tests"):
        if resolved == root / folder or (root / folder) in resolved.parents:
            raise ExportError(f"Eksportmappen må ikke ligge i håndbogens {folder}/.")
    if resolved.exists() and any(resolved.iterdir()) and not (resolved / MARKER).exists():
        raise ExportError(f"{target} findes og er ikke en tidligere eksport; vælg en tom eller ny mappe.")


def _read_config(root: Path) -> dict:
    path = root / "mkdocs.yml"
    if not path.is_file():
        raise ExportError(f"Der er ingen mkdocs.yml i {root}; eksporten bygger på dens tema og indstillinger.")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        raise ExportError("mkdocs.yml kan ikke læses som almindelig YAML (fx på grund af !!python/-mærker), "
                          "så eksporten kan ikke skrive en kopi af den.") from None


def _public_url(config: dict) -> str | None:
    """The plugin's own public_url if set (older configurations), else the site_url everything else uses."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and PLUGIN_NAME in plugin and (plugin[PLUGIN_NAME] or {}).get("public_url"):
            return plugin[PLUGIN_NAME]["public_url"]
    return config.get("site_url")


def _without_plugin(plugins: list) -> list:
    return [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != PLUGIN_NAME]


def export(root: Path, target: Path) -> int:
    """Export the handbook under `root` into `target`; returns the number of pages written."""
    _check_target(root, target)
    config = _read_config(root)
    rendered = render_handbook(load_handbook(root), read_history(root), _public_url(config))
    docs = target / "docs"
    if target.exists():
        shutil.rmtree(target)
    source_docs = root / config.get("docs_dir", "docs")
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):  # the theme overrides travel along
        shutil.copytree(root / theme["custom_dir"], target / theme["custom_dir"])
    for path, text in [(p.path, p.markdown) for p in rendered.pages] + list(rendered.extra_files().items()):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config["docs_dir"] = "docs"
    config["nav"] = escaped_nav(rendered.nav) + list(config.get("nav") or [])
    config["plugins"] = _without_plugin(config.get("plugins", []))
    config["edit_uri"] = ""  # the export is generated: there is nothing to edit in it
    (target / MARKER).write_text("Lavet af 'omlaegning export'; slettes ved næste eksport.\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(rendered.pages)

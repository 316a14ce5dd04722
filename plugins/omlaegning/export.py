"""Write the rendered handbook as a plain Markdown tree that builds without our plugin.

This is the way out of MkDocs' plugin API: any tool that reads Markdown with
attribute lists ({#id}) and a nav can build the handbook from the export.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .history import last_changed
from .loader import load_handbook
from .render import render_handbook

PLUGIN_NAME = "omlaegning"


def _without_plugin(plugins: list) -> list:
    return [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != PLUGIN_NAME]


def export(root: Path, target: Path) -> int:
    """Export the handbook under `root` into `target`; returns the number of pages written."""
    rendered = render_handbook(load_handbook(root), last_changed(root))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = target / "docs"
    if target.exists():
        shutil.rmtree(target)
    source_docs = root / config.get("docs_dir", "docs")
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs)
    for page in rendered.pages:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    config["docs_dir"] = "docs"
    config["nav"] = rendered.nav + list(config.get("nav") or [])
    config["plugins"] = _without_plugin(config.get("plugins", []))
    config["edit_uri"] = ""  # the export is generated: there is nothing to edit in it
    (target / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(rendered.pages)

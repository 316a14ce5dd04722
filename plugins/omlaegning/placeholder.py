"""The front page a tool shows when it builds mkdocs.yml without running our plugin.

Zensical (and any tool without MkDocs' plugin API) skips plugins it does not know without a word,
which would give a site with none of the pages made from YAML. docs/index.md is therefore a page
that names the right commands; the plugin and the export put the real front page in its place,
so only a build that did not run them shows it.
"""
from __future__ import annotations

from pathlib import Path

PATH = "index.md"
MARK = "<!-- omlaegning:pladsholder -->"


def is_placeholder(docs_dir: Path) -> bool:
    path = docs_dir / PATH
    return path.is_file() and MARK in path.read_text(encoding="utf-8")

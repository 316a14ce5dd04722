"""The pages of the handbook as a reader opens them."""
from __future__ import annotations

from pathlib import Path

from helpers import REPO
from omlaegning.paths import page_url
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook


def site_urls(site: Path) -> list[str]:
    """Every page of the built site, as the path a reader opens; redirect pages only pass readers on."""
    urls = []
    for index in site.rglob("index.html"):
        if 'http-equiv="refresh"' in index.read_text(encoding="utf-8"):
            continue
        folder = index.parent.relative_to(site).as_posix()
        urls.append("/" if folder == "." else f"/{folder}/")
    return sorted(urls)


def page_urls() -> list[str]:
    """The pages the site must have, known before it is built: generated ones and docs/."""
    paths = [p.path for p in render_handbook(load_handbook(REPO)).pages]
    paths += [p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")]
    return sorted({page_url(path) for path in paths})  # docs/index.md is the front page's placeholder

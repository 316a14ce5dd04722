"""The pages of the handbook as a reader opens them."""
from __future__ import annotations

from pathlib import Path

import yaml

from helpers import REPO, real_handbook
from omlaegning.paths import page_url


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
    paths = [p.path for p in real_handbook().pages]
    paths += [p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")]
    return sorted({page_url(path) for path in paths})  # docs/index.md is the front page's placeholder


def top_sections() -> list[str]:
    """The handbook's sections as tabs show them: the generated ones, then those only mkdocs.yml names."""
    titles = [next(iter(item)) for item in real_handbook().nav]
    written = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return titles + [t for t in (next(iter(e)) for e in written) if t not in titles]

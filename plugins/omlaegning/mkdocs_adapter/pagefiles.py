"""The generated pages as MkDocs files, with their edit buttons, and the navigation they join."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File

from ..render.diskcache import key


def edit_uri(root: Path, target: str | None, docs_dir: str) -> str | None:
    """Where the edit button points, relative to docs/: the page's YAML file, or its folder."""
    if not target:
        return None
    return Path(os.path.relpath(root / target, docs_dir)).as_posix() + ("/" if target.endswith("/") else "")


def with_written_pages(generated: list[dict], written: list) -> list:
    """Generated sections first; a hand-written section of mkdocs.yml's nav with the title of a generated
    one adds its pages to it, any other entry follows."""
    nav = [dict(item) for item in generated]
    sections = {title: item for item in nav for title, target in item.items() if isinstance(target, list)}
    for entry in written:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if title in sections and isinstance(target, list):
            sections[title][title] = sections[title][title] + target
        else:
            nav.append(entry)
    return nav


class GeneratedPage(File):
    """A page made from YAML. `mkdocs serve --dirty` builds again only the pages whose is_modified() is true:
    here those whose Markdown or edit button changed, or every page when something all pages show changed."""
    changed = True

    def is_modified(self) -> bool:
        return self.changed


def always_modified() -> bool:
    return True


def site_settings(config) -> str:
    """A digest of what MkDocs' own files give every page: mkdocs.yml (the hand-written pages' titles in the
    navigation, the footer's settings) and the theme's overrides."""
    files = [Path(config.config_file_path)]
    if config.theme.custom_dir:
        files += sorted(path for path in Path(config.theme.custom_dir).rglob("*") if path.is_file())
    return key(*(part for path in files for part in (str(path), path.read_bytes())))


def nav_paths(nav: list) -> set[str]:
    return {path for entry in nav for target in entry.values()
            for path in (nav_paths(target) if isinstance(target, list) else {target})}

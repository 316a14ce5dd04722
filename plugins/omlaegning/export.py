"""Write the rendered handbook as a plain Markdown tree that builds without our plugin.

This is the route for tools without MkDocs' plugin API (Zensical): they build the export,
and `omlaegning efterbehandl` (postbuild.py) then gives the built pages the same safety the
plugin gives them. The export keeps what the plugin adds: edit links to the YAML files (in each
page's front matter, read by the export's own actions partial), dates, redirects, short links,
figures and open data. Exporting again writes only the files whose content changed, each
replaced atomically, and deletes only files an earlier export wrote.
"""
from __future__ import annotations

import posixpath
import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import yaml

from .errors import ContentErrors
from .exportsync import MARKER, sync
from .feedback import Feedback, as_front_matter, feedback
from .folders import CONTENT_DIRS, LOCK_FILE
from .history import read_history
from .loader import load_handbook
from .paths import page_url
from .render import render_handbook
from .render.text import escaped_nav, no_break_spaces

PLUGIN_NAME = "omlaegning"
# Around each page's Markdown, so that the post-build step finds the page's own content in the
# built HTML (between the theme's parts) and cleans exactly that; see postbuild.py.
CONTENT_START = "<!-- omlaegning:indhold -->"
CONTENT_END = "<!-- /omlaegning:indhold -->"
# The theme's edit button reads the page's front matter: the export's Markdown is generated, the
# file to edit is the YAML (or the hand-written page) it came from.
ACTIONS_PARTIAL = """{#- Written by `omlaegning export`: the edit button opens the file named in the page's front
    matter, the YAML file the page is made from, since the exported Markdown is generated. -#}
{% if page.meta and page.meta.edit_url and "content.action.edit" in features %}
  <a href="{{ page.meta.edit_url }}" title="{{ lang.t('action.edit') }}" class="md-content__button md-icon" rel="edit">
    {% set icon = config.theme.icon.edit or "material/file-edit-outline" %}
    {% include ".icons/" ~ icon ~ ".svg" %}
  </a>
{% endif %}
"""


class ExportError(Exception):
    """An export that cannot be done safely; the message is for the person who asked."""


def _check_target(root: Path, target: Path) -> None:
    root, resolved = root.resolve(), target.resolve()
    if resolved == root or resolved in root.parents:
        raise ExportError("Eksportmappen må ikke være håndbogens egen mappe eller en mappe over den.")
    for folder in ("docs", "concept", "data", "plugins", "tests"):
        if resolved == root / folder or (root / folder) in resolved.parents:
            raise ExportError(f"Eksportmappen må ikke ligge i håndbogens {folder}/.")
    if resolved.exists() and not resolved.is_dir():
        raise ExportError(f"{target} er en fil, ikke en mappe.")
    if resolved.exists() and any(resolved.iterdir()) and not (resolved / MARKER).exists():
        raise ExportError(f"{target} findes og er ikke en tidligere eksport; eksporten sletter aldrig en mappe, "
                          "den ikke selv har lavet. Vælg en tom eller ny mappe.")


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


# The export's Markdown holds no-break spaces ("§ 85"), which Zensical's search (0.0.73) does not split
# words at: its own separator, with the no-break space and the entity its index writes for it in titles.
SEARCH_SEPARATOR = r'[\s\u00a0\-_,:!=\[\]()"`/]+|\.(?!\d)|&nbsp;'


def _with_search_separator(plugins: list) -> list:
    return [{"search": {**(p.get("search") or {} if isinstance(p, dict) else {}), "separator": SEARCH_SEPARATOR}}
            if (p if isinstance(p, str) else next(iter(p))) == "search" else p for p in plugins]


# A hand-written page's title: its first heading, without an attribute list such as {#om}.
_HEADING = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)

# Overrides written against Material's own templates (its header, navigation and search markup, for the
# Nu HTML Checker); other site tools have templates of their own, which these would break.
MATERIAL_ONLY = frozenset({"base.html", "partials/header.html", "partials/nav-item.html", "partials/search.html"})


def edit_url(config: dict, path_from_docs: str) -> str | None:
    """The address of the edit page for a file, given relative to docs/ as MkDocs resolves it."""
    if not config.get("repo_url") or not config.get("edit_uri"):
        return None
    return urljoin(config["repo_url"].rstrip("/") + "/", config["edit_uri"] + path_from_docs)


def _own_front_matter(markdown: str) -> tuple[str, str]:
    """A hand-written page's own front matter (its lines between the two ---) and the rest of the page."""
    if not markdown.startswith("---\n"):
        return "", markdown
    end = markdown.index("\n---\n", 4)
    return markdown[4:end] + "\n", markdown[end + 5:]


def _page(markdown: str, front: dict) -> str:
    """A page of the export: its edit address and footer links as front matter, its content between the markers."""
    own, markdown = _own_front_matter(markdown)
    front_matter = (yaml.safe_dump(front, allow_unicode=True, sort_keys=False) if front else "") + own
    return (f"---\n{front_matter}---\n" if front_matter else "") + \
        f"{CONTENT_START}\n\n{markdown.rstrip()}\n\n{CONTENT_END}\n"


def _front(edit: str | None, links: Feedback) -> dict:
    return ({"edit_url": edit} if edit else {}) | as_front_matter(links)


def export_files(root: Path) -> tuple[dict[str, bytes], int]:
    """Every file of the export by its path in the export, and the number of generated pages."""
    config = _read_config(root)
    rendered = render_handbook(load_handbook(root), read_history(root), _public_url(config),
                               (config.get("extra") or {}).get("was_url") or None)
    files: dict[str, bytes] = {}
    docs_dir = root / config.get("docs_dir", "docs")

    def page_feedback(title: str, path: str) -> Feedback:  # the footer's links, as the plugin makes them
        return feedback(rendered.kontakt.email if rendered.kontakt else None, config.get("repo_url"), title,
                        urljoin(_public_url(config) or "/", page_url(path).lstrip("/")))

    generated = {p.path for p in rendered.pages}
    for source in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        rel = source.relative_to(docs_dir).as_posix()
        if not source.is_file() or rel in generated:  # docs/index.md is the placeholder (placeholder.py)
            continue
        if source.suffix != ".md":
            files[f"docs/{rel}"] = source.read_bytes()
            continue
        markdown = source.read_text(encoding="utf-8")
        heading = _HEADING.search(_own_front_matter(markdown)[1])
        links = page_feedback(heading.group(1) if heading else config.get("site_name", ""), rel)
        files[f"docs/{rel}"] = _page(markdown, _front(edit_url(config, rel), links)).encode("utf-8")
    for page in rendered.pages:
        target = page.edit_target
        from_docs = (posixpath.relpath(target, config.get("docs_dir", "docs")) + ("/" if target.endswith("/") else "")
                     if target else None)
        edit = edit_url(config, from_docs) if from_docs else None
        if edit and from_docs.endswith("/"):  # a folder is opened for browsing, not editing
            edit = edit.replace("/edit/", "/tree/", 1)
        # Other tools have no plugin to put the no-break spaces into the HTML, so the Markdown carries them.
        files[f"docs/{page.path}"] = _page(no_break_spaces(page.markdown),
                                           _front(edit, page_feedback(page.title, page.path))).encode("utf-8")
    for path, text in rendered.extra_files().items():
        files[f"docs/{path}"] = text.encode("utf-8")
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):  # the theme overrides travel along
        custom = root / theme["custom_dir"]
        for source in sorted(custom.rglob("*")):
            if source.is_file() and source.relative_to(custom).as_posix() not in MATERIAL_ONLY:
                files[f"{theme['custom_dir']}/{source.relative_to(custom).as_posix()}"] = source.read_bytes()
        files[f"{theme['custom_dir']}/partials/actions.html"] = ACTIONS_PARTIAL.encode("utf-8")
    config["docs_dir"] = "docs"
    config["nav"] = escaped_nav(rendered.nav) + list(config.get("nav") or [])
    config["plugins"] = _with_search_separator(_without_plugin(config.get("plugins", [])))
    config["edit_uri"] = ""  # the edit addresses are in each page's front matter
    files["mkdocs.yml"] = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")
    return files, len(rendered.pages)


def export(root: Path, target: Path) -> int:
    """Export the handbook under `root` into `target`; returns the number of pages written."""
    _check_target(root, target)
    files, count = export_files(root)
    sync(target, files)
    return count


def _sources_state(root: Path) -> dict[Path, int]:
    """What the export is made from, by modification time: content, hand-written pages, settings."""
    folders = [root / name for name in (*CONTENT_DIRS, "docs", "overrides")]
    paths = [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    paths += [p for p in (root / "mkdocs.yml", root / LOCK_FILE) if p.is_file()]
    return {p: p.stat().st_mtime_ns for p in paths}


def watch(root: Path, target: Path, report: Callable[[str], None], stop: Callable[[], bool] = lambda: False,
          interval: float = 0.3) -> None:
    """Export, then export again whenever a source file changes, until stop() is true. A content error
    is reported and leaves the last good export in place, so a live preview keeps working."""
    _check_target(root, target)
    seen: dict[Path, int] | None = None
    while not stop():
        state = _sources_state(root)
        if state != seen:
            seen = state
            try:
                files, _ = export_files(root)
            except ContentErrors as error:
                report(error.report("Den seneste eksport uden fejl bliver liggende, indtil de er rettet."))
            else:
                changed = sync(target, files)
                report(f"Eksporten er opdateret: {len(changed)} filer ændret." if changed
                       else "Eksporten er allerede opdateret.")
        time.sleep(interval)

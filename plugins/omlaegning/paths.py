"""Where each page lives and the links between pages: a page's path and URL come from its kind and id only.

'principper/ressourcer.md' is published at '/principper/ressourcer/'; links in the Markdown are relative
to the page's file, links in raw HTML (which MkDocs leaves alone) relative to its published URL.
"""
from __future__ import annotations

import posixpath


def page_path(kind: str, entity_id: str = "") -> str:
    """The path of a kind's page ('principper/ressourcer.md'), from the registry (kinds.KINDS)."""
    from .kinds import BY_NAME, ENTITY_ID  # the registry imports the models; page_url and the links do not need them
    return BY_NAME[kind].page.path.replace(ENTITY_ID, entity_id)


def page_url(path: str) -> str:
    """'principper/ressourcer.md' -> '/principper/ressourcer/'; 'index.md' -> '/'."""
    stem = path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/{stem}/" if stem else "/"


def with_anchor(link: str, anchor: str) -> str:
    return link + (f"#{anchor}" if anchor else "")


def file_link(from_path: str, to_path: str, anchor: str = "") -> str:
    """A Markdown link from one page's file to another's: MkDocs turns it into the published URL."""
    return with_anchor(posixpath.relpath(to_path, posixpath.dirname(from_path) or "."), anchor)


def url_link(from_url: str, to: str) -> str:
    """A link from a published URL ('/l/x/') to a site-root link ('/principper/#hvad'), for raw HTML:
    relative, so it works under any base URL."""
    there, _, anchor = to.partition("#")
    relative = posixpath.relpath(there, from_url) + "/" if there != from_url else "./"
    return with_anchor(relative, anchor)

"""The rendered handbook as plain data, kept on disk so that a build with unchanged inputs need not make it again.

Validating and rendering needs the models (pydantic), the templates and babel, and importing them costs more
than the rest of the plugin's work in a build. A build whose inputs are, byte for byte, those of an earlier
successful build reads what that build made and imports none of them. The key (`inputs_key`) is the SHA-256 of
every input: each file under concept/, data/ and docs/, links.lock, this package's own code and templates, the
installed packages with their versions, Python's version, today's date (the accessibility statement's yearly
review depends on it) and the caller's own inputs (the git history, the public address). Only a successful
result is stored: errors are always found by loading the files again, with file, line and column.

What is kept is Markdown and the files beside the pages: the adapter still sanitizes every page's HTML and gives
it its Content-Security-Policy in every build.
"""
from __future__ import annotations

import datetime
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .folders import CONTENT_DIRS, DOCS_DIR, LOCK_FILE
from .render.diskcache import DiskCache, key

SECTION = "haandbog"
_PACKAGE = Path(__file__).resolve().parent


def _files(folder: Path, relative_to: Path) -> list[str | bytes]:
    """Every file under folder as its relative path and its bytes, in a fixed order."""
    parts: list[str | bytes] = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [path.relative_to(relative_to).as_posix(), path.read_bytes()]
    return parts


def _installed() -> list[str]:
    """The installed packages with their versions (their .dist-info folders): a new Jinja, segno or babel
    may render differently."""
    found = []
    for entry in sys.path:
        try:
            found += [name for name in os.listdir(entry or ".") if name.endswith(".dist-info")]
        except OSError:
            continue
    return sorted(found)


def code_key() -> str:
    """The SHA-256 of the code that makes the output: Python, the installed packages, this package's files."""
    return key(sys.version, *_installed(), *_files(_PACKAGE, _PACKAGE))


def inputs_key(root: Path, *own: str, code: str | None = None) -> str:
    """The SHA-256 of everything the rendered handbook under `root` is made from, with the caller's `own` inputs;
    `code`: code_key(), when the caller has it already."""
    root = Path(root)
    lock = root / LOCK_FILE
    return key(code or code_key(), datetime.date.today().isoformat(), *own,
               *[part for folder in (*CONTENT_DIRS, DOCS_DIR) for part in _files(root / folder, root)],
               lock.read_bytes() if lock.is_file() else b"")


@dataclass(frozen=True)
class SitePage:
    path: str                # relative to the site root, e.g. "principper/ressourcer.md"
    markdown: str
    edit_target: str | None  # the YAML file, or the folder (ending in /), that the page's edit button opens


@dataclass(frozen=True)
class Prebuilt:
    """What the MkDocs adapter needs of a rendered handbook, in types JSON can hold."""

    pages: list[SitePage]
    nav: list                 # nested {title: path or list} entries, as mkdocs.yml's nav
    files: dict[str, str]     # the files beside the pages, by path (render.pages.RenderedHandbook.extra_files)
    short_links: dict[str, str]  # a page's short link (without an anchor) by the page's path, for the print header
    form_pages: list[str]     # pages whose HTML may hold form controls (sanitize.clean's `form`)
    email: str | None         # the editors' mailbox from the accessibility statement, for the footer
    edition: str              # the handbook's edition as a Danish date

    @classmethod
    def of(cls, rendered, form_pages, edition: str) -> Prebuilt:
        """From render.pages.RenderedHandbook (not imported here: it brings the models)."""
        return cls([SitePage(p.path, p.markdown, p.edit_target) for p in rendered.pages], rendered.nav,
                   rendered.extra_files(), {s.page: s.path for s in reversed(rendered.short_links) if not s.anchor},
                   sorted(form_pages), rendered.kontakt.email if rendered.kontakt else None, edition)

    def extra_files(self) -> dict[str, str]:
        return self.files

    def to_json(self) -> bytes:
        return json.dumps({"pages": [[p.path, p.markdown, p.edit_target] for p in self.pages], "nav": self.nav,
                           "files": self.files, "short_links": self.short_links, "form_pages": self.form_pages,
                           "email": self.email, "edition": self.edition}, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Prebuilt:
        fields = json.loads(data)
        return cls(**{**fields, "pages": [SitePage(*page) for page in fields["pages"]]})


def read(root: Path, entry: str) -> Prebuilt | None:
    """The stored handbook for the key `entry`, or None when there is none (or it is damaged)."""
    data = DiskCache(root).read(SECTION, entry)
    return Prebuilt.from_json(data) if data is not None else None


def write(root: Path, entry: str, prebuilt: Prebuilt) -> None:
    """Keep the handbook for the key `entry`, in place of the one kept before (it can be tens of megabytes)."""
    cache = DiskCache(root)
    cache.write(SECTION, entry, prebuilt.to_json())
    cache.keep_only(SECTION, {entry})

"""Links from one page of the handbook to another, as editors write them: checked, and made relative.

In a YAML text an editor links to a page or section by its published address, the form links.lock
and omdirigeringer.yaml use: [ordlisten](/ordliste/#recovery). Each such link becomes a path to the
.md page relative to the page it stands on, which every site tool resolves and checks, so the
handbook works under any address. Hand-written pages in docs/ link the way MkDocs reads there: a
relative path to the .md file. Either way a link to a page or section that does not exist is a Danish
error at the file and line where the link is written, found by `check` before any site tool runs.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import replace
from pathlib import Path

from markdown.extensions.toc import slugify

from .errors import ContentError, ContentErrors
from .folders import DOCS_DIR
from .lockfile import ANCHOR
from .paths import page_url
from .locate import error_at_text

# A link target that is a site address ("/ordliste/#recovery"), inline or in a reference definition.
_SITE_LINK = re.compile(r"(\]\(\s*<?|^[ \t>]*\[[^\]\n]+\]:[ \t]*<?)(/(?!/)[^\s)>]*)", re.MULTILINE)
# In docs/: inline links and reference definitions, whatever their target.
_ANY_LINK = re.compile(r"(\]\(\s*<?|^[ \t>]*\[[^\]\n]+\]:[ \t]*<?)([^\s)>]+)", re.MULTILINE)
# Code, where a link is only shown: fenced blocks, indented blocks and code spans.
_CODE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$|^(?: {4}|\t)[^\n]*$|`[^`\n]*`", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*(?:\{#([\w-]+)\})?[ \t]*$", re.MULTILINE)


def _docs_pages(root: Path) -> dict[str, str]:
    """Hand-written pages by their path in the site, e.g. {'redaktoerer.md': '# Sådan ...'}."""
    docs = root / DOCS_DIR
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def _doc_anchors(markdown: str) -> set[str]:
    return {explicit or slugify(title, "-") for title, explicit in _HEADING.findall(_CODE.sub("", markdown))}


class _Site:
    """Every page's path by its address, and every anchor by page path."""

    def __init__(self, pages, docs: dict[str, str]):
        self.path_of = {page_url(p.path): p.path for p in pages} | {page_url(path): path for path in docs}
        self.anchors = {p.path: set(ANCHOR.findall(p.markdown)) for p in pages} | {
            path: _doc_anchors(text) for path, text in docs.items()}

    def problem(self, path: str | None, anchor: str, shown: str) -> str | None:
        """What is wrong with a link to `path#anchor` (written as `shown`), or None."""
        if path is None or path not in self.anchors:
            guess = difflib.get_close_matches(shown.partition("#")[0], list(self.path_of), n=1)
            return f"Linket '{shown}' peger på en side, der ikke findes." + (f" Mente du '{guess[0]}'?" if guess else "")
        if anchor and anchor not in self.anchors[path]:
            guess = difflib.get_close_matches(anchor, sorted(self.anchors[path]), n=1)
            return (f"Linket '{shown}' peger på et afsnit, der ikke findes på siden."
                    + (f" Mente du '#{guess[0]}'?" if guess else ""))
        return None


def resolve_internal_links(pages, root: Path) -> list:
    """The pages with every site address in them made relative; raises ContentErrors for broken ones."""
    # A hand-written page with a generated page's path never reaches the site (docs/index.md is the
    # placeholder for site tools that do not run the plugin).
    docs = {path: text for path, text in _docs_pages(root).items() if path not in {p.path for p in pages}}
    site = _Site(pages, docs)
    errors, resolved = [], []
    for page in pages:
        def relative(match: re.Match) -> str:
            target = match.group(2)
            address, _, anchor = target.partition("#")
            path = site.path_of.get(address if address.endswith("/") else address + "/")
            if problem := site.problem(path, anchor, target):
                errors.append(error_at_text(root, page.sources, target, problem))
                return match.group(0)
            link = posixpath.relpath(path, posixpath.dirname(page.path) or ".")
            return match.group(1) + link + (f"#{anchor}" if anchor else "")

        resolved.append(replace(page, markdown=_SITE_LINK.sub(relative, page.markdown)))
    for doc, text in docs.items():
        errors += _docs_link_errors(site, doc, text)
    if errors:
        raise ContentErrors(errors)
    return resolved


def _docs_link_errors(site: _Site, doc: str, text: str) -> list[ContentError]:
    code = [m.span() for m in _CODE.finditer(text)]
    errors = []
    for match in _ANY_LINK.finditer(text):
        start = match.start(2)
        target = match.group(2)
        if any(a <= start < b for a, b in code) or re.match(r"[a-zA-Z][\w+.-]*:", target):
            continue
        where = f"{DOCS_DIR}/{doc}"
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        file_part, _, anchor = target.partition("#")
        if target.startswith("/"):
            problem = (f"Linket '{target}' er en adresse på webstedet; skriv i stedet stien til siden "
                       "i forhold til denne fil, fx 'redaktoerer.md#tjek' eller '../index.md'.")
        elif not file_part:
            problem = site.problem(doc, anchor, target)
        elif file_part.endswith(".md"):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(doc), file_part))
            problem = site.problem(path, anchor, target)
        else:
            continue  # images and other files: the site tool checks those
        if problem:
            errors.append(ContentError(where, line, column, "", problem))
    return errors

"""The plugin's page safety for a site another tool built from the export (`omlaegning efterbehandl`).

In MkDocs the plugin cleans each page's HTML in on_page_content and adds the Content-Security-Policy
in on_post_page. A tool without plugins (Zensical) gives no such moment, so this step runs on the
built site instead: each page's own content, which the export put between two markers, passes the
same allowlist (sanitize.clean), and every HTML file gets the same policy (csp.with_policy).
A page with theme content but no markers was not made by the export and is refused, since its
content could not be cleaned. The search index holds the pages' HTML too (MkDocs' search indexes
it after the plugin has cleaned it), so its entries pass the same allowlist.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .csp import sha256_source, with_policy
from .export import CONTENT_END, CONTENT_START
from .render.pages import FORM_PAGES
from .paths import page_url
from .sanitize import clean

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HAS_POLICY = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"', re.IGNORECASE)
# Pages the theme makes without Markdown of ours.
_THEME_PAGES = frozenset({"404.html"})
_FORM_FILES = frozenset(page_url(path).lstrip("/") + "index.html" for path in FORM_PAGES)
# Zensical's search box lives in a shadow root and gets its style as a <style> element holding a
# string constant of its bundle: `shadow.appendChild(C("style",{},Name.toString()))`.
_SHADOW_STYLE = re.compile(r'\.appendChild\(\w+\("style",\{\},(\w+)\.toString\(\)\)\)')


def _js_string(literal: str) -> str:
    """A minified bundle's quoted string constant as its text (read as JSON once its quotes are)."""
    body = literal[1:-1]
    if literal[0] == "'":
        body = re.sub(r"\\'|\"", lambda m: "'" if m.group() == "\\'" else '\\"', body)
    return json.loads(f'"{body}"')


def theme_style_hashes(site: Path) -> tuple[str, ...]:
    """Hashes of the style elements the theme's scripts add (Zensical's search), for style-src."""
    hashes = []
    for bundle in sorted((site / "assets" / "javascripts").glob("*.js")):
        code = bundle.read_text(encoding="utf-8")
        for name in _SHADOW_STYLE.findall(code):
            if match := re.search(rf"\b{name}=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", code):
                hashes.append(sha256_source(_js_string(match.group(1))))
    return tuple(dict.fromkeys(hashes))


class PostbuildError(Exception):
    """A built page that cannot be made safe; the message is for the person who built it."""


def _has_policy(html: str) -> bool:
    head_end = _HEAD_END.search(html)
    return bool(head_end and _HAS_POLICY.search(html, 0, head_end.start()))


def secure_page(html: str, where: str, form: bool = False, style_hashes: tuple[str, ...] = ()) -> str:
    """The page with its content region cleaned and the policy in its head."""
    start, end = html.find(CONTENT_START), html.rfind(CONTENT_END)
    if start == -1 or end < start:
        raise PostbuildError(f"{where}: siden har ikke eksportens mærker om indholdet, så indholdet kan ikke "
                             "renses. Byg kun fra en mappe lavet af 'omlaegning export'.")
    content = clean(html[start + len(CONTENT_START):end], form=form)
    return with_policy(html[:start] + content + html[end + len(CONTENT_END):], style_hashes)


def _clean_search_index(site: Path) -> None:
    index = site / "search.json"  # Zensical's; MkDocs' search_index.json is made from cleaned pages
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for item in data.get("items", []):
        for field in ("title", "text"):
            if isinstance(item.get(field), str):
                item[field] = clean(item[field])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def secure_site(site: Path) -> int:
    """Clean and protect every HTML file in site that is not protected yet; returns how many."""
    if not site.is_dir():
        raise PostbuildError(f"{site} findes ikke; byg først håndbogen, fx med: zensical build")
    done, styles = 0, theme_style_hashes(site)
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if _has_policy(html):  # the redirect pages carry theirs, and a second run changes nothing
            continue
        where = path.relative_to(site).as_posix()
        if CONTENT_START not in html and where in _THEME_PAGES:
            html = with_policy(html, styles)
        else:
            html = secure_page(html, where, form=where in _FORM_FILES, style_hashes=styles)
        path.write_text(html, encoding="utf-8")
        done += 1
    _clean_search_index(site)
    return done

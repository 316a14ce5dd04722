"""The Content-Security-Policy every page carries, as a <meta> tag (GitHub Pages cannot send headers).

Scripts run only from the site's own files and from the inline scripts the finished page holds, each
allowed by its SHA-256 hash. The hashes are computed from the page itself at build time, so a theme
update that changes its inline scripts changes the policy with them instead of silently breaking.
"""
from __future__ import annotations

import base64
import hashlib
import re

# An inline script is one without src; JSON data blocks (type="application/json") are not run.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_RUNS = re.compile(r"^\s*(|text/javascript|application/javascript|module)\s*$", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    # The theme draws its icons as data: SVGs in its stylesheet.
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or not _RUNS.match(kind.group(1) if kind else ""):
            continue
        hashes.append(sha256_source(body))
    return list(dict.fromkeys(hashes))


def sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode('ascii')}'"


def policy(html: str, style_hashes: tuple[str, ...] = (), preview: bool = False) -> str:
    directives = dict(DIRECTIVES)
    # `mkdocs serve` adds its live-reload script to each page after the plugins, with a different text for
    # every request, so no hash can name it: the local preview allows inline scripts (a browser ignores
    # 'unsafe-inline' beside hashes, so it stands alone). Published pages never get this.
    scripts = ["'unsafe-inline'"] if preview else inline_script_hashes(html)
    directives["script-src"] = " ".join([directives["script-src"], *scripts])
    directives["style-src"] = " ".join([directives["style-src"], *style_hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def with_policy(html: str, style_hashes: tuple[str, ...] = (), preview: bool = False) -> str:
    """The page with its policy as the first thing after the charset, before any script or style.
    `style_hashes`: style elements the theme's own scripts add, allowed by their hash; `preview`: the page
    is for `mkdocs serve` (see policy)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, style_hashes, preview)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("The page has no <head> to put its Content-Security-Policy in.")
    return html[:anchor.end()] + tag + html[anchor.end():]

"""What a browser could run in a piece of HTML, read from the parsed document (not by substring)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from omlaegning.sanitize import TAGS

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster",
                  "srcset", "codebase", "cite", "lowsrc", "dynsrc", "ping"}
NEVER = {"script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form",
         "input", "button", "frame", "frameset", "template", "noscript", "applet"}
# Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces at its start.
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}


def executable_url(value: str) -> bool:
    """value: an attribute value as parsed, entities already decoded once, as a browser does."""
    url = _LEADING.sub("", _IGNORED_IN_URL.sub("", value))
    scheme = _SCHEME.match(url)
    return bool(scheme) and scheme.group(1).lower() not in SAFE_SCHEMES


class _Inspector(HTMLParser):
    def __init__(self, page_tags: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.page_tags = page_tags
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in NEVER or tag not in self.page_tags:
            self.found.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            elif name == "style":
                self.found.append(f"<{tag} style>")
            elif name in URL_ATTRIBUTES and value and executable_url(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "id" and (value or "").startswith("__"):
                self.found.append(f"<{tag} id={value!r}>")

    handle_startendtag = handle_starttag


def dangers(fragment: str, page_tags: frozenset[str] = TAGS) -> list[str]:
    """Everything in the HTML that could run a script or is not an element the handbook's pages use."""
    inspector = _Inspector(page_tags)
    inspector.feed(fragment)
    inspector.close()
    return inspector.found

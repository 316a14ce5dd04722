"""How YAML text becomes Markdown safely.

Plain text fields (titles, names) are shown literally: Markdown and HTML characters
are escaped. Markdown fields keep their formatting, but raw HTML is shown as text and
attribute lists ({: onclick=...}) cannot be injected, so no field can add a script.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")
_ATTRIBUTE_BRACES = re.compile(r"([{}])")


def plain(value: object) -> Markup:
    return Markup(html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", str(value)), quote=False))


def markdown(value: str) -> Markup:
    return Markup(_ATTRIBUTE_BRACES.sub(r"\\\1", value.replace("<", "&lt;")))


def url(value: object) -> Markup:
    """A link target: characters that would end a Markdown link are percent-encoded."""
    return Markup(quote(str(value), safe=":/?#[]@!$&'*+,;=%-._~"))


def finalize(value: object) -> object:
    """Jinja's last step for every {{ }}: anything not already marked safe is plain text."""
    return value if isinstance(value, Markup) else plain(value)

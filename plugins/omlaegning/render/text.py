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
# What turns a line into a list, an admonition or a rule when a field starts a line: "2016. ...",
# "- ...", "+ ...", "!!! ...", "---".
_LINE_START = re.compile(r"^(\d+)\.|^([-+!])")
_ATTRIBUTE_BRACES = re.compile(r"([{}])")


def plain(value: object) -> Markup:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    escaped = _LINE_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}", escaped)
    return Markup(html.escape(escaped, quote=False))


def markdown(value: str) -> Markup:
    return Markup(_ATTRIBUTE_BRACES.sub(r"\\\1", value.replace("<", "&lt;")))


def url(value: object) -> Markup:
    """A link target: characters that would end a Markdown link are percent-encoded."""
    return Markup(quote(str(value), safe=":/?#[]@!$&'*+,;=%-._~"))


def finalize(value: object) -> object:
    """Jinja's last step for every {{ }}: anything not already marked safe is plain text."""
    return value if isinstance(value, Markup) else plain(value)


_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# Where a line must not break, in the formats the model writes (dates, amounts) and in editors' text;
# applied to each page's HTML. Each pattern's first group keeps a no-break space after it instead of
# the space.
_NO_BREAK = [
    re.compile(r"(§§?) ?(?=\d)"),                          # "§ 85", "§§ 82", and "§85" gets its space
    re.compile(r"(§§?\u00a0\d+) (?=[a-h]\b)"),              # "§ 82 a", "§§ 82 a–d"; "i" is a word
    re.compile(r"(\d) (?=kr\.)"),                           # "3.750.000 kr."
]
# "23. november", "1. kvartal"; never at a line's start, where "1. " begins a numbered list, nor inside a larger
# number. The digits begin the pattern and _ordinal looks at the character before them: a lookbehind at the
# start made the regex engine try every position of every page, a twentieth of a whole build.
_ORDINAL = re.compile(rf"(\d{{1,2}}\.) (?=(?:{_MONTHS}|kvartal|halvår)\b)")


def _ordinal(match: re.Match) -> str:
    before = match.string[match.start() - 1] if match.start() else "\n"
    return match.group(0) if before.isdecimal() or before == "\n" else match.group(1) + "\u00a0"


def no_break_spaces(markdown: str) -> str:
    """`markdown` with no-break spaces where a line break would split what belongs together."""
    for pattern in _NO_BREAK:
        markdown = pattern.sub("\\1\u00a0", markdown)
    return _ORDINAL.sub(_ordinal, markdown)


def no_break_toc(links) -> None:
    """The same in a page's table of contents (MkDocs' AnchorLinks), which the theme prints from the headings'
    own titles."""
    for link in links:
        link.title = no_break_spaces(link.title)
        no_break_toc(link.children)


def escaped_nav(nav: list) -> list:
    """MkDocs themes print nav titles as raw HTML; titles from YAML must show as text, and hold together
    like the pages' text ("§ 85")."""
    return [{html.escape(no_break_spaces(title)): escaped_nav(target) if isinstance(target, list) else target
             for title, target in item.items()} for item in nav]


def error_box(errors) -> str:
    """A Danish warning box listing content errors, for a preview page (under its title: with_error_box)."""
    lines = "\n".join(f"    - {plain(error)}" for error in errors)
    return (f'!!! danger fejlboks "Fejl i indholdet – du ser den seneste udgave uden fejl"\n\n{lines}\n\n'
            "    Ret fejlene i YAML-filerne; siden opdateres, når de er rettet.\n\n")


_TITLE = re.compile(r"\A\s*# [^\n]*(?:\n|\Z)")  # the page's title: its first line, not a '# ' in a code block


def with_error_box(markdown: str, errors) -> str:
    """A page's Markdown with the error box right under its title: above it, the box would be a section of its
    own in the theme's search index, and the page would be found twice while the errors last."""
    title = _TITLE.search(markdown)
    if title is None:
        return error_box(errors) + markdown
    return f"{markdown[:title.end()].rstrip(chr(10))}\n\n{error_box(errors)}{markdown[title.end():]}"

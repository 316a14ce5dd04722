"""The guarantee that no page can run what an editor wrote: every page's HTML passes an allowlist.

The models refuse script links and raw HTML to teach the editor, but Markdown can be written in
more ways than a check on the YAML can follow. So the HTML that Markdown makes of a page is cleaned
here by nh3 (the Rust ammonia sanitizer): only the elements and attributes the handbook's templates
and Markdown produce survive, links keep http, https, mailto or a relative address, and no event
handler, style attribute, script, form or foreign element is left.
"""
from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "kbd", "li", "ol", "p", "pre",
    "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
})
# Removed with everything inside them; other unknown elements lose only their tags.
REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "svg", "math", "iframe", "object", "noscript"})
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "aria-hidden", "aria-label", "aria-labelledby", "aria-describedby"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "div": {"role", "tabindex"},
    "details": {"open"},
}
# Only the self-assessment page holds a form: its answers are radio buttons and notes. The data-*
# attributes carry ids for its script (docs/javascripts/selvevaluering.js).
FORM_TAGS = frozenset({"fieldset", "legend", "label", "input", "textarea"})
FORM_ATTRIBUTES = {
    "*": {"data-version", "data-maalgrupper", "data-art", "data-gruppe", "data-maalgruppe"},
    "input": {"name", "value"},
    "textarea": {"name", "rows"},
}
FORM_ATTRIBUTE_VALUES = {"input": {"type": {"radio"}}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Ids and the references to them: never one of the theme's own ("__config", "__search"), which a
# clobbering element could stand in for.
_SAFE_ID = re.compile(r"^(?!__)[\w-]+$")
_ID_ATTRIBUTES = {"id", "aria-labelledby", "aria-describedby"}
# Python-Markdown's tables align columns with style attributes, which the page's policy refuses;
# the same alignment becomes a class that the handbook's stylesheet defines.
_ALIGN_STYLE = re.compile(r' style="text-align: (left|right|center);?"')


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _ID_ATTRIBUTES and not all(_SAFE_ID.match(v) for v in value.split()):
        return None
    if attribute == "tabindex" and value not in ("0", "-1"):
        return None
    return value


def clean(html: str, form: bool = False) -> str:
    """The page's HTML with everything outside the allowlist removed; `form`: the page may hold the
    self-assessment's form controls."""
    html = _ALIGN_STYLE.sub(r' class="justering-\1"', html)
    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    if form:
        for tag, names in FORM_ATTRIBUTES.items():
            attributes[tag] = attributes.get(tag, set()) | names
    return nh3.clean(html, tags=set(TAGS | FORM_TAGS if form else TAGS), clean_content_tags=set(REMOVED_WITH_CONTENT),
                     attributes=attributes, tag_attribute_values=FORM_ATTRIBUTE_VALUES if form else None,
                     attribute_filter=_keep_attribute, url_schemes=set(URL_SCHEMES), link_rel=None,
                     strip_comments=True)

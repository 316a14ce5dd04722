"""The two Jinja environments: Markdown pages (Markdown escaping) and the few HTML and SVG files (HTML escaping)."""
from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formatting
from ..models.values import STATUS
from . import text

TEMPLATES = Path(__file__).parent / "templates"


@cache
def html_environment() -> Environment:
    """For the few HTML files: plain HTML escaping, none of the Markdown rules."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)


@cache
def markdown_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=text.finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown anchors are written {#id}; Jinja's own comments would claim "{#".
        comment_start_string="{%#",
        comment_end_string="#%}",
    )
    env.filters.update(
        md=text.markdown,
        url=text.url,
        # For raw HTML blocks, which Markdown does not touch: HTML escaping instead of Markdown escaping.
        h=lambda value: Markup(html.escape(str(value))),
        # Our own Danish formats are digits, dots and month names: safe as they are.
        dato=lambda value, praecision="dag": Markup(formatting.dato(value, praecision)),
        beloeb=lambda kroner: Markup(formatting.beloeb(kroner)),
        tal=lambda value: Markup(formatting.tal(value)),
        periode=lambda p: Markup(formatting.periode(p.start, p.slut, p.praecision)),
        status=lambda status: STATUS[status],
    )
    return env

"""The two Jinja environments: Markdown pages (Markdown escaping) and the few HTML and SVG files (HTML escaping)."""
from __future__ import annotations

import hashlib
import html
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formatting
from ..models.values import STATUS
from . import text
from .compiledtemplates import CompiledTemplates
from .diskcache import DiskCache, key

TEMPLATES = Path(__file__).parent / "templates"


_THIS_MODULE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
# Our templates' code depends on the environments set up here, so on this module's source.
_COMPILED = CompiledTemplates("skabeloner", _THIS_MODULE)


@cache
def template_hash(name: str) -> str:
    """The SHA-256 of a template and of what decides how it renders (this module), for cache entries."""
    return key(_THIS_MODULE, (TEMPLATES / name).read_bytes())


def use_disk_cache(root: Path | None) -> None:
    """Keep compiled templates in the disk cache of the handbook at root (None: nowhere)."""
    _COMPILED.disk = DiskCache(root)


@cache
def html_environment() -> Environment:
    """For the few HTML files: plain HTML escaping, none of the Markdown rules."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       bytecode_cache=_COMPILED)


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
        bytecode_cache=_COMPILED,
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

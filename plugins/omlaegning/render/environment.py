"""The two Jinja environments: Markdown pages (Markdown escaping) and the few HTML and SVG files (HTML escaping)."""
from __future__ import annotations

import hashlib
import html
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from .. import formatting
from ..models.values import STATUS
from . import text
from .diskcache import DiskCache, key

TEMPLATES = Path(__file__).parent / "templates"


class _CompiledTemplates(BytecodeCache):
    """Compiled templates in the disk cache: compiling ours took a third of rendering in each new process.

    Jinja stores the template's checksum with its code and compiles again when the template changed;
    the entry's name adds Jinja's version and this module's source, which sets how templates compile."""

    def __init__(self):
        self.disk = DiskCache(None)  # set by use_disk_cache before each render

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return key(jinja2.__version__, _THIS_MODULE, name, filename or "")

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.disk.read("skabeloner", bucket.key)
        if data is not None:
            try:
                bucket.bytecode_from_string(data)
            except Exception:  # damaged in a way the checksum missed: compile again
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.disk.write("skabeloner", bucket.key, bucket.bytecode_to_string())


_THIS_MODULE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
_COMPILED = _CompiledTemplates()


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

"""Property-based tests (issue #7): random valid and invalid municipalities through load and render.

Valid: any municipality the model accepts loads and renders, the same every time, wherever the
content lies and however its YAML is laid out (key order, flow or block style, indentation,
line width, CRLF). Its ids are the anchors of its headings, its plain texts reach the reader
literally, its open data are the content itself, and no text adds an HTML element or attribute to
any page or figure: the same content with every text replaced by 'x' has the very same elements.
Invalid: one mistake planted in a valid municipality gives ContentErrors and never another
exception; every error lies in the municipality's own file, on a line and column of it, said in
Danish on one line without Python internals, and the planted mistake is reported at its field.
The YAML reader, fed any bytes, returns a document or raises YamlErrors.

The examples are derandomized and no example database is kept, so CI runs the same examples every
time. HYPOTHESIS_SCALE=10 runs ten times as many examples, for a long hunt on a developer's machine.
Bugs these properties found have tests of their own at the end of the file.
"""
from __future__ import annotations

import json

import copy
import datetime
import functools
import math
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown as python_markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, find, given, settings
from hypothesis import strategies as st

import strategies as gen
from helpers import REPO
from omlaegning.errors import ContentError, ContentErrors, format_field
from omlaegning.handbook import danish_sort_key
from omlaegning.loader import load_handbook
from omlaegning.models import ID_PATTERN, Kommune
from omlaegning.models.base import TAL_GRAENSE, _safe_markdown
from omlaegning.render import render_handbook, text
from omlaegning.yamlsource import YamlDocument, YamlErrors, parse_yaml

# Hypothesis runs hundreds of examples through load and render.
pytestmark = pytest.mark.slow

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
PROPERTY = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


# ---------------------------------------------------------------------------------------------
# Content trees, builds and the rendered HTML

def kommune_file(kommune_id: str) -> str:
    return f"data/kommuner/{kommune_id}.yaml"


@contextmanager
def content_tree(files: dict[str, str | bytes]):
    """A fresh copy of the minimal fixture with `files` (relative path -> content) added."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "minimal"
        shutil.copytree(gen.FIXTURE, root)
        for rel, content in files.items():
            path = root / rel
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        yield root


@dataclass(frozen=True)
class Build:
    pages: dict[str, tuple]   # path -> (title, markdown, sources)
    nav: str
    extra_files: dict[str, str]
    links: dict[str, str]

    def markdown(self, path: str) -> str:
        return self.pages[path][1]


def build(root: Path) -> Build:
    rendered = render_handbook(load_handbook(root))
    return Build({p.path: (p.title, p.markdown, p.sources) for p in rendered.pages}, repr(rendered.nav),
                 rendered.extra_files(), rendered.links)


def build_files(files: dict[str, str | bytes]) -> Build:
    with content_tree(files) as root:
        return build(root)


def _site_markdown():
    """The Markdown extensions of the real site (mkdocs.yml), to see the HTML readers get."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = options or {}
    return names, configs


_EXTENSIONS, _EXTENSION_CONFIGS = _site_markdown()


_MARKDOWN = python_markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)


@functools.lru_cache(maxsize=256)
def to_html(source: str) -> str:
    return _MARKDOWN.reset().convert(source)


@dataclass
class Element:
    tag: str
    attrs: dict
    text: list = field(default_factory=list)

    @property
    def content(self) -> str:
        return "".join(self.text)


class Html(HTMLParser):
    """The elements of an HTML fragment and their text; the toc's permalink (¶) is left out."""

    VOID = {"br", "hr", "img", "input"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.other: list[str] = []  # comments, declarations, processing instructions
        self.text: list[str] = []
        self._open: list[Element] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self._open and self._open.pop().tag != tag:
            pass

    def handle_data(self, data):
        if any(e.attrs.get("class") == "headerlink" for e in self._open):
            return
        self.text.append(data)
        for element in self._open:
            element.text.append(data)

    def handle_comment(self, data):
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.other.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.other.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.other.append(f"<![{data}]>")

    @property
    def content(self) -> str:
        return "".join(self.text)

    def with_id(self, element_id: str) -> list[Element]:
        return [e for e in self.elements if e.attrs.get("id") == element_id]


# What Python-Markdown itself makes with the site's extensions. A tag or attribute outside these
# can only come from HTML written in the YAML.
MARKDOWN_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre", "blockquote", "ul",
                 "ol", "li", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "div",
                 # The glossary's abbreviations, wherever a text uses one (Material's tooltips).
                 "abbr"}
MARKDOWN_ATTRIBUTES = {"id", "href", "title", "class", "src", "alt", "style", "start"}

# Fields shown as plain text (Tekst): whatever they hold must reach the reader literally.
PLAIN_FIELDS, MARKDOWN_FIELDS = gen.text_fields()


def neutral(data):
    """The same content with every text (plain or Markdown) replaced by 'x': ids, numbers, dates
    and the shape stay, so the pages and figures keep every element the templates make."""
    if isinstance(data, dict):
        result = {}
        for key, value in data.items():
            if key in PLAIN_FIELDS | MARKDOWN_FIELDS and isinstance(value, str):
                result[key] = "x"
            elif key in PLAIN_FIELDS and isinstance(value, list):
                result[key] = ["x" for _ in value]
            elif key == "raekker":
                result[key] = [["x" if isinstance(cell, str) else cell for cell in row] for row in value]
            else:
                result[key] = neutral(value)
        return result
    if isinstance(data, list):
        return [neutral(item) for item in data]
    return data


def structure(html: Html) -> list[tuple]:
    """The page's elements with their attribute names, in any order (names change the sort order)."""
    return sorted([(e.tag, tuple(sorted(e.attrs))) for e in html.elements] + [("other", tuple(html.other))])


def svg_structure(source: str) -> list[tuple]:
    """Every element of an SVG file with its attribute names; the file must be well-formed XML."""
    return sorted((element.tag, tuple(sorted(element.attrib))) for element in ElementTree.fromstring(source).iter())


def plain_texts(data) -> list[str]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in PLAIN_FIELDS and isinstance(value, str):
                found.append(value)
            elif key in PLAIN_FIELDS and isinstance(value, list):
                found += [v for v in value if isinstance(v, str)]
            elif key == "raekker":
                found += [cell for row in value for cell in row if isinstance(cell, str)]
            else:
                found += plain_texts(value)
    elif isinstance(data, list):
        for item in data:
            found += plain_texts(item)
    return found


# ---------------------------------------------------------------------------------------------
# 1. Valid municipalities

def check_text_adds_no_markup(result: Build, neutral_build: Build, kommune: dict) -> None:
    """`neutral_build` is the same content with neutral texts: no text may add an element or an attribute."""
    assert result.pages.keys() == neutral_build.pages.keys()
    kommune_page = f"kommuner/{kommune['id']}.md"
    for path in result.pages:
        real, skeleton = Html(to_html(result.markdown(path))), Html(to_html(neutral_build.markdown(path)))
        if path == kommune_page:
            # Its Markdown fields may make paragraphs, lists, links and emphasis, nothing else.
            assert {e.tag for e in real.elements} <= MARKDOWN_TAGS | {e.tag for e in skeleton.elements}, path
            assert ({name for e in real.elements for name in e.attrs}
                    <= MARKDOWN_ATTRIBUTES | {name for e in skeleton.elements for name in e.attrs}), path
            assert real.other == skeleton.other, path
        else:
            # Elsewhere the municipality is names and titles: the very same elements as with 'x'.
            assert structure(real) == structure(skeleton), path
    assert result.extra_files.keys() == neutral_build.extra_files.keys()
    for path, content in result.extra_files.items():
        if path.endswith(".svg"):
            assert svg_structure(content) == svg_structure(neutral_build.extra_files[path]), path
    # The open data are the content itself.
    published = json.loads(result.extra_files[f"data/kommuner/{kommune['id']}.json"])
    assert published.pop("afsender")["tekst"] == "Kommunens egne oplysninger"
    assert Kommune.model_validate_json(json.dumps(published)) == Kommune.model_validate(kommune)


def check_municipality_page(result: Build, kommune: dict) -> None:
    kid = kommune["id"]
    md = result.markdown(f"kommuner/{kid}.md")
    html = Html(to_html(md))

    # Every id is the anchor of its own heading, and the heading shows the title literally.
    heading = kommune["navn"] + (f": {kommune['projekt']['navn']}" if kommune.get("projekt") else "")
    assert re.search(rf"^# .* \{{#{re.escape(kid)}\}}$", md, re.MULTILINE), kid
    [h1] = html.with_id(kid)
    assert (h1.tag, h1.content) == ("h1", heading)
    for section in ("aktiviteter", "planer", "tal"):
        for item in kommune.get(section, []):
            assert re.search(rf"^### .* \{{#{re.escape(item['id'])}\}}$", md, re.MULTILINE), item["id"]
            assert [(e.tag, e.content) for e in html.with_id(item["id"])] == [("h3", item["titel"])]

    # The page's title in the navigation is the name; its anchors are published links (links.lock).
    assert result.pages[f"kommuner/{kid}.md"][0] == kommune["navn"]
    assert {f"/kommuner/{kid}/#{item['id']}" for section in ("aktiviteter", "planer", "tal")
            for item in kommune.get(section, [])} <= set(result.links)

    # Plain text is shown as written: Markdown, HTML and Jinja characters included.
    for value in plain_texts(kommune):
        assert value in html.content, value

    # The overview links to the page with the municipality's name, in Danish alphabetical order.
    overview = Html(to_html(result.markdown("kommuner/index.md")))
    links = [e for e in overview.elements if e.tag == "a" and re.fullmatch(r"[a-z0-9-]+\.md", e.attrs.get("href", ""))
             and e.attrs["href"] != "index.md"]
    assert (f"{kid}.md", kommune["navn"]) in [(e.attrs["href"], e.content) for e in links]
    keys = [danish_sort_key(e.content) for e in links]
    assert keys == sorted(keys)

    # Each activity is an example on the page of each of its principles and phases.
    for activity in kommune.get("aktiviteter", []):
        for kind, folder in (("principper", "principper"), ("faser", "faser")):
            for ref in set(activity.get(kind, [])):
                page = Html(to_html(result.markdown(f"{folder}/{ref}.md")))
                target = f"../kommuner/{kid}.md#{activity['id']}"
                assert activity["titel"] in [e.content for e in page.elements
                                             if e.tag == "a" and e.attrs.get("href") == target]


@settings(PROPERTY, max_examples=examples(25))
@given(kommune=gen.kommuner(), style=gen.yaml_styles, other_style=gen.yaml_styles,
       rng=st.randoms(use_true_random=False))
def test_valid_municipality_renders_the_same_every_time(kommune, style, other_style, rng):
    rel = kommune_file(kommune["id"])
    written = gen.dump(kommune, style)
    assert yaml.load(written, Loader=yaml.SafeLoader) == kommune  # the test's own YAML is right
    first = build_files({rel: written})
    # Loaded again from another folder, with the keys in another order and another YAML layout:
    # the same site, byte for byte.
    again = build_files({rel: gen.dump(gen.shuffled(kommune, rng), other_style)})
    assert again == first
    check_municipality_page(first, kommune)
    check_text_adds_no_markup(first, build_files({rel: gen.dump(neutral(kommune))}), kommune)


def _filled(kommune: dict) -> set:
    return {(model, name) for path, model in gen.fields_in(kommune)[1] for name in _get(kommune, path)}


def test_the_generator_fills_every_field_of_the_model():
    """A field added to the model and forgotten in tests/strategies.py would never be tested: it fails here."""
    filled = set()

    @settings(PROPERTY, max_examples=60)
    @given(kommune=gen.kommuner(least=(1, 1, 1)))
    def fill(kommune):
        filled.update(_filled(kommune))

    fill()
    # A field the first examples happened to leave out is searched for on purpose before the test fails.
    for field in {(model, name) for model, name, _, _ in gen.model_fields()} - filled:
        find(gen.kommuner(least=(1, 1, 1)), lambda kommune, field=field: field in _filled(kommune),
             settings=settings(PROPERTY, max_examples=2000))


@settings(PROPERTY, max_examples=examples(8))
@given(data=st.data())
def test_a_municipality_page_depends_only_on_its_own_file(data):
    a = data.draw(gen.kommuner(), label="a")
    b = data.draw(gen.kommuner(taken=frozenset(gen.FIXTURE_KOMMUNER) | {a["id"]}), label="b")
    files = {kommune_file(k["id"]): gen.dump(k) for k in (a, b)}
    both = build_files(files)
    assert build_files(dict(reversed(files.items()))) == both  # the order the files were written in
    alone = build_files({kommune_file(a["id"]): files[kommune_file(a["id"])]})
    assert both.pages[f"kommuner/{a['id']}.md"] == alone.pages[f"kommuner/{a['id']}.md"]
    check_municipality_page(both, a)
    check_municipality_page(both, b)


# ---------------------------------------------------------------------------------------------
# 2. Invalid municipalities: one mutation each

LEAKS = ("Traceback", "pydantic", "ValidationError", "<class", "object at 0x", "errors.pydantic.dev", "input_value",
         "NoneType")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def editor_lines(content: str | bytes) -> list:
    """The file's lines as an editor counts them: split at \\r\\n, \\r and \\n."""
    if isinstance(content, bytes):
        return re.split(rb"\r\n|\r|\n", content)
    return LINE_BREAK.split(content)


def check_error_is_sane(error: ContentError, files: dict[str, str | bytes]) -> None:
    """In a file that changed, on one of its lines and columns, in Danish on one line without internals."""
    assert error.file in files, f"error in a file that was not changed: {error}"
    lines = editor_lines(files[error.file])
    assert 1 <= error.line <= len(lines), f"line {error.line} of {len(lines)}: {error}"
    assert 1 <= error.column <= len(lines[error.line - 1]) + 1, f"column {error.column}: {error}"
    assert error.message.strip(), error
    for leak in LEAKS:
        assert leak not in error.message, f"{leak!r} in {error.message!r}"
    assert not re.search(r"\([a-z]+_[a-z_]+\)", error.message), f"pydantic's error code shown: {error.message}"
    shown = str(error)
    assert "\n" not in shown and "\r" not in shown, f"error on more than one line: {shown!r}"
    assert "\n" not in error.github_annotation()


@dataclass
class Expected:
    """An error the planted mistake must give, in the municipality's file."""
    field: str | None = None        # the field path as shown to editors, e.g. "aktiviteter[2].titel"
    message: str | None = None      # a part of the message
    marker: str | None = None       # text that stands on the error's line
    line: int | None = None
    column: int | None = None
    field_suffix: str | None = None  # the field path's last part, where the path may be one of several

    def matches(self, error: ContentError, content: str) -> bool:
        line_text = editor_lines(content)[error.line - 1] if error.line <= len(editor_lines(content)) else ""
        return ((self.field is None or error.field == self.field)
                and (self.field_suffix is None or error.field.split(".")[-1] == self.field_suffix)
                and (self.message is None or self.message in error.message)
                and (self.marker is None or self.marker in line_text)
                and (self.line is None or error.line == self.line)
                and (self.column is None or error.column == self.column))


@dataclass
class Broken:
    what: str
    content: str | bytes
    expected: list[Expected] = field(default_factory=list)
    may_load: bool = False      # truncations and random bytes may, rarely, still be valid
    phase: str = "load"         # "render": the mistake is only seen when the pages are made


REF_KINDS = {"kilder": ("kilde", gen.KILDER), "principper": ("princip", gen.PRINCIPPER), "faser": ("fase", gen.FASER)}
WRONG_VALUES = {"str": "forkert-tekst", "int": 4711, "float": 47.5, "bool": True, "list": ["forkert-liste"],
                "dict": {"forkert-felt": 4711}, "date": datetime.date(1999, 9, 9), "none": None}
MARKERS = {"str": "forkert-tekst", "int": "4711", "float": "47.5", "bool": "true", "list": "forkert-liste",
           "dict": "forkert-felt", "date": "1999-09-09", "none": "null"}


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _set(data, path, value):
    _get(data, path[:-1])[path[-1]] = value


def _block_dump(data) -> str:
    """Block style with unicode as it is, so the markers stand literally on their line."""
    return gen.dump(data)


MUTATIONS = ["missing", "unknown", "wrong-type", "dangling", "duplicate-id", "anchor-twice", "id-not-file-name",
             "bad-id", "bad-text", "bad-markdown", "row-length", "negative", "literal", "empty-list", "period",
             "alias", "tab", "duplicate-line", "syntax", "truncated", "random-bytes", "inserted-bytes",
             "control-character", "line-breaks"]


@st.composite
def broken_municipalities(draw) -> tuple[str, Broken]:
    """(the file's id, a municipality file with one mistake planted)."""
    kind = draw(st.sampled_from(MUTATIONS), label="mutation")
    kommune = draw(gen.kommuner(least=(1, 0, 1 if kind == "row-length" else 0), simple=True), label="valid")
    return kommune["id"], _mutated(draw, kind, copy.deepcopy(kommune))


def _mutated(draw, kind: str, data: dict) -> Broken:
    values, mappings = gen.fields_in(data)

    if kind == "missing":
        path, model = draw(st.sampled_from([(p, m) for p, m in mappings
                                            if any(f.is_required() and n in _get(data, p)
                                                   for n, f in m.model_fields.items())]))
        name = draw(st.sampled_from([n for n, f in model.model_fields.items()
                                     if f.is_required() and n in _get(data, path)]))
        del _get(data, path)[name]
        return Broken(f"{format_field(path + (name,))} deleted", _block_dump(data),
                      [Expected(format_field(path + (name,)), "Feltet mangler og skal udfyldes.")])

    if kind == "unknown":
        path, model = draw(st.sampled_from(mappings))
        typo = st.sampled_from(list(model.model_fields)).flatmap(
            lambda n: st.sampled_from([n + "e", n[:-1], n.capitalize(), n.replace("oe", "ø"), "_" + n]))
        name = draw(st.one_of(typo, st.from_regex(r"[a-z_]{1,15}", fullmatch=True),
                              st.sampled_from(["x: y", "ø", "1", "true", "<<<", "a b", "-"]))
                    .filter(lambda n: n not in model.model_fields))
        _get(data, path)[name] = draw(st.one_of(gen.tekster, st.integers(), st.none()))
        plain = re.fullmatch(r"[a-z_]+", name) is not None
        return Broken(f"unknown field {name!r} in {format_field(path) or 'the file'}", _block_dump(data),
                      [Expected(format_field(path + (name,)), "Ukendt felt.", name if plain else None)])

    if kind == "wrong-type":
        path, accepted, _ = draw(st.sampled_from(values))
        category = draw(st.sampled_from(sorted(set(WRONG_VALUES) - accepted - ({"int"} if "float" in accepted
                                                                                  else set()))))
        _set(data, path, copy.deepcopy(WRONG_VALUES[category]))
        return Broken(f"{format_field(path)} = {WRONG_VALUES[category]!r}", _block_dump(data),
                      [Expected(format_field(path), None, MARKERS[category])])

    if kind == "dangling":
        holders = [p for p, _, _ in values if p[-1] in REF_KINDS]
        path = draw(st.sampled_from(holders + [("aktiviteter", 0, "principper")]))
        target, existing = REF_KINDS[path[-1]]
        bad = draw(gen.ids.filter(lambda i: i not in existing and len(i) > 2), label="bad id")
        refs = _get(data, path[:-1]).setdefault(path[-1], [])
        index = draw(st.integers(0, len(refs)))
        refs.insert(index, bad)
        return Broken(f"{format_field(path)} refers to {bad!r}", _block_dump(data), [Expected(
            format_field(path + (index,)), f" {target} med id '{bad}'.", bad)])

    if kind == "duplicate-id":
        section = draw(st.sampled_from([k for k in ("aktiviteter", "planer", "tal") if data.get(k)]))
        items = data[section]
        original = draw(st.integers(0, len(items) - 1))
        copy_at = draw(st.integers(original + 1, len(items)))
        items.insert(copy_at, copy.deepcopy(items[original]))
        return Broken(f"{section}[{copy_at + 1}] repeats the id of {section}[{original + 1}]", _block_dump(data),
                      [Expected(format_field((section, copy_at, "id")),
                                f"bruges allerede af punkt {original + 1} i listen", items[original]["id"])])

    if kind == "anchor-twice":
        # Distinct in each list, but twice on the page: with a section or the municipality itself.
        activity = draw(st.sampled_from(data["aktiviteter"]))
        other = [i["id"] for k in ("planer", "tal") for i in data.get(k, [])]
        activity["id"] = draw(st.sampled_from(sorted(gen.SECTION_ANCHORS) + [data["id"]] + other))
        # Reported at the later of the two ids, or at the activity's when the other is a fixed section.
        return Broken(f"activity id {activity['id']!r} is an anchor already", _block_dump(data), [Expected(
            message=f"Ankeret '#{activity['id']}' findes 2 gange", marker=gen.dump({"id": activity["id"]}).strip(),
            field_suffix="id")], phase="render")

    if kind == "id-not-file-name":
        file_id = data["id"]
        data["id"] = draw(gen.ids.filter(lambda i: i != file_id))
        return Broken("id differs from the file name", _block_dump(data), [Expected(
            "id", "skal være det samme som filnavnet", data["id"])])

    if kind == "bad-id":
        path = draw(st.sampled_from([p for p, _, _ in values if p[-1] == "id"]))
        bad = draw(st.one_of(st.sampled_from(["Æble", "a_b", "a--b", "-a", "a-", "A", "mit id", "", "a" * 61,
                                              "index-Ø", "a/b", "../a"]),
                             st.text(min_size=1, max_size=8).filter(lambda i: not re.fullmatch(ID_PATTERN, i)
                                                                    and not LINE_BREAK.search(i))))
        _set(data, path, bad)
        return Broken(f"{format_field(path)} = {bad!r}", _block_dump(data), [Expected(format_field(path))])

    if kind == "bad-text":
        path = draw(st.sampled_from([p for p, _, _ in values if p[-1] in PLAIN_FIELDS and p[-1] != "kolonner"
                                     and isinstance(_get(data, p), str)] or [("navn",)]))
        bad = draw(st.sampled_from(["a < b", "a > b", "<script>", "to\nlinjer", "", "   ", "a\r\nb", "\u00a0"]))
        _set(data, path, bad)
        return Broken(f"{format_field(path)} = {bad!r}", _block_dump(data), [Expected(format_field(path))])

    if kind == "bad-markdown":
        path = draw(st.sampled_from([("resume",)] + [p for p, _, _ in values if p[-1] == "beskrivelse"]))
        bad = draw(st.sampled_from(["# Overskrift", "Tekst\n\n## Mere", "[klik](javascript:alert(1))",
                                    "[klik][r]\n\n[r]: data:text/html,x", "![x](vbscript:y)", "", " \n "]))
        _set(data, path, bad)
        return Broken(f"{format_field(path)} = {bad!r}", _block_dump(data), [Expected(format_field(path))])

    if kind == "row-length":
        tables = data["tal"]
        t = draw(st.integers(0, len(tables) - 1))
        row = draw(st.integers(0, len(tables[t]["raekker"]) - 1))
        cells = tables[t]["raekker"][row]
        if draw(st.booleans()):
            cells.pop()
        else:
            cells.append("ekstra")
        return Broken(f"tal[{t + 1}].raekker[{row + 1}] has {len(cells)} cells", _block_dump(data), [Expected(
            f"tal[{t + 1}].raekker[{row + 1}]", f"Rækken har {len(cells)} celle")])

    if kind == "negative":
        beloeb = draw(st.integers(max_value=-1))
        data["projekt"] = {"navn": "P", "budget": {"beloeb": beloeb, "tekst": "T", "kilder": [gen.KILDER[0]]},
                           "kilder": [gen.KILDER[0]]}
        return Broken(f"beloeb = {beloeb}", _block_dump(data), [Expected(
            "projekt.budget.beloeb", "Tallet skal være mindst 0", str(beloeb))])

    if kind == "literal":
        path = draw(st.sampled_from([("aktiviteter", 0, "status")] + [p for p, _, _ in values
                                                                      if p[-1] in ("status", "praecision")]))
        bad = draw(st.sampled_from(["aktiv", "Planlagt", "i drift", "måned", "I-DRIFT"]))
        _set(data, path, bad)
        return Broken(f"{format_field(path)} = {bad!r}", _block_dump(data), [Expected(
            format_field(path), "Værdien skal være en af", bad)])

    if kind == "empty-list":
        path = draw(st.sampled_from([p for p, _, _ in values if p[-1] == "kilder"]))
        _set(data, path, [])
        return Broken(f"{format_field(path)} = []", _block_dump(data), [Expected(
            format_field(path), "mindst")])

    if kind == "period":
        start = draw(gen.dates)
        slut = start - datetime.timedelta(days=draw(st.integers(1, 5000)))
        data["projekt"] = {"navn": "P", "periode": {"start": start, "slut": slut}, "kilder": [gen.KILDER[0]]}
        return Broken(f"period {start} – {slut}", _block_dump(data), [Expected(
            "projekt.periode", "Perioden slutter, før den begynder")])

    if kind == "alias":
        shared = data["kilder"]
        data["aktiviteter"][0]["kilder"] = shared  # the same list twice: written as an alias
        return Broken("alias", gen.dump(data, dumper=yaml.SafeDumper), [Expected(
            None, "Aliaser (*navn) er ikke tilladt", "*id")])

    content = gen.dump(data, draw(gen.yaml_styles))
    if kind == "tab":
        at = draw(st.integers(0, len(content)))
        content = content[:at] + "\t" + content[at:]
        # Every line with a tab is reported, at the tab.
        return Broken("tab", content, [Expected(None, "Tabulatortegn", None, number, line.index("\t") + 1)
                                       for number, line in enumerate(editor_lines(content), 1) if "\t" in line])
    if kind == "duplicate-line":
        lines = content.splitlines(keepends=True)
        at = draw(st.integers(0, len(lines) - 1))
        return Broken("duplicated line", "".join(lines[:at + 1] + lines[at:]), may_load=True)
    if kind == "syntax":
        at = draw(st.integers(0, len(content)))
        token = draw(st.sampled_from([":", ": ", "[", "{", "]", "}", "'", '"', "- ", "  ", "\n  ", "\n ", "&a ", "*a",
                                      "!!python/object:os.system ", "? ", "%YAML 1.1\n---\n", "\n---\n", "\n...\n",
                                      "@", "`", "|", ">", "#", ",", "<<: ", "!!binary ", "!!str ", "!x ", "\\"]))
        return Broken(f"{token!r} inserted", content[:at] + token + content[at:], may_load=True)
    if kind == "truncated":
        at = draw(st.integers(0, len(content) - 1))
        return Broken(f"cut after {at} characters", content[:at], may_load=True)
    if kind == "random-bytes":
        return Broken("random bytes", draw(st.binary(max_size=200)), may_load=True)
    if kind == "inserted-bytes":
        raw = content.encode("utf-8")
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.one_of(st.binary(min_size=1, max_size=4),
                              st.sampled_from([b"\xff", b"\x00", b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80"])))
        return Broken(f"{junk!r} inserted", raw[:at] + junk + raw[at:], may_load=True)
    if kind == "control-character":
        at = draw(st.integers(0, len(content)))
        char = draw(st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028",
                                     "\u2029", "\ufeff", "\ufffe", "\x9f"]))
        return Broken(f"{char!r} inserted", content[:at] + char + content[at:], may_load=True)
    assert kind == "line-breaks"
    # An editor on another system: a lone \r as the line break from some point on.
    at = draw(st.integers(0, len(content)))
    return Broken("old Mac line breaks", content[:at] + content[at:].replace("\n", "\r"), may_load=True)


def check_broken(file_id: str, broken: Broken) -> None:
    rel = kommune_file(file_id)
    files = {rel: broken.content}
    with content_tree(files) as root:
        try:
            handbook = load_handbook(root)
        except ContentErrors as caught:
            errors, phase = caught.errors, "load"
        else:
            try:
                render_handbook(handbook)
            except ContentErrors as caught:
                errors, phase = caught.errors, "render"
            else:
                assert broken.may_load, f"{broken.what}: loaded and rendered without an error"
                return
    assert errors
    for error in errors:
        check_error_is_sane(error, files)
    if not broken.may_load:
        assert phase == broken.phase, (broken.what, errors)
    content = broken.content if isinstance(broken.content, str) else ""
    for expected in broken.expected:
        assert any(expected.matches(e, content) for e in errors), (broken.what, expected, errors)


@pytest.mark.parametrize("old,new,field", [
    ('- ["2016", 1234]', '- ["2016", {x: 1}]', "tal[1].raekker[1][2]"),
    ("kilder: [kilde-b]\ntidslinje", "kilder: [kilde-b]\nnoegletal:\n  - navn: N\n    vaerdi: {x: 1}\n"
                                     "    kilder: [kilde-b]\ntidslinje", "noegletal[1].vaerdi"),
])
def test_a_mapping_where_a_number_or_text_belongs_is_one_error_at_its_field(old, new, field):
    # Found by the property below: the union's tags ('int', 'float', 'str') were shown as fields,
    # three errors at 'tal[1].raekker[1][2].int' and so on. Fixed in validation._clean_path.
    content = (gen.FIXTURE / "data/kommuner/testby.yaml").read_text(encoding="utf-8")
    assert old in content
    with content_tree({"data/kommuner/testby.yaml": content.replace(old, new, 1)}) as root, \
            pytest.raises(ContentErrors) as caught:
        load_handbook(root)
    [error] = caught.value.errors
    assert error.field == field and "men fik en gruppe af felter" in error.message


@settings(PROPERTY, max_examples=examples(120))
@given(case=broken_municipalities())
def test_one_mistake_gives_content_errors_in_the_file_at_the_field(case):
    file_id, broken = case
    check_broken(file_id, broken)


# ---------------------------------------------------------------------------------------------
# 3. The YAML reader on anything

YAML_PIECES = [":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\n", "\n", "\n  ", "  ", "&a ", "*a", "!!", "!x ",
               "!!str ", "!!binary ", "!!set ", "!!seq ", "!!map ", "!!python/name:os.system ",
               "?", "|", ">", "'", '"', "#", "---", "...", "%YAML 1.1", "\t", "\r", "\r\n", "\x85", "\u2028",
               "\ufeff", "\x00", "\\", "\\x", "\\u12", "<<", "a", "id", "æøå", "0", "1", "-1", "0x", "0b", ".5", ".nan",
               "2020-02-30", "2020-01-01 10:00", "true", "yes", "null", "~", "😀", "é"]
yaml_like = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join)


def check_reader(raw: bytes) -> None:
    try:
        document = parse_yaml("x.yaml", raw)
    except YamlErrors as caught:
        assert caught.errors
        for error in caught.errors:
            check_error_is_sane(error, {"x.yaml": raw})
        return
    assert isinstance(document, YamlDocument)
    lines = editor_lines(raw.decode("utf-8"))
    for position in [*document.values.values(), *document.keys.values()]:
        assert 1 <= position.line <= len(lines) and 1 <= position.column <= len(lines[position.line - 1]) + 1


@settings(PROPERTY, max_examples=examples(300))
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=200).map(str.encode),
                     yaml_like.map(str.encode)))
def test_yaml_reader_returns_a_document_or_yaml_errors(raw):
    check_reader(raw)


@settings(PROPERTY, max_examples=examples(25))
@given(kommune=gen.kommuner(), style=gen.yaml_styles)
def test_yaml_reader_positions_lie_in_the_file(kommune, style):
    check_reader(gen.dump(kommune, style).encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# 4. Plain text and Markdown fields alone (fast, so many examples)

def markdown_html(value: str) -> Html:
    return Html(to_html(str(text.markdown(value))))


@settings(PROPERTY, max_examples=examples(300))
@given(value=gen.tekster)
def test_plain_text_is_shown_literally_wherever_it_stands(value):
    # As a paragraph of its own (a table note), in a list item and in a table cell.
    for source, tag in ((f"{text.plain(value)}\n", "p"), (f"- {text.plain(value)}\n", "li"),
                        (f"| a |\n|---|\n| {text.plain(value)} |\n", "td")):
        html = Html(to_html(source))
        assert [e.content for e in html.elements if e.tag == tag] == [value], source
        assert {e.tag for e in html.elements} <= {"p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}


@settings(PROPERTY, max_examples=examples(300))
@given(value=gen.markdown_tekster)
def test_markdown_text_makes_no_tag_attribute_or_script(value):
    html = markdown_html(value)
    assert {e.tag for e in html.elements} <= MARKDOWN_TAGS
    assert {name for e in html.elements for name in e.attrs} <= MARKDOWN_ATTRIBUTES
    assert html.other == []


SAFE_LINK = re.compile(r"^(https?://|mailto:|[^:]*$)", re.IGNORECASE)


def _accepted(value: str) -> bool:
    """Whether a Markdown field takes the value; what the model refuses never reaches a page."""
    try:
        _safe_markdown(value)
    except ValueError:
        return False
    return True


def _check_links_are_safe(value: str) -> None:
    if not _accepted(value):
        return
    for element in markdown_html(value).elements:
        for name in ("href", "src"):
            if name in element.attrs:
                # Python-Markdown keeps the <...> of "[x](<url>)" in href: a harmless relative link.
                assert SAFE_LINK.match(element.attrs[name].strip("<>")), (value, element)


def _check_no_heading(value: str) -> None:
    if not _accepted(value):
        return
    html = markdown_html(value)
    assert not [e for e in html.elements if re.fullmatch(r"h[1-6]", e.tag)], (value, to_html(text.markdown(value)))


@settings(PROPERTY, max_examples=examples(300), report_multiple_bugs=False)
@example(value="> [r]: javascript:alert(1)\n\n[klik][r]")
@example(value="- punkt\n\n    [r]: javascript:alert(1)\n\n[klik][r]")
@example(value="!!! note\n    [r]: data:text/html,x\n\n[klik][r]")
@given(value=gen.markdown_tekster)
def test_markdown_text_links_only_to_the_web_mail_or_the_handbook(value):
    _check_links_are_safe(value)


@settings(PROPERTY, max_examples=examples(300), report_multiple_bugs=False)
@example(value="#overskrift")
@example(value="Tekst\n===")
@example(value="Tekst\n---")
@given(value=gen.markdown_tekster)
def test_markdown_text_makes_no_heading(value):
    _check_no_heading(value)


# ---------------------------------------------------------------------------------------------
# Bugs the properties above found, each fixed and kept here as a test of its own: the fuzzers may
# not draw the very input again, these always run it.

DANISH_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")


def shown_numbers(values: list) -> list[str]:
    """Each value as a key figure of a municipality, as the rendered page shows it."""
    kommune = {"id": "talby", "navn": "Talby", "resume": "Tal.", "kilder": [gen.KILDER[0]],
               "noegletal": [{"navn": f"Tal {i}", "vaerdi": v, "kilder": [gen.KILDER[0]]} for i, v in enumerate(values)]}
    Kommune.model_validate(kommune)  # the model accepts them...
    markdown = build_files({kommune_file("talby"): gen.dump(kommune)}).markdown("kommuner/talby.md")  # ...so:
    return [re.search(rf"^- \*\*Tal {i}:\*\* (.*)$", markdown, re.MULTILINE).group(1) for i in range(len(values))]


@settings(PROPERTY, max_examples=examples(15))
@given(values=st.lists(st.one_of(gen.heltal, gen.kommatal), min_size=1, max_size=8))
def test_numbers_render_as_danish_numbers(values):
    for shown in shown_numbers(values):
        assert DANISH_NUMBER.match(shown), shown


# Numbers past the limit, NaN and infinity once crashed the render (babel's decimal.InvalidOperation
# from 10**25 on) or showed 'NaN' and '∞' as a key figure; now the model refuses them.
@pytest.mark.parametrize("value", [TAL_GRAENSE + 1, -TAL_GRAENSE - 1, 10**25, 1e300, float("nan"), float("inf"),
                                   float("-inf")], ids=str)
@pytest.mark.parametrize("where", ["noegletal", "celle"])
def test_numbers_a_page_cannot_show_are_refused(value, where):
    kommune = {"id": "talby", "navn": "Talby", "resume": "Tal.", "kilder": [gen.KILDER[0]]}
    if where == "noegletal":
        kommune["noegletal"] = [{"navn": "Tal", "vaerdi": value, "kilder": [gen.KILDER[0]]}]
    else:
        kommune["tal"] = [{"id": "t", "titel": "T", "kolonner": ["a", "b"], "raekker": [["x", value]],
                           "kilder": [gen.KILDER[0]]}]
    files = {kommune_file("talby"): gen.dump(kommune)}
    with content_tree(files) as root, pytest.raises(ContentErrors) as caught:
        load_handbook(root)
    [error] = caught.value.errors
    field = "noegletal[1].vaerdi" if where == "noegletal" else "tal[1].raekker[1][2]"
    assert error.field == field
    assert error.message.startswith("'.nan' er ikke et tal" if math.isnan(value) else "Tallet er for stort")
    check_error_is_sane(error, files)


# Once crashes or wrong lines, kept as examples of what the fuzzers above must keep covering.

@settings(PROPERTY, max_examples=examples(30))
@example(raw=b"navn: Ret\x08tekst\n")
@given(raw=st.text(st.characters(codec="utf-8"), max_size=40).map(str.encode)
       .filter(lambda raw: yaml.reader.Reader.NON_PRINTABLE.search(raw.decode())))
def test_yaml_reader_on_characters_yaml_cannot_hold(raw):
    # A NUL, a backspace or form feed pasted from Word, U+007F-U+009F: yaml.reader.ReaderError once.
    check_reader(raw)


@settings(PROPERTY, max_examples=examples(30))
@example(raw=b"navn: !!bool maybe\n")
@given(raw=st.tuples(st.sampled_from(["!!bool", "!!int", "!!float", "!!timestamp"]),
                     st.sampled_from(["", "''", "x", "maybe", "1", "2020-01-01"]))
       .map(lambda t: f"navn: {t[0]} {t[1]}\n".encode()))
def test_yaml_reader_on_explicit_tags_with_unreadable_values(raw):
    # Once KeyError ('!!bool maybe'), IndexError ('!!int ""') and AttributeError ('!!timestamp x').
    check_reader(raw)


@pytest.mark.parametrize("raw,line,column", [
    ('a: "x\u2029y"\nb: 1\nb: 2\n'.encode(), 3, 1),   # the second 'b' stands on line 3
    ("a: x\u2028\nb: 1\nb: 2\n".encode(), 3, 1),
    (b"a: 1\rb: 2\rc: K\xf8ge\r", 3, 5),               # not UTF-8 on line 3
    (b"a: x\x0cy\nb:\t1\n", 1, 5),                     # the form feed, not a line break
])
def test_positions_are_the_lines_an_editor_shows(raw, line, column):
    # Editors break lines at \r\n, \r and \n only; YAML also at U+0085, U+2028 and U+2029.
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", raw)
    assert (caught.value.errors[0].line, caught.value.errors[0].column) == (line, column)


# A field name or an id with a line break once made an error of two lines and cut GitHub's annotation.
@pytest.mark.parametrize("old,new", [("resume:", '"a\\nb": 1\nresume:'), ("id: en-indgang", 'id: "a\\nb"')],
                         ids=["field name", "id"])
def test_every_error_is_one_line(old, new):
    content = (gen.FIXTURE / "data/kommuner/testby.yaml").read_text(encoding="utf-8")
    assert old in content
    files = {"data/kommuner/testby.yaml": content.replace(old, new, 1)}
    with content_tree(files) as root, pytest.raises(ContentErrors) as caught:
        load_handbook(root)
    for error in caught.value.errors:
        check_error_is_sane(error, files)

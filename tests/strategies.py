"""Hypothesis strategies for tests/test_properties.py: made-up municipalities that fit the Kommune model.

Texts are drawn from a Danish alphabet mixed with everything that means something to Markdown,
HTML or Jinja ({{ }}, {% %}, {#x}, *, _, [ ], |, `, &, #, \\) and emojis. Whether a text is valid is
decided by the model's own text types (Tekst, MarkdownTekst), so the strategies follow the rules
instead of copying them.
"""
from __future__ import annotations

import datetime
import random
import re
import types
import typing
from pathlib import Path

import yaml
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from omlaegning.formatting import PRAECISIONER
from omlaegning.models import Kommune
from omlaegning.models.base import TAL_GRAENSE, MarkdownTekst, Tekst, _plain_line, _safe_markdown
from omlaegning.render import pages as render_pages

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


def _stems(folder: str) -> list[str]:
    return sorted(path.stem for path in (FIXTURE / folder).glob("*.yaml"))


PRINCIPPER = _stems("concept/principper")
FASER = _stems("concept/faser")
KILDER = [k["id"] for k in yaml.safe_load((FIXTURE / "concept/kilder.yaml").read_text(encoding="utf-8"))["kilder"]]
FIXTURE_KOMMUNER = _stems("data/kommuner")

# The fixed section anchors of a municipality page: an id equal to one of them is a content error
# (tested in test_render.py), so valid municipalities avoid them.
_TEMPLATES = Path(render_pages.__file__).parent / "templates"
SECTION_ANCHORS = frozenset(re.findall(r"\{#([a-z0-9-]+)\}", "".join(
    (_TEMPLATES / name).read_text(encoding="utf-8") for name in ("kommune.md.j2", "_faelles.md.j2"))))

_TEKST = TypeAdapter(Tekst)
_MARKDOWN = TypeAdapter(MarkdownTekst)


def is_tekst(value: str) -> bool:
    try:
        return _TEKST.validate_python(value) == value
    except ValidationError:
        return False


def is_markdown(value: str) -> bool:
    try:
        return _MARKDOWN.validate_python(value) == value
    except ValidationError:
        return False


# ---------------------------------------------------------------------------------------------
# Ids and texts

ids = st.from_regex(re.compile(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}"), fullmatch=True).filter(
    lambda i: len(i) <= 60 and i not in SECTION_ANCHORS and i != "index")

LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅéü0123456789"
# What means something to Markdown, HTML, Jinja, YAML or the page's anchors. No < or >: plain
# text refuses them (models/base.py), Markdown text escapes them (test_properties.py checks it).
DANGEROUS = [
    " ", " ", " ", ".", ",", ";", ":", "?", "!", "-", "–", "…", "'", '"', "(", ")", "/", "\\",
    "*", "**", "_", "__", "[", "]", "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{#x}", "{: .x}",
    "{: onclick=alert(1)}", "{{ hb }}", "{% raw %}", "&", "&amp;", "&lt;script&gt;", "&#60;", "#", " #",
    "|", "`", "```", "~~~", "~", "^", "$", "%", "@", "=", "===", "---", "+", "1.", "2016.", "- ", "+ ",
    "!!! note", "§", "¶", "½", "€", "\u00a0", "\u00ad", "\u200b", "😀", "👩‍⚕️", "🇩🇰", "[x](https://a.dk)",
    "![x](y)", "javascript:alert(1)", "null", "true", "yes", "~", "2020-01-01", "1.5", "0x10", "*a", "&a",
    "!!str", "- [ ]", "[TOC]", "\\*", "\\", "@@", "%0A",
]
_pieces = st.one_of(
    st.sampled_from(list(LETTERS)), st.sampled_from(DANGEROUS),
    # Any other character an editor may paste, except surrogates (not UTF-8) and line breaks.
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x85<>"),
)
tekster = st.lists(_pieces, min_size=1, max_size=12).map(lambda parts: "".join(parts).strip()).filter(is_tekst)

# Markdown: lines of words and constructs, some inside a list, a quote, an admonition or code.
_TARGETS = ["https://example.org/a?b=1#c", "mailto:redaktion@example.org", "../principper/alpha.md",
            "#aktiviteter", "../faser/start.md#formaal", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
            "data:text/html,x", "vbscript:x", "java&#115;cript:alert(1)", "//example.org", "#"]
_MD_CONSTRUCTS = [
    "**fed**", "*kursiv*", "_kursiv_", "`kode`", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">a</a>", "<!-- kommentar -->", "<b>fed</b>", "&#60;script&#62;", "&lt;b&gt;",
    "Tekst{: onclick=alert(1)}", "{: .klasse}", "{{ hb }}", "{% include 'x' %}", "{#kilder}", "| a | b |",
    "|---|---|", "---", "===", "***", "#tag", "1. punkt", "- punkt", "* punkt", "```", "!!! note", "\\",
    "2016. Et år", "[TOC]", "[^1]", "*[HTML]: x",
]
_LINK_FORMS = ["[link]({t})", "![billede]({t})", '[link]({t} "titel")', "[link][r]\n\n[r]: {t}", "[r]: {t}",
               "[link][r]", "[link](<{t}>)", "<{t}>"]
_MD_LINKS = st.tuples(st.sampled_from(_LINK_FORMS), st.sampled_from(_TARGETS)).map(lambda f: f[0].format(t=f[1]))
_CONTAINERS = ["", "", "", "> ", "- ", "1. ", "    ", "!!! note\n    ", "> > ", "- > ", "* "]


def _accepted_line(line: str) -> bool:
    try:
        _MARKDOWN.validate_python(line)
        return True
    except ValidationError:
        return False


# Each line is checked on its own first, so that one refused link does not throw away a whole text.
_md_line = st.tuples(
    st.sampled_from(_CONTAINERS),
    st.lists(st.one_of(tekster, st.sampled_from(_MD_CONSTRUCTS), _MD_LINKS), min_size=1, max_size=4).map(" ".join),
).map("".join).filter(_accepted_line)
markdown_tekster = st.lists(st.tuples(_md_line, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=4).map(
    lambda lines: "".join(line + brk for line, brk in lines).strip()).filter(is_markdown)

dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


# ---------------------------------------------------------------------------------------------
# The municipality

# Numbers the model accepts: up to TAL_GRAENSE either way, no NaN, no infinity.
heltal = st.integers(min_value=-TAL_GRAENSE, max_value=TAL_GRAENSE)
kommatal = st.floats(min_value=-TAL_GRAENSE, max_value=TAL_GRAENSE, allow_nan=False, allow_infinity=False)


def _sub(items: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    """References to ids that exist in the minimal fixture, sometimes repeated."""
    return st.lists(st.sampled_from(items), min_size=min_size, max_size=3)


kilder_refs = _sub(KILDER, 1)

OMIT = object()


def _optional(strategy, none: bool = True):
    """A field that may be left out, or (if the model allows it) written as null."""
    choices = [st.just(OMIT), strategy]
    if none:
        choices.append(st.none())
    return st.one_of(*choices)


def _fields(**fields) -> st.SearchStrategy[dict]:
    """A mapping strategy where a drawn OMIT leaves the key out."""
    return st.fixed_dictionaries(fields).map(lambda d: {k: d[k] for k in fields if d[k] is not OMIT})


@st.composite
def periode(draw):
    praecision = draw(st.sampled_from([OMIT, *PRAECISIONER]))
    start = _period_start(draw(dates), praecision)
    result = {"start": start} | ({} if praecision is OMIT else {"praecision": praecision})
    slut = draw(_optional(st.integers(0, 3000)))
    if slut is None or slut is OMIT:
        if slut is None:
            result["slut"] = None
        return result
    result["slut"] = _period_start(min(start + datetime.timedelta(days=slut), datetime.date(2100, 12, 31)), praecision)
    return result


def _period_start(date: datetime.date, praecision) -> datetime.date:
    """An imprecise date is written as the first day of its month, quarter, half-year or year."""
    months = PRAECISIONER.get(praecision)
    return date.replace(month=date.month - (date.month - 1) % months, day=1) if months else date


class _Parts:
    """The strategies for each part of a municipality, with the given strategies for texts.
    Built once: strategies made anew for every example make drawing several times slower."""

    def __init__(self, tekst, markdown):
        self.tekst, self.markdown = tekst, markdown
        budget = _fields(beloeb=st.integers(0, 10**12), tekst=tekst, kilder=kilder_refs)
        projekt = _fields(navn=tekst, periode=_optional(periode()), budget=_optional(budget),
                          ejer=_optional(tekst), kilder=kilder_refs)
        enhed = _fields(navn=tekst, rolle=tekst, deltagere=_optional(st.lists(tekst, max_size=3), none=False))
        noegletal = _fields(navn=tekst, vaerdi=st.one_of(heltal, kommatal), cirka=_optional(st.booleans(), none=False),
                            tidspunkt=_optional(tekst), kilder=kilder_refs)
        milepael = st.one_of(*[
            _fields(dato=dates.map(lambda date, p=praecision: _period_start(date, p)), praecision=st.just(praecision),
                    tekst=tekst, kilder=kilder_refs)
            for praecision in [OMIT, *PRAECISIONER]])
        # The lists of entities with ids: drawn without their ids, which kommuner() hands out.
        self.aktivitet = _fields(titel=tekst, beskrivelse=markdown, status=_optional(st.sampled_from(
            ["planlagt", "afproevning", "i-drift", "afsluttet"])), principper=_optional(_sub(PRINCIPPER), none=False),
            faser=_optional(_sub(FASER), none=False), kilder=kilder_refs).map(
            lambda a: a | {"status_pr": datetime.date(2021, 4, 21)} if a.get("status") else a)
        self.plan = _fields(titel=tekst, beskrivelse=markdown,
                            fokusomraader=_optional(st.lists(tekst, max_size=3), none=False), kilder=kilder_refs)
        self.tabel = st.one_of(*[_fields(
            titel=tekst, kolonner=st.lists(tekst, min_size=columns, max_size=columns),
            raekker=st.lists(st.lists(st.one_of(heltal, kommatal, tekst), min_size=columns, max_size=columns),
                             min_size=1, max_size=4),
            note=_optional(tekst), kilder=kilder_refs) for columns in (2, 3, 4)])
        self.rest = _fields(
            navn=tekst, resume=markdown, projekt=_optional(projekt), rolle_i_partnerskabet=_optional(tekst),
            partnere=_optional(st.lists(tekst, max_size=3), none=False),
            organisation=_optional(st.lists(enhed, max_size=2), none=False),
            noegletal=_optional(st.lists(noegletal, max_size=2), none=False),
            tidslinje=_optional(st.lists(milepael, max_size=3), none=False),
            resultater=_optional(markdown), kildegrundlag=_optional(markdown),
            faser=_optional(_sub(FASER), none=False), soegeord=_optional(st.lists(tekst, max_size=2), none=False),
            kilder=kilder_refs)


_RICH = _Parts(tekster, markdown_tekster)
# Short texts, for tests where the mistake matters and the text does not: much faster to draw.
_SIMPLE = _Parts(st.text(LETTERS + " .,-*_[]{}#|&`'\"", min_size=1, max_size=6).map(str.strip).filter(is_tekst),
                 st.text(LETTERS + " *_[]", min_size=1, max_size=10).map(str.strip).filter(is_markdown))


@st.composite
def kommuner(draw, taken: frozenset[str] = frozenset(FIXTURE_KOMMUNER), least: tuple[int, int, int] = (0, 0, 0),
             simple: bool = False):
    """One valid municipality as the dict an editor's YAML file holds; its id is not in `taken`.
    `least`: at least this many activities, plans and tables; `simple`: short, plain texts."""
    parts = _SIMPLE if simple else _RICH
    counts = [draw(st.integers(low, max(low, high))) for low, high in zip(least, (3, 2, 2))]
    # The municipality's id and every anchor on its page: all distinct, or the page has an anchor twice.
    all_ids = iter(draw(st.lists(ids, min_size=1 + sum(counts), max_size=1 + sum(counts), unique=True)
                        .filter(lambda found: found[0] not in taken)))
    fields = {"id": next(all_ids), **draw(parts.rest)}
    for name, strategy, count in zip(("aktiviteter", "planer", "tal"), (parts.aktivitet, parts.plan, parts.tabel),
                                     counts):
        fields[name] = [{"id": next(all_ids), **draw(strategy)} for _ in range(count)]
    kommune = {name: fields[name] for name in Kommune.model_fields if name in fields}  # in the model's order
    # Valid by construction; should the model get a new rule, say so here rather than far away.
    Kommune.model_validate(kommune)
    return kommune


# ---------------------------------------------------------------------------------------------
# Writing it as YAML

class EditorDumper(yaml.SafeDumper):
    """Writes shared values out in full: the handbook refuses YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


# The many ways an editor (or a tool) may lay out the same data.
yaml_styles = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([False, None, True]),
    "allow_unicode": st.booleans(),
    "indent": st.integers(2, 6),
    "width": st.sampled_from([40, 80, 10**6]),
    "line_break": st.sampled_from(["\n", "\n", "\r\n"]),
    "explicit_start": st.booleans(),
})


def dump(data: dict, style: dict | None = None, dumper=EditorDumper) -> str:
    return yaml.dump(data, Dumper=dumper, sort_keys=False, **(style or {"allow_unicode": True}))


def shuffled(data, rng: random.Random):
    """The same data with every mapping's keys in another order (list order is content: kept)."""
    if isinstance(data, dict):
        keys = list(data)
        rng.shuffle(keys)
        return {key: shuffled(data[key], rng) for key in keys}
    if isinstance(data, list):
        return [shuffled(item, rng) for item in data]
    return data


# ---------------------------------------------------------------------------------------------
# What a field accepts, read from the model, for the wrong-type mutations

def categories(annotation) -> set[str]:
    """The kinds of YAML value a field's type accepts: str, int, float, bool, date, list, dict, none."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return categories(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(categories(arg) for arg in typing.get_args(annotation)))
    if origin is list:
        return {"list"}
    if origin is typing.Literal:
        return {"str"}
    if annotation is type(None):
        return {"none"}
    if annotation is float:
        return {"float", "int"}  # strict float still takes a whole number
    simple = {str: "str", int: "int", bool: "bool", datetime.date: "date"}
    if annotation in simple:
        return {simple[annotation]}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"dict"}
    raise AssertionError(f"unknown annotation {annotation!r}")


def _item_annotation(annotation):
    """list[X] (possibly inside Annotated or X | None) -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if typing.get_origin(a) is list
                              or (isinstance(a, type) and a is not type(None)))
        elif origin is list:
            return typing.get_args(annotation)[0]
        else:
            raise AssertionError(f"not a list: {annotation!r}")


def _model_of(annotation):
    while typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def fields_in(data, annotation=Kommune, path: tuple = ()):
    """Every value in `data` with its path, the categories its field accepts, and the model that
    holds it: [(path, categories, parent model or None)]. Also yields each mapping as (path, model)."""
    values, mappings = [], []

    def visit(value, annotation, path, parent):
        if path:
            values.append((path, categories(annotation), parent))
        model = _model_of(annotation)
        if model is not None and isinstance(value, dict):
            mappings.append((path, model))
            for name, field in model.model_fields.items():
                if name in value:
                    visit(value[name], field.annotation, path + (name,), model)
        elif isinstance(value, list) and "list" in categories(annotation):
            item = _item_annotation(annotation)
            for index, element in enumerate(value):
                visit(element, item, path + (index,), None)

    visit(data, annotation, path, None)
    return values, mappings


def model_fields(model=Kommune) -> list[tuple[type, str, object, list]]:
    """Every field anywhere under `model`: (the model that holds it, its name, its type, its checks)."""
    found = []

    def visit(annotation, seen):
        if typing.get_origin(annotation) is typing.Annotated:
            visit(typing.get_args(annotation)[0], seen)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                return
            for name, field in annotation.model_fields.items():
                found.append((annotation, name, field.annotation, field.metadata))
                visit(field.annotation, seen | {annotation})
        else:
            for argument in typing.get_args(annotation):
                visit(argument, seen)

    visit(model, frozenset())
    return found


def text_fields(model=Kommune) -> tuple[set[str], set[str]]:
    """The names of the fields under `model` that hold plain text (Tekst) and Markdown (MarkdownTekst),
    read off the models so a new field is covered the day it is added."""
    plain, markdown = set(), set()

    def checks(annotation, metadata) -> set:
        found = {getattr(item, "func", None) for item in metadata}
        if typing.get_origin(annotation) is typing.Annotated:
            found |= checks(*typing.get_args(annotation)[:1], typing.get_args(annotation)[1:])
        elif not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            for argument in typing.get_args(annotation):
                found |= checks(argument, [])
        return found

    for _, name, annotation, metadata in model_fields(model):
        found = checks(annotation, metadata)
        if _plain_line in found:
            plain.add(name)
        if _safe_markdown in found:
            markdown.add(name)
    return plain, markdown

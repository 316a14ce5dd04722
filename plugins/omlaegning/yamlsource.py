"""Read one YAML file into plain data plus the line and column of every value.

PyYAML's loaders keep the last of two equal keys and forget where each value
stood. We compose the node tree ourselves so that duplicate keys become errors
and every field path can be traced back to its line for the editor.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: everything goes through the Python parser
    _CParser = None

from .errors import ContentError, FieldPath, format_field
from .formatting import tal


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class YamlDocument:
    file: str
    data: object
    # Where each value starts, and where each mapping key starts (for unknown fields).
    values: dict[FieldPath, Position]
    keys: dict[FieldPath, Position]
    # Lines inside block texts (| and >) that begin like a field ("status: ..."): where, and the name.
    key_like_lines: dict[FieldPath, list[tuple[Position, str]]] = field(default_factory=dict)

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of a field, or of the nearest enclosing value that exists."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return Position(1, 1)

    def error(self, path: FieldPath, message: str, *, key: bool = False) -> ContentError:
        where = self.position(path, key=key)
        return ContentError(self.file, where.line, where.column, format_field(path), message)


# Editors, git and GitHub end a line at \r\n, \r or \n only. YAML also ends one at U+0085, U+2028
# and U+2029 (pasted from web pages and PDFs), and str.splitlines() at still more characters, so
# every position is counted here from the character's index instead.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def editor_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


class _Lines:
    """Line and column of a character index, as an editor counts them (both from 1)."""

    def __init__(self, text: str):
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def at(self, index: int) -> Position:
        line = bisect_right(self._starts, index)
        return Position(line, index - self._starts[line - 1] + 1)


class YamlErrors(Exception):
    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


class _AliasUsed(yaml.MarkedYAMLError):
    pass


class _TooDeep(yaml.MarkedYAMLError):
    pass


# The models are at most a few levels deep; far deeper input is a mistake or an attack.
MAX_DEPTH = 40
_TOO_DEEP = f"Indholdet er indlejret mere end {MAX_DEPTH} niveauer dybt; det kan ikke være rigtigt."


class _Loader(yaml.SafeLoader):
    """A safe loader that refuses aliases (they can multiply a small file into gigabytes) and
    nesting deeper than MAX_DEPTH (it would exhaust Python's stack), each where it begins."""

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasUsed(problem="alias", problem_mark=event.start_mark)
        if self._depth > MAX_DEPTH:
            raise _TooDeep(problem="too deep", problem_mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_SYNTAX_HINTS = {
    "mapping values are not allowed here": "kolon på et sted, hvor det ikke må stå (sæt teksten i anførselstegn)",
    "could not find expected ':'": "et felt mangler kolon efter navnet",
    "found character '\\t' that cannot start any token": "tabulatortegn; brug mellemrum til indrykning",
    "found undefined alias": "alias (*) uden tilhørende anker",
    "did not find expected key": "indrykningen passer ikke med linjerne over",
    "did not find expected '-' indicator": "indrykningen af listen passer ikke",
    "found unexpected end of stream": "filen slutter midt i en tekst (mangler et afsluttende anførselstegn?)",
    "found unknown escape character": "ukendt tegn efter \\ i en tekst i dobbelte anførselstegn",
    "expected <block end>, but found '-'": "et listepunkt står forkert indrykket",
    "expected <block end>, but found '<block sequence start>'": "et listepunkt står forkert indrykket",
    "expected <block end>, but found '<block mapping start>'": "indrykningen passer ikke med linjerne over",
    "expected ',' or ']'": "en liste i [ ] bliver ikke lukket med ]",
    "expected ',' or '}'": "en gruppe i { } bliver ikke lukket med }",
}

# For these, where the unclosed bracket or quote began helps more than where the parser gave up.
_POINT_AT_CONTEXT = ("expected ',' or ']'", "expected ',' or '}'", "found unexpected end of stream")


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for english, danish in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return f"YAML-syntaksfejl: {danish}."
    return "YAML-syntaksfejl: filen kan ikke læses som YAML (tjek indrykning, kolon og anførselstegn)."


def _error_at(file: str, where: Position, message: str, field: str = "") -> ContentError:
    return ContentError(file, where.line, where.column, field, message)


def _quoted_just_before(text: str, mark) -> yaml.ScalarToken | None:
    """The text in quotes that ends right before `mark`, if that is the last token there."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        return None
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'"):
        return last
    return None


def _syntax_error(file: str, text: str, lines: _Lines, error: yaml.MarkedYAMLError) -> ContentError:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or ""
    if error.context_mark and problem.startswith(_POINT_AT_CONTEXT):
        mark = error.context_mark
    elif problem.startswith("expected <block end>, but found '<scalar>'"):
        # A quote left open runs on to the next quote sign; text after a closing quote is refused.
        if quoted := _quoted_just_before(text, mark):
            start, end = lines.at(quoted.start_mark.index), lines.at(quoted.end_mark.index)
            if end.line > start.line:
                return _error_at(file, start, (
                    "YAML-syntaksfejl: anførselstegnet her bliver ikke lukket på samme linje, så teksten løber "
                    f"videre til linje {end.line}; tilføj det afsluttende anførselstegn."))
            return _error_at(file, lines.at(mark.index), (
                "YAML-syntaksfejl: der står tekst efter det afsluttende anførselstegn; sæt hele teksten "
                "i anførselstegn."))
    where = lines.at(mark.index)
    message = _syntax_message(error)
    if "indrykningen" in message:
        message = message[:-1] + _indent_above(text, where.line)
    return _error_at(file, where, message)


def _indent_above(text: str, line: int) -> str:
    """'; linjen over har 4 mellemrum foran.': the indentation the editor most likely meant to match."""
    above = [l for l in editor_lines(text)[:line - 1] if l.strip() and not l.lstrip().startswith("#")]
    if not above:
        return "."
    spaces = len(above[-1]) - len(above[-1].lstrip(" "))
    return f"; linjen over har {spaces} mellemrum foran."


# The largest real file (Randers) is about 30 KB; far larger input is a mistake, and slow to parse.
MAX_BYTES = 1_000_000


def _decode(file: str, raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlErrors([ContentError(
            file, 1, 1, "",
            f"Filen fylder {tal(round(len(raw) / 1_000_000, 1))} MB; en indholdsfil må højst fylde 1 MB. "
            "Del den op, eller fjern det, der ikke hører til.")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlErrors([ContentError(
            file, 1, 1, "",
            "Filen begynder med et BOM-tegn (byte order mark); gem den som UTF-8 uden BOM.")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        readable = raw[: error.start].decode("utf-8")
        raise YamlErrors([_error_at(
            file, _Lines(readable).at(len(readable)),
            "Filen er ikke gemt som UTF-8; gem den igen med tegnsættet UTF-8.")]) from None


def _character_errors(file: str, text: str) -> list[ContentError]:
    """Tabs and characters YAML cannot hold (a NUL, a form feed from Word...), the first of each
    kind on every line: YAML would refuse the first one only, and in English."""
    if "\t" not in text and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        return []  # nearly every file: one scan, no splitting into lines
    errors = []
    for number, line in enumerate(editor_lines(text), start=1):
        if "\t" in line:
            errors.append(ContentError(
                file, number, line.index("\t") + 1, "",
                "Tabulatortegn er ikke tilladt i håndbogens YAML; brug mellemrum."))
        if unprintable := yaml.reader.Reader.NON_PRINTABLE.search(line):
            errors.append(ContentError(
                file, number, unprintable.start() + 1, "",
                f"Her står et usynligt styretegn (U+{ord(unprintable.group()):04X}), som YAML ikke tillader; "
                "det følger tit med, når tekst kopieres fra Word eller en PDF. Slet det."))
    return errors


# What a value YAML could not read should have been, in an editor's words.
_TAG_KINDS = {"int": "et helt tal", "float": "et tal", "bool": "true eller false"}


def _unreadable_scalar(node: yaml.ScalarNode, tagged: bool) -> str:
    """`tagged`: the editor wrote the tag (!!int 12); otherwise YAML guessed it from the value."""
    value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"Datoen '{value}' findes ikke; en dato skrives ÅÅÅÅ-MM-DD og skal findes i kalenderen."
    kind = node.tag.removeprefix("tag:yaml.org,2002:")
    if kind in _TAG_KINDS:
        return f"Værdien '{value}' kan ikke læses som {_TAG_KINDS[kind]}" + (f" (mærket !!{kind})." if tagged else ".")
    written = f"!!{kind}" if kind != node.tag else node.tag  # as the editor wrote it
    return f"YAML-mærket '{written}' er ikke tilladt i håndbogens YAML; fjern det."


# A line that begins like a YAML field: a lower-case name, a colon, then a space or the line's end.
_KEY_LIKE = re.compile(r"^[ \t]*([a-z_]+):(?=[ \t]|$)", re.MULTILINE)


class _Builder:
    """Turns composed nodes into Python values while recording positions."""

    def __init__(self, file: str, loader: _Loader, text: str, lines: _Lines):
        self.file = file
        self.loader = loader
        self.text = text
        self.lines = lines
        self.values: dict[FieldPath, Position] = {}
        self.keys: dict[FieldPath, Position] = {}
        self.errors: list[ContentError] = []
        self.key_like_lines: dict[FieldPath, list[tuple[Position, str]]] = {}

    def build(self, node: yaml.Node, path: FieldPath) -> object:
        where = self.values[path] = self.lines.at(node.start_mark.index)
        if len(path) > MAX_DEPTH:
            raise YamlErrors([_error_at(self.file, where, _TOO_DEEP)])
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.style in ("|", ">"):
            if found := [(self.lines.at(m.start(1)), m.group(1))
                         for m in _KEY_LIKE.finditer(self.text, node.start_mark.index, node.end_mark.index)]:
                self.key_like_lines[path] = found
        try:
            return self.loader.construct_object(node)
        # PyYAML's constructors fail in many ways on an explicit tag they cannot read: '!!bool maybe'
        # with KeyError, '!!int ""' with IndexError, '!!timestamp x' with AttributeError.
        except (yaml.constructor.ConstructorError, ValueError, OverflowError, LookupError, AttributeError):
            # A tagged value starts at its tag.
            tagged = self.text.startswith("!", node.start_mark.index)
            self.errors.append(_error_at(self.file, where, _unreadable_scalar(node, tagged), format_field(path)))
            return node.value

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict:
        result: dict = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            where = self.lines.at(key_node.start_mark.index)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.errors.append(_error_at(self.file, where, "Fletning med '<<' er ikke tilladt; skriv felterne ud."))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(_error_at(self.file, where, "Et feltnavn skal være en kort tekst."))
                continue
            key = key_node.value
            if key in first_seen:
                self.errors.append(_error_at(
                    self.file, where,
                    f"Feltet står to gange (første gang i linje {first_seen[key]}); "
                    "YAML ville i stilhed bruge det sidste, så slet det ene.", format_field(path + (key,))))
                continue
            first_seen[key] = where.line
            self.keys[path + (key,)] = where
            result[key] = self.build(value_node, path + (key,))
        return result


class _LibyamlMayDiffer(yaml.YAMLError):
    """Input on which libyaml and PyYAML are known to disagree: PyYAML reads it instead."""


class _FastLoader(_Loader):
    """_Loader with libyaml's parser under it: the same checks and nodes, several times faster.

    Only the events come from libyaml; composing the nodes stays _Loader's own. Where the two
    parsers differ (tags, anchors and directives; empty values, which libyaml places at the next
    token; '?' inside [...] or {...}, which PyYAML refuses), it gives up and PyYAML reads the file.
    """

    def __init__(self, text: str):
        super().__init__(text)  # the Python reader's state; _character_errors has checked the text
        self._events = _CParser(text)
        self.check_event, self.peek_event = self._events.check_event, self._events.peek_event
        self._flow: list[bool] = []  # for each open collection: is it [...] or {...}

    def get_event(self):
        event = self._events.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.tag or event.anchor or not event.style and (
                    not event.value or "?" in event.value and any(self._flow)):
                raise _LibyamlMayDiffer()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag or event.anchor:
                raise _LibyamlMayDiffer()
            self._flow.append(bool(event.flow_style))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._flow.pop()
        elif kind is yaml.DocumentStartEvent and (event.version or event.tags):
            raise _LibyamlMayDiffer()
        return event

    def dispose(self):
        self._events.dispose()
        super().dispose()


# Text libyaml reads otherwise than PyYAML: "|#" or ">-#" (a block text and a comment to libyaml,
# an error to PyYAML) and U+FEFF inside the file (libyaml skips it and counts columns differently).
_LIBYAML_DIFFERS = re.compile("[|>][-+0-9]*#|\ufeff")


def _documents(loader: _Loader) -> list[yaml.Node]:
    """The root node of each YAML document in the text (the handbook allows one)."""
    nodes = []
    while loader.check_node():
        nodes.append(loader.get_node())
    return nodes


def _parse_valid(file: str, text: str) -> YamlDocument | None:
    """The document, when libyaml reads it without any problem; otherwise None, and the pure-Python
    parser reads it again, so every message and position an editor sees stays PyYAML's own."""
    if _CParser is None or _LIBYAML_DIFFERS.search(text):
        return None
    loader = _FastLoader(text)
    try:
        nodes = _documents(loader)
        if len(nodes) > 1:
            return None
        builder = _Builder(file, loader, text, _Lines(text))
        data = builder.build(nodes[0], ()) if nodes else None
    except (yaml.YAMLError, YamlErrors, RecursionError):
        return None
    finally:
        loader.dispose()
    return None if builder.errors else YamlDocument(file, data, builder.values, builder.keys, builder.key_like_lines)


def parse_yaml(file: str, raw: bytes) -> YamlDocument:
    """Parse YAML bytes; `file` is the name shown in messages. Raises YamlErrors."""
    text = _decode(file, raw)
    if character_errors := _character_errors(file, text):
        raise YamlErrors(character_errors)
    if (document := _parse_valid(file, text)) is not None:
        return document
    lines = _Lines(text)
    loader = _Loader(text)
    try:
        nodes = _documents(loader)
        if len(nodes) > 1:
            raise YamlErrors([_error_at(
                file, lines.at(nodes[1].start_mark.index),
                "Her begynder et nyt YAML-dokument efter '---'; filen må kun indeholde ét.")])
        builder = _Builder(file, loader, text, lines)
        data = builder.build(nodes[0], ()) if nodes else None
    except _AliasUsed as error:
        raise YamlErrors([_error_at(
            file, lines.at(error.problem_mark.index),
            "Aliaser (*navn) er ikke tilladt i håndbogens YAML; skriv indholdet ud.")]) from None
    except _TooDeep as error:
        raise YamlErrors([_error_at(file, lines.at(error.problem_mark.index), _TOO_DEEP)]) from None
    except yaml.MarkedYAMLError as error:
        raise YamlErrors([_syntax_error(file, text, lines, error)]) from None
    except yaml.YAMLError:
        raise YamlErrors([ContentError(file, 1, 1, "", "Filen kan ikke læses som YAML.")]) from None
    except RecursionError:
        raise YamlErrors([ContentError(file, 1, 1, "", _TOO_DEEP)]) from None
    finally:
        loader.dispose()
    if builder.errors:
        raise YamlErrors(builder.errors)
    return YamlDocument(file, data, builder.values, builder.keys, builder.key_like_lines)


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    return parse_yaml(shown_as, path.read_bytes())


def read_again(path: Path, shown_as: str) -> YamlDocument | None:
    """A file read once more after loading, for positions the models do not keep; None when it
    cannot be read any longer (saved again, broken, during `mkdocs serve`)."""
    try:
        return read_yaml(path, shown_as)
    except (YamlErrors, OSError):
        return None

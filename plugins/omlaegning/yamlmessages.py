"""The Danish messages for YAML that cannot be read: syntax, characters, encoding, values YAML refuses.

PyYAML's own messages are English and point where its parser gave up; these say in an editor's words
what is wrong and point where the editor can fix it.
"""
from __future__ import annotations

import yaml

from .errors import ContentError, YamlErrors
from .formatting import tal
from .positions import Lines, Position, editor_lines

# The models are at most a few levels deep; far deeper input is a mistake or an attack.
MAX_DEPTH = 40
TOO_DEEP = f"Indholdet er indlejret mere end {MAX_DEPTH} niveauer dybt; det kan ikke være rigtigt."
ALIAS = "Aliaser (*navn) er ikke tilladt i håndbogens YAML; skriv indholdet ud."
MERGE = "Fletning med '<<' er ikke tilladt; skriv felterne ud."
KEY_NOT_TEXT = "Et feltnavn skal være en kort tekst."
SECOND_DOCUMENT = "Her begynder et nyt YAML-dokument efter '---'; filen må kun indeholde ét."
UNREADABLE = "Filen kan ikke læses som YAML."


def twice(first_line: int) -> str:
    return (f"Feltet står to gange (første gang i linje {first_line}); "
            "YAML ville i stilhed bruge det sidste, så slet det ene.")


def error_at(file: str, where: Position, message: str, field: str = "") -> ContentError:
    return ContentError(file, where.line, where.column, field, message)


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


def _tokens_before(text: str, index: int):
    """The YAML scanner's tokens that start before `index`; a scanner error on the way is raised."""
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if token.start_mark.index >= index:
            return
        yield token


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted_just_before(text: str, mark) -> yaml.ScalarToken | None:
    """The text in quotes that ends right before `mark`, if that is the last token there."""
    last = None
    try:
        for last in _tokens_before(text, mark.index):
            pass
    except yaml.YAMLError:
        return None
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'"):
        return last
    return None


def syntax_error(file: str, text: str, lines: Lines, error: yaml.MarkedYAMLError) -> ContentError:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or ""
    if error.context_mark and problem.startswith(_POINT_AT_CONTEXT):
        mark = error.context_mark
    elif problem.startswith("expected <block end>, but found '<scalar>'"):
        # A quote left open runs on to the next quote sign; text after a closing quote is refused.
        if quoted := _quoted_just_before(text, mark):
            start, end = lines.at(quoted.start_mark.index), lines.at(quoted.end_mark.index)
            if end.line > start.line:
                return error_at(file, start, (
                    "YAML-syntaksfejl: anførselstegnet her bliver ikke lukket på samme linje, så teksten løber "
                    f"videre til linje {end.line}; tilføj det afsluttende anførselstegn."))
            return error_at(file, lines.at(mark.index), (
                "YAML-syntaksfejl: der står tekst efter det afsluttende anførselstegn; sæt hele teksten "
                "i anførselstegn."))
    where = lines.at(mark.index)
    message = _syntax_message(error)
    if "indrykningen" in message:
        message = message[:-1] + _indent_above(text, where.line)
    elif "listepunkt" in message:
        message = message[:-1] + _item_above(text, lines, mark.index)
    return error_at(file, where, message)


def _indent_above(text: str, line: int) -> str:
    """'; linjen over har 4 mellemrum foran.': the indentation the editor most likely meant to match."""
    above = [l for l in editor_lines(text)[:line - 1] if l.strip() and not l.lstrip().startswith("#")]
    if not above:
        return "."
    return f"; linjen over har {_indentation(above[-1])} mellemrum foran."


def _item_above(text: str, lines: Lines, index: int) -> str:
    """'; punktet over har 2 mellemrum foran bindestregen.': where the items stand of the list that the list
    item at `index` most likely belongs in. The list items above are the scanner's (not a '-' inside a block
    of text, '---' or '-5'); of those whose list is still open at its line (no line after them is indented
    less, or as much without a '-'), the one indented most like its line, the nearest when two are alike.
    Nothing, when that is its line's own indentation."""
    line = lines.at(index).line
    items: set[int] = set()  # the editor's line of each list item above this line
    try:
        for token in _tokens_before(text, index):
            if isinstance(token, yaml.BlockEntryToken):
                items.add(lines.at(token.start_mark.index).line)
    except yaml.YAMLError:
        pass
    written = editor_lines(text)
    here = _indentation(written[line - 1])
    open_items: list[int] = []  # their indentation, the nearest first
    below_plain = below_item = len(text)  # the least indentation after, of lines without and with a '-'
    for number in range(line - 1, 0, -1):
        content = written[number - 1].lstrip(" ")
        if not content or content.startswith("#"):
            continue
        spaces = _indentation(written[number - 1])
        if number in items and spaces < below_plain and spaces <= below_item:
            open_items.append(spaces)
        if content.startswith("-"):
            below_item = min(below_item, spaces)
        else:
            below_plain = min(below_plain, spaces)
    if not open_items:
        return "."
    nearest = min(open_items, key=lambda spaces: abs(spaces - here))
    return "." if nearest == here else f"; punktet over har {nearest} mellemrum foran bindestregen."


# The largest real file (Randers) is about 30 KB; far larger input is a mistake, and slow to parse.
MAX_BYTES = 1_000_000


def decode(file: str, raw: bytes) -> str:
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
        raise YamlErrors([error_at(
            file, Lines(readable).at(len(readable)),
            "Filen er ikke gemt som UTF-8; gem den igen med tegnsættet UTF-8.")]) from None


def character_errors(file: str, text: str) -> list[ContentError]:
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


def unreadable_scalar(node: yaml.ScalarNode, tagged: bool) -> str:
    """`tagged`: the editor wrote the tag (!!int 12); otherwise YAML guessed it from the value."""
    value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"Datoen '{value}' findes ikke; en dato skrives ÅÅÅÅ-MM-DD og skal findes i kalenderen."
    kind = node.tag.removeprefix("tag:yaml.org,2002:")
    if kind in _TAG_KINDS:
        return f"Værdien '{value}' kan ikke læses som {_TAG_KINDS[kind]}" + (f" (mærket !!{kind})." if tagged else ".")
    written = f"!!{kind}" if kind != node.tag else node.tag  # as the editor wrote it
    return f"YAML-mærket '{written}' er ikke tilladt i håndbogens YAML; fjern det."



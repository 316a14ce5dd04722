"""Reading YAML: every mistake an editor can make in the syntax, with its line and column, and the
libyaml fast path, which must read every file exactly as PyYAML does."""
import pytest

from helpers import FIXTURES, REPO
from omlaegning import yamlfast, yamlsource
from omlaegning.yamlsource import YamlErrors, parse_yaml

CASES = [
    # (what, file content, line, column, field, message)
    ("duplicate top-level key", b"titel: A\nkort: B\ntitel: C\n", 3, 1, "titel",
     "Feltet står to gange (første gang i linje 1); YAML ville i stilhed bruge det sidste, så slet det ene."),
    ("duplicate key inside a list item", b"aktiviteter:\n  - id: a\n    titel: X\n    titel: Y\n", 4, 5,
     "aktiviteter[1].titel",
     "Feltet står to gange (første gang i linje 3); YAML ville i stilhed bruge det sidste, så slet det ene."),
    ("tab in indentation", b"projekt:\n\tnavn: X\n", 2, 1, "",
     "Tabulatortegn er ikke tilladt i håndbogens YAML; brug mellemrum."),
    ("unclosed flow list", b"kilder: [a, b\ntitel: X\n", 1, 9, "",
     "YAML-syntaksfejl: en liste i [ ] bliver ikke lukket med ]."),
    ("indentation that does not fit", b"projekt:\n  navn: X\n periode: 2020\n", 3, 2, "",
     "YAML-syntaksfejl: indrykningen passer ikke med linjerne over; linjen over har 2 mellemrum foran."),
    # The hint names where the items of the item's own list stand: not those of the list inside the item above,
    # of a list a later field has closed, or a '-' inside a block of text; and nothing where they stand as it does.
    ("list item too far left", b"aktiviteter:\n  - id: a\n    kilder:\n      - k\n - id: b\n", 5, 2, "",
     "YAML-syntaksfejl: et listepunkt står forkert indrykket; punktet over har 2 mellemrum foran bindestregen."),
    ("list item after a closed list", b"kilder:\n  - a\naktiviteter:\n    - id: a\n - id: b\n", 5, 2, "",
     "YAML-syntaksfejl: et listepunkt står forkert indrykket; punktet over har 4 mellemrum foran bindestregen."),
    ("list item after a block of text", b"tekst: |\n  - punkt\nliste:\n    - a\n - b\n", 5, 2, "",
     "YAML-syntaksfejl: et listepunkt står forkert indrykket; punktet over har 4 mellemrum foran bindestregen."),
    ("list item between two lists alike", b"liste:\n  - a:\n      - x\n    b:\n      - y\n    - c\n", 6, 5, "",
     "YAML-syntaksfejl: et listepunkt står forkert indrykket; punktet over har 6 mellemrum foran bindestregen."),
    ("list item where no list is open", b"liste:\n  - a\nb:\n  c: 1\n  - y\n", 5, 3, "",
     "YAML-syntaksfejl: et listepunkt står forkert indrykket."),
    ("colon inside plain text", b"titel: Borgeren: ved roret\n", 1, 16, "",
     "YAML-syntaksfejl: kolon på et sted, hvor det ikke må stå (sæt teksten i anførselstegn)."),
    ("unclosed quote", b'titel: "Styrmand i eget liv\n', 1, 8, "",
     "YAML-syntaksfejl: filen slutter midt i en tekst (mangler et afsluttende anførselstegn?)."),
    ("alias", b"a: &x [1, 2]\nb: *x\n", 2, 4, "",
     "Aliaser (*navn) er ikke tilladt i håndbogens YAML; skriv indholdet ud."),
    ("merge key", b"a: {x: 1}\nb:\n  <<: {x: 1}\n", 3, 3, "",
     "Fletning med '<<' er ikke tilladt; skriv felterne ud."),
    ("byte order mark", b"\xef\xbb\xbftitel: X\n", 1, 1, "",
     "Filen begynder med et BOM-tegn (byte order mark); gem den som UTF-8 uden BOM."),
    ("not UTF-8", b"titel: X\nnavn: K\xf8ge\n", 2, 8, "",
     "Filen er ikke gemt som UTF-8; gem den igen med tegnsættet UTF-8."),
    ("two documents", b"titel: A\n---\ntitel: B\n", 3, 1, "",
     "Her begynder et nyt YAML-dokument efter '---'; filen må kun indeholde ét."),
    ("impossible date", b"periode:\n  start: 2020-02-30\n", 2, 10, "periode.start",
     "Datoen '2020-02-30' findes ikke; en dato skrives ÅÅÅÅ-MM-DD og skal findes i kalenderen."),
    ("custom tag", b"titel: !farlig bar\n", 1, 8, "titel",
     "YAML-mærket '!farlig' er ikke tilladt i håndbogens YAML; fjern det."),
    ("python tag", b"titel: !!python/name:os.system\n", 1, 8, "titel",
     "YAML-mærket '!!python/name:os.system' er ikke tilladt i håndbogens YAML; fjern det."),
    ("explicit int that is no number", b"nummer: !!int abc\n", 1, 9, "nummer",
     "Værdien 'abc' kan ikke læses som et helt tal (mærket !!int)."),
    ("explicit empty int", b"a: 1\nnummer: !!int ''\n", 2, 9, "nummer",
     "Værdien '' kan ikke læses som et helt tal (mærket !!int)."),
    ("explicit bool that is neither", b"cirka: !!bool maybe\n", 1, 8, "cirka",
     "Værdien 'maybe' kan ikke læses som true eller false (mærket !!bool)."),
    ("explicit timestamp that is no date", b"dato: !!timestamp snart\n", 1, 7, "dato",
     "Datoen 'snart' findes ikke; en dato skrives ÅÅÅÅ-MM-DD og skal findes i kalenderen."),
    ("form feed pasted from Word", b"a: 1\ntitel: Ret\x0ctekst\n", 2, 11, "",
     "Her står et usynligt styretegn (U+000C), som YAML ikke tillader; det følger tit med, når tekst "
     "kopieres fra Word eller en PDF. Slet det."),
    ("C1 control character", "titel: x\x85y\nnavn: \x9b\n".encode(), 2, 7, "",
     "Her står et usynligt styretegn (U+009B), som YAML ikke tillader; det følger tit med, når tekst "
     "kopieres fra Word eller en PDF. Slet det."),
    ("line separator inside a text", 'a: "x\u2028y"\nb: 1\nb: 2\n'.encode(), 3, 1, "b",
     "Feltet står to gange (første gang i linje 2); YAML ville i stilhed bruge det sidste, så slet det ene."),
    ("old Mac line breaks", b"a: 1\rb: 2\rb: 3\r", 3, 1, "b",
     "Feltet står to gange (første gang i linje 2); YAML ville i stilhed bruge det sidste, så slet det ene."),
    ("not UTF-8 after old Mac line breaks", b"a: 1\rb: 2\rc: K\xf8ge\r", 3, 5, "",
     "Filen er ikke gemt som UTF-8; gem den igen med tegnsættet UTF-8."),
    ("nesting deeper than any model", b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 45)), 42, 83, "",
     "Indholdet er indlejret mere end 40 niveauer dybt; det kan ikke være rigtigt."),
    ("hundreds of nested brackets", b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n", 1, 44, "",
     "Indholdet er indlejret mere end 40 niveauer dybt; det kan ikke være rigtigt."),
]


@pytest.mark.parametrize("raw,line,column,field,message",
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_yaml_mistake_gives_danish_message_with_position(raw, line, column, field, message):
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", raw)
    error = caught.value.errors[0]
    assert (error.file, error.line, error.column, error.field, error.message) == (
        "x.yaml", line, column, field, message)


def test_a_huge_file_is_refused_before_it_is_parsed():
    raw = b"titel: x\n" + b"# fyld\n" * 1_500_000  # about 10 MB
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", raw)
    assert [str(e) for e in caught.value.errors] == [
        "x.yaml:1:1: Filen fylder 10,5 MB; en indholdsfil må højst fylde 1 MB. Del den op, eller fjern det, "
        "der ikke hører til."]


def test_aliases_cannot_blow_up_the_size():
    laughs = b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
             b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", laughs)
    assert [(e.line, e.message) for e in caught.value.errors] == [
        (2, "Aliaser (*navn) er ikke tilladt i håndbogens YAML; skriv indholdet ud.")]


def test_every_tab_line_is_reported():
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", b"a:\n\tb: 1\nc: 2\n\td: 3\n")
    assert [e.line for e in caught.value.errors] == [2, 4]


def test_tabs_and_control_characters_on_the_lines_an_editor_counts():
    # str.splitlines() would also end a line at the form feed and put the tab on line 3.
    with pytest.raises(YamlErrors) as caught:
        parse_yaml("x.yaml", b"a: x\x0cy\nb:\t1\nc: \x00\x00\n")
    assert [(e.line, e.column, e.message.split(";")[0].split(",")[0]) for e in caught.value.errors] == [
        (1, 5, "Her står et usynligt styretegn (U+000C)"),
        (2, 3, "Tabulatortegn er ikke tilladt i håndbogens YAML"),
        (3, 4, "Her står et usynligt styretegn (U+0000)")]


def test_positions_after_characters_only_yaml_calls_line_breaks():
    # U+2028, U+2029 and U+0085 end a line for YAML but not in an editor, on GitHub or in git.
    doc = parse_yaml("x.yaml", "a: \"x\u2028y\u2029z\x85\"\nb:\r\n  - c: 1\r  - d: 2\n".encode())
    assert doc.data == {"a": "x\u2028y\u2029z ", "b": [{"c": 1}, {"d": 2}]}  # YAML folds U+0085 to a space
    assert {path: (p.line, p.column) for path, p in doc.values.items()} == {
        (): (1, 1), ("a",): (1, 4), ("b",): (3, 3), ("b", 0): (3, 5), ("b", 0, "c"): (3, 8),
        ("b", 1): (4, 5), ("b", 1, "d"): (4, 8)}


def test_values_and_their_positions():
    doc = parse_yaml("x.yaml", b"navn: Herning\naktiviteter:\n  - id: en-indgang\n    aar: 2020\n")
    assert doc.data == {"navn": "Herning", "aktiviteter": [{"id": "en-indgang", "aar": 2020}]}
    assert (doc.position(("aktiviteter", 0, "aar")).line, doc.position(("aktiviteter", 0, "aar")).column) == (4, 10)
    # A missing field points at the nearest value that exists: the list item.
    assert doc.position(("aktiviteter", 0, "titel")).line == 3
    assert doc.position(("aktiviteter", 0, "id"), key=True).column == 5


def test_empty_file_is_no_data():
    assert parse_yaml("x.yaml", b"").data is None


# ---------------------------------------------------------------- the libyaml fast path

def pure_python(name: str, raw: bytes):
    """What the reader gave before libyaml: the document, or its error messages."""
    original = yamlfast.parse_valid
    yamlfast.parse_valid = lambda file, text: None
    try:
        return yamlsource.parse_yaml(name, raw)
    except yamlsource.YamlErrors as error:
        return [str(e) for e in error.errors]
    finally:
        yamlfast.parse_valid = original


def same(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return a == b
    return (a.data, a.values, a.keys) == (b.data, b.values, b.keys)


@pytest.mark.skipif(yamlfast.CParser is None, reason="PyYAML without libyaml")
def test_libyaml_reads_every_content_file_as_pyyaml_does():
    real = [p for folder in (REPO / "concept", REPO / "data") for p in folder.rglob("*.yaml")]
    fast_road = 0
    for path in real + list(FIXTURES.rglob("*.yaml")):
        raw = path.read_bytes()
        fast = yamlfast.parse_valid(path.name, raw.decode("utf-8"))
        if fast is not None:
            fast_road += path in real
            assert same(fast, pure_python(path.name, raw)), path
    assert fast_road >= 0.9 * len(real) > 25  # the speed-up has not quietly gone away


@pytest.mark.parametrize("raw", [
    b"a: [x?]\n",                   # libyaml keeps '?' in the text, PyYAML refuses it
    b"a: |#\n  tekst\n",            # libyaml reads a comment, PyYAML refuses it
    b"a: [b:\n]\n",                 # an empty value: libyaml places it on the next line
    b"a:\nb: 1\n",
    b"!\n",                         # tags, anchors and aliases
    b"a: &x 1\n",
    b"a: &x [1]\nb: *x\n",
    "a: b\ufeffc\n".encode(),        # libyaml counts columns differently after U+FEFF
    b"a: 1\na: 2\n",                # duplicate keys are our own error
    b"a: [1\n",
])
def test_what_libyaml_may_read_differently_is_left_to_pyyaml(raw):
    assert yamlfast.parse_valid("x.yaml", raw.decode("utf-8")) is None
    try:
        read = yamlsource.parse_yaml("x.yaml", raw)
    except yamlsource.YamlErrors as error:
        read = [str(e) for e in error.errors]
    assert same(read, pure_python("x.yaml", raw))


@pytest.mark.skipif(yamlfast.CParser is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("raw", [
    'a: "x\u2028y"\nb:\r\n  - c: 1\r  - d: "\x85"\n'.encode(),
    "a: æøå 😀\nb: [1, 2]\n".encode(),
])
def test_libyaml_counts_lines_and_columns_as_the_editor_does(raw):
    fast = yamlfast.parse_valid("x.yaml", raw.decode("utf-8"))
    assert fast is not None and same(fast, pure_python("x.yaml", raw))

"""Content mistakes found after parsing: each case changes one file of the minimal fixture
and expects one Danish error with its file, line and field."""
import pytest

from omlaegning.loader import load_handbook

P = "concept/principper/alpha.yaml"
K = "data/kommuner/testby.yaml"

CASES = [
    # (what, file, old text, new text, line, field, message)
    ("missing required field", P, "hvad: Hvad alpha er.\n", "", 1, "hvad",
     "Feltet mangler og skal udfyldes."),
    ("number written as text", P, "nummer: 1", 'nummer: "1"', 2, "nummer",
     "Forventede et helt tal, men '1' står i anførselstegn og er derfor tekst; fjern anførselstegnene."),
    ("amount written with dots", K, "beloeb: 3750000", 'beloeb: "3.750.000"', 10, "projekt.budget.beloeb",
     "Forventede et helt tal, men der står '3.750.000'. Skriv kun cifrene, uden punktummer, mellemrum og kr.: 3750000."),
    ("yes/no read as true/false", P, "titel: Tag udgangspunkt i håb", "titel: no", 3, "titel",
     "Forventede en tekst, men fik sand/falsk-værdien 'false'. "
     "Sæt værdien i anførselstegn, hvis den skal stå som tekst."),
    ("list where text is due", P, "kort: Håb først.", "kort: [Håb, først]", 4, "kort",
     "Forventede en tekst, men fik en liste."),
    ("text where a list is due", P, "kilder: [kilde-a]", "kilder: kilde-a", 9, "kilder",
     "Forventede en liste (linjer der begynder med '- '), men fik teksten 'kilde-a'."),
    ("empty list of sources", P, "kilder: [kilde-a]", "kilder: []", 9, "kilder",
     "Listen må ikke være tom; den skal have mindst ét punkt."),
    ("id with æ", K, "id: en-indgang", "id: én-indgang", 16, "aktiviteter[1].id",
     "'én-indgang' er ikke et gyldigt id: brug kun små bogstaver a-z, tal og enkelte bindestreger "
     "(ikke æ, ø, å eller mellemrum), altså 'en-indgang'."),
    ("id differs from file name", P, "id: alpha", "id: alfa", 1, "id",
     "id 'alfa' skal være det samme som filnavnet ('alpha'), så webadressen kan findes ud fra filen."),
    ("reference to a principle that does not exist", K, "principper: [alpha]", "principper: [alpa]", 19,
     "aktiviteter[1].principper[1]", "Der findes intet princip med id 'alpa'. Mente du 'alpha'?"),
    ("reference to a source that does not exist", P, "kilder: [kilde-a]", "kilder: [kilde-c]", 9,
     "kilder[1]", "Der findes ingen kilde med id 'kilde-c'. Mente du 'kilde-b'?"),
    ("period that ends before it starts", K, "slut: 2022-09-30", "slut: 2019-09-30", 7, "projekt.periode",
     "Perioden slutter, før den begynder ('slut' ligger før 'start')."),
    ("imprecise date that is not the first day of its period", K, "dato: 2021-04-21",
     "dato: 2021-05-21\n    praecision: kvartal", 31, "tidslinje[1]",
     "Med praecision 'kvartal' skal datoen være periodens første dag, her 2021-04-01 i stedet for 2021-05-21."),
    ("table row too short", K, '- ["2017", 1500]', '- ["2017"]', 28, "tal[1].raekker[2]",
     "Rækken har 1 celle, men tabellen har 2 kolonner."),
    ("table cell that is true/false", K, '- ["2017", 1500]', '- ["2017", yes]', 28, "tal[1].raekker[2][2]",
     "Forventede en tekst eller et tal, men fik sand/falsk-værdien 'true'. Sæt værdien i anførselstegn, "
     "hvis den skal stå som tekst."),
    ("key figure written in quotes", K, "kilder: [kilde-b]\ntidslinje:",
     'kilder: [kilde-b]\nnoegletal:\n  - navn: Borgere\n    vaerdi: "1.234"\n    kilder: [kilde-b]\ntidslinje:',
     32, "noegletal[1].vaerdi", "Forventede et tal, men fik teksten '1.234'."),
    ("heading inside a Markdown field", P, "hvad: Hvad alpha er.", "hvad: |\n  Tekst\n  ## Egen overskrift",
     5, "hvad", "Overskrifter (linjer der begynder med #) laves af håndbogen selv; brug **fed skrift** "
                "eller et nyt afsnit i stedet."),
    ("unknown type of source", "concept/kilder.yaml", "type: dokument", "type: bog", 11, "kilder[2].type",
     "Værdien skal være en af: 'dokument' eller 'webside'; fik teksten 'bog'."),
    ("malformed URL", "concept/kilder.yaml", "url: https://example.org/a", "url: example.org/a", 7,
     "kilder[1].url", "'example.org/a' er ikke en gyldig webadresse; den skal begynde med https://."),
    ("line break in a title", P, "titel: Tag udgangspunkt i håb", 'titel: "A\\n\\nB"', 3, "titel",
     "Teksten skal stå på én linje; brug et felt med Markdown til længere tekst."),
    ("line separator in a title", P, "titel: Tag udgangspunkt i håb", 'titel: "A\\LB"', 3, "titel",
     "Teksten skal stå på én linje; brug et felt med Markdown til længere tekst."),
    ("Python-Markdown's placeholder mark in a Markdown field", P, "hvad: Hvad alpha er.",
     'hvad: "Se \\x02wzxhzdk:0\\x03"', 5, "hvad", "Teksten indeholder et usynligt styretegn (U+0002); slet det."),
    ("empty required text", P, "titel: Tag udgangspunkt i håb", 'titel: "  "', 3, "titel",
     "Feltet er tomt; skriv en tekst."),
    ("budget far beyond what babel can format", K, "beloeb: 3750000", "beloeb: 12340000000000000000000000000",
     10, "projekt.budget.beloeb",
     "Tallet må højst være 1.000.000.000.000.000, men er 12340000000000000000000000000."),
    ("principle number far beyond the eight", P, "nummer: 1", "nummer: -10000000000000000000000000", 2, "nummer",
     "Tallet skal være mindst 1, men er -10000000000000000000000000."),
    ("line break in a table cell", K, '- ["2017", 1500]', '- ["2017\\n| x", 1500]', 28, "tal[1].raekker[2][1]",
     "Teksten skal stå på én linje; brug et felt med Markdown til længere tekst."),
    ("number YAML reads as infinity", K, "kilder: [kilde-b]\ntidslinje:",
     'kilder: [kilde-b]\nnoegletal:\n  - navn: Borgere\n    vaerdi: 1.0e+400\n    kilder: [kilde-b]\ntidslinje:',
     32, "noegletal[1].vaerdi", "Tallet er for stort til håndbogen (grænsen er 1.000.000.000.000.000, også for "
                                "negative tal); tjek, om der er tastet cifre for meget."),
    ("empty optional text", K, "ejer: Handicap og Psykiatri", 'ejer: ""', 13, "projekt.ejer",
     "Feltet er tomt; skriv en tekst eller fjern feltet."),
    ("empty item in a list of texts", K, "kilder: [kilde-b]\ntidslinje:",
     'kilder: [kilde-b]\npartnere: [Region, ""]\ntidslinje:', 30, "partnere[2]",
     "Punktet i listen er tomt; skriv en tekst eller slet punktet."),
    ("HTML in a title", P, "titel: Tag udgangspunkt i håb", 'titel: "</title><script>alert(1)</script>"', 3,
     "titel", "Tegnene < og > kan ikke bruges i en almindelig tekst; skriv fx 'under' eller 'over'."),
    ("phase number out of range", "concept/faser/slut.yaml", "nummer: 2", "nummer: 0", 2, "nummer",
     "Tallet skal være mindst 1, men er 0."),
]


@pytest.mark.parametrize("file,old,new,line,field,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_content_mistake(minimal, file, old, new, line, field, message):
    minimal.replace(file, old, new)
    errors = minimal.errors()
    assert [(e.file, e.line, e.field, e.message) for e in errors] == [(file, line, field, message)]


def test_misspelled_field_is_unknown_and_the_right_one_missing(minimal):
    minimal.replace(P, "hvorfor: Hvorfor alpha.", "hvorfoer: Hvorfor alpha.")
    assert [(e.line, e.field, e.message) for e in minimal.errors()] == [
        (1, "hvorfor", "Feltet mangler og skal udfyldes."),
        (6, "hvorfoer", "Ukendt felt. Mente du 'hvorfor'? Tilladte felter her: id, nummer, titel, kort, "
                        "hvad, hvorfor, hvordan, lovgrundlag, soegeord, kilder."),
    ]


def test_unknown_field_in_a_nested_item_suggests_its_own_fields(minimal):
    minimal.replace(K, "    beskrivelse: En dør ind.", "    beskrivelse: En dør ind.\n    princip: [alpha]")
    [error] = minimal.errors()
    assert (error.line, error.field) == (19, "aktiviteter[1].princip")
    assert error.message == ("Ukendt felt. Mente du 'principper'? Tilladte felter her: id, titel, "
                             "beskrivelse, status, status_pr, principper, faser, kilder.")


def test_duplicate_id_in_a_list_names_the_first(minimal):
    minimal.replace(K, "  - id: en-indgang\n", "  - id: en-indgang\n    titel: A\n    beskrivelse: B\n"
                    "    kilder: [kilde-b]\n  - id: en-indgang\n")
    [error] = minimal.errors()
    assert (error.line, error.field) == (20, "aktiviteter[2].id")
    assert error.message == "id 'en-indgang' bruges allerede af punkt 1 i listen; et anker skal være entydigt på siden."


def test_same_source_id_twice(minimal):
    minimal.replace("concept/kilder.yaml", "    type: dokument\n",
                    "    type: dokument\n  - id: kilde-a\n    titel: C\n    udgiver: D\n    type: dokument\n")
    [error] = minimal.errors()
    assert (error.file, error.line, error.field) == ("concept/kilder.yaml", 12, "kilder[3].id")
    assert error.message == "id 'kilde-a' findes allerede i concept/kilder.yaml (linje 2); et id skal være entydigt."


def test_same_number_twice(minimal):
    minimal.replace("concept/faser/slut.yaml", "nummer: 2", "nummer: 1")
    [error] = minimal.errors()
    assert str(error) == ("concept/faser/start.yaml:2:9: felt 'nummer': nummer 1 bruges også af "
                          "concept/faser/slut.yaml; hvert nummer må kun bruges én gang.")


@pytest.mark.parametrize("link", [
    "[klik](javascript:alert(1))",
    "[klik]( JavaScript:alert(1))",
    "[klik](javascript&#58;alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD4=)",
    "Se [her][a].\n\n[a]: javascript:alert(1)",
])
def test_markdown_links_that_could_run_code_are_refused(minimal, link):
    minimal.replace(P, "hvad: Hvad alpha er.", "hvad: |\n  " + link.replace("\n", "\n  "))
    [error] = minimal.errors()
    assert (error.line, error.field) == (5, "hvad")
    assert error.message.startswith("Linket '") and error.message.endswith(
        "er ikke tilladt; et link skal gå til en webadresse (https://...), en e-mail (mailto:...) "
        "eller en side i håndbogen.")


def test_safe_markdown_links_are_accepted(minimal):
    minimal.replace(P, "hvad: Hvad alpha er.", "hvad: |\n  [a](https://www.sbst.dk/x?y=1#z), "
                    "[b](mailto:info@example.org), [c](../kommuner/testby.md#en-indgang) og [d](#hvordan).")
    load_handbook(minimal.root)


@pytest.mark.parametrize("name", ["Århus.yaml", "index.yaml", "ny kommune.yaml"])
def test_file_name_that_cannot_be_an_id(minimal, name):
    minimal.write(f"data/kommuner/{name}", "id: x\n")
    [error] = minimal.errors()
    assert (error.file, error.line) == (f"data/kommuner/{name}", 1)
    assert error.message.startswith(f"Filnavnet '{name[:-5]}' kan ikke bruges som id")


def test_hidden_files_are_not_content(minimal):
    minimal.write("data/kommuner/.gitkeep", "")
    minimal.write("concept/.DS_Store", "x")
    load_handbook(minimal.root)


def test_a_broken_list_of_sources_gives_one_error_not_one_per_reference(minimal):
    minimal.write("concept/kilder.yaml", "kilder: [\n")
    errors = minimal.errors()
    assert [(e.file, e.line) for e in errors] == [("concept/kilder.yaml", 2)]


def test_file_in_wrong_place_or_with_wrong_ending(minimal):
    minimal.write("data/kommuner/noget.yml", "id: noget\n")
    minimal.write("data/herning.yaml", "id: herning\n")
    errors = minimal.errors()
    assert [(e.file, e.line) for e in errors] == [("data/herning.yaml", 1), ("data/kommuner/noget.yml", 1)]
    assert all(e.message.startswith("Filen hører ikke til nogen indholdstype.") for e in errors)


def test_missing_single_file(minimal):
    (minimal.root / "concept/ordliste.yaml").unlink()
    [error] = minimal.errors()
    assert str(error) == "concept/ordliste.yaml:1:1: Filen mangler; den skal findes."


def test_all_errors_are_collected_across_files(minimal):
    minimal.replace(P, "nummer: 1", 'nummer: "1"')
    minimal.replace(K, "principper: [alpha]", "principper: [alpa]")
    minimal.write("concept/faser/slut.yaml", "id: slut\nid: slut\n")
    errors = minimal.errors()
    assert [(e.file, e.line) for e in errors] == [
        ("concept/faser/slut.yaml", 2), (P, 2), (K, 19)]


def test_error_line_reads_like_a_compiler_message(minimal):
    minimal.replace(P, "nummer: 1", 'nummer: "1"')
    [error] = minimal.errors()
    assert str(error) == ("concept/principper/alpha.yaml:2:9: felt 'nummer': "
                          "Forventede et helt tal, men '1' står i anførselstegn og er derfor tekst; fjern anførselstegnene.")
    assert error.github_annotation().startswith(
        "::error file=concept/principper/alpha.yaml,line=2,col=9,title=Fejl i indholdet::")


def test_an_error_stays_one_line_whatever_the_editor_typed(minimal):
    # A key and an id with line breaks, written as YAML escapes, and a value with a percent sign.
    minimal.replace(K, "resume:", '"aktivitet\\nid": 1\nresume:')
    minimal.replace(K, "id: en-indgang", 'id: "50 %\\r\\nx"')
    errors = minimal.errors()
    assert [(e.line, str(e).split(": ", 1)[1]) for e in errors] == [
        (3, "felt 'aktivitet\\nid': Ukendt felt. Mente du 'aktiviteter'? Tilladte felter her: id, navn, resume, projekt, "
            "rolle_i_partnerskabet, partnere, aktiviteter, planer, organisation, noegletal, tal, tidslinje, "
            "resultater, kildegrundlag, faser, soegeord, kilder."),
        (17, "felt 'aktiviteter[1].id': '50 %\\r\\nx' er ikke et gyldigt id: brug kun små bogstaver a-z, tal og "
             "enkelte bindestreger (ikke æ, ø, å eller mellemrum), altså '50-x'.")]
    # GitHub reads %, CR and LF in a workflow command as escapes: the percent sign is escaped.
    assert "50 %25\\r\\nx" in errors[1].github_annotation()


def test_a_field_indented_into_the_block_text_above_it_is_not_lost_silently(minimal):
    minimal.replace(K, "    beskrivelse: En dør ind.\n",
                    "    beskrivelse: |\n      En dør ind.\n      status: planlagt\n")
    errors = minimal.errors()
    assert [(e.file, e.line, e.column, e.field) for e in errors] == [(K, 20, 7, "aktiviteter[1].status")]
    assert errors[0].message == (
        "Linjen ligner feltet 'status', men står inde i teksten 'beskrivelse' (linje 18) og ville blive vist "
        "som tekst. Ryk 'status:' ud, så den står lige under 'beskrivelse:' med 4 mellemrum foran; er linjen "
        "ment som tekst, så skriv 'Status:' med stort.")


def test_a_line_meant_as_text_may_look_like_a_field_when_it_says_so(minimal):
    # Capitalised, or a word that is no field of the entry: both stay text, as the editor wrote them.
    minimal.replace(K, "    beskrivelse: En dør ind.\n",
                    "    beskrivelse: |\n      En dør ind.\n      Status: planlagt\n      bemærk: vigtigt\n")
    assert load_handbook(minimal.root).kommuner[0].aktiviteter[0].beskrivelse.endswith("bemærk: vigtigt")

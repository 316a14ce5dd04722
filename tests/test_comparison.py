"""Seeing across municipalities: comparison matrix, timelines, bar charts and open data."""
import datetime
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from omlaegning.loader import load_handbook
from omlaegning.models import Milepael, Periode, Tabel
from omlaegning.render import render_handbook
from omlaegning.render.barchart import bar_chart
from omlaegning.render.timeline import TIMELINE_WIDTH, timeline
from omlaegning.kinds import KINDS
from omlaegning.render.opendata import AabneData

from helpers import real_content, real_handbook
from synthetic import write_synthetic_handbook

SVG = "{http://www.w3.org/2000/svg}"
SECOND_MUNICIPALITY = """id: andeby
navn: Andeby Kommune
resume: Andeby har ikke beskrevet aktiviteter.
kilder: [kilde-b]
"""


def rendered(tree):
    return render_handbook(load_handbook(tree.root))


def milestone(date, text="Noget skete.", praecision="dag"):
    return Milepael.model_validate({"dato": datetime.date.fromisoformat(date), "tekst": text, "praecision": praecision, "kilder": ["k"]})


def table(columns, *rows):
    return Tabel.model_validate({"id": "t", "titel": "Tal", "kolonner": columns, "raekker": list(rows),
                                 "kilder": ["k"]})


# --- the matrix ----------------------------------------------------------------------

def test_a_cell_links_each_activity_that_shows_the_principle_by_its_number(minimal):
    minimal.write("data/kommuner/andeby.yaml", SECOND_MUNICIPALITY)
    md = next(p.markdown for p in rendered(minimal).pages if p.path == "sammenligning.md")
    principles = md.split("## Principper i praksis", 1)[1].split("## Faser", 1)[0]
    testby = re.search(r'<tr>\n<th scope="row"><a href="\.\./kommuner/testby/">Testby Kommune</a></th>\n(.*?)</tr>',
                       principles, re.S).group(1)
    cells = re.findall(r"<td(?: class=\"tom\")?>(.*?)</td>", testby)
    # Column 1 is alpha, which 'en-indgang' shows; beta has none. Each cell also names its column and
    # the activity, which a phone shows (the stylesheet leaves them to screen readers on a wide screen).
    alpha, beta = (re.sub(r"<span class=\"kolonne-navn\">[^<]*</span>", "", cell) for cell in cells)
    assert alpha == ('<a class="aktivitet" href="../kommuner/testby/#en-indgang"><span class="aktivitet-nr">1</span>'
                     '<span class="visuelt-skjult">: </span><span class="aktivitet-navn">Én indgang</span></a>')
    assert beta == '<span aria-hidden="true">–</span><span class="visuelt-skjult">ingen</span>'
    assert [re.search(r'<span class="kolonne-navn">([^<]*)</span>', cell).group(1)[:3] for cell in cells] == ["1. ", "2. "]
    assert '<td class="tom">' in testby
    assert '<td colspan="2">Kilderne beskriver ingen aktiviteter.</td>' in principles
    totals = principles.split("Kommuner med eksempler</th>", 1)[1]
    assert re.findall(r'<span class="antal">(\d+)</span></td>', totals) == ["1", "0"]
    assert '<caption id="matrix-principper-titel">Kommunernes aktiviteter fordelt på de otte principper</caption>' \
        in principles


def test_the_number_in_the_matrix_is_the_number_on_the_municipality_page(minimal):
    minimal.replace("data/kommuner/testby.yaml", "tal:\n", (
        "  - id: anden\n    titel: Anden aktivitet\n    beskrivelse: Mere.\n    principper: [beta]\n"
        "    kilder: [kilde-b]\ntal:\n"))
    pages = {p.path: p.markdown for p in rendered(minimal).pages}
    assert "### Anden aktivitet {#anden}\n\n*Aktivitet 2*\n" in pages["kommuner/testby.md"]
    assert ('<a class="aktivitet" href="../kommuner/testby/#anden"><span class="aktivitet-nr">2</span>'
            '<span class="visuelt-skjult">: </span><span class="aktivitet-navn">Anden aktivitet</span></a>') in \
        pages["sammenligning.md"]


def test_the_built_matrix_is_an_accessible_table(built_site):
    html = (built_site / "sammenligning" / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="matrix-tabel">.*?</table>', html, re.S)
    assert len(tables) == 2
    for found, columns in zip(tables, (8, 6)):
        assert re.search(r"<caption id=\"matrix-\w+-titel\">Kommunernes aktiviteter fordelt på", found)
        assert found.count('<th scope="col">') == columns + 1
        assert found.count('<th scope="row">') == len(real_content().kommuner) + 1  # and the totals
        assert 'href="../kommuner/herning/#en-indgang"' in found
    assert 'class="matrix" role="region" aria-labelledby="matrix-principper-titel" tabindex="0"' in html


# --- timelines -----------------------------------------------------------------------

def test_milestones_are_numbered_by_date_and_same_day_markers_do_not_overlap():
    drawing = timeline("Tidslinje", [], [milestone("2021-05-01", "B"), milestone("2020-01-01", "A"),
                                         milestone("2021-05-01", "C")])
    assert [m.number for m in drawing.markers] == [1, 2, 3]
    first, second, third = drawing.markers
    assert first.x < second.x == third.x
    assert second.y != third.y
    assert all(24 <= m.x <= TIMELINE_WIDTH - 24 for m in drawing.markers)
    assert [t.label for t in drawing.ticks if t.label] == ["2020", "2021"]


def test_an_imprecise_date_covers_its_whole_period():
    drawing = timeline("T", [], [milestone("2019-01-01", praecision="aar"), milestone("2020-06-15")])
    year, day = drawing.markers
    ticks = {t.label: t.x for t in drawing.ticks if t.label}
    assert year.span_x == pytest.approx(ticks["2019"])
    assert year.span_width == pytest.approx(ticks["2020"] - ticks["2019"], abs=0.5)
    assert day.span_width == 0


def test_a_period_becomes_a_labelled_bar_from_start_to_end():
    periode = Periode(start=datetime.date(2020, 1, 1), slut=datetime.date(2022, 9, 30))
    drawing = timeline("T", [("Projektperiode", periode)], [])
    [bar] = drawing.bars
    assert bar.label == "Projektperiode: 1. januar 2020 – 30. september 2022"
    ticks = {t.label: t.x for t in drawing.ticks if t.label}
    assert bar.x == pytest.approx(ticks["2020"])
    # The bar runs to the end of 30 September, three quarters into 2022.
    year = ticks["2022"] - ticks["2021"]
    assert bar.x + bar.width == pytest.approx(ticks["2022"] + year * 273 / 365, abs=0.01)
    assert "Projektperiode: 1. januar 2020" in drawing.description


def test_a_label_that_fits_neither_way_starts_at_the_left_edge_and_wraps_whole():
    periods = [("A", Periode(start=datetime.date(2010, 1, 1), slut=datetime.date(2023, 12, 31))),
               ("En samarbejdskommune med et meget langt navn", Periode(start=datetime.date(2016, 1, 1),
                                                                       slut=datetime.date(2016, 12, 31)))]
    short, long = timeline("T", periods, []).bars
    assert (short.anchor, short.label_x) == ("start", short.x)
    assert (long.anchor, long.label_x) == ("start", 24)
    assert len(long.lines) > 1 and " ".join(long.lines) == long.label
    assert all(len(line) * 6.6 <= TIMELINE_WIDTH - 48 for line in long.lines)
    # The second bar and its two lines of label sit below the first bar.
    assert long.y - 5 - 15 * (len(long.lines) - 1) - 12 > short.y + 14


def test_year_labels_thin_out_on_a_long_timeline():
    drawing = timeline("T", [], [milestone("1990-01-01"), milestone("2025-06-01")])
    labels = [t.label for t in drawing.ticks if t.label]
    assert labels[0] == "1990" and len(labels) < 36
    shown = [t.x for t in drawing.ticks if t.label]
    assert min(b - a for a, b in zip(shown, shown[1:])) >= 32


def test_a_municipality_timeline_is_an_svg_image_beside_a_numbered_table(minimal):
    result = rendered(minimal)
    svg = ET.fromstring(result.assets["figurer/kommuner/testby/tidslinje.svg"])
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Tidslinje for Testby Kommune"
    assert svg.find(f"{SVG}desc").text == ("Projektperiode: 1. januar 2020 – 30. september 2022; "
                                           "1 milepæl (21. april 2021).")
    md = next(p.markdown for p in result.pages if p.path == "kommuner/testby.md")
    assert re.search(r"!\[Tidslinje med projektperioden og milepælene i tabellen nedenfor, nummereret som i "
                     r"tabellen\.\]\(\.\./figurer/kommuner/testby/tidslinje\.svg\)\{ \.figur width=\"340\" "
                     r"height=\"\d+\" \}", md)
    assert "| Nr. | Hvornår | Hvad skete der |\n|--:|---|---|\n| 1 | 21. april 2021 | Status til udvalget. |" in md


def test_the_partnership_page_draws_its_course_with_the_municipalities_periods(minimal):
    minimal.replace("concept/partnerskab.yaml", "kommuner:", (
        "forloeb:\n  - dato: 2019-01-01\n    praecision: aar\n    tekst: Start.\n    kilder: [kilde-a]\nkommuner:"))
    result = rendered(minimal)
    svg = ET.fromstring(result.assets["figurer/partnerskab.svg"])
    labels = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert any(label.startswith("Partnerskabet: ") for label in labels)
    assert "Testby Kommune: 1. januar 2020 – 30. september 2022" in labels
    md = next(p.markdown for p in result.pages if p.path == "partnerskab.md")
    assert "## Forløb {#forloeb}" in md and "| 1 | 2019 | Start. |" in md


# --- bar charts ----------------------------------------------------------------------

def test_one_bar_per_number_scaled_to_the_largest_and_a_dash_draws_nothing():
    chart = bar_chart(table(["År", "Borgere"], ["2016", 1234], ["2017", "-"], ["2018", 617]))
    assert [b.value for b in chart.bars] == ["1.234", "617"]
    assert chart.bars[1].width == pytest.approx(chart.bars[0].width / 2, abs=0.01)
    assert [c.label for c in chart.categories] == ["2016", "2017", "2018"]
    assert chart.legend == []


def test_the_shorter_side_of_the_table_becomes_the_series():
    wide = bar_chart(table(["Opgørelse", "2018", "2019", "2020"], ["Kontakter", 5, 6, 7], ["Borgere", 1, 2, 3]))
    assert [c.label for c in wide.categories] == ["2018", "2019", "2020"]
    assert [entry.label for entry in wide.legend] == ["Kontakter", "Borgere"]
    assert len({b.colour for b in wide.bars}) == 2


def test_the_value_labels_fit_inside_the_chart():
    chart = bar_chart(table(["Kommune", "Budget"], ["A", 3750000], ["B", 1250000]))
    longest = max(b.x + b.width + 4 + len(b.value) * 7.6 for b in chart.bars)
    assert longest <= chart.width


@pytest.mark.parametrize("columns,rows", [
    (["Område", "Ændring"], [["A", -3], ["B", 5]]),             # a negative number
    (["Område", "Hvem"], [["A", "Leder"], ["B", 3]]),           # words, not numbers
    (["År", "Borgere"], [["2016", 12]]),                        # a single number
    (["Ydelse"] + [str(y) for y in range(2010, 2018)], [[f"Ydelse {i}"] + [i] * 8 for i in range(7)]),  # 56 bars
])
def test_no_chart_where_it_would_not_help(columns, rows):
    assert bar_chart(table(columns, *rows)) is None


def test_a_table_of_numbers_gets_its_chart_right_under_its_heading(minimal):
    result = rendered(minimal)
    svg = ET.fromstring(result.assets["figurer/kommuner/testby/borgere.svg"])
    assert [t.text for t in svg.iter(f"{SVG}text")][-2:] == ["1.234", "1.500"]
    md = next(p.markdown for p in result.pages if p.path == "kommuner/testby.md")
    assert re.search(r"### Borgere pr\. år \{#borgere\}\n\n!\[Søjlediagram over tabellen nedenfor\. Alle tal "
                     r"står i tabellen\.\]\(\.\./figurer/kommuner/testby/borgere\.svg\)", md)


# --- open data -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_data():
    return real_handbook().assets


def test_every_published_json_file_validates_against_its_schema(real_data):
    data = {path: json.loads(text) for path, text in real_data.items() if path.startswith("data/")}
    schemas = {path: body for path, body in data.items() if path.startswith("data/skema/")}
    files = {path: body for path, body in data.items() if path not in schemas}
    hb = real_content()
    # The whole handbook, and a file per entity (or per content) of each kind with a path of its own.
    own = [kind for kind in KINDS if kind.open_data and kind.open_data.path]
    assert len(files) == 1 + sum(len(getattr(hb, k.content.field)) if k.content.one_per_file else 1 for k in own)
    # Each file validates against its kind's schema: named by the model, as the editors' schemas are.
    schema_of = {"data/omlaegningshaandbogen.json": "omlaegningshaandbogen"}
    for kind in own:
        for entity in getattr(hb, kind.content.field) if kind.content.one_per_file else [None]:
            path = kind.open_data.path.replace("{id}", entity.id) if entity else kind.open_data.path
            schema_of[f"data/{path}.json"] = kind.content.model.__name__.lower()
    assert set(files) == set(schema_of)
    for path, body in files.items():
        schema = schemas[f"data/skema/{schema_of[path]}.schema.json"]
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(body)


def test_the_whole_file_holds_exactly_what_the_single_files_hold(real_data):
    whole = json.loads(real_data["data/omlaegningshaandbogen.json"])
    AabneData.model_validate_json(real_data["data/omlaegningshaandbogen.json"])
    for kommune in whole["kommuner"]:
        single = json.loads(real_data[f"data/kommuner/{kommune['id']}.json"])
        # Each file also says whose content it holds, as the whole file does for its parts.
        assert single.pop("afsender") == whole["afsender"]["kommuner"]
        assert single == kommune
    herning = json.loads(real_data["data/kommuner/herning.json"])
    assert herning["projekt"]["budget"]["beloeb"] == 3750000
    assert herning["projekt"]["periode"] == {"start": "2020-01-01", "slut": "2022-09-30", "praecision": "dag"}


def test_a_schema_that_the_data_breaks_says_so(real_data):
    schema = json.loads(real_data["data/skema/kommune.schema.json"])
    herning = json.loads(real_data["data/kommuner/herning.json"])
    herning["projekt"]["budget"]["beloeb"] = "3.750.000"
    with pytest.raises(jsonschema.ValidationError, match="'3.750.000' is not of type 'integer'"):
        jsonschema.validate(herning, schema)


def test_the_data_page_links_every_file_and_its_schema(minimal):
    result = rendered(minimal)
    md = next(p.markdown for p in result.pages if p.path == "data.md")
    for path in result.assets:
        if path.startswith("data/") and not path.startswith("data/skema/"):
            assert f"]({path})" in md, path
    assert "[JSON Schema](data/skema/omlaegningshaandbogen.schema.json)" in md
    assert "| Testby Kommune | [kommuner/testby.json](data/kommuner/testby.json) | " \
           "[kommune.schema.json](data/skema/kommune.schema.json) |" in md


# --- many municipalities ---------------------------------------------------------------

@pytest.mark.slow
def test_a_hundred_municipalities_give_a_hundred_rows_figures_and_valid_data(tmp_path):
    root = write_synthetic_handbook(tmp_path / "haandbog", 100)
    handbook = load_handbook(root)
    result = render_handbook(handbook)
    md = next(p.markdown for p in result.pages if p.path == "sammenligning.md")
    assert md.count('<th scope="row"><a href=') == 2 * 100
    schema = json.loads(result.assets["data/skema/kommune.schema.json"])
    for kommune in handbook.kommuner:
        if kommune.id.startswith("syntetisk-"):
            ET.fromstring(result.assets[f"figurer/kommuner/{kommune.id}/tidslinje.svg"])
            ET.fromstring(result.assets[f"figurer/kommuner/{kommune.id}/borgere-pr-aar.svg"])
        jsonschema.validate(json.loads(result.assets[f"data/kommuner/{kommune.id}.json"]), schema)


def test_text_with_markup_characters_stays_text_in_the_matrix_and_the_figures(minimal):
    hostile = 'Å & "B" *c* _d_ {: onclick=x} | e'
    minimal.replace("data/kommuner/testby.yaml", "navn: Testby Kommune", f"navn: '{hostile}'")
    minimal.replace("data/kommuner/testby.yaml", "titel: Én indgang", f"titel: '{hostile}'")
    minimal.replace("data/kommuner/testby.yaml", '- ["2016", 1234]', f"- ['{hostile}', 1234]")
    result = rendered(minimal)
    md = next(p.markdown for p in result.pages if p.path == "sammenligning.md")
    escaped = "Å &amp; &quot;B&quot; *c* _d_ {: onclick=x} | e"
    assert f'<a href="../kommuner/testby/">{escaped}</a>' in md
    assert f'<span class="aktivitet-navn">{escaped}</span>' in md
    for path in ("figurer/kommuner/testby/tidslinje.svg", "figurer/kommuner/testby/borgere.svg"):
        svg = ET.fromstring(result.assets[path])  # still well-formed XML
        texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")] + [svg.find(f"{SVG}title").text]
        assert any(hostile in text for text in texts), path

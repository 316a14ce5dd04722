"""The pure parts of benchmarks/performance.py, on tiny made-up input: no timing, no real build.

The speed-up the benchmark led to (libyaml under the YAML reader) is tested in test_yamlsource.py.
"""
import importlib.util
import sys

import pytest

from helpers import REPO

spec = importlib.util.spec_from_file_location("performance", REPO / "benchmarks" / "performance.py")
performance = importlib.util.module_from_spec(spec)
sys.modules["performance"] = performance
spec.loader.exec_module(performance)


@pytest.mark.parametrize("path, part", [
    ("search/search_index.json", "søgning"),
    ("assets/javascripts/workers/search.a7633da7.min.js", "søgning"),
    ("assets/javascripts/lunr/min/lunr.da.min.js", "søgning"),
    ("assets/javascripts/bundle.a5f9d56c.min.js", "tema"),
    ("assets/images/favicon.png", "tema"),
    ("", "vores"),
    ("stylesheets/haandbog.css", "vores"),
    ("kommuner/herning/tidslinje.svg", "vores"),
])
def test_each_request_of_a_visit_belongs_to_the_search_the_theme_or_us(path, part):
    assert performance.part_of(path) == part


def test_a_visit_adds_up_what_each_part_transferred():
    visit = performance.PageWeight("", [
        performance.Transfer("", 9_000, 50_000), performance.Transfer("assets/x.css", 20_000, 130_000),
        performance.Transfer("search/search_index.json", 80_000, 400_000),
        performance.Transfer("stylesheets/haandbog.css", 5_000, 16_000)])
    assert visit.transferred() == 114_000 and visit.size == 596_000
    assert [visit.transferred(part) for part in performance.PARTS_OF_A_VISIT] == [80_000, 20_000, 14_000]


@pytest.mark.parametrize("before, after", [
    ("id: x\nresume: |\n  Første linje.\n  Anden.\nnavn: X\n", "id: x\nresume: |\n  MÆRKE Første linje.\n  Anden.\nnavn: X\n"),
    ("resume: Kort tekst.\n", "resume: MÆRKE Kort tekst.\n"),
    ("resume: 'Citeret: tekst.'\n", "resume: 'MÆRKE Citeret: tekst.'\n"),
])
def test_the_serve_edit_puts_the_marker_in_the_resume(before, after):
    assert performance.insert_marker(before, "MÆRKE") == after


def test_the_serve_edit_needs_a_resume():
    with pytest.raises(ValueError):
        performance.insert_marker("id: x\n", "MÆRKE")


def results(**changes) -> "performance.Results":
    weight = performance.PageWeight("", [performance.Transfer("", 1024, 4096),
                                         performance.Transfer("assets/a.css", 2048, 8192),
                                         performance.Transfer("search/search_index.json", 4096, 40_000)])
    comparison = performance.PageWeight("sammenligning/", [performance.Transfer("sammenligning/", 300_000, 3_000_000)])
    values = dict(
        machine={"Python": "3.11", "CPU": "2 kerner"}, runs=3,
        plugin_build=[2.0, 2.2, 2.1], plain_build=[1.0, 1.1, 1.0], plugin_cpu=[1.8, 1.9, 1.8],
        plain_cpu=[0.9, 0.9, 1.0], warm_build=[1.05, 1.1, 1.15], warm_cpu=[1.0, 1.0, 0.95], pages=36,
        synthetic={10: ([1.0, 1.2, 1.1], 60_000_000, 43, [0.9, 1.0, 1.0]),
                   100: ([3.0, 3.1, 3.2], 70_000_000, 133, [2.5, 2.6, 2.4]),
                   1000: ([30.0, 31.0, 33.0], 400_000_000, 1033, [20.0, 20.0, 21.0])},
        scale=performance.ScaleWeights(comparison, (30_000_000, 6_000_000), (20_000_000, 2_000_000)),
        check_wall=[0.25, 0.35, 0.3], check_changed=[0.6, 0.7, 0.65], check_cpu=(0.1, 0.5),
        check_inside={"import": 0.2, "load": 0.1, "render": 0.15, "warm": 0.2},
        python_start=0.02, serve=[0.9, 0.8, 1.2], serve_dirty=[0.5, 0.4, 0.6], weights=[weight])
    return performance.Results(**{**values, **changes})


def test_report_says_which_targets_are_met():
    text = performance.report(results())
    assert "| Forhold plugin uden cache / almindeligt build | 2.10× | ≤ 1.10× | ikke opfyldt |" in text
    assert "| – det samme målt i CPU-tid (1.80 s mod 0.90 s) | 2.00× | | |" in text
    assert "| Forhold plugin med cache / almindeligt build | 1.10× | ≤ 1.10× | opfyldt |" in text
    assert "| – det samme målt i CPU-tid (1.00 s mod 0.90 s) | 1.11× | | |" in text
    assert "| Tidens vækst, 1000 mod 100 kommuner (7.8 gange så mange sider) | 10.00× | ≤ 11× | opfyldt |" in text
    assert "| – det samme målt i CPU-tid (20.0 s mod 2.5 s) | 8.00× | | |" in text
    assert "| Højeste hukommelsesforbrug (RSS) i et build | 400 MB | < 500 MB | opfyldt |" in text
    assert "uændret siden sidste check | 0.30 s | ≤ 0.3 s | opfyldt |" in text
    assert "(intet husket fra sidste check) | 0.65 s | ≤ 0.3 s | ikke opfyldt |" in text
    assert "| – det samme målt i CPU-tid: uændret 0.10 s, som efter en ændring 0.50 s | | | |" in text
    assert "til den nye tekst vises (median af 3) | 0.50 s | ≤ 1 s | opfyldt |" in text
    assert "uden `--dirty`, der bygger alle sider ved hver gemning | 0.90 s | | |" in text
    assert "første besøg, overført (komprimeret) | 7.0 KiB | ≤ 150 KiB | opfyldt |" in text
    assert "| `/` | 3 | 7.0 KiB | 4.0 KiB | 2.0 KiB | 1.0 KiB | 51.1 KiB |" in text
    assert "| `/sammenligning/` | 1 | 293.0 KiB | 0.0 KiB | 0.0 KiB | 293.0 KiB | 2929.7 KiB |" in text
    assert "| Søgeindekset med 1000 kommuner, komprimeret | 6.00 MB (30.0 MB ukomprimeret) | ≤ 5 MB" in text
    assert "kommunesider efter resumé | ikke opfyldt |" in text
    assert "- Build med plugin uden cache: 2.00, 2.20, 2.10" in text
    assert "- Build med plugin med cache: 1.05, 1.10, 1.15" in text


def test_report_tables_are_well_formed():
    text = performance.report(results(serve_dirty=[1.5, 4.0, 1.2], check_wall=[0.4, 0.3, 0.5]))
    assert "| ≤ 1 s | ikke opfyldt |" in text and "| ≤ 0.3 s | ikke opfyldt |" in text
    table = []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            table.append(line.count("|") - line.count("\\|"))
        elif table:
            assert len(set(table)) == 1, table  # every row of a table has as many cells as its header
            table = []


def test_run_measured_gives_the_peak_memory_of_that_process_not_of_the_one_that_started_it():
    # This process holds 300 MB while the command holds 60 MB: Linux would report 300 MB for a plain child.
    held = bytearray(300_000_000)
    held[::4096] = b"1" * len(held[::4096])
    run = performance.run_measured([sys.executable, "-c", "x = bytearray(60_000_000); x[::4096] = b'1' * len(x[::4096])"])
    assert 60_000_000 < run.peak_bytes < 150_000_000
    assert run.seconds > 0 and run.cpu_seconds > 0


def test_run_measured_stops_on_a_failing_command():
    with pytest.raises(RuntimeError, match="fejlede"):
        performance.run_measured([sys.executable, "-c", "raise SystemExit(3)"])


@pytest.mark.parametrize("config,path", [
    ("site_name: X\nsite_url: https://eksempel.dk/haandbog/\n", "/haandbog/"),
    ("site_url: 'https://eksempel.dk/a/b'\n", "/a/b/"),
    ("site_url: https://eksempel.dk\n", "/"),
    ("site_name: X\n", "/"),
])
def test_serve_is_measured_where_mkdocs_serves_the_site(config, path):
    assert performance.served_path(config) == path

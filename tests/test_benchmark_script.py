"""The pure parts of benchmarks/performance.py, on tiny made-up input: no timing, no real build.

The speed-up the benchmark led to (libyaml under the YAML reader) is tested in test_yamlsource.py.
"""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from helpers import REPO

spec = importlib.util.spec_from_file_location("performance", REPO / "benchmarks" / "performance.py")
performance = importlib.util.module_from_spec(spec)
sys.modules["performance"] = performance
spec.loader.exec_module(performance)


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    config = json.dumps({"base": "..", "search": "../assets/worker.js"})
    write(site / "side" / "index.html", f"""<!doctype html><html><head>
<link rel="prev" href="../forrige/"><link rel="canonical" href="https://eksempel.dk/side/">
<link rel="icon" href="../assets/favicon.png"><link rel="stylesheet" href="../assets/tema.css">
<link rel="stylesheet" href="../assets/tema.css">
<script id="__config" type="application/json">{config}</script>
<script src="../assets/bundle.js"></script><script src="https://andet.dk/x.js"></script>
</head><body><a href="../andet/">link</a><img src="../billeder/kort.svg" alt=""></body></html>""")
    write(site / "assets" / "favicon.png", b"\x89PNG" + bytes(96))
    write(site / "assets" / "tema.css", "body{background:url('../billeder/baggrund.png')}"
                                        ".x{background:url(data:image/png;base64,AAAA)}" * 20)
    write(site / "assets" / "bundle.js", "console.log('hej');\n" * 50)
    write(site / "assets" / "worker.js", "self.onmessage = () => {};\n")
    write(site / "billeder" / "kort.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(site / "billeder" / "baggrund.png", bytes(300))
    write(site / "andet" / "index.html", "<p>ikke hentet</p>" * 100)
    return site


def test_page_weight_counts_what_the_page_loads_once_each(site):
    weight = performance.page_weight(site, "side/index.html")
    assert sorted(weight.assets) == ["assets/bundle.js", "assets/favicon.png", "assets/tema.css",
                                     "billeder/baggrund.png", "billeder/kort.svg"]
    assert weight.external == ["https://andet.dk/x.js"]
    assert weight.search_worker == "assets/worker.js"
    html = (site / "side" / "index.html").read_bytes()
    files = [site / path for path in weight.assets]
    assert weight.html == len(html)
    assert weight.total == len(html) + sum(f.stat().st_size for f in files)
    # The repeated CSS and JavaScript compress well; the sum is of the same files.
    assert weight.html_gzip < weight.html and weight.total_gzip < weight.total // 2


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
    weight = performance.PageWeight("index.html", 2048, 512, {"a.css": (4096, 1024)})
    values = dict(
        machine={"Python": "3.11", "CPU": "2 kerner"}, runs=3,
        plugin_build=[2.0, 2.2, 2.1], plain_build=[1.0, 1.1, 1.0], plugin_cpu=[1.8, 1.9, 1.8],
        plain_cpu=[0.9, 0.9, 1.0], warm_build=[1.05, 1.1, 1.15], warm_cpu=[1.0, 1.0, 0.95], pages=36,
        synthetic={10: ([1.0, 1.2, 1.1], 60_000_000, 43), 50: ([3.0, 3.1, 3.2], 70_000_000, 83),
                   100: ([5.0, 5.5, 5.2], 80_000_000, 133)},
        check_wall=[0.25, 0.35, 0.3], check_inside={"import": 0.2, "load": 0.1, "render": 0.15, "warm": 0.2},
        python_start=0.02, serve=[0.9, 0.8, 1.2], weights=[weight], search_index=(200_000, 40_000),
        search_worker=(40_000, 12_000))
    return performance.Results(**{**values, **changes})


def test_report_says_which_targets_are_met():
    text = performance.report(results())
    assert "| Forhold plugin uden cache / almindeligt build | 2.10× | ≤ 1.10× | ikke opfyldt |" in text
    assert "| – det samme målt i CPU-tid (1.80 s mod 0.90 s) | 2.00× | | |" in text
    assert "| Forhold plugin med cache / almindeligt build | 1.10× | ≤ 1.10× | opfyldt |" in text
    assert "| – det samme målt i CPU-tid (1.00 s mod 0.90 s) | 1.11× | | |" in text
    assert "| Tidens vækst, 100 mod 10 kommuner | 4.73× | ≤ 11× | opfyldt |" in text
    assert "| Højeste hukommelsesforbrug (RSS) i et build | 80 MB | < 500 MB | opfyldt |" in text
    assert "hele kommandoen | 0.30 s | ≤ 0.3 s | opfyldt |" in text
    assert "(median af 3) | 0.90 s | ≤ 1 s | opfyldt |" in text
    assert "| `index.html` | 2.0 KiB | 1 fil, 4.0 KiB | 6.0 KiB | 1.5 KiB |" in text
    assert "| Søgeindeks `search/search_index.json` | | | 195.3 KiB | 39.1 KiB |" in text
    assert "- Build med plugin uden cache: 2.00, 2.20, 2.10" in text
    assert "- Build med plugin med cache: 1.05, 1.10, 1.15" in text


def test_report_tables_are_well_formed():
    text = performance.report(results(serve=[1.5, 4.0, 1.2], check_wall=[0.4, 0.3, 0.5]))
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

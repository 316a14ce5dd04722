"""Measure the handbook's speed and weight against the targets of issue #23; write benchmarks/ydelse.md.

Run: .venv/bin/python benchmarks/performance.py [--gange N] [--profil] [--kun DEL ...]

Everything is measured in one run on this machine, each program as its own subprocess:
  1. the full build with the plugin, without its disk cache (as in a fresh clone) and with the cache
     an earlier build left, against a plain `mkdocs build` of the same pages exported as Markdown
     (`omlaegning export`), all with --strict, interleaved, median of N;
  2. builds with 10, 100 and 1,000 municipalities (tests/synthetic.py): time and peak memory;
  3. `omlaegning check` on the real content, unchanged and as after a save, and load+render inside Python;
  4. under `mkdocs serve --dirty` (the README's command) and plain `mkdocs serve`: from saving a municipality's
     YAML to the new text being served;
  5. page weight: typical pages opened in Chromium on a first visit, every request's transferred bytes counted,
     from the tests' local server sending text gzipped; with 1,000 municipalities also the comparison page,
     the search index and the open data.
The real handbook is measured in a clone of this repository with the working tree's content laid
over it, so the plugin reads the real git history (dates, "Hvad er nyt") on both sides.
`--profil` prints cProfile's top functions for load+render and for the plugin build instead.
`--kun build check` measures only those parts and prints them; only a whole run writes the report.
Nothing is a timed test: the numbers go into the report, the targets only say "opfyldt" or not.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from synthetic import COPIED, copy_handbook, write_synthetic_handbook  # noqa: E402 (needs the path above)

RESULTS = REPO / "benchmarks" / "ydelse.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SOURCE_DATE_EPOCH", None)  # the plugin sets it from git; the plain build never reads it

# The targets of issue #23.
BUILD_RATIO_TARGET = 1.10
GROWTH_TARGET = 11.0
MEMORY_TARGET_MB = 500
CHECK_TARGET_S = 0.3
SERVE_TARGET_S = 1.0
SERVE_EDITS = 10  # the serve target is a median of ten saves
PARTS = ("build", "kommuner", "check", "serve", "vaegt")
CACHE = Path(".cache") / "omlaegning"  # the plugin's disk cache in the handbook's folder (render/diskcache.py)
MUNICIPALITIES = (10, 100, 1000)
# Typical pages whose weight is reported: the front page, a principle and a municipality; with the most
# municipalities, the page that shows them all side by side.
WEIGHED_PAGES = ("", "principper/ressourcer/", "kommuner/herning/")
COMPARISON_PAGE = "sammenligning/"
PAGE_WEIGHT_TARGET_KIB = 150
LARGEST_RUNS = 3  # builds of the most municipalities take minutes: three of them
SEARCH_INDEX_LIMIT_MB = 5  # compressed; beyond it the municipality pages are to be indexed by their summary
SERVE_FILE = "data/kommuner/herning.yaml"
SERVE_PAGE = "/kommuner/herning/"


# ---------------------------------------------------------------- pure helpers (tested)

def median(values: list[float]) -> float:
    return statistics.median(values)


def verdict(met: bool) -> str:
    return "opfyldt" if met else "ikke opfyldt"


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def gzipped_size(data: bytes) -> int:
    """Size over HTTP with gzip at level 6, as a web server usually sends it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass
class Transfer:
    """One request of a first visit, as Chromium saw it."""
    path: str         # under the site, e.g. "assets/javascripts/bundle.min.js" ("" for the front page)
    transferred: int  # response headers plus the body as sent (gzip where the server compressed it)
    size: int         # the body as the browser used it, uncompressed


# Who a request's file belongs to: Material's search (its worker, lunr and the index it fetches at once), the
# rest of the theme (everything under assets/), or the handbook (the page, our stylesheets, scripts and figures).
PARTS_OF_A_VISIT = ("søgning", "tema", "vores")


def part_of(path: str) -> str:
    if path.startswith(("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/")):
        return "søgning"
    return "tema" if path.startswith("assets/") else "vores"


@dataclass
class PageWeight:
    page: str
    transfers: list[Transfer]

    def transferred(self, part: str | None = None) -> int:
        return sum(t.transferred for t in self.transfers if part is None or part_of(t.path) == part)

    @property
    def size(self) -> int:
        return sum(t.size for t in self.transfers)


def insert_marker(text: str, marker: str) -> str:
    """Put `marker` at the start of the YAML file's `resume` text, whether plain, quoted or a block."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.startswith("resume:"):
            continue
        value = line[len("resume:"):].strip()
        if value[:1] in ("|", ">"):
            following = lines[index + 1]
            indent = len(following) - len(following.lstrip(" "))
            lines[index + 1] = f"{following[:indent]}{marker} {following[indent:]}"
        elif value[:1] in ("'", '"'):
            lines[index] = line.replace(value[0], value[0] + marker + " ", 1)
        else:
            lines[index] = f"resume: {marker} {value}\n"
        return "".join(lines)
    raise ValueError("filen har intet resume: at skrive i")


@dataclass
class ScaleWeights:
    """What a reader downloads from the site with the most municipalities."""
    comparison: PageWeight
    search_index: tuple[int, int]  # bytes, raw and gzipped
    open_data: tuple[int, int]


@dataclass
class Results:
    """Everything one run measured; `report` turns it into Markdown."""

    machine: dict[str, str]
    runs: int
    plugin_build: list[float]  # without the disk cache, as in a fresh clone
    plain_build: list[float]
    plugin_cpu: list[float]
    plain_cpu: list[float]
    warm_build: list[float]    # with the disk cache an earlier build left
    warm_cpu: list[float]
    pages: int
    synthetic: dict[int, tuple[list[float], int, int, list[float]]]  # municipalities -> (times, peak, pages, CPU)
    scale: ScaleWeights | None
    check_wall: list[float]    # unchanged content: check says what it found last time
    check_changed: list[float]  # as after a save: nothing kept from the last check
    check_cpu: tuple[float, float]  # the medians of their CPU time, unchanged and as after a save
    check_inside: dict[str, float]
    python_start: float
    serve: list[float]
    serve_dirty: list[float]  # `mkdocs serve --dirty`: only the pages whose output changed are built again
    weights: list[PageWeight]


def report(r: Results) -> str:
    plugin, plain, warm = median(r.plugin_build), median(r.plain_build), median(r.warm_build)
    ratio, warm_ratio = plugin / plain, warm / plain
    cpu_ratio = median(r.plugin_cpu) / median(r.plain_cpu)
    warm_cpu_ratio = median(r.warm_cpu) / median(r.plain_cpu)
    times = {n: median(t) for n, (t, *_) in r.synthetic.items()}
    cpu = {n: median(c) for n, (*_, c) in r.synthetic.items()}
    largest, *_, = sorted(times, reverse=True)
    before_largest = sorted(times)[-2]
    growth = times[largest] / times[before_largest]
    pages_growth = r.synthetic[largest][2] / r.synthetic[before_largest][2]
    peak_mb = max(peak for _, peak, *_ in r.synthetic.values()) / 1e6
    check, changed = median(r.check_wall), median(r.check_changed)
    serve, serve_dirty = median(r.serve), median(r.serve_dirty)
    front = r.weights[0]
    front_kib = front.transferred() / 1024

    def raw(values):
        return ", ".join(f"{v:.2f}" for v in values)

    def parts(w: PageWeight) -> str:
        return " | ".join(kib(w.transferred(part)) for part in PARTS_OF_A_VISIT)

    lines = [
        "# Ydelse: build, check, serve og sidevægt",
        "",
        "Lavet af `benchmarks/performance.py` (kør: `.venv/bin/python benchmarks/performance.py`); skriv ikke i",
        "filen i hånden, den bliver overskrevet. Hvad profileringen viste, og hvad der blev rettet, står i",
        "[profil.md](profil.md). Alle tal er fra én kørsel på maskinen nedenfor; hver måling er en selvstændig",
        "proces, og tider er vægurstid (median af flere kørsler). Hukommelse er den højeste RSS, build-processen",
        "nåede (1 MB = 1.000.000 byte). Maskinen kan være delt med andet arbejde: se belastningen nedenfor, og",
        "CPU-tiden, som et travlt system forstyrrer mindre end vægurstiden. En vært, der er langsom, fordi",
        "naboerne bruger den, viser sig ikke i belastningen, men i maskinens fart (den samme Python-løkke før og",
        "efter); sammenlign den mellem kørsler, før sekunder sammenlignes. Målene er fra issue #23.",
        "",
        "## Maskine",
        "",
        "| | |",
        "|---|---|",
    ] + [f"| {key} | {value} |" for key, value in r.machine.items()] + [
        "",
        "## Resultat",
        "",
        "| Måling | Resultat | Mål | Vurdering |",
        "|---|---|---|---|",
        f"| Fuldt build med plugin (`mkdocs build --strict`, {r.pages} sider), uden cache som i en frisk klon | "
        f"{seconds(plugin)} | | |",
        f"| Fuldt build med plugin, med den cache et tidligere build efterlod (`.cache/omlaegning/`) | "
        f"{seconds(warm)} | | |",
        f"| Almindeligt `mkdocs build --strict` af de samme sider eksporteret som Markdown | {seconds(plain)} | | |",
        f"| Forhold plugin uden cache / almindeligt build | {ratio:.2f}× | ≤ {BUILD_RATIO_TARGET:.2f}× | "
        f"{verdict(ratio <= BUILD_RATIO_TARGET)} |",
        f"| – det samme målt i CPU-tid ({median(r.plugin_cpu):.2f} s mod {median(r.plain_cpu):.2f} s) | "
        f"{cpu_ratio:.2f}× | | |",
        f"| Forhold plugin med cache / almindeligt build | {warm_ratio:.2f}× | ≤ {BUILD_RATIO_TARGET:.2f}× | "
        f"{verdict(warm_ratio <= BUILD_RATIO_TARGET)} |",
        f"| – det samme målt i CPU-tid ({median(r.warm_cpu):.2f} s mod {median(r.plain_cpu):.2f} s) | "
        f"{warm_cpu_ratio:.2f}× | | |",
    ] + [
        f"| Build med {n} kommuner ({pages} sider) | {seconds(times[n])}, højst {peak / 1e6:.0f} MB | | |"
        for n, (_, peak, pages, _) in sorted(r.synthetic.items())
    ] + [
        f"| Tidens vækst, {largest} mod {before_largest} kommuner ({pages_growth:.1f} gange så mange sider) | "
        f"{growth:.2f}× | ≤ {GROWTH_TARGET:.0f}× | {verdict(growth <= GROWTH_TARGET)} |",
        f"| – det samme målt i CPU-tid ({cpu[largest]:.1f} s mod {cpu[before_largest]:.1f} s) | "
        f"{cpu[largest] / cpu[before_largest]:.2f}× | | |",
        f"| Højeste hukommelsesforbrug (RSS) i et build | {peak_mb:.0f} MB | < {MEMORY_TARGET_MB} MB | "
        f"{verdict(peak_mb < MEMORY_TARGET_MB)} |",
        f"| `omlaegning check` på det rigtige indhold, uændret siden sidste check | {seconds(check)} | "
        f"≤ {CHECK_TARGET_S:.1f} s | {verdict(check <= CHECK_TARGET_S)} |",
        f"| `omlaegning check` som efter en gemt ændring (intet husket fra sidste check) | {seconds(changed)} | "
        f"≤ {CHECK_TARGET_S:.1f} s | {verdict(changed <= CHECK_TARGET_S)} |",
        f"| – det samme målt i CPU-tid: uændret {seconds(r.check_cpu[0])}, som efter en ændring "
        f"{seconds(r.check_cpu[1])} | | | |",
        f"| – heraf inde i Python: import {seconds(r.check_inside['import'])}, indlæsning "
        f"{seconds(r.check_inside['load'])}, rendering {seconds(r.check_inside['render'])} | "
        f"{seconds(r.check_inside['import'] + r.check_inside['load'] + r.check_inside['render'])} | | |",
        f"| – indlæsning + rendering igen i samme proces (varm) | {seconds(r.check_inside['warm'])} | | |",
        f"| – Pythons egen opstart (`python -c pass`) | {seconds(r.python_start)} | | |",
        f"| `mkdocs serve --dirty` (README'ens kommando: kun sider, hvis indhold ændrede sig, bygges igen): fra en "
        f"YAML-fil gemmes, til den nye tekst vises (median af {len(r.serve_dirty)}) | "
        f"{seconds(serve_dirty)} | ≤ {SERVE_TARGET_S:.0f} s | {verdict(serve_dirty <= SERVE_TARGET_S)} |",
        f"| – til sammenligning `mkdocs serve` uden `--dirty`, der bygger alle sider ved hver gemning | "
        f"{seconds(serve)} | | |",
        f"| Forsiden med alt, den henter ved første besøg, overført (komprimeret) | {kib(front.transferred())} | "
        f"≤ {PAGE_WEIGHT_TARGET_KIB} KiB | {verdict(front_kib <= PAGE_WEIGHT_TARGET_KIB)} |",
    ]
    if r.scale:
        index_mb = r.scale.search_index[1] / 1e6
        lines += [
            f"| Søgeindekset med {largest} kommuner, komprimeret | {index_mb:.2f} MB "
            f"({r.scale.search_index[0] / 1e6:.1f} MB ukomprimeret) | ≤ {SEARCH_INDEX_LIMIT_MB} MB, ellers "
            f"kommunesider efter resumé | {verdict(index_mb <= SEARCH_INDEX_LIMIT_MB)} |",
        ]
    lines += [
        "",
        "## Sidevægt",
        "",
        "Hver side åbnes i Chromium (headless) med en tom cache, som ved et første besøg, fra testenes lokale",
        "server (`tests/browser/localserver.py`), der sender tekstfiler komprimeret med gzip (niveau 6), som en",
        "webvært gør. Alle forespørgsler tælles, til netværket har været stille et halvt sekund: svarets",
        "headere plus indholdet, som det blev sendt (Chromiums tal). Skrifttyper hentes ikke: temaet bruger",
        "systemets skrifter (`font: false`). *Søgning* er Materials søgeworker og, hvis siden henter dem,",
        "søgeindekset og lunr; siden henter dem først, når læseren går til søgningen",
        "(`docs/javascripts/soegeindeks.js`), så et første besøg uden søgning tæller dem ikke med;",
        "*tema* er resten af Materials filer (`assets/`: CSS, JavaScript, ikon); *vores*",
        "er siden selv (HTML'en, som temaets skabelon bygger om vores indhold) og vores egne CSS- og JS-filer",
        "og figurer.",
        "",
        "| Side | Forespørgsler | Overført i alt | Søgning | Tema | Vores | Ukomprimeret i alt |",
        "|---|---|---|---|---|---|---|",
    ] + [
        f"| `/{w.page}` | {len(w.transfers)} | {kib(w.transferred())} | {parts(w)} | {kib(w.size)} |"
        for w in r.weights + ([r.scale.comparison] if r.scale else [])
    ]
    if r.scale:
        lines += [
            "",
            f"`/{COMPARISON_PAGE}` er målt på sitet med {largest} kommuner. Samme site: søgeindekset er "
            f"{r.scale.search_index[0] / 1e6:.1f} MB ({r.scale.search_index[1] / 1e6:.2f} MB komprimeret); de åbne "
            f"data (alle JSON-filer under `data/`) er {r.scale.open_data[0] / 1e6:.1f} MB "
            f"({r.scale.open_data[1] / 1e6:.2f} MB komprimeret).",
        ]
    lines += [
        "",
        "## Enkeltmålinger (sekunder)",
        "",
        f"- Build med plugin uden cache: {raw(r.plugin_build)}",
        f"- Build med plugin med cache: {raw(r.warm_build)}",
        f"- Almindeligt build af eksporten: {raw(r.plain_build)}",
    ] + [f"- Build med {n} kommuner: {raw(t)}" for n, (t, *_) in sorted(r.synthetic.items())] + [
        f"- `omlaegning check`, uændret indhold: {raw(r.check_wall)}",
        f"- `omlaegning check`, som efter en ændring: {raw(r.check_changed)}",
        f"- `mkdocs serve`, gem til vist: {raw(r.serve)}",
        f"- `mkdocs serve --dirty`, gem til vist: {raw(r.serve_dirty)}",
        "",
        "Byggene skiftes til (plugin uden cache, plugin med cache, eksport, plugin uden cache, …) efter en",
        "opvarmning af hver, så en travl maskine rammer dem lige meget; før hvert build uden cache slettes",
        "`.cache/omlaegning/`. De syntetiske kommuner laves af `tests/synthetic.py` i en mappe uden",
        "git-historik og bygges med varm cache (opvarmningen fylder den); de sammenlignes kun med hinanden.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- measuring

@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the process: less disturbed by a busy machine
    peak_bytes: int
    returncode: int
    output: str


# Linux gives a child the memory high-water mark of the process it was forked from, so a child of
# this (large) process would report at least this process's size. A small Python starts the command
# and reports what os.wait4 says of it: the floor is that small Python's size, about 10 MB.
_MEASURE = """import json, os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([usage.ru_maxrss, usage.ru_utime + usage.ru_stime], out)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(command: list[str], cwd: Path | None = None) -> Run:
    """Run a command; its wall time, CPU time and the peak RSS of that one process."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as folder:
        usage_file = Path(folder) / "usage.json"
        start = time.perf_counter()
        process = subprocess.run([sys.executable, "-c", _MEASURE, str(usage_file), *command], cwd=cwd, env=ENV,
                                 stdout=output, stderr=subprocess.STDOUT)
        elapsed = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
        if process.returncode:
            raise RuntimeError(f"{' '.join(command)} fejlede ({process.returncode}):\n{text}")
        maxrss, cpu_seconds = json.loads(usage_file.read_text())
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = maxrss * (1 if sys.platform == "darwin" else 1024)
    return Run(elapsed, cpu_seconds, peak, process.returncode, text)


def mkdocs_build(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]


def omlaegning(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("omlaegning")
    return ([str(script)] if script.exists() else [sys.executable, "-m", "omlaegning.cli"]) + list(args)


def real_tree(target: Path) -> bool:
    """The handbook as it is in the working tree, in a clone so git history is there. True if it is."""
    history = (REPO / ".git").exists() and subprocess.run(
        ["git", "clone", "-q", str(REPO), str(target)], capture_output=True).returncode == 0
    copy_handbook(target)
    return history and bool(subprocess.run(["git", "-C", str(target), "log", "-1", "--format=%h"],
                                           capture_output=True, text=True).stdout.strip())


def machine_info(history: bool) -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    commit = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h"],
                            capture_output=True, text=True).stdout.strip() or "ukendt"
    changed = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", *COPIED, "plugins"],
                             capture_output=True, text=True).stdout.strip()
    import yaml
    return {
        "Dato": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "Commit": commit + (" (med ikke-committede ændringer i indhold eller plugin)" if changed else ""),
        "CPU": f"{os.cpu_count()} kerner, {cpu}",
        "Belastning før kørslen (1 min.)": f"{os.getloadavg()[0]:.2f}",
        "Maskinens fart før kørslen (3 mio. additioner i Python, bedste af 3)": machine_speed(),
        "System": platform.platform(),
        "Python": platform.python_version(),
        "MkDocs / Material": f"{version('mkdocs')} / {version('mkdocs-material')}",
        "pydantic / PyYAML": f"{version('pydantic')} / {version('pyyaml')} "
                             f"({'med' if yaml.__with_libyaml__ else 'uden'} libyaml)",
        "Git-historik i det målte træ": "ja: datoer og «Hvad er nyt» kommer fra git på begge sider" if history
        else "nej: siderne har ingen datoer, på begge sider",
    }


def machine_speed() -> str:
    """A fixed piece of pure Python, timed (best of three): the load average misses a host that is slow
    because of its neighbours, and the seconds targets depend on it; compare it between runs."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for number in range(3_000_000):
            total += number
        best = min(best, time.perf_counter() - start)
    return f"{best:.3f} s"


def site_pages(site: Path) -> int:
    """The pages of a built site: those in the search index (redirects and QR codes are not pages)."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sum(1 for doc in docs if "#" not in doc["location"])


def compare_builds(tree: Path, work: Path, runs: int) -> tuple[list[Run], list[Run], list[Run], int, Path]:
    """The plugin's build without and with its disk cache, and the plain build, interleaved."""
    export = work / "eksport"
    run_measured(omlaegning("--rod", str(tree), "export", str(export)))
    plugin_site, plain_site = work / "site-plugin", work / "site-eksport"
    plugin_cmd, plain_cmd = mkdocs_build(tree / "mkdocs.yml", plugin_site), mkdocs_build(export / "mkdocs.yml", plain_site)
    run_measured(plugin_cmd), run_measured(plain_cmd)  # warm-up: the system's file cache, .pyc files
    plugin, warm, plain = [], [], []
    for _ in range(runs):
        shutil.rmtree(tree / CACHE, ignore_errors=True)
        plugin.append(run_measured(plugin_cmd))
        warm.append(run_measured(plugin_cmd))
        plain.append(run_measured(plain_cmd))
    files = sorted(p.relative_to(plugin_site) for p in plugin_site.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(plain_site) for p in plain_site.rglob("*") if p.is_file()):
        raise RuntimeError("Eksporten og buildet med plugin har ikke de samme filer; sammenligningen holder ikke.")
    return plugin, warm, plain, site_pages(plugin_site), plugin_site


def synthetic_builds(work: Path, runs: int) -> tuple[dict[int, tuple[list[float], int, int, list[float]]], Path]:
    """Each count's builds, and the site with the most municipalities. Each build loads, validates and renders
    (the kept handbook is deleted first); QR codes, figures and templates come from the cache the warm-up left."""
    results, site = {}, None
    for count in MUNICIPALITIES:
        tree = write_synthetic_handbook(work / f"kommuner-{count}", count)
        site = work / f"site-{count}"
        command = mkdocs_build(tree / "mkdocs.yml", site)
        run_measured(command)  # warm-up
        measured = []
        for _ in range(min(runs, LARGEST_RUNS) if count == max(MUNICIPALITIES) else runs):
            shutil.rmtree(tree / CACHE / "haandbog", ignore_errors=True)
            measured.append(run_measured(command))
        results[count] = ([m.seconds for m in measured], max(m.peak_bytes for m in measured), site_pages(site),
                          [m.cpu_seconds for m in measured])
        print(f"  {count} kommuner: {median([m.seconds for m in measured]):.2f} s", flush=True)
    return results, site


INSIDE = r"""
import json, statistics, sys, time
from pathlib import Path
start = time.perf_counter()
from omlaegning.loader import load_handbook
from omlaegning.render import render_handbook
imported = time.perf_counter()
root = Path(sys.argv[1])
handbook = load_handbook(root)
loaded = time.perf_counter()
render_handbook(handbook)
rendered = time.perf_counter()
warm = []
for _ in range(int(sys.argv[2])):
    again = time.perf_counter()
    render_handbook(load_handbook(root))
    warm.append(time.perf_counter() - again)
print(json.dumps({"import": imported - start, "load": loaded - imported, "render": rendered - loaded,
                  "warm": statistics.median(warm)}))
"""


def check_times(tree: Path, runs: int) -> tuple[list[Run], list[Run], dict[str, float], float]:
    """check with unchanged content, and as after a save: without what the last check kept (QR codes, figures and
    templates stay cached, as they do after a save)."""
    command = omlaegning("--rod", str(tree), "check")
    run_measured(command)  # warm-up
    wall, changed = [], []
    for _ in range(runs):
        wall.append(run_measured(command))
        shutil.rmtree(tree / CACHE / "check", ignore_errors=True)
        changed.append(run_measured(command))
    inside = [json.loads(run_measured([sys.executable, "-c", INSIDE, str(tree), str(runs)]).output)
              for _ in range(runs)]
    python = median([run_measured([sys.executable, "-c", "pass"]).seconds for _ in range(runs)])
    return wall, changed, {key: median([i[key] for i in inside]) for key in inside[0]}, python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return ""


def _wait_for(predicate, limit: float, interval: float = 0.02) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if predicate():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def served_path(config_text: str) -> str:
    """Where `mkdocs serve` puts the site: under site_url's path (/omlaegningshaandbogen/), or at /."""
    found = re.search(r"^site_url:\s*(\S+)", config_text, re.MULTILINE)
    path = urlsplit(found.group(1).strip("'\"")).path if found else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _log_tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text().splitlines()[-lines:])


def serve_latency(tree: Path, work: Path, edits: int, dirty: bool = False) -> list[float]:
    """Start `mkdocs serve` (with `dirty`: `mkdocs serve --dirty`), save a changed YAML file `edits` times, and time
    each until the page shows it."""
    port = _free_port()
    prefix = served_path((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    url = f"http://127.0.0.1:{port}{prefix}{SERVE_PAGE.lstrip('/')}"
    yaml_file = tree / SERVE_FILE
    original = yaml_file.read_text(encoding="utf-8")
    latencies = []
    with (work / "serve.log").open("w") as log:  # the server has its own copy of the file handle
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(tree / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
            + (["--dirty"] if dirty else []),
            stdout=log, stderr=subprocess.STDOUT, env=ENV, start_new_session=True)  # its own process group
    try:
        if _wait_for(lambda: "Herning" in _fetch(url), 120, 0.2) is None:
            raise RuntimeError(f"mkdocs serve svarede ikke på {url}:\n{_log_tail(work / 'serve.log')}")
        time.sleep(2)  # let the watcher take its first snapshot
        for number in range(edits):
            marker = f"Maalepunkt{number}x{os.getpid()}"
            changed = insert_marker(original, marker)
            start = time.perf_counter()
            yaml_file.write_text(changed, encoding="utf-8")
            if _wait_for(lambda: marker in _fetch(url), 60) is None:
                raise RuntimeError(f"Siden viste ikke ændringen:\n{_log_tail(work / 'serve.log')}")
            latencies.append(time.perf_counter() - start)
            time.sleep(1.5)  # the next save must not fall into the same rebuild
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        except ProcessLookupError:
            pass
        yaml_file.write_text(original, encoding="utf-8")
    return latencies


def first_visits(site: Path, prefix: str, pages: tuple[str, ...]) -> list[PageWeight]:
    """Each page opened in Chromium with an empty cache, from the tests' local server under `prefix`, which sends
    text gzipped as a web host does; every request counted until the network has been quiet for half a second."""
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from playwright.sync_api import sync_playwright
    from chromium import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
    from localserver import serve
    ensure_chromium()
    with serve(site, prefix, compress=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            return [_first_visit(browser, base, page) for page in pages]
        finally:
            browser.close()


def _first_visit(browser, base: str, page: str) -> PageWeight:
    context = browser.new_context(locale="da-DK")  # a profile of its own: nothing cached from another page
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        context.new_page().goto(f"{base}/{page}", wait_until="networkidle")
        transfers = []
        for request in finished:
            sizes, response = request.sizes(), request.response()
            # Chromium gives no body size for the search worker's own script; the server's Content-Length does.
            body = sizes["responseBodySize"] or int(response.headers.get("content-length", 0))
            path = request.url.removeprefix(base + "/")
            transfers.append(Transfer(path, sizes["responseHeadersSize"] + body, len(response.body())))
        return PageWeight(page, transfers)
    finally:
        context.close()


def open_data(site: Path) -> tuple[int, int]:
    """The open data (every JSON file under data/), raw and gzipped, as a reader downloading all of it gets it."""
    files = [path.read_bytes() for path in sorted((site / "data").rglob("*.json"))]
    return sum(len(data) for data in files), sum(gzipped_size(data) for data in files)


def scale_weights(site: Path, prefix: str) -> ScaleWeights:
    index = (site / "search" / "search_index.json").read_bytes()
    comparison, = first_visits(site, prefix, (COMPARISON_PAGE,))
    return ScaleWeights(comparison, (len(index), gzipped_size(index)), open_data(site))


def profile(work: Path, tree: Path) -> None:
    """cProfile's top functions for load+render in-process and for the whole plugin build."""
    import pstats
    inside = work / "indlaes.prof"
    code = ("import sys; from pathlib import Path; from omlaegning.loader import load_handbook; "
            "from omlaegning.render import render_handbook; from omlaegning.history import read_history; "
            "root = Path(sys.argv[1]); "
            f"import cProfile; cProfile.run('render_handbook(load_handbook(root), read_history(root), "
            f"\"https://eksempel.dk/\")', {str(inside)!r})")
    run_measured([sys.executable, "-c", code, str(tree)])
    build = work / "build.prof"
    run_measured([sys.executable, "-m", "cProfile", "-o", str(build)] + mkdocs_build(tree / "mkdocs.yml", work / "s")[1:])
    for title, path in (("Indlæsning + rendering i Python", inside), ("Build med plugin", build)):
        print(f"\n== {title} ==")
        pstats.Stats(str(path)).sort_stats("cumulative").print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gange", type=int, default=5, help="kørsler pr. måling (mindst 3)")
    parser.add_argument("--profil", action="store_true", help="vis cProfile i stedet for at måle")
    parser.add_argument("--kun", nargs="+", choices=PARTS, default=list(PARTS),
                        help="mål kun disse dele og vis tallene; kun en hel kørsel skriver rapporten")
    parser.add_argument("--ud", type=Path, default=RESULTS, help=f"hvor tabellen skrives (standard: {RESULTS.name})")
    args = parser.parse_args()
    runs = max(3, args.gange)
    parts = set(args.kun)
    work = Path(tempfile.mkdtemp(prefix="ydelse-"))
    try:
        tree = work / "haandbog"
        history = real_tree(tree)
        if args.profil:
            profile(work, tree)
            return 0
        machine = machine_info(history)
        print(f"Belastning før: {machine['Belastning før kørslen (1 min.)']}", flush=True)
        plugin = warm = plain = []
        pages, site = 0, None
        if "build" in parts:
            print("1. build med plugin (uden og med cache) mod eksporten …", flush=True)
            plugin, warm, plain, pages, site = compare_builds(tree, work, runs)
            cold_s, warm_s, plain_s = (median([r.seconds for r in runs_]) for runs_ in (plugin, warm, plain))
            cold_c, warm_c, plain_c = (median([r.cpu_seconds for r in runs_]) for runs_ in (plugin, warm, plain))
            print(f"  uden cache {cold_s:.2f} s, med cache {warm_s:.2f} s, eksporten {plain_s:.2f} s: "
                  f"{cold_s / plain_s:.2f}× og {warm_s / plain_s:.2f}× (CPU-tid {cold_c / plain_c:.2f}× og "
                  f"{warm_c / plain_c:.2f}×)", flush=True)
        synthetic, largest_site = {}, None
        if "kommuner" in parts:
            print("2. syntetiske kommuner …", flush=True)
            synthetic, largest_site = synthetic_builds(work, runs)
        check_wall, check_changed, check_cpu, inside, python = [], [], (0.0, 0.0), {}, 0.0
        if "check" in parts:
            print("3. omlaegning check …", flush=True)
            check_runs, changed_runs, inside, python = check_times(tree, runs)
            check_wall, check_changed = [r.seconds for r in check_runs], [r.seconds for r in changed_runs]
            check_cpu = (median([r.cpu_seconds for r in check_runs]), median([r.cpu_seconds for r in changed_runs]))
            print(f"  uændret {median(check_wall):.2f} s, som efter en ændring {median(check_changed):.2f} s (CPU-tid "
                  f"{check_cpu[0]:.2f} s og {check_cpu[1]:.2f} s); inde i Python: "
                  + ", ".join(f"{k} {v:.3f} s" for k, v in inside.items()), flush=True)
        serve, serve_dirty = [], []
        if "serve" in parts:
            print("4. mkdocs serve og mkdocs serve --dirty …", flush=True)
            serve = serve_latency(tree, work, max(runs, SERVE_EDITS))
            serve_dirty = serve_latency(tree, work, max(runs, SERVE_EDITS), dirty=True)
            print(f"  median {median(serve):.2f} s, med --dirty {median(serve_dirty):.2f} s", flush=True)
        measured, scale = [], None
        if "vaegt" in parts:
            print("5. sidevægt …", flush=True)
            if site is None:
                site = work / "site-plugin"
                run_measured(mkdocs_build(tree / "mkdocs.yml", site))
            prefix = served_path((tree / "mkdocs.yml").read_text(encoding="utf-8"))
            measured = first_visits(site, prefix, WEIGHED_PAGES)
            scale = scale_weights(largest_site, prefix) if largest_site else None
            print("  " + ", ".join(f"/{w.page} {kib(w.transferred())}" for w in measured), flush=True)
        machine["Belastning efter kørslen (1 min.)"] = f"{os.getloadavg()[0]:.2f}"
        machine["Maskinens fart efter kørslen"] = machine_speed()
        print(f"Belastning efter: {machine['Belastning efter kørslen (1 min.)']}", flush=True)
        if parts != set(PARTS):
            return 0
        results = Results(
            machine=machine, runs=runs, plugin_build=[r.seconds for r in plugin], plain_build=[r.seconds for r in plain],
            plugin_cpu=[r.cpu_seconds for r in plugin], plain_cpu=[r.cpu_seconds for r in plain],
            warm_build=[r.seconds for r in warm], warm_cpu=[r.cpu_seconds for r in warm], pages=pages,
            synthetic=synthetic, scale=scale, check_wall=check_wall, check_changed=check_changed, check_cpu=check_cpu,
            check_inside=inside,
            python_start=python, serve=serve, serve_dirty=serve_dirty, weights=measured)
        args.ud.write_text(report(results), encoding="utf-8")
        print(f"Skrev {args.ud}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

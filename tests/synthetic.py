"""Synthetic municipalities: the real handbook copied with extra, made-up municipality files.

Used by the benchmark (10/50/100 municipalities) and by the tests that must hold for many
municipalities. The files are generated YAML, written the way an editor would, so they go
through the same loader as real content. Run as a script to look at a site:

    python tests/synthetic.py 100 /tmp/haandbog-100 && cd /tmp/haandbog-100 && mkdocs serve
"""
from __future__ import annotations

import argparse
import datetime
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs.yml", "links.lock", "docs", "overrides", "concept", "data", "schema")
STATUSES = ("planlagt", "afproevning", "i-drift", "afsluttet")


class _EditorDumper(yaml.SafeDumper):
    """Writes shared values out in full: the handbook refuses YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _ids(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.yaml"))


def synthetic_municipality(number: int, principper: list[str], faser: list[str], kilder: list[str]) -> dict:
    """One made-up municipality with every kind of section, varied by a seeded random generator."""
    rng = random.Random(number)
    kilde = [rng.choice(kilder)]
    start_year = rng.randint(2015, 2021)
    aktiviteter = [{
        "id": f"aktivitet-{a}",
        "titel": f"Aktivitet {a} i Syntetisk Kommune {number}",
        "beskrivelse": f"En opdigtet aktivitet nummer {a}, som kun findes for at prøve håndbogen af.",
        "status": rng.choice(STATUSES),
        "status_pr": datetime.date(start_year + 1, 1, 1),
        "principper": rng.sample(principper, rng.randint(1, 3)),
        "faser": rng.sample(faser, rng.randint(1, 2)),
        "kilder": kilde,
    } for a in range(1, rng.randint(2, 8) + 1)]
    years = range(start_year, start_year + rng.randint(2, 6))
    return {
        "id": f"syntetisk-{number:03d}",
        "navn": f"Syntetisk Kommune {number}",
        "resume": f"Syntetisk Kommune {number} er opdigtet og bruges kun til at afprøve håndbogen.",
        "projekt": {
            "navn": f"Prøveprojekt {number}",
            "periode": {"start": datetime.date(start_year, 1, 1), "slut": datetime.date(start_year + 2, 12, 31)},
            "budget": {"beloeb": rng.randint(1, 80) * 125000, "tekst": "Et opdigtet beløb.", "kilder": kilde},
            "kilder": kilde,
        },
        "aktiviteter": aktiviteter,
        "noegletal": [{"navn": "Borgere i socialpsykiatrien", "vaerdi": rng.randint(100, 3000),
                       "tidspunkt": str(start_year), "kilder": kilde}],
        "tal": [{
            "id": "borgere-pr-aar",
            "titel": "Borgere pr. år",
            "kolonner": ["År", "Borgere"],
            "raekker": [[str(year), rng.randint(100, 3000)] for year in years],
            "kilder": kilde,
        }],
        "tidslinje": [{"dato": datetime.date(start_year + m // 2, 1 + 6 * (m % 2), 1), "praecision": "maaned",
                       "tekst": f"Milepæl {m + 1}.", "kilder": kilde} for m in range(rng.randint(1, 5))],
        "faser": sorted({fase for a in aktiviteter for fase in a["faser"]}),
        "kilder": kilde,
    }


def copy_handbook(target: Path) -> Path:
    """The real handbook (config, docs, theme overrides, content, lock and schemas) copied to target,
    replacing what a git clone there already holds of it."""
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def write_synthetic_handbook(target: Path, total: int) -> Path:
    """Copy the handbook to target and add made-up municipalities until it has `total` in all."""
    copy_handbook(target)
    concept = target / "concept"
    kilder = [k["id"] for k in yaml.safe_load((concept / "kilder.yaml").read_text(encoding="utf-8"))["kilder"]]
    principper, faser = _ids(concept / "principper"), _ids(concept / "faser")
    folder = target / "data" / "kommuner"
    for number in range(1, total - len(_ids(folder)) + 1):
        data = synthetic_municipality(number, principper, faser, kilder)
        (folder / f"{data['id']}.yaml").write_text(
            yaml.dump(data, Dumper=_EditorDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("antal", type=int, help="kommuner i alt, de fem rigtige medregnet")
    parser.add_argument("mappe", type=Path)
    args = parser.parse_args()
    print(write_synthetic_handbook(args.mappe, args.antal))

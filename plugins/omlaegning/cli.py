"""omlaegning check | schema | lock | export | pdf: the handbook's command line, in Danish."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentErrors
from .export import ExportError, export
from .links import LOCK_FILE, read_lock, write_lock
from .loader import load_handbook
from .render import render_handbook
from .schema import write_schemas


def _check(args) -> int:
    handbook = load_handbook(args.rod)
    render_handbook(handbook)  # finds anchors that ids make collide
    print(f"Indholdet er i orden: {len(handbook.principper)} principper, {len(handbook.faser)} faser, "
          f"{len(handbook.vejledninger)} vejledninger, {len(handbook.kommuner)} kommuner, "
          f"{len(handbook.ordliste.begreber)} begreber og {len(handbook.kilder)} kilder.")
    return 0


def _schema(args) -> int:
    for path in write_schemas(args.mappe):
        print(f"Skrev {path}")
    return 0


def _lock(args) -> int:
    write_lock(args.rod, render_handbook(load_handbook(args.rod)).links)
    print(f"{LOCK_FILE} indeholder nu alle {len(read_lock(args.rod))} udgivne links.")
    return 0


def _export(args) -> int:
    count = export(args.rod, args.mappe)
    print(f"Eksporterede {count} sider til {args.mappe}. Byg dem med: mkdocs build -f {args.mappe / 'mkdocs.yml'}")
    return 0


def _pdf(args) -> int:
    # Imported here: WeasyPrint is an optional extra and needs Pango, which editors do not need.
    try:
        from .pdf import PDF_FOLDER, PdfError, file_size, write_pdfs
    except (ImportError, OSError) as error:
        print(f"PDF'erne kan ikke laves her ({error}). Installér det, de kræver: "
              "pip install -e '.[pdf]' og apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0.", file=sys.stderr)
        return 1
    try:
        written = write_pdfs(args.mappe)
    except PdfError as error:
        print(f"PDF'erne blev ikke lavet: {error}", file=sys.stderr)
        return 1
    whole = written[-1]
    print(f"Skrev {len(written) - 1} sider og hele håndbogen ({file_size(whole.stat().st_size)}) som PDF "
          f"i {args.mappe / PDF_FOLDER}, og hver side linker nu til sin PDF.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="omlaegning", description="Omlægningshåndbogens værktøj.")
    parser.add_argument("--rod", type=Path, default=Path("."),
                        help="mappen med concept/ og data/ (standard: den aktuelle mappe)")
    parser.add_argument("--github", action="store_true",
                        help="skriv også fejl som GitHub-annoteringer, så de vises på linjen")
    commands = parser.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    commands.add_parser("check", help="tjek alt indhold uden at bygge (hurtigt)").set_defaults(run=_check)
    schema = commands.add_parser("schema", help="skriv JSON Schema for YAML-filerne")
    schema.add_argument("mappe", type=Path, nargs="?", default=Path("schema"))
    schema.set_defaults(run=_schema)
    commands.add_parser("lock", help=f"skriv alle håndbogens links i {LOCK_FILE}, så de ikke kan forsvinde") \
        .set_defaults(run=_lock)
    exporter = commands.add_parser("export", help="skriv håndbogen som ren Markdown med egen mkdocs.yml")
    exporter.add_argument("mappe", type=Path)
    exporter.set_defaults(run=_export)
    pdf = commands.add_parser("pdf", help="lav en tilgængelig PDF af hver side og af hele håndbogen i et bygget "
                                          "websted (efter mkdocs build), og link til dem fra siderne")
    pdf.add_argument("mappe", type=Path, nargs="?", default=Path("site"),
                     help="det byggede websted (standard: site)")
    pdf.set_defaults(run=_pdf)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ContentErrors as error:
        print(error.report(), file=sys.stderr)
        if args.github:
            for item in error.errors:
                print(item.github_annotation())
        return 1
    except ExportError as error:
        print(f"Eksporten blev ikke lavet: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

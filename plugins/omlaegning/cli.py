"""omlaegning check | schema | lock | export | pdf | efterbehandl: the handbook's command line, in Danish."""
from __future__ import annotations

import sys
from pathlib import Path

from .argparse_da import DanishArgumentParser
from .errors import ContentErrors
from .lockfile import LOCK_FILE, read_lock, write_lock
from .render.diskcache import DiskCache

# The loader and the renderer (with the models), export, postbuild and schema are imported by the commands
# that use them: `check` runs after every save, and with unchanged files it only prints what it found last time.


def _check(args) -> int:
    # What check says depends on nothing but its inputs (prebuilt.inputs_key): with the same inputs as an
    # earlier check that found no errors, it says the same without loading anything. Errors are never kept.
    from .prebuilt import inputs_key
    cache, entry = DiskCache(args.rod), inputs_key(args.rod, "check")
    print(cache.text("check", entry, lambda: _checked(args.rod)), end="")
    cache.keep_only("check", {entry})
    return 0


def _checked(root: Path) -> str:
    from .gcpause import collector_paused
    from .loader import load_handbook
    from .render import render_handbook
    with collector_paused():
        handbook = load_handbook(root)
        rendered = render_handbook(handbook)  # finds anchors that ids make collide, and broken published links
    said = [f"Indholdet er i orden: {len(handbook.principper)} principper, {len(handbook.faser)} faser, "
            f"{len(handbook.vejledninger)} vejledninger, {len(handbook.kommuner)} kommuner, "
            f"{len(handbook.ordliste.begreber)} begreber og {len(handbook.kilder)} kilder."]
    if unlocked := set(rendered.links) - {link for _, link, _ in read_lock(root)}:
        said.append(f"Bemærk: {len(unlocked)} nye links (sider, afsnit og korte links) er ikke udgivet endnu. De "
                    f"bliver skrevet i {LOCK_FILE}, når håndbogen udgives; indtil da kan de frit omdøbes eller slettes.")
    if missing := handbook.tilgaengelighed.mangler_kontakt:
        said.append(f"Bemærk: {' og '.join(missing)} mangler i {handbook.file_of('tilgaengelighed')}. Loven beder om "
                    "en fælles e-mailadresse og et telefonnummer; indtil de står der, viser "
                    "tilgængelighedserklæringen og sidefoden vejen gennem GitHub.")
    return "".join(f"{line}\n" for line in said)


def _schema(args) -> int:
    from .schema import write_schemas
    for path in write_schemas(args.mappe or args.rod / "schema"):
        print(f"Skrev {path}")
    return 0


def _lock(args) -> int:
    from .loader import load_handbook
    from .render import render_handbook
    write_lock(args.rod, render_handbook(load_handbook(args.rod)).links)
    print(f"{LOCK_FILE} indeholder nu alle {len(read_lock(args.rod))} udgivne links.")
    return 0


def _export(args) -> int:
    from .export import ExportError, export, watch
    try:
        return _run_export(args, export, watch)
    except ExportError as error:
        print(f"Eksporten blev ikke lavet: {error}", file=sys.stderr)
        return 1


def _run_export(args, export, watch) -> int:
    if args.watch:
        print(f"Eksporterer til {args.mappe} og igen, hver gang en fil ændres; stop med Ctrl+C. "
              f"Se siderne med: zensical serve -f {args.mappe / 'mkdocs.yml'}", flush=True)
        try:
            watch(args.rod, args.mappe, lambda line: print(line, flush=True))
        except KeyboardInterrupt:
            print("Stoppet.")
        return 0
    count = export(args.rod, args.mappe)
    config = args.mappe / "mkdocs.yml"
    print(f"Eksporterede {count} sider til {args.mappe}. Byg dem med: zensical build -f {config} && "
          f"omlaegning efterbehandl {args.mappe / 'site'} (eller med MkDocs: mkdocs build -f {config})")
    return 0


def _postbuild(args) -> int:
    from .postbuild import PostbuildError, secure_site
    try:
        count = secure_site(args.site)
    except PostbuildError as error:
        print(f"Efterbehandlingen stoppede: {error}", file=sys.stderr)
        return 1
    print(f"Rensede og beskyttede {count} sider i {args.site}.")
    return 0


def _pdf(args) -> int:
    # Imported here: WeasyPrint is an optional extra and needs Pango, which editors do not need.
    try:
        from .pdf import PdfError, file_size, write_pdfs
    except (ImportError, OSError) as error:
        print(f"PDF'erne kan ikke laves her ({error}). Installér det, de kræver: "
              "pip install -e '.[pdf]' og apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0.", file=sys.stderr)
        return 1
    try:
        written = write_pdfs(args.mappe or args.rod / "site")
    except PdfError as error:
        print(f"PDF'erne blev ikke lavet: {error}", file=sys.stderr)
        return 1
    whole = written[-1]
    print(f"Skrev {len(written) - 1} sider og hele håndbogen ({file_size(whole.stat().st_size)}) som PDF "
          f"i {whole.parent}, og hver side linker nu til sin PDF.")
    return 0


def project_root(start: Path) -> Path:
    """The nearest folder from start upwards that holds the handbook (its mkdocs.yml and concept/),
    so the commands work from any folder inside the project; start itself when there is none."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "concept").is_dir():
            return folder
    return start


def main(argv: list[str] | None = None) -> int:
    parser = DanishArgumentParser(prog="omlaegning", description="Omlægningshåndbogens værktøj.")
    parser.add_argument("--rod", type=Path, default=None,
                        help="mappen med concept/ og data/ (standard: håndbogens mappe, fundet fra den aktuelle mappe)")
    parser.add_argument("--github", action="store_true",
                        help="skriv også fejl som GitHub-annoteringer, så de vises på linjen")
    commands = parser.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    commands.add_parser("check", help="tjek alt indhold uden at bygge (hurtigt)").set_defaults(run=_check)
    schema = commands.add_parser("schema", help="skriv JSON Schema for YAML-filerne")
    schema.add_argument("mappe", type=Path, nargs="?", default=None, help="standard: schema/ i håndbogens mappe")
    schema.set_defaults(run=_schema)
    commands.add_parser("lock", help=f"skriv alle håndbogens links i {LOCK_FILE}, så de ikke kan forsvinde") \
        .set_defaults(run=_lock)
    exporter = commands.add_parser("export", help="skriv håndbogen som ren Markdown med egen mkdocs.yml")
    exporter.add_argument("mappe", type=Path)
    exporter.add_argument("--watch", action="store_true",
                          help="bliv ved og eksportér igen, når en YAML-fil ændres (til zensical serve)")
    exporter.set_defaults(run=_export)
    pdf = commands.add_parser("pdf", help="lav en tilgængelig PDF af hver side og af hele håndbogen i et bygget "
                                          "websted (efter mkdocs build), og link til dem fra siderne")
    pdf.add_argument("mappe", type=Path, nargs="?", default=None,
                     help="det byggede websted (standard: site/ i håndbogens mappe)")
    pdf.set_defaults(run=_pdf)
    postbuild = commands.add_parser(
        "efterbehandl", help="rens og beskyt et websted bygget fra eksporten (kør efter zensical build)")
    postbuild.add_argument("site", type=Path, help="mappen med det byggede websted, fx ud/site")
    postbuild.set_defaults(run=_postbuild)
    args = parser.parse_args(argv)
    args.rod = args.rod if args.rod is not None else project_root(Path.cwd().resolve())
    try:
        return args.run(args)
    except ContentErrors as error:
        print(error.report(), file=sys.stderr)
        if args.github:
            for item in error.errors:
                print(item.github_annotation())
        return 1


if __name__ == "__main__":
    sys.exit(main())

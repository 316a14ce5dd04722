"""Compare the handbook as MkDocs, ProperDocs and Zensical build it, page by page; write paritet.md.

Run: .venv/bin/python benchmarks/paritet.py
It builds the site with each tool (Zensical from `omlaegning export`, then `omlaegning efterbehandl`)
and compares, with MkDocs as the reference: the set of pages, the anchors in each page's content,
and the visible text of the content (the article without the theme's buttons and permalink signs).
tests/test_parity.py runs the same comparison on the suite's builds and fails on a missing page or anchor.
"""
from __future__ import annotations

import difflib
import re
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "benchmarks" / "paritet.md"

# The theme's parts inside the article that are not the page's content.
_CHROME_CLASSES = {"headerlink", "md-content__button", "md-source-file"}
# Elements inside a line of text; any other tag separates words.
_INLINE = {"a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


class _Content(HTMLParser):
    """Ids and visible text of the page's <article>, leaving out the theme's chrome inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside the article, how deep
        self.skip_depth = None  # depth at which a skipped element started
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.depth = 1
            return
        if tag not in _VOID:
            self.depth += 1
        if tag not in _INLINE:
            self.text.append(" ")
        classes = set((attrs.get("class") or "").split())
        if self.skip_depth is None and (classes & _CHROME_CLASSES or tag in ("script", "style", "svg", "button")):
            self.skip_depth = self.depth if tag not in _VOID else None
            return
        if self.skip_depth is None and attrs.get("id") and not attrs["id"].startswith("__"):
            self.ids.add(attrs["id"])

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in _VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = None
        if tag not in _INLINE:
            self.text.append(" ")
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.skip_depth is None:
            self.text.append(data)


@dataclass
class Page:
    ids: set[str]
    text: str


def pages(site: Path) -> dict[str, Page]:
    """Every page of the site by its URL path; redirect pages only pass readers on and are left out."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        parser = _Content()
        parser.feed(html)
        folder = path.parent.relative_to(site).as_posix()
        found["/" if folder == "." else f"/{folder}/"] = Page(parser.ids, " ".join("".join(parser.text).split()))
    return found


@dataclass
class Comparison:
    tool: str
    missing_pages: list[str] = field(default_factory=list)
    extra_pages: list[str] = field(default_factory=list)
    missing_anchors: list[str] = field(default_factory=list)   # "page#anchor"
    extra_anchors: list[str] = field(default_factory=list)
    text_differences: dict[str, str] = field(default_factory=dict)  # page -> first difference

    @property
    def missing(self) -> list[str]:
        return self.missing_pages + self.missing_anchors


def _first_difference(expected: str, actual: str) -> str:
    a, b = expected.split(), actual.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            return f"«{' '.join(a[max(i1 - 3, 0):i2 + 3])}» mod «{' '.join(b[max(j1 - 3, 0):j2 + 3])}»"
    return ""


def compare(reference: dict[str, Page], other: dict[str, Page], tool: str) -> Comparison:
    result = Comparison(tool)
    result.missing_pages = sorted(reference.keys() - other.keys())
    result.extra_pages = sorted(other.keys() - reference.keys())
    for url in sorted(reference.keys() & other.keys()):
        expected, actual = reference[url], other[url]
        result.missing_anchors += [f"{url}#{a}" for a in sorted(expected.ids - actual.ids)]
        result.extra_anchors += [f"{url}#{a}" for a in sorted(actual.ids - expected.ids)]
        if expected.text != actual.text:
            result.text_differences[url] = _first_difference(expected.text, actual.text)
    return result


def report(reference: dict[str, Page], comparisons: list[Comparison]) -> str:
    anchors = sum(len(p.ids) for p in reference.values())
    lines = ["# Paritet: MkDocs, ProperDocs og Zensical", "",
             f"Lavet af `benchmarks/paritet.py`. Reference: MkDocs + Material med {len(reference)} sider og "
             f"{anchors} ankre i sidernes indhold. Teksten er den synlige tekst i sidens artikel uden temaets "
             "knapper og ¶-tegn.", "",
             "| Værktøj | Sider mangler | Sider i overskud | Ankre mangler | Ankre i overskud | Sider med anden tekst |",
             "|---|---|---|---|---|---|"]
    for c in comparisons:
        lines.append(f"| {c.tool} | {len(c.missing_pages)} | {len(c.extra_pages)} | {len(c.missing_anchors)} | "
                     f"{len(c.extra_anchors)} | {len(c.text_differences)} |")
    for c in comparisons:
        details = ([f"- mangler: {x}" for x in c.missing] + [f"- i overskud: {x}" for x in c.extra_pages + c.extra_anchors]
                   + [f"- tekst på {url}: {diff}" for url, diff in c.text_differences.items()])
        if details:
            lines += ["", f"## {c.tool}", "", *details]
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path[:0] = [str(REPO / "tests")]
    from helpers import mkdocs_build, zensical_build

    work = Path(tempfile.mkdtemp())
    sites = {}
    for tool in ("mkdocs", "properdocs"):
        result = mkdocs_build(REPO / "mkdocs.yml", work / tool, tool=tool)
        if result.returncode:
            print(result.stderr)
            return 1
        sites[tool] = work / tool
    sites["zensical"] = zensical_build(REPO, work / "zensical")
    reference = pages(sites["mkdocs"])
    comparisons = [compare(reference, pages(sites[tool]), name)
                   for tool, name in (("properdocs", "ProperDocs + Material"), ("zensical", "Zensical (eksport)"))]
    REPORT.write_text(report(reference, comparisons), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))
    return 1 if any(c.missing for c in comparisons) else 0


if __name__ == "__main__":
    sys.exit(main())

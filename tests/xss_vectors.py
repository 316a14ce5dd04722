"""A corpus of cross-site scripting vectors, by the classes of OWASP's XSS filter evasion cheat sheet.

Each vector is Markdown an editor could type into a text field. `{r}` stands for a reference label,
made unique where many vectors share one page. The checks in safe_html.py decide, on parsed HTML,
whether anything a browser could run is left.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from omlaegning.models.base import MarkdownTekst

# Script addresses written the ways browsers still read as a script: entities, tabs, line breaks,
# null bytes, mixed case, other schemes.
SCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "\x00javascript:alert(1)",
    "&#14;javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
    "javascript://%0Aalert(1)",
]

# The ways Markdown makes a link or an image out of an address.
LINK_FORMS = [
    "[klik]({url})",
    "[klik](<{url}>)",
    '[klik]({url} "titel")',
    "![billede]({url})",
    "[klik][{r}]\n\n[{r}]: {url}",
    "[klik][{r}]\n\n[{r}]:\n{url}",
    "[klik][{r}]\n\n[{r}]: <{url}>",
    '[klik][{r}]\n\n[{r}]: {url} "titel"',
    "[{r}]\n\n  [{r}]:   {url}  'titel'",
    "![billede][{r}]\n\n[{r}]: {url}",
    "<{url}>",
]

# Raw HTML, SVG and MathML, comments and CDATA, broken and nested tags.
RAW_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://eksempel.dk/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    '<img """><script>alert(1)</script>">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<button formaction="javascript:alert(1)">x</button>',
    '<base href="javascript:/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<style>@import 'javascript:alert(1)';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="x:expression(alert(1))">x</p>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<table background=javascript:alert(1)><tr><td>x</td></tr></table>",
    '<div id="__config">x</div>',
    "<a href=javas&#99;ript:alert(1)>x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<x onclick=alert(1)>klik</x>",
    "<img src=`javascript:alert(1)`>",
    '<img src="x` `<script>alert(1)</script>"` `>',
]

# Breaking out of an attribute through link and image titles, and Python-Markdown's attribute lists.
ATTRIBUTE_BREAKOUTS = [
    '[x](https://eksempel.dk "\\" onmouseover=\\"alert(1)")',
    "[x](https://eksempel.dk 'x\\' onmouseover=alert(1) ')",
    '[x](https://eksempel.dk "t" onclick="alert(1)")',
    '![x" onerror="alert(1)](billede.png)',
    '![x](billede.png "\\" onerror=\\"alert(1)")',
    '[x][{r}]\n\n[{r}]: https://eksempel.dk "t\\" onload=\\"alert(1)"',
    '[x](https://eksempel.dk){: onclick="alert(1)" }',
    "Tekst{: onclick=alert(1) }",
    "Tekst\n{: #__config .x onmouseover=alert(1) }",
    "**fed**{: style=\"background:url(javascript:alert(1))\" }",
]

# Where Markdown puts the text: the same vector inside tables, lists, quotes and boxes.
CONTEXTS = {
    "afsnit": "{v}",
    "liste": "- Punkt\n- {v}",
    "nummereret": "1. Punkt\n2. {v}",
    "citat": "> {v}",
    "tabel": "| Felt | Værdi |\n| --- | --- |\n| a | {v} |",
    "boks": '!!! note "Boks"\n\n    {v}',
    "fremhævet": "**{v}**",
}


def vectors() -> dict[str, str]:
    """Every vector by a readable name."""
    found = {f"url-{i}-form-{j}": form.replace("{url}", url)
             for i, url in enumerate(SCRIPT_URLS) for j, form in enumerate(LINK_FORMS)}
    found |= {f"html-{i}": v for i, v in enumerate(RAW_HTML)}
    found |= {f"attribut-{i}": v for i, v in enumerate(ATTRIBUTE_BREAKOUTS)}
    return found


def in_context(vector: str, context: str, label: str = "r") -> str:
    # In a table cell the vector must stay on one line; elsewhere its later lines keep the indent.
    if context == "tabel":
        vector = vector.replace("\n", " ")
    indent = "    " if context == "boks" else ""
    return CONTEXTS[context].replace("{v}", vector.replace("\n", "\n" + indent)).replace("{r}", label)


# Fields of the real handbook that a build full of vectors fills, one per page template showing
# Markdown, and the pages they show on.
FIELDS = {"data/kommuner/herning.yaml": "resume", "concept/principper/ressourcer.yaml": "hvad",
          "concept/ordliste.yaml": "intro", "concept/recovery.yaml": "intro",
          "concept/partnerskab.yaml": "intro", "concept/udviklingsforloeb.yaml": "intro"}
VECTOR_PAGES = ["/kommuner/herning/", "/principper/ressourcer/", "/ordliste/", "/recovery/", "/partnerskab/",
                "/udviklingsforloeb/"]
# The hole the model's check had: the address stands on the line after "[r]:".
NEXT_LINE_REFERENCE = "[klik][r]\n\n[r]:\njavascript:alert(1)"


def accepted_vectors() -> list[str]:
    """The vectors the model lets through: those only the sanitizer stands in front of."""
    field = TypeAdapter(MarkdownTekst)
    accepted = []
    for i, vector in enumerate(vectors().values()):
        value = vector.replace("{r}", f"r{i}")
        try:
            field.validate_python(value)
        except ValidationError:
            continue
        accepted.append(value)
    return accepted


def fill_with_vectors(root: Path) -> None:
    """Every vector the model accepts, added to each field of FIELDS in the handbook at root."""
    accepted = "\n\n".join(accepted_vectors())
    for file, key in FIELDS.items():
        path = root / file
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        content[key] += "\n\n" + accepted
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Script written straight into three Markdown fields of the real handbook, for the strict build that
# tests/browser/test_xss_in_browser.py opens in Chromium and test_build.py reads: each (file, the line it
# follows) with the lines it adds: Markdown fields may hold < (shown as text), attribute lists and links
# are refused or escaped. A script that ran would set window.__xss.
SCRIPT_IN_YAML = {
    ("data/kommuner/herning.yaml", "resume: |\n"):
        "  <script>alert(2)</script> <img src=x onerror=alert(1)>\n"
        "  <script>window.__xss=1; alert(1)</script> <img src=x onerror=\"window.__xss=2\">\n"
        "  <svg onload=\"window.__xss=3\"></svg> Tekst{: onclick=\"window.__xss=4\"}\n",
    ("concept/principper/ressourcer.yaml", "hvad: |\n"):
        "  <iframe src=\"javascript:window.__xss=5\"></iframe> [klik](#hvad \"\\\" onmouseover=x\")\n",
    ("concept/ordliste.yaml", "intro: |\n"):
        "  <body onload=window.__xss=6> <a href=\"javascript:window.__xss=7\">a</a>\n",
}


def write_script_in_yaml(root: Path) -> None:
    """SCRIPT_IN_YAML written into the handbook at root."""
    for (file, line), added in SCRIPT_IN_YAML.items():
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert line in text, f"{line!r} not in {file}"
        path.write_text(text.replace(line, line + added, 1), encoding="utf-8")


"""The self-assessment page: which section of the handbook explains each statement, and the
version of the statements that readers' saved answers are tied to.

A statement points at a section as it is published ('/principper/ressourcer/#hvordan'). Section
anchors are made by the templates, so the check that each one exists runs on the rendered pages.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import json
import re
from pathlib import Path

from ..errors import ContentError, ContentErrors, format_field
from ..paths import page_url
from ..models import Selvevaluering
from ..yamlsource import read_again

# A Markdown heading with its anchor, as the templates write it: "## Hvordan {#hvordan}".
_HEADING = re.compile(r"^(#{1,6}) (.+?) \{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
_ESCAPE = re.compile(r"\\(.)")


def _as_text(heading: str) -> str:
    """A heading's Markdown source as the reader sees it: escapes and HTML entities undone."""
    return html.unescape(_ESCAPE.sub(r"\1", heading))


def section_titles(pages) -> dict[str, str]:
    """Every page and section, as its published link -> a title a link text can use."""
    titles = {}
    for page in pages:
        url = page_url(page.path)
        page_title = page.title
        for level, heading, anchor in _HEADING.findall(page.markdown):
            if level == "#":  # the page's own title names the page
                page_title = _as_text(heading)
                titles[f"{url}#{anchor}"] = page_title
            else:
                titles[f"{url}#{anchor}"] = f"{page_title} – {_as_text(heading)}"
        titles[url] = page_title
    return titles


def statement_sections(assessment: Selvevaluering, pages, root: Path, source: str) -> dict[str, str]:
    """Statement id -> the title of the section it links to. Raises ContentErrors, at the
    statement's 'afsnit' line, for each section that is not among the pages."""
    titles = section_titles(pages)
    found, missing = {}, []
    for index, statement in enumerate(assessment.udsagn):
        if statement.afsnit in titles:
            found[statement.id] = titles[statement.afsnit]
        else:
            missing.append((index, statement.afsnit))
    if missing:
        document = read_again(root / source, source)  # only on a mistake is the file read again
        errors = []
        for index, link in missing:
            message = f"Afsnittet '{link}' findes ikke i håndbogen."
            guess = difflib.get_close_matches(link, list(titles), n=1)
            message += f" Mente du '{guess[0]}'?" if guess else " Skriv linket, som det står i links.lock."
            path = ("udsagn", index, "afsnit")
            errors.append(document.error(path, message) if document
                          else ContentError(source, 1, 1, format_field(path), message))
        raise ContentErrors(errors)
    return found


def content_version(assessment: Selvevaluering) -> str:
    """A short fingerprint of the statements and the scale: saved answers record it, so the page
    can tell answers given to another wording of the statements."""
    content = [[s.id, s.tekst] for s in assessment.udsagn] + [[n.id] for n in assessment.skala]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]

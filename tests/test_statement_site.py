"""The built site's footer and /was/: every page's 'Giv besked om en fejl på siden' carries that page's
own title and address, and /was/ leads to the statement. Both states: the real handbook (no mailbox,
no WAS-Tool address yet) and a copy with the editors' mailbox, phone and WAS address filled in."""
import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from helpers import SITE_URL, mkdocs_build

pytestmark = pytest.mark.slow

FEEDBACK = re.compile(r'<a class="tilbagemelding" href="([^"]+)">Giv besked om en fejl på siden</a>')
STATEMENT_LINK = re.compile(r'<a href="([^"]+)">Tilgængelighedserklæring</a>')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
TITLE = re.compile(r"<title>(.*?)</title>")
WAS_URL = "https://was.digst.dk/eksempel-dk"
MAILBOX = "redaktion@example.org"


def pages(site: Path) -> list[Path]:
    """Every page a reader reads; redirect pages only pass readers on and have no footer."""
    return [p for p in sorted(site.rglob("index.html")) if 'http-equiv="refresh"' not in p.read_text("utf-8")]


def query(link: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}


def page_title(text: str) -> str:
    """The page's own title, as its <title> shows it before the site's name."""
    return html.unescape(TITLE.search(text).group(1)).removesuffix(" - Omlægningshåndbogen")


def test_every_page_has_the_feedback_link_with_its_own_title_and_address(tool_site):
    """With each site tool: on the export route the links come from the pages' front matter."""
    _, site = tool_site
    found = pages(site)
    assert len(found) == (site / "sitemap.xml").read_text("utf-8").count("<loc>")  # every page, none left out
    for index in found:
        text = index.read_text("utf-8")
        link = html.unescape(FEEDBACK.search(text).group(1))
        address = CANONICAL.search(text).group(1)
        fields = query(link)
        assert link.startswith("https://github.com/") and "/issues/new?" in link, index
        assert f"Adresse: {address}\n" in fields["body"], index
        if index.parent != site:  # the front page's <title> is the site's name alone
            assert fields["title"] == f"Fejl på siden: {page_title(text)}", index


def test_the_footer_leads_to_the_generated_statement_while_there_is_no_was_address(built_site):
    for index in (built_site / "index.html", built_site / "kommuner/herning/index.html"):
        target = STATEMENT_LINK.search(index.read_text("utf-8")).group(1)
        assert (index.parent / target).resolve() == (built_site / "tilgaengelighed").resolve()
    assert "<h1 id=\"tilgaengelighedserklaering\">" in (built_site / "tilgaengelighed/index.html").read_text("utf-8")


def test_was_redirects_to_the_statement_page(built_site):
    text = (built_site / "was/index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tilgaengelighed/">' in text
    assert "<script" not in text and 'http-equiv="Content-Security-Policy"' in text


def test_with_mailbox_phone_and_was_address_the_site_uses_them(repo_copy, tmp_path):
    repo_copy.replace("concept/tilgaengelighed.yaml", "  navn: Redaktionen af Omlægningshåndbogen\n",
                      f"  navn: Redaktionen af Omlægningshåndbogen\n  email: {MAILBOX}\n"
                      "  telefon: +45 70 00 00 00\n")
    repo_copy.replace("mkdocs.yml", 'was_url: ""', f"was_url: {WAS_URL}")
    site = tmp_path / "site"
    result = mkdocs_build(repo_copy.root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    herning = (site / "kommuner/herning/index.html").read_text("utf-8")
    mail = html.unescape(FEEDBACK.search(herning).group(1))
    assert mail.startswith(f"mailto:{MAILBOX}?")
    assert query(mail)["subject"] == f"Fejl på siden: {page_title(herning)}"
    assert f"Adresse: {urljoin(SITE_URL, 'kommuner/herning/')}\r\n" in query(mail)["body"]
    assert STATEMENT_LINK.search(herning).group(1) == WAS_URL
    assert f'<meta http-equiv="refresh" content="0; url={WAS_URL}">' in (site / "was/index.html").read_text("utf-8")
    statement = (site / "tilgaengelighed/index.html").read_text("utf-8")
    assert f'href="mailto:{MAILBOX}"' in statement and "+45 70 00 00 00" in statement

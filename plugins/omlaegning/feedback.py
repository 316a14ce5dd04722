"""'Giv besked om en fejl på siden': the footer's links to the editors, with the page's title and address
filled in at build time, so they work without JavaScript and ask nothing of another host."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import quote

QUESTION = "Hvad er der galt, og hvad prøvede du at gøre?"


@dataclass(frozen=True)
class Feedback:
    mail: str | None    # mailto: to the editors' mailbox, when the statement names one
    github: str | None  # a new issue in the repository, for readers with a GitHub account


def _query(**fields: str) -> str:
    # Every reserved character encoded, spaces as %20: both a mail program (RFC 6068) and GitHub read it.
    return "&".join(f"{name}={quote(value, safe='')}" for name, value in fields.items())


def feedback(email: str | None, repo_url: str | None, title: str, address: str) -> Feedback:
    """The links for one page, `title` and `address` as the reader sees them; `email`: the editors' mailbox
    (the statement's kontakt.email), if it names one."""
    subject = f"Fejl på siden: {title}"
    mail = github = None
    if email:
        # A mail's lines end in CRLF (RFC 6068, section 5).
        body = f"Siden: {title}\r\nAdresse: {address}\r\n\r\n{QUESTION}\r\n"
        mail = f"mailto:{email}?{_query(subject=subject, body=body)}"
    if repo_url:
        body = f"Siden: {title}\nAdresse: {address}\n\n{QUESTION}\n"
        github = f"{repo_url.rstrip('/')}/issues/new?{_query(title=subject, body=body)}"
    return Feedback(mail, github)


def as_front_matter(links: Feedback) -> dict:
    """The links as an exported page's front matter: the footer reads them there on a site built
    without the plugin (overrides/partials/copyright.html)."""
    return {"tilbagemelding": {name: link for name, link in asdict(links).items() if link}}

"""axe-core in the page as the tests run it: WCAG 2.0/2.1 A and AA plus best practice, violations only."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, *, skip: tuple[str, ...] = ()) -> list[str]:
    """Each violated rule with its help text and the elements it found, e.g. "label: ... (['#id'])".

    Only violations are detailed (`resultTypes`): axe would otherwise describe every element that
    passed, which on the comparison page with a hundred municipalities is most of the run's time.
    """
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"],
               "rules": {rule: {"enabled": False} for rule in skip}}
    result = Axe().run(page, options=options)
    return [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})" for v in result.response["violations"]]

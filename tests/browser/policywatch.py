"""Records every Content-Security-Policy violation a browser context sees, on any page it opens."""
from __future__ import annotations

from contextlib import contextmanager

_REPORT = """document.addEventListener('securitypolicyviolation', e =>
    window.rapporterCspBrud(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' på ' + e.documentURI));"""


def watch_policy(context) -> list[str]:
    """The list that fills with violations in this context, one line each."""
    violations: list[str] = []
    context.expose_binding("rapporterCspBrud", lambda source, line: violations.append(line))
    context.add_init_script(_REPORT)
    return violations


@contextmanager
def policed_tab(browser, **options):
    """A tab in a browser context of its own (`options` as for new_context; Danish unless they say otherwise)
    whose security policy must hold: yields the tab and the list its violations fill, and fails the caller when
    a violation is still on that list as the context closes."""
    context = browser.new_context(**{"locale": "da-DK", **options})
    violations = watch_policy(context)
    try:
        yield context.new_page(), violations
    finally:
        context.close()
    assert violations == []

"""Records every Content-Security-Policy violation a browser context sees, on any page it opens."""
from __future__ import annotations

_REPORT = """document.addEventListener('securitypolicyviolation', e =>
    window.rapporterCspBrud(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' på ' + e.documentURI));"""


def watch_policy(context) -> list[str]:
    """The list that fills with violations in this context, one line each."""
    violations: list[str] = []
    context.expose_binding("rapporterCspBrud", lambda source, line: violations.append(line))
    context.add_init_script(_REPORT)
    return violations

"""Debian's Chromium for the browser tests and benchmarks: installed with apt when it is missing."""
from __future__ import annotations

from pathlib import Path

from system_packages import apt_install

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home; the page tests must see only the site.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def ensure_chromium() -> None:
    if not CHROMIUM.exists():
        apt_install(["chromium"], "Browsertestene")

"""Debian packages the tests need beside the Python ones: installed with apt when they are missing."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

# The libraries WeasyPrint loads (its documentation's list for Debian), and Poppler's tools.
PANGO = ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"]
POPPLER = ["poppler-utils"]


def apt_install(packages: list[str], why: str) -> None:
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail(f"{why} kræver Debians pakker {', '.join(packages)}, og apt-get findes ikke her.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([apt, "update", "-qq"], check=True, env=env)
    subprocess.run([apt, "install", "-y", "-qq", *packages], check=True, env=env)


def ensure_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401  (fails with OSError when Pango is missing)
    except OSError:
        apt_install(PANGO, "WeasyPrint")


def poppler(tool: str) -> str:
    """The path of one of Poppler's tools (pdftoppm, pdftotext), installed if it is missing."""
    if shutil.which(tool) is None:
        apt_install(POPPLER, f"{tool} (til at læse PDF'er)")
    return shutil.which(tool)

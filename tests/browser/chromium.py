"""Debian's Chromium for the browser tests and benchmarks: installed with apt when it is missing."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home; the page tests must see only the site.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail("Browsertestene kræver Debians chromium-pakke, og apt-get findes ikke her.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([apt, "update", "-qq"], check=True, env=env)
    subprocess.run([apt, "install", "-y", "-qq", "chromium"], check=True, env=env)

"""Heavy results (built sites, PDFs) made once per test run and shared by every pytest-xdist worker.

Each worker has its own session, so a plain session fixture would build the handbook once per worker.
The first worker to ask builds under a lock in the run's common temporary folder; the others wait for
it and read the same folder. Build times are written beside the results for the run's summary.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Callable

import pytest
from filelock import FileLock


def common_folder(factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder shared by the workers (a worker's own is a subfolder of it)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """`make(folder)` fills folder the first time any worker asks for `name`; later calls reuse it."""
    shared = common_folder(factory) / "delt"
    shared.mkdir(exist_ok=True)
    folder, done = shared / name, shared / f"{name}.sekunder"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            start = time.perf_counter()
            make(folder)
            done.write_text(json.dumps(round(time.perf_counter() - start, 1)), encoding="utf-8")
    return folder


def build_seconds(factory: pytest.TempPathFactory) -> dict[str, float]:
    """How long each shared result took to make, for the summary at the end of the run."""
    shared = common_folder(factory) / "delt"
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(shared.glob("*.sekunder"))}

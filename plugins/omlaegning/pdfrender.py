"""WeasyPrint at work: one document laid out with pdf.css as tagged PDF/UA-1, and many side by side."""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from weasyprint import CSS, HTML

STYLESHEET = Path(__file__).with_name("pdf.css")
_WEASYPRINT_LOG = logging.getLogger("weasyprint")


def render(document: str, base: Path, target: Path) -> None:
    HTML(string=document, base_url=base.resolve().as_uri()).write_pdf(
        target, stylesheets=[CSS(filename=STYLESHEET)], pdf_variant="pdf/ua-1")


def render_all(jobs: list[tuple[str, Path, Path]]) -> None:
    """Lay the documents out side by side, one process per core: WeasyPrint uses one core per document.

    Fresh processes (spawn), because forking a process with threads, such as a test runner's, can hang.
    What WeasyPrint warns of in them is logged here again, in the order of the jobs."""
    workers = min(len(jobs), len(os.sched_getaffinity(0)))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for warnings in pool.map(_render_and_tell, jobs):
            for level, message in warnings:
                _WEASYPRINT_LOG.log(level, "%s", message)


def _render_and_tell(job: tuple[str, Path, Path]) -> list[tuple[int, str]]:
    warnings = _Warnings()
    _WEASYPRINT_LOG.addHandler(warnings)
    try:
        render(*job)
    finally:
        _WEASYPRINT_LOG.removeHandler(warnings)
    return warnings.found


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.found: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append((record.levelno, record.getMessage()))

"""Python's cycle collector paused while the handbook is loaded and rendered.

Loading and rendering make many objects that live until the build ends (documents, models, pages). Each
time the collector runs it walks all of them, so with 1,000 municipalities it took two fifths of loading
and a fifth of rendering (issue #23, benchmarks/profil.md). Reference counting still frees what is dropped;
the peak memory was the same with and without the collector (175 MB against 173 MB for load and render).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

"""Under `mkdocs serve`: the YAML folders are looked at every 0.1 s, the rest as often as MkDocs decides.

MkDocs polls what it watches every half second (its LiveReloadServer's PollingObserver; no option sets the
interval), so a saved YAML file waited a quarter of a second on average before the rebuild even began. The
server's `observer` is a public attribute that `serve()` starts only after the plugins' on_serve: the plugin
gives the server a faster observer for the content folders and starts MkDocs' own observer (docs/, mkdocs.yml,
the theme) itself. Both call MkDocs' own rebuild, so a save is built once, whichever folder it was in.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

CONTENT_POLL_S = 0.1  # a folder of YAML files is listed in well under a millisecond


def watch_content(server, folders: Iterable[Path]) -> BaseObserver:
    """Watch `folders` on a faster observer of the server's; returns MkDocs' own observer, started, for on_shutdown."""
    own = server.observer
    server.observer = PollingObserver(timeout=CONTENT_POLL_S)
    for folder in folders:
        server.watch(str(folder))
    own.start()
    return own

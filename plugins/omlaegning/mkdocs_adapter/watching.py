"""Under `mkdocs serve`: the YAML folders are looked at every 0.1 s, the rest as often as MkDocs decides.

MkDocs polls what it watches every half second (its LiveReloadServer's PollingObserver; no option sets the
interval), so a saved YAML file waited a quarter of a second on average before the rebuild even began. The
server schedules a watch on whatever its public `observer` attribute holds: for the content folders the plugin
lends it a faster observer, then gives it its own back, so serve(), unwatch() and shutdown() act on MkDocs'
observer as before. The plugin starts the faster one and stops it in on_shutdown. Both call MkDocs' own
rebuild; a save in docs/ and data/ at the same moment may build twice.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

CONTENT_POLL_S = 0.1  # a folder of YAML files is listed in well under a millisecond


def watch_content(server, folders: Iterable[Path]) -> BaseObserver:
    """Watch `folders` with MkDocs' rebuild on a faster observer; returns it, started, for on_shutdown."""
    own, fast = server.observer, PollingObserver(timeout=CONTENT_POLL_S)
    server.observer = fast
    try:
        for folder in folders:
            server.watch(str(folder))
    finally:
        server.observer = own
    fast.start()
    return fast

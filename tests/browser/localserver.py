"""A built site served on a free local port, for the browser tests and benchmarks."""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path


# What a host such as GitHub Pages sends compressed when the browser accepts it: text, not images.
_COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})


class _Site(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix` (as a host such as GitHub Pages serves it under the repository's
    name), and for any address outside the site or without a file the site's 404.html, with status 404.
    With `compress`, text files go out gzipped (level 6) to a browser that accepts it, as such a host sends them."""
    prefix = "/"
    compress = False

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        inside = path.startswith(self.prefix) or path + "/" == self.prefix
        return super().translate_path("/" + path[len(self.prefix):] if inside else "/404-ingen-side-her/")

    def do_GET(self):
        path = self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepted and os.path.splitext(path)[1] in _COMPRESSED and os.path.isfile(path)):
            return super().do_GET()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves on to the next page drops the requests still under way: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, prefix: str = "/", compress: bool = False):
    """Yield the base URL (without a trailing slash) of `folder` served over HTTP on 127.0.0.1 under `prefix`;
    `compress`: send text files gzipped, as a web host does (for measuring what a visit transfers)."""
    handler = type("_SiteHere", (_Site,), {"prefix": prefix if prefix.endswith("/") else prefix + "/",
                                           "compress": compress})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix.rstrip('/')}"
    finally:
        server.shutdown()

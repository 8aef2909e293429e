"""Serve a built site on 127.0.0.1 the way GitHub Pages does: gzip for text."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import sys
import threading
from contextlib import contextmanager

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the slash form
            path = os.path.join(path, "index.html")
        if not self._accepts_gzip():
            return super().send_head()
        try:
            with open(path, "rb") as file:
                body = file.read()
        except OSError:
            return super().send_head()
        content_type = self.guess_type(path)
        if not content_type.startswith(COMPRESSIBLE):
            return super().send_head()
        compressed = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(compressed)))
        self.end_headers()
        return _Bytes(compressed)

    def _accepts_gzip(self):
        return "gzip" in self.headers.get("Accept-Encoding", "")

    def log_message(self, *args):  # quiet: the tests report what matters
        pass


class _Bytes:
    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A test closed its page while a file was still on its way: the
        # browser hung up, which is no fault of the site. Anything else prints.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(site_dir, port=0):
    """Yield the base URL of `site_dir` served on a loopback port (a free one by default)."""
    handler = functools.partial(GzipHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
